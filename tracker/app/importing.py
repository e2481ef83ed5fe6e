"""The CLI side of imports: dates from options, a progress bar with counts and rate."""

from __future__ import annotations

from pathlib import Path

from tracker.analysis.dates import parse_date_argument
from tracker.app.ota import ImportResult, import_ota
from tracker.present.console import progress
from tracker.store.archive import Archive


def run_ota_import(
    archive: Archive, path: Path, service: str | None, document_type: str | None, since: str | None
) -> ImportResult:
    since_date = parse_date_argument(since).value if since else None
    with progress(0, "importing versions") as bar:
        task = bar.task_ids[0]
        return import_ota(
            archive,
            path,
            service=service,
            document_type=document_type,
            since=since_date,
            progress=lambda done: bar.advance(task, done),
            total=lambda count: bar.update(task, total=count, visible=count > 1),
        )
