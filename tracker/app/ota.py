"""Import an Open Terms Archive versions repository: every recorded version of every document.

The layout is `Service/Document Type.md`, one commit per recorded change. History
is read with two git calls (a log with the changed files, then `cat-file --batch`
for their contents), no checkout needed. Each version is filed with the date its
text states, or its recorded date (precision `recorded`) when it states none, and
the OTA commit and snapshot link as provenance. Commits that only change the
extraction rules are filed but marked as extraction changes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.sections import stated_date
from tracker.errors import InputError, TrackerError
from tracker.history.history import read_document
from tracker.model import EffectiveDate, Observation, ObservedBy, Snapshot, Source
from tracker.store.archive import AddResult, Archive
from tracker.store.format import text_sha256
from tracker.store.git import git_output
from tracker.text import slugify

BATCH = 500
_EXTRACTION_CHANGE = re.compile(r"^(?:Apply technical or declaration upgrade|Refilter)\b", re.I)
_SNAPSHOT_LINK = re.compile(r"\bfrom snapshot (\S+)", re.I)


@dataclass(frozen=True)
class Recorded:
    """One version of one document as OTA recorded it."""

    commit: str
    recorded: dt.datetime
    subject: str
    body: str
    path: str

    @property
    def service(self) -> str:
        return self.path.split("/", 1)[0]

    @property
    def document_type(self) -> str:
        return Path(self.path).stem


@dataclass(frozen=True)
class ImportResult:
    results: tuple[AddResult, ...]
    skipped: int
    errors: tuple[tuple[str, str], ...]

    @property
    def added(self) -> int:
        return sum(1 for result in self.results if result.status == "added")


def policy_slug(service: str, document_type: str) -> str:
    return f"{slugify(service) or 'service'}/{slugify(document_type) or 'document'}"


def recorded_versions(
    repository: Path,
    service: str | None = None,
    document_type: str | None = None,
    since: dt.date | None = None,
) -> list[Recorded]:
    """Every added or modified `Service/Type.md` in the repository's history, oldest first."""
    if not (repository / ".git").exists() and not (repository / "HEAD").exists():
        raise InputError(
            f"{repository} is not a git repository (clone the OTA versions repository first)"
        )
    try:
        log = git_output(
            repository,
            [
                "log",
                "--reverse",
                "--no-merges",
                "--format=%x1e%H%x1f%cI%x1f%s%x1f%b%x1f",
                "--name-status",
                "-z",
                "--no-renames",
            ],
        ).decode("utf-8", "replace")
    except TrackerError as error:
        raise InputError(f"{repository}: cannot read its history ({error})") from None
    versions = []
    for record in filter(None, log.split("\x1e")):
        commit, committed, subject, body, files = record.split("\x1f", 4)
        fields = files.strip("\n\0").split("\0")
        for status, path in zip(fields[::2], fields[1::2], strict=False):
            if status not in ("A", "M") or not _is_document(path):
                continue
            version = Recorded(commit, dt.datetime.fromisoformat(committed), subject, body, path)
            if _selected(version, service, document_type, since):
                versions.append(version)
    return versions


def _is_document(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 2 and parts[1].endswith(".md") and not parts[0].startswith(".")


def _selected(
    version: Recorded, service: str | None, document_type: str | None, since: dt.date | None
) -> bool:
    if service and version.service.lower() != service.lower():
        return False
    if document_type and version.document_type.lower() != document_type.lower():
        return False
    return not (since and version.recorded.date() < since)


def import_ota(
    archive: Archive,
    repository: Path,
    *,
    service: str | None = None,
    document_type: str | None = None,
    since: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
    total: Callable[[int], None] | None = None,
) -> ImportResult:
    """File every selected version not yet in the archive, in batches of one transaction each."""
    known = {(version.policy, version.source.origin_commit) for version in archive.versions()}
    pending = [
        version
        for version in recorded_versions(repository, service, document_type, since)
        if (policy_slug(version.service, version.document_type), version.commit) not in known
    ]
    if total:
        total(len(pending))
    results: list[AddResult] = []
    errors: list[tuple[str, str]] = []
    skipped = 0
    for start in range(0, len(pending), BATCH):
        batch = pending[start : start + BATCH]
        snapshots = []
        for version, content in zip(batch, recorded_contents(repository, batch), strict=True):
            try:
                snapshots.append(recorded_snapshot(version, content))
            except TrackerError as error:
                errors.append((f"{version.path}@{version.commit[:10]}", str(error)))
        if snapshots:
            results += archive.add(snapshots, same_text_is_duplicate=False)
        skipped += len(batch) - len(snapshots)
        if progress:
            progress(len(batch))
    return ImportResult(tuple(results), skipped, tuple(errors))


def recorded_contents(repository: Path, batch: list[Recorded]) -> list[bytes]:
    requests = "".join(f"{version.commit}:{version.path}\n" for version in batch).encode()
    output = git_output(repository, ["cat-file", "--batch"], requests)
    contents, position = [], 0
    for _ in batch:
        end = output.index(b"\n", position)
        header = output[position:end].decode()
        if header.endswith("missing"):
            contents.append(b"")
            position = end + 1
            continue
        size = int(header.rsplit(" ", 1)[1])
        contents.append(output[end + 1 : end + 1 + size])
        position = end + 1 + size + 1
    return contents


def recorded_snapshot(version: Recorded, content: bytes) -> Snapshot:
    """A recorded version as the archive files it: dated by its text, else its recorded day."""
    ingested = ingest_bytes(
        content,
        name=f"{version.path} at {version.commit[:10]}",
        file_name=version.path,
        is_html=False,
    )
    recorded_day = version.recorded.astimezone(dt.UTC).date()
    sha256 = text_sha256(ingested.text)
    document = read_document(ingested.text, sha256)
    effective = stated_date(ingested.text, document) or EffectiveDate(recorded_day, "recorded", "")
    link = _SNAPSHOT_LINK.search(version.body)
    source = Source(
        file_name=version.path,
        recorded_on=recorded_day.isoformat(),
        origin_commit=version.commit,
        origin_link=link.group(1).rstrip(".") if link else None,
        extraction_change=bool(_EXTRACTION_CHANGE.match(version.subject)),
    )
    return Snapshot(
        policy=policy_slug(version.service, version.document_type),
        effective=effective,
        text=ingested.text,
        source=source,
        sha256=sha256,
        observed=Observation(recorded_day.isoformat(), ObservedBy.RECORDED),
    )
