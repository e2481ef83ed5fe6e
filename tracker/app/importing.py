"""`tracker import ota`: dates from options, progress through a callback."""

from __future__ import annotations

from pathlib import Path

from tracker.analysis.dates import parse_date_argument
from tracker.app.ota import ImportResult, import_ota
from tracker.model import Progress
from tracker.store.archive import Archive


def run_ota_import(
    archive: Archive,
    path: Path,
    service: str | None,
    document_type: str | None,
    since: str | None,
    progress: Progress | None = None,
) -> ImportResult:
    since_date = parse_date_argument(since).value if since is not None else None
    step = progress or (lambda advance, total=None: None)
    return import_ota(
        archive,
        path,
        service=service,
        document_type=document_type,
        since=since_date,
        progress=lambda done: step(done, None),
        total=lambda count: step(0, count),
    )
