"""`tracker add`: read every source, prepare its snapshot, file them all in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from tracker.analysis.dates import parse_date_argument
from tracker.app.sources import Prepared, expand_sources, prepare, read_input
from tracker.errors import InputError, TrackerError, shown
from tracker.history.history import read_document
from tracker.model import (
    Capture,
    ChangeKind,
    Document,
    EffectiveDate,
    Embedded,
    Precision,
    Progress,
    Version,
)
from tracker.store.archive import AddResult, Archive, validate_policy


@dataclass(frozen=True)
class EmbeddedCheck:
    """A second policy on the page, set beside the archived version it should be."""

    embedded: Embedded
    archived: Version | None  # the version filed before this one
    changed: int = 0  # its sections that differ from that version's
    total: int = 0


@dataclass(frozen=True)
class PageCheck:
    """What `add` tells about a page beyond its date: a broken capture, a second policy."""

    capture: Capture
    embedded: tuple[EmbeddedCheck, ...] = ()


@dataclass(frozen=True)
class AddOutcome:
    filed: tuple[tuple[AddResult, Prepared], ...]
    errors: tuple[tuple[str, str], ...]
    checks: tuple[PageCheck, ...] = ()  # one per filed snapshot


def add_sources(
    archive: Archive,
    sources: list[str],
    *,
    policy: str | None = None,
    date_text: str | None = None,
    observed_text: str | None = None,
    url: str | None = None,
    progress: Progress | None = None,
) -> AddOutcome:
    """Bad sources are reported and skipped; the good ones are filed together."""
    if policy:
        validate_policy(policy)
    date = parse_date_argument(date_text) if date_text is not None else None
    observed = observed_day(observed_text) if observed_text is not None else None
    known = [summary.policy for summary in archive.policies()]

    @cache
    def latest_text(known_policy: str) -> str:
        return archive.read_snapshot(archive.policy_versions(known_policy)[-1]).text

    prepared: list[Prepared] = []
    errors: list[tuple[str, str]] = []
    items = list(expand_sources(sources))
    step = progress or (lambda advance, total=None: None)
    step(0, len(items))
    for item in items:
        try:
            prepared.append(
                prepare(
                    read_input(item, url),
                    policy=policy,
                    date=date,
                    known_policies=known,
                    latest_text=latest_text,
                    observed=observed,
                )
            )
        except TrackerError as error:
            errors.append((str(item), str(error)))
        step(1, None)
    results = archive.add([item.snapshot for item in prepared]) if prepared else []
    checks = _check_pages(archive, results, prepared)
    return AddOutcome(tuple(zip(results, prepared, strict=True)), tuple(errors), checks)


def observed_day(text: str) -> EffectiveDate:
    """`--observed`: a day, not in the future (a sighting is of one day)."""
    try:
        day = parse_date_argument(text)
    except InputError as error:
        raise InputError(f"--observed: {error}") from None
    if day.precision != Precision.DAY:
        raise InputError(f"--observed needs a day (YYYY-MM-DD), not {shown(text)}")
    return day


def _check_pages(
    archive: Archive, results: list[AddResult], prepared: list[Prepared]
) -> tuple[PageCheck, ...]:
    """Each capture against the version before it; the versions before are read in one go,
    and one filed in the same batch is taken as just read."""
    before = _versions_before(archive, results)
    wanted = [version for version in before if version is not None]
    snapshots = dict(zip(wanted, archive.read_snapshots(wanted), strict=True))
    documents = {item.snapshot.sha256: item.document for item in prepared if item.document}
    checks = []
    for item, version in zip(prepared, before, strict=True):
        snapshot = snapshots.get(version) if version else None
        previous = None
        if snapshot is not None:
            known = documents.get(snapshot.sha256)
            previous = known or read_document(snapshot.text, snapshot.sha256)
        checks.append(_check_page(item, version, previous))
    return tuple(checks)


def _check_page(prepared: Prepared, version: Version | None, before: Document | None) -> PageCheck:
    """The capture against the version before it, and any embedded policy against that version."""
    from tracker.analysis.capture import against_previous
    from tracker.analysis.compare import compare

    document = prepared.document
    if document is None:
        return PageCheck(Capture())
    if before is None:
        return PageCheck(document.capture)
    checks = []
    for embedded in document.embedded:  # sections only: the preambles hold the date lines
        other = Document(embedded.title, "", embedded.sections)
        changes = compare(other, replace(before, preamble=""), words=False).changes
        changed = sum(1 for change in changes if change.kind != ChangeKind.UNCHANGED)
        checks.append(EmbeddedCheck(embedded, version, changed, len(changes)))
    return PageCheck(against_previous(document, before), tuple(checks))


def _versions_before(archive: Archive, results: list[AddResult]) -> list[Version | None]:
    """The version filed before each result's, in its policy's history (None: the first)."""
    before: dict[tuple[str, str], Version | None] = {}
    for policy in {result.version.policy for result in results}:
        versions = archive.policy_versions(policy)
        for index, version in enumerate(versions):
            before[policy, version.path] = versions[index - 1] if index else None
    return [before.get((result.version.policy, result.version.path)) for result in results]
