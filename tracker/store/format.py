"""The snapshot file format: a small front-matter block, then the text.

```
---
policy: "mesosphere/privacy"
effective_date: "2016-04-19"
...
sha256: "…"
---
<the snapshot's text>
```

Each value is one JSON scalar, so any string (quotes, colons, Unicode) round-trips.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from tracker.model import (
    PRECISIONS,
    EffectiveDate,
    Observation,
    ObservedBy,
    Snapshot,
    Source,
    Version,
)

FENCE = "---"
_SOURCE_FIELDS = (
    ("source_url", "url"),
    ("archived_on", "archived_on"),
    ("domain", "domain"),
    ("recorded_on", "recorded_on"),
    ("file_name", "file_name"),
    ("origin_commit", "origin_commit"),
    ("origin_link", "origin_link"),
    ("extraction_change", "extraction_change"),
)


class FrontMatterError(ValueError):
    """The file does not start with a well-formed front-matter block."""


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render(snapshot: Snapshot) -> str:
    fields: dict[str, object] = {
        "policy": snapshot.policy,
        "effective_date": snapshot.effective.iso,
        "date_precision": snapshot.effective.precision,
        "date_text": snapshot.effective.text,
    }
    for key, attribute in _SOURCE_FIELDS:
        fields[key] = getattr(snapshot.source, attribute)
    fields["sha256"] = snapshot.sha256
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "\n".join([FENCE, *lines, FENCE, ""]) + snapshot.text


def parse(content: str) -> tuple[dict[str, object], str]:
    """The front-matter fields and the text that follows them."""
    if not content.startswith(FENCE + "\n"):
        raise FrontMatterError("no front matter")
    end = content.find("\n" + FENCE + "\n", len(FENCE))
    if end < 0:
        raise FrontMatterError("front matter is not closed")
    fields: dict[str, object] = {}
    for line in content[len(FENCE) + 1 : end].split("\n"):
        key, separator, value = line.partition(": ")
        if not separator:
            raise FrontMatterError(f"bad front-matter line {line!r}")
        try:
            fields[key] = json.loads(value)
        except (json.JSONDecodeError, RecursionError):  # a deeply nested value is not ours
            raise FrontMatterError(f"bad value for {key!r}") from None
        if isinstance(fields[key], dict | list):
            raise FrontMatterError(f"bad value for {key!r} (not a single value)")
    return fields, content[end + len(FENCE) + 2 :]


def snapshot_from(content: str) -> Snapshot:
    """A whole snapshot read back from a file's content."""
    fields, text = parse(content)
    try:
        if fields["date_precision"] not in PRECISIONS:
            raise ValueError(f"unknown date precision {fields['date_precision']!r}")
        effective = EffectiveDate(
            dt.date.fromisoformat(str(fields["effective_date"])),
            str(fields["date_precision"]),
            str(fields.get("date_text") or ""),
        )
        values = {attribute: fields.get(key) for key, attribute in _SOURCE_FIELDS}
        values["extraction_change"] = bool(values["extraction_change"])
        source = Source(**values)
        return Snapshot(str(fields["policy"]), effective, text, source, str(fields["sha256"]))
    except (KeyError, ValueError, TypeError) as error:
        raise FrontMatterError(f"missing or bad field: {error}") from None


# Commit messages: the same metadata as `Tracker-*` trailers

_TRAILER_SOURCE = {
    "Tracker-Source-Url": "url",
    "Tracker-Archived-On": "archived_on",
    "Tracker-Domain": "domain",
    "Tracker-Recorded-On": "recorded_on",
    "Tracker-File-Name": "file_name",
    "Tracker-Origin-Commit": "origin_commit",
    "Tracker-Origin-Link": "origin_link",
}


def commit_message(snapshot: Snapshot, path: str) -> str:
    lines = [
        f"Add {snapshot.policy} {snapshot.effective.short}",
        "",
        f"Tracker-Policy: {snapshot.policy}",
        f"Tracker-Effective-Date: {snapshot.effective.iso}",
        f"Tracker-Date-Precision: {snapshot.effective.precision}",
        f"Tracker-File: {path}",
        f"Tracker-Sha256: {snapshot.sha256}",
        *_source_trailers(snapshot.source),
    ]
    if snapshot.source.extraction_change:
        lines.append("Tracker-Extraction-Change: true")
    if snapshot.observed:
        lines += _observation_trailers(snapshot.observed)
    return "\n".join(lines) + "\n"


def observation_message(snapshot: Snapshot, seen: Observation, path: str) -> str:
    """A commit that files no text: the text filed at `path`, seen once more. It carries no
    `Tracker-Policy` (the path names the policy), so a tracker from before sightings reads
    the archive as it was, without them."""
    lines = [
        f"Observe {snapshot.policy} {snapshot.effective.short} again on {seen.date}",
        "",
        f"Tracker-Observation-Of: {path}",
        f"Tracker-Sha256: {snapshot.sha256}",
        *_observation_trailers(seen),
        *_source_trailers(snapshot.source),
    ]
    return "\n".join(lines) + "\n"


def _source_trailers(source: Source) -> list[str]:
    return [
        f"{trailer}: {_one_line(str(getattr(source, attribute)))}"
        for trailer, attribute in _TRAILER_SOURCE.items()
        if getattr(source, attribute)
    ]


def _observation_trailers(observation: Observation) -> list[str]:
    return [f"Tracker-Observed: {observation.date}", f"Tracker-Observed-By: {observation.by}"]


def observation_from_trailers(trailers: dict[str, str], committed: str) -> Observation:
    """The sighting a commit records; an archive from before observations has none, so its
    version was seen when archived, recorded or added."""
    if "Tracker-Observed" in trailers:
        dt.date.fromisoformat(trailers["Tracker-Observed"])  # a bad date is a broken trailer
        by = ObservedBy(trailers.get("Tracker-Observed-By", ObservedBy.ADDED))
        return Observation(trailers["Tracker-Observed"], by)
    for trailer, by in (
        ("Tracker-Archived-On", ObservedBy.ARCHIVE),
        ("Tracker-Recorded-On", ObservedBy.RECORDED),
    ):
        if trailers.get(trailer):
            return Observation(trailers[trailer][:10], by)
    return Observation(committed[:10], ObservedBy.ADDED)


def _one_line(value: str) -> str:
    return " ".join(value.split())[:500]


def trailers_of(body: str) -> dict[str, str]:
    trailers = {}
    for line in body.splitlines():
        key, separator, value = line.partition(": ")
        if separator and key.startswith("Tracker-"):
            trailers[key] = value.strip()
    return trailers


def version_from_trailers(trailers: dict[str, str], commit: str, committed: str) -> Version:
    effective = EffectiveDate(
        dt.date.fromisoformat(trailers["Tracker-Effective-Date"]),
        trailers["Tracker-Date-Precision"],
    )
    source = Source(
        **{attribute: trailers.get(key) for key, attribute in _TRAILER_SOURCE.items()},
        extraction_change=trailers.get("Tracker-Extraction-Change") == "true",
    )
    return Version(
        policy=trailers["Tracker-Policy"],
        effective=effective,
        path=trailers["Tracker-File"],
        sha256=trailers["Tracker-Sha256"],
        added_at=committed,
        commit=commit,
        source=source,
        observations=(observation_from_trailers(trailers, committed),),
    )
