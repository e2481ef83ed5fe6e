"""`tracker add`: read every source, prepare its snapshot, file them all in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tracker.analysis.dates import parse_date_argument
from tracker.app.sources import Prepared, expand_sources, prepare, read_input
from tracker.errors import TrackerError
from tracker.model import Progress
from tracker.store.archive import AddResult, Archive, validate_policy


@dataclass(frozen=True)
class AddOutcome:
    filed: tuple[tuple[AddResult, Prepared], ...]
    errors: tuple[tuple[str, str], ...]


def add_sources(
    archive: Archive,
    sources: list[str],
    *,
    policy: str | None = None,
    date_text: str | None = None,
    url: str | None = None,
    progress: Progress | None = None,
) -> AddOutcome:
    """Bad sources are reported and skipped; the good ones are filed together."""
    if policy:
        validate_policy(policy)
    date = parse_date_argument(date_text) if date_text is not None else None
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
                )
            )
        except TrackerError as error:
            errors.append((str(item), str(error)))
        step(1, None)
    results = archive.add([item.snapshot for item in prepared]) if prepared else []
    return AddOutcome(tuple(zip(results, prepared, strict=True)), tuple(errors))
