"""Sightings: which version a capture is, and the order they give a policy's timeline.

A version stands in its timeline at the first day it was seen online. A version seen only on
the day it was filed (a file with no date to it may be years old) stands at the date it
states, as before observations were kept.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections import defaultdict
from dataclasses import replace

from tracker.errors import ArchiveError
from tracker.model import Observation, Snapshot, Version


def timeline_key(version: Version) -> tuple[str, str]:
    return (version.timeline_date, version.effective.iso)


def timeline_order(versions: list[Version]) -> list[Version]:
    """By policy, then as each timeline runs; filing order where two stand on the same day."""
    return sorted(versions, key=lambda version: (version.policy, *timeline_key(version)))


def with_sightings(
    versions: list[Version], sightings: list[tuple[str, str, str, Observation]]
) -> list[Version]:
    """Each version with the later sightings of its text, `(commit, path, sha256, seen)`."""
    by_path = {version.path: version for version in versions}
    extra: dict[str, list[Observation]] = defaultdict(list)
    for commit, path, sha256, seen in sightings:
        if path not in by_path or by_path[path].sha256 != sha256:
            raise ArchiveError(
                f"commit {commit[:12]} records a sighting of {path}, which was never filed with "
                "that text; run `tracker verify`"
            )
        extra[path].append(seen)
    return [
        replace(version, observations=_in_order((*version.observations, *extra[version.path])))
        if version.path in extra
        else version
        for version in versions
    ]


def _in_order(observations: tuple[Observation, ...]) -> tuple[Observation, ...]:
    """Oldest first; the version's own sighting first among those of its day."""
    return tuple(sorted(observations, key=lambda observation: observation.date))


class Plan:
    """What one add files: new versions, and sightings of filed ones, decided in turn so that
    each capture of a batch is set beside the ones before it."""

    def __init__(self, existing: list[Version], today: str) -> None:
        self.today = today
        self.new: list[tuple[Snapshot, str]] = []
        self.sightings: list[tuple[Snapshot, Observation, str]] = []
        self.touched: set[str] = set()
        self._timelines: dict[str, list[Version]] = defaultdict(list)
        for version in existing:
            self._timelines[version.policy].append(version)
        self._paths = {version.path for version in existing}
        self._origins = {_origin(version.policy, version): version.path for version in existing}

    def timeline(self, policy: str) -> list[Version]:
        return list(self._timelines[policy])

    def place(self, snapshot: Snapshot) -> tuple[str, str]:
        """`added`, `observed` or `duplicate`, and the path of the version it is."""
        seen = snapshot.observed or Observation(self.today)
        status, version = self._same_text(snapshot, seen)
        if version is None:
            return "added", self._file(snapshot, seen)
        if status == "observed":
            self._sight(version, snapshot, seen)
        return status, version.path

    def file_recorded(self, snapshot: Snapshot) -> tuple[str, str]:
        """A recorded history's version: the same origin twice is a duplicate, else filed."""
        known = self._origins.get(_origin(snapshot.policy, snapshot))
        if known:
            return "duplicate", known
        return "added", self._file(snapshot, snapshot.observed or Observation(self.today))

    def _same_text(self, snapshot: Snapshot, seen: Observation) -> tuple[str, Version | None]:
        """The version this capture is a sighting of, with `observed` or `duplicate`; None for
        a new version (a revert when an older, not neighbouring version had the text)."""
        timeline = self._timelines[snapshot.policy]
        identical = [version for version in timeline if version.sha256 == snapshot.sha256]
        if not identical:
            return "added", None
        if not seen.dated:  # only the add's day: the page as it stands, or an old file again
            latest = timeline[-1]
            if latest.sha256 == snapshot.sha256:
                return _sighting_or_duplicate(latest, seen), latest
            return "duplicate", identical[-1]
        position = bisect_right(timeline, (seen.date, snapshot.effective.iso), key=timeline_key)
        neighbours = timeline[max(0, position - 1) : position + 1]
        for neighbour in neighbours:
            if neighbour.sha256 == snapshot.sha256:
                return _sighting_or_duplicate(neighbour, seen), neighbour
        return "added", None

    def _file(self, snapshot: Snapshot, seen: Observation) -> str:
        path = _free_path(snapshot, self._paths)
        self._paths.add(path)
        self._origins[_origin(snapshot.policy, snapshot)] = path
        filed = replace(snapshot, observed=seen)
        version = Version(
            snapshot.policy, snapshot.effective, path, snapshot.sha256, self.today, "",
            snapshot.source, (seen,),
        )  # fmt: skip
        insort(self._timelines[snapshot.policy], version, key=timeline_key)
        self.new.append((filed, path))
        self.touched.add(snapshot.policy)
        return path

    def _sight(self, version: Version, snapshot: Snapshot, seen: Observation) -> None:
        timeline = self._timelines[snapshot.policy]
        seen_again = replace(version, observations=_in_order((*version.observations, seen)))
        timeline[timeline.index(version)] = seen_again  # an earlier sighting keeps its place
        self.sightings.append((snapshot, seen, version.path))
        self.touched.add(snapshot.policy)


def _sighting_or_duplicate(version: Version, seen: Observation) -> str:
    seen_that_day = any(observation.date == seen.date for observation in version.observations)
    return "duplicate" if seen_that_day else "observed"


def _origin(policy: str, item: Snapshot | Version) -> tuple[str, str]:
    return (policy, item.source.origin_commit or item.sha256)


def _free_path(snapshot: Snapshot, taken: set[str]) -> str:
    base = f"{snapshot.policy}/{snapshot.effective.iso}"
    path = f"{base}.md"
    counter = 2
    while path in taken:
        path = f"{base}-{counter}.md"
        counter += 1
    return path
