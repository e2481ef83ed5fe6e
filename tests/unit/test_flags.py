"""What a version's dates and sightings say, rule by rule, on invented versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tracker.history.flags import version_flags
from tracker.history.history import StepSummary
from tracker.model import (
    Capture,
    CaptureQuality,
    Caveat,
    EffectiveDate,
    Observation,
    ObservedBy,
    Source,
    Version,
    WarningKind,
)


def version(stated: str, text: str, *seen: str, precision: str = "day") -> Version:
    observations = tuple(Observation(day, ObservedBy.FILE_NAME) for day in seen)
    effective = EffectiveDate(dt.date.fromisoformat(stated), precision)
    return Version(
        "acme/privacy",
        effective,
        f"{stated}.md",
        text,
        "2026-01-01",
        "c",
        observations=observations,
    )


def step(substantive: int = 0, minor: int = 0, caveats: tuple[Caveat, ...] = ()) -> StepSummary:
    counts = {"significance_substantive": substantive, "significance_minor": minor}
    return StepSummary(counts, (), caveats)


def flags(versions: list[Version], steps: list[StepSummary | None]) -> list[tuple[str, ...]]:
    return version_flags(versions, steps)


def test_a_substantive_change_under_the_same_date_is_silent():
    versions = [version("2024-03-01", "a", "2024-03-02"), version("2024-03-01", "b", "2024-04-02")]
    assert flags(versions, [None, step(substantive=1)]) == [(), ("silent_change",)]


def test_a_new_date_over_cosmetic_edits_only_is_a_date_only_change():
    versions = [version("2024-03-01", "a", "2024-03-02"), version("2024-06-01", "b", "2024-06-02")]
    assert flags(versions, [None, step()]) == [(), ("date_only_change",)]
    assert flags(versions, [None, step(minor=1)]) == [(), ()]


def test_the_text_of_an_earlier_not_the_previous_version_is_a_revert():
    versions = [
        version("2024-03-01", "a", "2024-03-02"),
        version("2024-04-01", "b", "2024-04-02"),
        version("2024-03-01", "a", "2024-04-03"),
    ]
    assert flags(versions, [None, step(1), step(1)])[2] == ("reverted", "backdated")
    flapping = [versions[0], version("2024-03-01", "b", "2024-04-02"), versions[2]]
    assert flags(flapping, [None, step(1), step(1)]) == [
        (),
        ("silent_change", "transient"),
        ("reverted",),
    ]


def test_a_text_seen_only_between_two_captures_of_another_is_transient():
    texts = ["a", "b", "a", "b", "c"]
    versions = [
        version(f"2024-0{n + 1}-01", text, f"2024-0{n + 1}-02") for n, text in enumerate(texts)
    ]
    marked = ["transient" in found for found in flags(versions, [None, *[step(1)] * 4])]
    assert marked == [False, True, True, False, False]  # b between a and a, then a between b and b


def test_a_date_later_than_the_first_sighting_is_announced():
    assert flags([version("2024-05-01", "a", "2024-04-10")], [None]) == [("announced",)]


def test_a_new_date_before_the_previous_text_was_last_seen_is_backdated():
    versions = [
        version("2024-03-01", "a", "2024-03-02", "2024-05-30"),
        version("2024-05-01", "b", "2024-06-01"),
    ]
    assert flags(versions, [None, step(minor=1)])[1] == ("backdated",)
    same_date = [versions[0], version("2024-03-01", "b", "2024-06-01")]
    assert "backdated" not in flags(same_date, [None, step(minor=1)])[1]


def test_a_recorded_date_is_no_stated_date_to_weigh():
    versions = [
        version("2024-03-02", "a", "2024-03-02", precision="recorded"),
        version("2024-06-02", "b", "2024-06-02", precision="recorded"),
    ]
    assert flags(versions, [None, step()]) == [(), ()]


def test_a_broken_capture_carries_its_quality_and_no_date_flag():
    cut = Caveat(WarningKind.CAPTURE, "new", Capture(CaptureQuality.TRUNCATED, 40, 0.2))
    versions = [version("2024-03-01", "a", "2024-03-02"), version("2024-03-01", "b", "2024-04-02")]
    assert flags(versions, [None, step(substantive=3, caveats=(cut,))]) == [(), ("truncated",)]


def test_a_version_from_a_change_of_extraction_rules_is_no_silent_change():
    new = replace(version("2024-03-01", "b", "2024-04-02"), source=Source(extraction_change=True))
    versions = [version("2024-03-01", "a", "2024-03-02"), new]
    assert flags(versions, [None, step(substantive=2)]) == [(), ()]
