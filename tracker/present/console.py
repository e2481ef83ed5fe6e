"""Where output goes: rich consoles for people (NO_COLOR respected), plain JSON for scripts."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from tracker.errors import shown
from tracker.model import Progress

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    r"""Text made inert for a terminal: what every output to a person goes through.

    Each control character but newline and tab (the rest of C0, DEL, and C1 `\x80`-`\x9f`)
    is written as its escape, Python's way: ESC becomes the four characters `\x1b`, BEL
    `\x07`. So a policy's escape sequences (`\x1b[2J` clearing the screen, OSC 52 writing
    the clipboard, OSC 8 links, title changes) show as text instead of acting. The archive
    keeps the text byte-exact, and `--json` carries it exactly (JSON escapes controls).
    """
    return _CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def one_line(message: object, limit: int = 100) -> str:
    """A message as one inert line: controls shown (`safe`), each run of whitespace one
    space, and any word over `limit` characters cut (`shown`), as a pasted 5,000-character
    argument echoed back would be."""
    words = safe(str(message)).split()
    return " ".join(shown(word, limit) for word in words)


@cache
def out():
    return _console(stderr=False)


@cache
def err():
    return _console(stderr=True)


def _console(stderr: bool):
    """A rich console whose every print is made `safe`, whichever view forgot to."""
    from rich.console import Console, RenderHook
    from rich.segment import Segment

    class Inert:
        def __init__(self, renderable) -> None:
            self.renderable = renderable

        def __rich_console__(self, console, options):
            for segment in console.render(self.renderable, options):
                # Control segments are rich's own cursor moves (a progress bar's), not text.
                yield segment if segment.control else Segment(safe(segment.text), segment.style)

    class MakeInert(RenderHook):
        def process_renderables(self, renderables):
            return [Inert(renderable) for renderable in renderables]

    console = Console(stderr=stderr, highlight=False, soft_wrap=True)
    console.push_render_hook(MakeInert())
    return console


def print_plain_table(
    headers: tuple[str, ...], rows: list[tuple[str, ...]], right: frozenset[int] = frozenset()
) -> None:
    """Columns aligned by hand, without rich: a thousand rows in a few milliseconds (rich's
    table took 0.8 s). Paged through `$PAGER` when longer than the terminal."""
    cells = [tuple(safe(cell) for cell in row) for row in rows]
    widths = [max(len(header), *(len(row[i]) for row in cells)) for i, header in enumerate(headers)]

    def line(row: tuple[str, ...]) -> str:
        parts = [
            cell.rjust(width) if number in right else cell.ljust(width)
            for number, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        return " " + "  ".join(parts).rstrip()

    header = line(headers)
    terminal = sys.stdout.isatty()
    if terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb":
        header = f"\x1b[1m{header}\x1b[0m"
    text = "\n".join([header, *map(line, cells)]) + "\n"
    if terminal and len(cells) + 1 > shutil.get_terminal_size().lines:
        import click

        click.echo_via_pager(text)
    else:
        sys.stdout.write(text)


def print_json(document: Any) -> None:
    sys.stdout.write(json_text(document) + "\n")


def json_text(document: Any) -> str:
    r"""`document` as indented JSON. JSON escapes C0 controls itself; DEL and C1, which it
    leaves raw, are escaped too (`\u009b`): the same string to a parser, inert on a terminal."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


_RAW_IN_JSON = re.compile(r"[\x7f-\x9f]")


def progress(total: int, description: str):
    """A progress bar on stderr for long work; silent when stderr is not a terminal."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _rate_column(),
        TimeRemainingColumn(),
        console=err(),
        transient=True,
        disable=not err().is_terminal,
    )
    bar.add_task(description, total=total or None, visible=total != 1)
    return bar


@contextmanager
def progress_callback(description: str) -> Iterator[Progress]:
    """A progress bar that use cases drive through `step(advance, total)`."""
    with progress(0, description) as bar:
        task = bar.task_ids[0]

        def step(advance: int = 1, total: int | None = None) -> None:
            if total is not None:
                bar.update(task, total=total or None, visible=total > 1)
            if advance:
                bar.advance(task, advance)

        yield step


def _rate_column():
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Items per second, once there is a rate to show."""

        def render(self, task) -> Text:
            return Text(f"{task.speed:,.0f}/s" if task.speed else "", style="dim")

    return RateColumn()


def escape(text: str) -> str:
    """Text shown through rich markup: inert (`safe`), its own square brackets kept literal."""
    from rich.markup import escape as rich_escape

    return rich_escape(safe(text))
