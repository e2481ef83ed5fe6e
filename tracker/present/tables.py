"""A policy's history as the rows of `tracker export`'s tables. Names, keys and descriptions
are in `schemas/tables.toml`, the table contract; the rows reuse the `--json` shapes, so a
column means what the key of the same name means in `log --json` or `diff --json`."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from tracker.history.history import History, LogEntry
from tracker.model import Change, ChangeKind, Comparison, Document, PolicySummary, Version
from tracker.present.json import (
    change_json,
    fact_change_json,
    move_json,
    policy_json,
    version_json,
)
from tracker.present.wording import log_summary

Row = dict[str, Any]


@cache
def table_contract() -> dict[str, Any]:
    """`schemas/tables.toml`: each table's key, foreign keys, indexes, full-text columns and
    column descriptions, and the views and canned queries."""
    text = resources.files("tracker.present.schemas").joinpath("tables.toml").read_text("utf-8")
    return tomllib.loads(text)


class ColumnType(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    FLOAT = "float"
    BOOLEAN = "boolean"
    LIST = "list"  # a JSON array, stored as text


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    pk: str
    columns: dict[str, str]  # name -> description, in order
    types: dict[str, ColumnType]
    foreign_keys: tuple[tuple[str, str, str], ...]
    indexes: tuple[tuple[str, ...], ...]
    fts: tuple[str, ...]

    def row(self, values: Row) -> Row:
        """The row in the contract's column order, lists as JSON; an unknown key is a bug."""
        unknown = set(values) - set(self.columns)
        if unknown:
            raise KeyError(f"{self.name}: columns not in tables.toml: {sorted(unknown)}")
        return {column: _stored(values.get(column), self.types[column]) for column in self.columns}


def _stored(value: Any, column_type: ColumnType) -> Any:
    if value is None:
        return None
    if column_type == ColumnType.LIST:
        return json.dumps(list(value), ensure_ascii=False)
    if column_type == ColumnType.BOOLEAN:
        return bool(value)
    return str(value) if column_type == ColumnType.TEXT else value


def _table(name: str, entry: dict[str, Any]) -> Table:
    types = {column: ColumnType.TEXT for column in entry["columns"]}
    for key, column_type in (("integers", ColumnType.INTEGER), ("floats", ColumnType.FLOAT),
                             ("booleans", ColumnType.BOOLEAN), ("lists", ColumnType.LIST)):  # fmt: skip
        types.update(dict.fromkeys(entry.get(key, ()), column_type))
    return Table(
        name, entry["description"], entry["pk"], dict(entry["columns"]), types,
        tuple(tuple(key) for key in entry.get("foreign_keys", ())),
        tuple(tuple(index) for index in entry.get("indexes", ())),
        tuple(entry.get("fts", ())),
    )  # fmt: skip


TABLES: dict[str, Table] = {
    name: _table(name, entry) for name, entry in table_contract()["tables"].items()
}


