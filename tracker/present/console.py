"""Where output goes: rich consoles for people (NO_COLOR respected), plain JSON for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from tracker.model import Progress


@cache
def out():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


@cache
def err():
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


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
    """Text shown through rich markup, with its own square brackets kept literal."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)
