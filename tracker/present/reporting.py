"""`tracker report`: choose policies and format, show progress, write to stdout or a file."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from tracker.analysis.dates import parse_date_argument
from tracker.app.demo import DemoResult
from tracker.errors import InputError
from tracker.present.console import err, progress
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
    since_date = parse_date_argument(since).value if since else None
    with progress(len(chosen), "writing report") as bar:
        report = build_report(
            archive, chosen, since_date, progress=lambda: bar.advance(bar.task_ids[0])
        )
    text = render(report, fmt)
    if output is None:
        sys.stdout.write(text)
        return
    write_atomically(output, text)
    err().print(f"report written to {output}")


def write_demo_reports(result: DemoResult) -> DemoResult:
    """The demo archive's changelog, as Markdown and HTML beside it."""
    report = build_report(Archive(result.archive), [])
    targets = tuple(result.archive / "reports" / f"changelog.{fmt}" for fmt in ("md", "html"))
    for target in targets:
        write_atomically(target, render(report, target.suffix.lstrip(".")))
    return replace(result, reports=targets)


def write_atomically(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a report is not
        os.replace(temporary, path)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None


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
