"""What a version's dates and sightings say: a change its date does not show, a date bumped
with no change, a revert, a text seen only between two captures of another, an announced date,
a backdated one, a broken capture."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.model import (
    CaptureQuality,
    Precision,
    Significance,
    Version,
    VersionFlag,
    WarningKind,
)

if TYPE_CHECKING:
    from tracker.history.history import StepSummary


def version_flags(
    versions: list[Version], steps: list[StepSummary | None]
) -> list[tuple[str, ...]]:
    """One tuple of flags (VersionFlag and CaptureQuality values) per version, in order."""
    return [tuple(_flags(versions, steps[index], index)) for index in range(len(versions))]


def _flags(versions: list[Version], step: StepSummary | None, index: int) -> list[str]:
    version = versions[index]
    flags = []
    stated = version.effective.precision != Precision.RECORDED  # else no date to weigh
    if stated and version.effective.iso > version.first_observed.date:  # out before in force
        flags.append(VersionFlag.ANNOUNCED)
    if index == 0:
        return flags
    previous = versions[index - 1]
    stated = stated and previous.effective.precision != Precision.RECORDED
    reverted = any(other.sha256 == version.sha256 for other in versions[: index - 1])
    if reverted:
        flags.append(VersionFlag.REVERTED)  # a text seen before: no new edit to date
    elif stated and step is not None and not step.caveats and not version.source.extraction_change:
        flags += _date_flags(version, previous, step)  # (a new extraction is no edit either)
    if (
        stated
        and not _same_date(version, previous)
        and (version.effective.value < previous.effective.value or _seen_after(previous, version))
    ):
        flags.append(VersionFlag.BACKDATED)
    if (
        index + 1 < len(versions)
        and versions[index + 1].sha256 == previous.sha256 != version.sha256
    ):
        flags.append(VersionFlag.TRANSIENT)
    if step is not None:
        flags += _capture_flags(step)
    return flags


def _date_flags(version: Version, previous: Version, step: StepSummary) -> list[str]:
    same_date = _same_date(version, previous)
    substantive = step.counts.get(f"significance_{Significance.SUBSTANTIVE}", 0)
    minor = step.counts.get(f"significance_{Significance.MINOR}", 0)
    if same_date and substantive and version.sha256 != previous.sha256:
        return [VersionFlag.SILENT_CHANGE]
    if not same_date and not substantive and not minor:
        return [VersionFlag.DATE_ONLY_CHANGE]
    return []


def _same_date(version: Version, previous: Version) -> bool:
    """The same stated date, whatever words stated it."""
    return (version.effective.value, version.effective.precision) == (
        previous.effective.value,
        previous.effective.precision,
    )


def _seen_after(previous: Version, version: Version) -> bool:
    """The previous text was still online after the day this one says it took effect."""
    seen = previous.seen_online
    return (
        bool(seen)
        and seen[-1] > version.effective.iso
        and version.effective.precision == Precision.DAY
    )


def _capture_flags(step: StepSummary) -> list[str]:
    return [
        caveat.capture.quality
        for caveat in step.caveats
        if caveat.kind == WarningKind.CAPTURE
        and caveat.side == "new"
        and caveat.capture is not None
        and caveat.capture.quality != CaptureQuality.OK
    ]
