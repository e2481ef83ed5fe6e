"""`tracker report`: choose policies and format, show progress, write to stdout or a file."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from tracker.analysis.dates import parse_date_argument
from tracker.app.demo import DemoResult
from tracker.app.sources import not_regular
from tracker.errors import InputError, shown
from tracker.present.console import err, escape, progress
from tracker.present.report import build_report, render, schema
from tracker.store.archive import Archive, validate_policy


def write_report(
    archive: Archive | None,
    policies: list[str],
    fmt: str | None,
    output: Path | None,
    since: str | None,
    show_schema: bool,
) -> None:
    if show_schema or archive is None:
        sys.stdout.write(json.dumps(schema(), indent=2) + "\n")
        return
    fmt = fmt or _format_from_suffix(output)
    for policy in policies:
        archive.policy_versions(validate_policy(policy))
    chosen = policies or [summary.policy for summary in archive.policies()]
    if not chosen:
        raise InputError("the archive has no policies yet; add one with `tracker add FILE`")
    since_date = parse_date_argument(since).value if since is not None else None
    with progress(len(chosen), "writing report") as bar:
        report = build_report(
            archive, chosen, since_date, progress=lambda: bar.advance(bar.task_ids[0])
        )
    text = render(report, fmt)
    if output is None:
        sys.stdout.write(text)
        return
    write_atomically(output, text)
    err().print(f"report written to {escape(str(output))}")


def write_policy_report(archive: Archive, policy: str, folder: Path) -> Path:
    """One policy's HTML report, as `FOLDER/ORG-DOC-report.html` (the TUI's report action)."""
    path = folder / f"{policy.replace('/', '-')}-report.html"
    write_atomically(path, render(build_report(archive, [policy], None), "html"))
    return path


def write_demo_reports(result: DemoResult) -> DemoResult:
    """The demo archive's changelog, as Markdown and HTML beside it."""
    report = build_report(Archive(result.archive), [])
    targets = tuple(result.archive / "reports" / f"changelog.{fmt}" for fmt in ("md", "html"))
    for target in targets:
        write_atomically(target, render(report, target.suffix.lstrip(".")))
    return replace(result, reports=targets)


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to the regular file at `path`, all or nothing.

    A link is followed: its target is the file replaced, and the link stays a link. A folder,
    FIFO, device or socket is refused, never replaced by a file (run as root, this once
    replaced /dev/full) nor opened (a FIFO would block). A file that exists keeps its mode.
    """
    target, mode = _report_target(path)
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, mode)  # mkstemp makes it private; a report is not
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise InputError(f"cannot write {shown(path, None)}: {error.strerror}") from None


def _report_target(path: Path) -> tuple[Path, int]:
    """The file a report at `path` goes to (a link's target), and the mode it will have."""
    name = shown(path, None)
    try:
        target = path.resolve()  # every link on the way, a dangling one's target included
        status = os.stat(target)
    except FileNotFoundError:
        return target, 0o666 & ~_umask()
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links
        raise InputError(
            f"cannot write {name}: {getattr(error, 'strerror', None) or error}"
        ) from None
    kind = not_regular(status.st_mode)
    if kind:
        raise InputError(f"cannot write {name}: it is {kind}, not a regular file; give a file path")
    return target, stat.S_IMODE(status.st_mode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _format_from_suffix(output: Path | None) -> str:
    if output is None:
        return "md"
    suffix = output.suffix.lower().lstrip(".")
    return (
        {"htm": "html", "markdown": "md"}.get(suffix, suffix)
        if suffix in ("md", "html", "htm", "json", "markdown")
        else "md"
    )
