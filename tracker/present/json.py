"""The `--json` shapes of DESIGN.md's CLI contract. Keys are a contract: add, never rename."""

from __future__ import annotations

from typing import Any

from tracker.history.history import kind_counts
from tracker.model import (
    Change,
    Comparison,
    EffectiveDate,
    Fact,
    FactChange,
    Move,
    PolicySummary,
    Source,
    Version,
)
from tracker.present.wording import comparison_summary, describe, reason


def date_fields(effective: EffectiveDate | None) -> dict[str, Any]:
    if effective is None:
        return {"effective_date": None, "date_precision": None}
    return {"effective_date": effective.iso, "date_precision": effective.precision}


def source_fields(source: Source) -> dict[str, Any]:
    return {
        "source_url": source.url,
        "archived_on": source.archived_on,
        "recorded_on": source.recorded_on,
        "original_file": source.file_name,
        "origin_commit": source.origin_commit,
        "origin_link": source.origin_link,
        "extraction_change": source.extraction_change,
    }


def version_json(version: Version) -> dict[str, Any]:
    return {
        **date_fields(version.effective),
        "date": version.effective.short,
        "file": version.path,
        "sha256": version.sha256,
        "added_at": version.added_at,
        "commit": version.commit,
        **source_fields(version.source),
    }


def policy_json(summary: PolicySummary) -> dict[str, Any]:
    return {
        "policy": summary.policy,
        "versions": summary.versions,
        "first": summary.first.iso,
        "last": summary.last.iso,
        "first_precision": summary.first.precision,
        "last_precision": summary.last.precision,
    }


def fact_json(fact: Fact) -> dict[str, Any]:
    return {"type": fact.type, "value": fact.value, "sentence": fact.sentence}


def fact_change_json(change: FactChange) -> dict[str, Any]:

    return {
        "type": change.type,
        "change": change.change,
        "old": change.old_value,
        "new": change.new_value,
        "old_sentence": change.old.sentence if change.old else None,
        "new_sentence": change.new.sentence if change.new else None,
        "description": describe(change),
    }


def change_json(change: Change, *, words: bool) -> dict[str, Any]:
    document: dict[str, Any] = {
        "kind": change.kind,
        "old": [section.title for section in change.old],
        "new": [section.title for section in change.new],
        "old_ids": [section.id for section in change.old],
        "new_ids": [section.id for section in change.new],
        "similarity": change.similarity,
        "cosmetic": change.cosmetic,
        "topic": change.topic,
        "significance": change.significance,
        "reason": reason(change),
        "facts": [fact_change_json(fact) for fact in change.facts],
    }
    if words:
        document["words"] = [{"op": op.op, "old": op.old, "new": op.new} for op in change.words]
    return document


def move_json(move: Move) -> dict[str, Any]:
    return {
        "text": move.text,
        "from": move.source.title,
        "to": move.target.title,
        "from_id": move.source.id,
        "to_id": move.target.id,
        "similarity": move.similarity,
    }


def comparison_json(comparison: Comparison, *, words: bool) -> dict[str, Any]:

    return {
        "summary": comparison_summary(comparison),
        "counts": kind_counts(comparison),
        "changes": [change_json(change, words=words) for change in comparison.changes],
        "moves": [move_json(move) for move in comparison.moves],
        "facts": [fact_change_json(fact) for fact in comparison.facts],
    }