@dataclass
class Rows:
    """Rows for each table, in the contract's order and shape."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in TABLES})

    def add(self, table: str, values: Row) -> None:
        self.tables[table].append(TABLES[table].row(values))


def version_keys(versions: list[Version]) -> list[str]:
    """Each version's key: its policy, the day it was first seen and its text's hash
    (`acme/privacy@2024-03-02:1a2b3c4d`), with `-2`, `-3` for the same text recorded again
    that day. It needs no archive, so `tracker corpus` gives the same keys as an export, and
    it holds while the timeline only grows."""
    keys, seen = [], Counter()
    for version in versions:
        key = f"{version.policy}@{version.first_observed.date}:{version.sha256[:8]}"
        seen[key] += 1
        keys.append(key if seen[key] == 1 else f"{key}-{seen[key]}")
    return keys


def policy_row(summary: PolicySummary, entries: list[LogEntry]) -> Row:
    document_type = entries[-1].document_type if entries else None
    return {**policy_json(summary), "document_type": document_type}


def history_rows(history: History, entries: list[LogEntry], start: int = 0) -> Rows:
    """Every version's row, and the sections, facts and changes of versions `start` and
    later (each version's step is from the version before)."""
    rows = Rows()
    keys = version_keys([entry.version for entry in entries])
    for index, entry in enumerate(entries):
        version_id = keys[index]
        previous = keys[index - 1] if index else None
        document = history.document(index)
        date_text = history.snapshots[index].effective.text  # the log's versions carry none
        rows.add("versions", _version_row(entry, index, version_id, previous, document, date_text))
        if index < start:
            continue
        meanings = _meanings(history, index, document, entry.document_type)
        for row in _section_rows(document, meanings, entry, version_id):
            rows.add("sections", row)
        for row in _fact_rows(document, meanings, history.policy, version_id):
            rows.add("facts", row)
        step = history.step(index)
        if step is not None and previous is not None:
            _add_step_rows(rows, step, history.policy, previous, version_id)
    return rows


def _version_row(
    entry: LogEntry,
    index: int,
    version_id: str,
    previous: str | None,
    document: Document,
    date_text: str,
) -> Row:
    version = entry.version
    return {
        "id": version_id,
        "policy": version.policy,
        "number": index + 1,
        "previous": previous,
        **version_json(version),
        "date_text": date_text,
        "title": document.title,
        "first_observed": version.first_observed.date,
        "last_observed": version.last_observed.date,
        "flags": list(entry.flags),
        "language": entry.language,
        "document_type": entry.document_type,
        "capture_quality": document.capture.quality,
        "sections": entry.sections,
        "summary": log_summary(entry),
        "warnings": [caveat.kind for caveat in entry.step.caveats] if entry.step else [],
    }


def _meanings(history: History, index: int, document: Document, document_type: str) -> tuple:
    """Each section's topic and facts, cached with the version's text: a second export, or
    one after `tracker corpus`, reads them back instead of reading every section again."""
    from tracker.analysis.meaning import SectionMeaning, section_meaning

    return history.cache.get_or_make(
        "meanings",
        f"{history.snapshots[index].sha256}:{document_type}",
        tuple[SectionMeaning, ...],
        lambda: tuple(section_meaning(section, document_type) for section in document.sections),
    )


def _section_rows(
    document: Document, meanings: tuple, entry: LogEntry, version_id: str
) -> Iterator[Row]:
    for position, (section, meaning) in enumerate(
        zip(document.sections, meanings, strict=True), start=1
    ):
        yield {
            "id": f"{version_id}:{section.id}",
            "version": version_id,
            "policy": entry.version.policy,
            "section_id": section.id,
            "position": position,
            "title": section.title,
            "number": section.number,
            "level": section.level,
            "parent": section.parent,
            "topic": meaning.topic,
            "confidence": meaning.confidence,
            "words": len(section.text.split()),
            "text": section.text,
        }


def _fact_rows(document: Document, meanings: tuple, policy: str, version_id: str) -> Iterator[Row]:
    for section, meaning in zip(document.sections, meanings, strict=True):
        for number, fact in enumerate(meaning.facts, start=1):
            yield {
                "id": f"{version_id}:{section.id}:{number}",
                "version": version_id,
                "policy": policy,
                "section": f"{version_id}:{section.id}",
                "section_id": section.id,
                "type": fact.type,
                "value": fact.value,
                "sentence": fact.sentence,
            }


def _add_step_rows(
    rows: Rows, step: Comparison, policy: str, previous: str, version_id: str
) -> None:
    pair = {"version": version_id, "previous": previous, "policy": policy}

    def add_facts(facts, id_prefix: str, change_id: str | None) -> None:
        for number, fact in enumerate(facts, start=1):
            scope = "section" if change_id else "document"
            rows.add("fact_changes", {"id": f"{id_prefix}:{number}", **pair, "scope": scope,
                                      "change_id": change_id, **fact_change_json(fact)})  # fmt: skip

    add_facts(step.facts, f"{version_id}:document", None)
    changes = [change for change in step.changes if change.kind != ChangeKind.UNCHANGED]
    for number, change in enumerate(changes, start=1):
        change_id = f"{version_id}:{number}"
        shape = change_json(change, words=False)  # the `diff --json` keys, titles renamed
        rows.add(
            "changes",
            {
                "id": change_id,
                **pair,
                **{key: value for key, value in shape.items() if key not in _NOT_COLUMNS},
                "old_titles": shape["old"],
                "new_titles": shape["new"],
                "removed_text": _changed_words(change, "old"),
                "added_text": _changed_words(change, "new"),
            },
        )
        add_facts(change.facts, change_id, change_id)
    for number, move in enumerate(step.moves, start=1):
        rows.add("moves", {"id": f"{version_id}:{number}", **pair, **move_json(move)})


_NOT_COLUMNS = ("old", "new", "facts")  # titles are old_titles/new_titles; facts have a table


def _changed_words(change: Change, side: str) -> str:
    """The words a change took out (`old`) or put in (`new`): a whole section when it was
    removed or added."""
    if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
        return "\n\n".join(section.text for section in getattr(change, side))
    return " ".join(getattr(op, side) for op in change.words if op.op != "equal")
