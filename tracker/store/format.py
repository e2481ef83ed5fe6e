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

from tracker.model import PRECISIONS, EffectiveDate, Snapshot, Source

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
        except json.JSONDecodeError:
            raise FrontMatterError(f"bad value for {key!r}") from None
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
