"""A comparison with meaning: each change's topic, fact changes and significance."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import partial

from tracker.analysis.meaning.changes import fact_changes
from tracker.analysis.meaning.facts import extract_facts
from tracker.analysis.meaning.significance import significance
from tracker.analysis.meaning.topics import classify_topic
from tracker.model import Comparison, Fact, FactChangeKind, Section


def annotate(comparison: Comparison, document_type: str = "privacy_policy") -> Comparison:
    """The comparison with each change's topic, fact changes and significance, and the document's facts.

    A fact a section lost is not reported as removed when the new version still states it
    elsewhere (a restructured rights section), nor one carried by a moved passage; nor is one
    it gained reported as added when the old version stated it elsewhere. The document's facts
    are claims about the whole text: one the other version states in any wording is no change.
    """
    facts_of = partial(_facts_of, document_type=document_type)
    carried_out, carried_in = _carried_by_moves(comparison, document_type)
    old_all = facts_of(section for change in comparison.changes for section in change.old)
    new_all = facts_of(section for change in comparison.changes for section in change.new)
    still_stated = {(fact.type, fact.value) for fact in new_all}
    stated_before = {(fact.type, fact.value) for fact in old_all}
    old_text = _text_of(section for change in comparison.changes for section in change.old)
    new_text = _text_of(section for change in comparison.changes for section in change.new)
    annotated = []
    for change in comparison.changes:
        facts = tuple(
            fact
            for fact in fact_changes(facts_of(change.old), facts_of(change.new), old_text, new_text)
            if not (
                fact.change == FactChangeKind.REMOVED
                and (
                    (fact.type, fact.old_value) in still_stated
                    or (fact.type, fact.old_value) in carried_out[_ids(change.old)]
                )
            )
            and not (
                fact.change == FactChangeKind.ADDED
                and (
                    (fact.type, fact.new_value) in stated_before
                    or (fact.type, fact.new_value) in carried_in[_ids(change.new)]
                )
            )
        )
        main = change.new or change.old
        topic = (
            "other"
            if all(section.contents for section in main)
            else classify_topic(
                " ".join(section.title for section in main),
                "\n".join(section.text for section in main),
                document_type,
            )[0]
        )
        level, reason = significance(change, facts, topic)
        annotated.append(
            replace(change, topic=topic, facts=facts, significance=level, reason=reason)
        )
    return Comparison(
        tuple(annotated),
        comparison.moves,
        fact_changes(_unique(old_all), _unique(new_all), old_text, new_text),
        comparison.caveats,
    )


def without_facts(comparison: Comparison) -> Comparison:
    """The comparison with no fact changes, each change rated on its text alone."""
    changes = []
    for change in comparison.changes:
        level, reason = significance(change, (), change.topic)
        changes.append(replace(change, facts=(), significance=level, reason=reason))
    return replace(comparison, changes=tuple(changes), facts=())


def _facts_of(sections, document_type: str) -> tuple[Fact, ...]:
    return tuple(
        fact
        for section in sections
        for fact in extract_facts(section.text, section.title, document_type)
    )


def _text_of(sections) -> str:
    return "\n".join(f"{section.title}\n{section.text}" for section in sections)


def _ids(sections: tuple[Section, ...]) -> tuple[str, ...]:
    return tuple(section.id for section in sections)


def _carried_by_moves(comparison: Comparison, document_type: str) -> tuple[dict, dict]:
    """Facts in passages that moved: not removed from the source nor new in the target."""
    out: dict[tuple[str, ...], set] = defaultdict(set)
    into: dict[tuple[str, ...], set] = defaultdict(set)
    for move in comparison.moves:
        facts = extract_facts(move.text, move.source.title, document_type)
        values = {(fact.type, fact.value) for fact in facts}
        for change in comparison.changes:
            if any(section.id == move.source.id for section in change.old):
                out[_ids(change.old)] |= values
            if any(section.id == move.target.id for section in change.new):
                into[_ids(change.new)] |= values
    return out, into


def _unique(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    seen: dict[tuple[str, str], Fact] = {}
    for fact in facts:
        seen.setdefault((fact.type, fact.value), fact)
    return tuple(seen.values())
