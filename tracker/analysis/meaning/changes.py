"""Fact changes between two sets of facts, and frameworks named outside the years they applied."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from tracker import rules
from tracker.analysis import weights
from tracker.analysis.meaning.facts import FACT_TYPE, Pairing
from tracker.analysis.meaning.presence import stated_anywhere
from tracker.model import Fact, FactChange, FactChangeKind


def fact_changes(
    old: tuple[Fact, ...],
    new: tuple[Fact, ...],
    old_text: str | None = None,
    new_text: str | None = None,
) -> tuple[FactChange, ...]:
    """Added, removed, and changed facts; a value that stays is no change wherever it moved.

    With the two documents' texts, a value the other text still states in any wording is no
    change either (see `presence`).
    """
    old_by_type: dict[str, dict[str, Fact]] = defaultdict(dict)
    new_by_type: dict[str, dict[str, Fact]] = defaultdict(dict)
    for fact in old:
        old_by_type[fact.type].setdefault(fact.value, fact)
    for fact in new:
        new_by_type[fact.type].setdefault(fact.value, fact)
    changes: list[FactChange] = []
    for fact_type in sorted(set(old_by_type) | set(new_by_type), key=fact_order):
        gone = [
            fact
            for value, fact in old_by_type[fact_type].items()
            if value not in new_by_type[fact_type]
            and not (new_text is not None and stated_anywhere(fact_type, value, new_text))
        ]
        came = [
            fact
            for value, fact in new_by_type[fact_type].items()
            if value not in old_by_type[fact_type]
            and not (old_text is not None and stated_anywhere(fact_type, value, old_text))
        ]
        pairs = _pair_changed(fact_type, gone, came)
        for old_fact, new_fact in pairs:
            changes.append(FactChange(fact_type, FactChangeKind.CHANGED, old_fact, new_fact))
        paired_old = {id(old_fact) for old_fact, _ in pairs}
        paired_new = {id(new_fact) for _, new_fact in pairs}
        changes += [
            FactChange(fact_type, FactChangeKind.REMOVED, fact, None)
            for fact in gone
            if id(fact) not in paired_old
        ]
        changes += [
            FactChange(fact_type, FactChangeKind.ADDED, None, fact)
            for fact in came
            if id(fact) not in paired_new
        ]
    return tuple(changes)


def _pair_changed(fact_type: str, gone: list[Fact], came: list[Fact]) -> list[tuple[Fact, Fact]]:
    pairing = FACT_TYPE[fact_type].pairing if fact_type in FACT_TYPE else Pairing.NONE
    if pairing == Pairing.SAME_PRACTICE:
        by_verb = {fact.value.split(":")[0]: fact for fact in came}
        return [
            (fact, by_verb[fact.value.split(":")[0]])
            for fact in gone
            if fact.value.split(":")[0] in by_verb
        ]
    if pairing == Pairing.IN_ORDER:
        return list(zip(gone, came, strict=False))
    if pairing == Pairing.SAME_CONTACT:
        return _same_contacts(gone, came)
    if pairing == Pairing.ONE_FOR_ONE and len(gone) == len(came) == 1:
        return [(gone[0], came[0])]
    return []


def _same_contacts(gone: list[Fact], came: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Each contact that went with the first that came in its place: `legal@` for disputes and
    `renewals@` for renewals are two contacts, one removed and one added, not one changed."""
    pairs, free = [], list(came)
    for old_fact in gone:
        new_fact = next((fact for fact in free if _same_contact(old_fact, fact)), None)
        if new_fact is not None:
            pairs.append((old_fact, new_fact))
            free.remove(new_fact)
    return pairs


def _same_contact(old: Fact, new: Fact) -> bool:
    """The same mailbox name (`privacy@ftr.com` → `ftr-privacy@verizon.com`) or the same
    purpose said around it."""
    if _mailbox_words(old.value) & _mailbox_words(new.value):
        return True
    old_words, new_words = (
        set(_WORD.findall(fact.sentence.replace(fact.value, " ").lower())) for fact in (old, new)
    )
    shared = len(old_words & new_words) / max(1, len(old_words | new_words))
    return shared >= weights.SAME_CONTACT_LIKENESS


def _mailbox_words(value: str) -> set[str]:
    return {word for word in _WORD.findall(value.partition("@")[0].lower()) if len(word) > 2}


_WORD = re.compile(r"[^\W\d_]+")


def fact_order(fact_type: str) -> int:
    """Place in lists of changes: the most consequential first (`highlight_order`)."""
    return _ORDER.get(fact_type, len(_ORDER))


_ORDER = {name: rank for rank, name in enumerate(rules.load("facts")["highlight_order"])}


def _periods() -> dict[str, tuple[dt.date | None, dt.date | None]]:
    return {
        name: (period.get("start"), period.get("end"))
        for name, period in rules.load("facts")["framework_periods"].items()
    }


# When each framework applied, for anachronism flags: (start, end) with None for open.
FRAMEWORK_PERIODS = _periods()


def anachronisms(facts: tuple[Fact, ...], effective: dt.date) -> list[str]:
    """Legal frameworks named in a version dated outside the years they applied."""
    flags = []
    for framework in sorted({fact.value for fact in facts if fact.type == "legal_framework"}):
        start, end = FRAMEWORK_PERIODS.get(framework, (None, None))
        if end and effective > end:
            flags.append(f"relies on {framework}, which ended on {end:%B %-d, %Y}")
        elif start and effective < start and framework not in ("GDPR", "CCPA", "CPRA"):
            flags.append(f"names {framework} before it began ({start:%B %-d, %Y})")
    return flags
