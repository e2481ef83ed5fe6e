"""The `--json` shapes of DESIGN.md's CLI contract. Keys are a contract: add, never rename."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker.history.history import kind_counts
from tracker.model import (
    Capture,
    Caveat,
    Change,
    Comparison,
    EffectiveDate,
    Embedded,
    Fact,
    FactChange,
    Move,
    PolicySummary,
    Source,
    Version,
)
from tracker.present.wording import (
    capture_reason,
    caveat_message,
    compared_with,
    comparison_summary,
    describe,
    log_summary,
    reason,
)

if TYPE_CHECKING:
    from tracker.analysis.meaning import SectionMeaning
    from tracker.app.adding import AddOutcome, PageCheck
    from tracker.app.demo import DemoResult
    from tracker.app.diffing import Diff, Side
    from tracker.app.ota import ImportResult
    from tracker.app.parsing import Parsed
    from tracker.history.history import LogEntry
    from tracker.history.timeline import Grid
    from tracker.model import Section, Snapshot
    from tracker.present.corpus import CorpusResult
    from tracker.present.exporting import ExportResult
    from tracker.store.verify import VerifyReport


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
        "observations": [observation.date for observation in version.observations],
        "observed_by": version.first_observed.by,
    }


def policy_json(summary: PolicySummary) -> dict[str, Any]:
    return {
        "policy": summary.policy,
        "versions": summary.versions,
        "first": summary.first.iso,
        "last": summary.last.iso,
        "first_precision": summary.first.precision,
        "last_precision": summary.last.precision,
        "last_observed": summary.last_observed,
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
        "warnings": [caveat_json(caveat) for caveat in comparison.caveats],
    }


def caveat_json(caveat: Caveat) -> dict[str, Any]:
    shape: dict[str, Any] = {"kind": caveat.kind, "message": caveat_message(caveat)}
    if caveat.side:
        shape["side"] = caveat.side
    if caveat.capture:
        shape["capture"] = capture_json(caveat.capture, compared_with(caveat.side))
    if caveat.languages:
        shape["old_language"], shape["new_language"] = caveat.languages
    if caveat.likeness is not None:
        shape["likeness"] = caveat.likeness
    if caveat.relation:
        shape["relation"], shape["line"] = caveat.relation, caveat.line
    return shape


def capture_json(capture: Capture, other: str = "the version before") -> dict[str, Any]:
    reason = capture_reason(capture, other)
    return {"quality": capture.quality, "reason": reason, "words": capture.words}


def page_check_json(check: PageCheck) -> dict[str, Any]:
    return {
        "capture": capture_json(check.capture),
        "embedded": [
            {
                **embedded_json(item.embedded),
                "archived_version": version_json(item.archived) if item.archived else None,
                "sections_differing": item.changed,
            }
            for item in check.embedded
        ],
    }


def embedded_json(embedded: Embedded) -> dict[str, Any]:
    return {
        "relation": embedded.relation,
        "line": embedded.line,
        "title": embedded.title,
        **date_fields(embedded.effective),
        "date_text": embedded.effective.text if embedded.effective else None,
        "effective_until": embedded.until.iso if embedded.until else None,
        "sections": [
            {"id": section.id, "title": section.title, "level": section.level}
            for section in embedded.sections
        ],
    }


# One function per command: the documents `--json` prints.


def added_json(outcome: AddOutcome) -> dict[str, Any]:
    return {
        "filed": [
            {
                "status": result.status,
                "policy": result.version.policy,
                "source": prepared.name,
                "policy_reason": prepared.policy_reason,
                "encoding": prepared.encoding,
                **version_json(result.version),
                **page_check_json(check),
            }
            for (result, prepared), check in zip(outcome.filed, outcome.checks, strict=True)
        ],
        "errors": [{"source": source, "error": message} for source, message in outcome.errors],
    }


def policies_json(policies: list[PolicySummary]) -> dict[str, Any]:
    return {"policies": [policy_json(summary) for summary in policies]}


def log_json(policy: str, entries: list[LogEntry]) -> dict[str, Any]:
    return {
        "policy": policy,
        "versions": [
            {
                **version_json(entry.version),
                "summary": log_summary(entry),
                "language": entry.language,
                "document_type": entry.document_type,
                "flags": list(entry.flags),
                "counts": entry.step.counts if entry.step else {},
                "warnings": [caveat_json(caveat) for caveat in entry.step.caveats]
                if entry.step
                else [],
            }
            for entry in entries
        ],
    }


def parsed_json(parsed: Parsed) -> dict[str, Any]:
    ingested, effective, document = parsed.ingested, parsed.effective, parsed.document
    return {
        "title": document.title,
        **date_fields(effective),
        "date_text": effective.text if effective else None,
        "archived_on": ingested.source.archived_on,
        "source_url": ingested.source.url,
        "domain": ingested.source.domain,
        "encoding": ingested.encoding,
        "language": document.language,
        "document_type": document.document_type,
        "capture": capture_json(document.capture),
        "preamble": document.preamble,
        "warnings": list(document.warnings),
        "sections": sections_json(parsed),
        "embedded": [embedded_json(embedded) for embedded in document.embedded],
    }


def sections_json(parsed: Parsed) -> list[dict[str, Any]]:
    return [
        section_json(section, meaning)
        for section, meaning in zip(parsed.document.sections, parsed.meanings, strict=True)
    ]


def section_json(section: Section, meaning: SectionMeaning) -> dict[str, Any]:
    return {
        "id": section.id,
        "title": section.title,
        "level": section.level,
        "parent": section.parent,
        "text": section.text,
        "number": section.number or None,
        "recovered": section.recovered,
        "contents": section.contents,
        "topic": meaning.topic,
        "topic_confidence": meaning.confidence,
        "second_topic": meaning.second_topic,
        "facts": [fact_json(fact) for fact in meaning.facts],
    }


def version_show_json(
    version: Version, snapshot: Snapshot, parsed: Parsed | None
) -> dict[str, Any]:
    if parsed is None:
        return {"policy": version.policy, **version_json(version), "text": snapshot.text}
    return {
        "policy": version.policy,
        **version_json(version),
        "title": parsed.document.title,
        "preamble": parsed.document.preamble,
        "warnings": list(parsed.document.warnings),
        "sections": sections_json(parsed),
    }


def verify_json(report: VerifyReport) -> dict[str, Any]:
    return {
        "archive": report.archive,
        "ok": not report.problems,
        "versions": report.versions,
        "problems": [
            {"file": problem.file, "problem": problem.message} for problem in report.problems
        ],
        "notes": list(report.notes),
    }


def side_json(side: Side) -> dict[str, Any]:
    return {
        "policy": side.policy,
        **date_fields(side.effective),
        "label": side.label,
        "file": side.file,
        "sha256": side.sha256,
        "commit": side.commit,
    }


def diff_json(diff: Diff, words: bool) -> dict[str, Any]:
    return {
        "old": side_json(diff.old),
        "new": side_json(diff.new),
        **comparison_json(diff.comparison, words=words),
    }


def timeline_json(grid: Grid) -> dict[str, Any]:
    return {
        "policy": grid.policy,
        "versions": list(grid.versions),
        "rows": [
            {"title": row.title, "cells": list(row.cells), "titles": list(row.titles)}
            for row in grid.rows
        ],
    }


def demo_json(result: DemoResult) -> dict[str, Any]:
    return {
        "archive": str(result.archive),
        "filed": [
            {
                "status": added.status,
                "policy": added.version.policy,
                "source": prepared.name,
                **version_json(added.version),
            }
            for added, prepared in result.added.filed
        ],
        "imported": result.imported,
        "reports": [str(report) for report in result.reports],
    }


def import_json(result: ImportResult) -> dict[str, Any]:
    added = [item.version for item in result.results if item.status == "added"]
    return {
        "added": len(added),
        "duplicates": len(result.results) - len(added),
        "skipped": result.skipped,
        "policies": sorted({version.policy for version in added}),
        "versions": [{"policy": version.policy, **version_json(version)} for version in added],
        "errors": [{"source": source, "error": message} for source, message in result.errors],
    }


def export_json(result: ExportResult) -> dict[str, Any]:
    return {
        "path": str(result.path),
        "format": result.format,
        "policies": result.policies,
        "rewritten": result.rewritten,
        "grown": result.grown,
        "rows": result.rows,
        "totals": result.totals,
        "metadata": str(result.metadata) if result.metadata else None,
    }


def corpus_json(result: CorpusResult) -> dict[str, Any]:
    return {
        "out": str(result.out),
        "engine": result.engine,
        "workers": result.workers,
        "documents": result.documents,
        "services": result.services,
        "skipped_services": result.skipped_services,
        "rows": result.rows,
        "seconds": round(result.seconds, 2),
    }
