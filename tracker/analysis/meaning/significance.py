"""How much a change matters: substantive, minor, cosmetic or none, and why (a `Reason`)."""

from __future__ import annotations

from tracker.analysis.meaning.topics import CONSEQUENTIAL_TOPICS
from tracker.analysis.weights import CLAUSE_WORDS, SUBSTANTIVE_SECTION_WORDS
from tracker.model import Change, ChangeKind, FactChange, Reason, Significance


def significance(
    change: Change, facts: tuple[FactChange, ...], topic: str | None = None
) -> tuple[Significance, Reason]:
    """A level and the reason for it; `present.wording.reason` says the reason in words.

    An added or removed clause on a consequential topic (sharing, retention, rights, an
    arbitration clause) is substantive even when it is short and no fact extractor fires.
    """
    if change.kind == ChangeKind.UNCHANGED:
        return Significance.NONE, Reason.NO_CHANGE
    if facts:
        return Significance.SUBSTANTIVE, Reason.FACTS
    if change.cosmetic:
        return Significance.COSMETIC, Reason.COSMETIC
    if all(section.contents for section in (*change.old, *change.new)):
        return Significance.MINOR, Reason.CONTENTS
    if change.kind == ChangeKind.MODIFIED and _only_its_date_changed(change):
        return Significance.COSMETIC, Reason.DATE_ONLY
    if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
        large = change.size >= SUBSTANTIVE_SECTION_WORDS or (
            topic in CONSEQUENTIAL_TOPICS and change.size >= CLAUSE_WORDS
        )
        reason = Reason.NEW_SECTION if change.kind == ChangeKind.ADDED else Reason.SECTION_REMOVED
        return (Significance.SUBSTANTIVE if large else Significance.MINOR), reason
    if change.kind in (ChangeKind.RENAMED, ChangeKind.MOVED) and change.similarity >= 0.999:
        return Significance.MINOR, Reason.TEXT_UNCHANGED
    return Significance.MINOR, Reason.REWORDED


def _only_its_date_changed(change: Change) -> bool:
    """Every edit is cosmetic or the new version's effective date (`Last revised on ...`)."""
    from tracker.analysis.compare import is_cosmetic
    from tracker.analysis.dates import find_effective_date

    edits = [op for op in change.words if op.op != "equal"]
    stated = find_effective_date("\n".join(section.text for section in change.new))
    return bool(edits and stated) and all(
        is_cosmetic(op.old, op.new) or (op.new.strip() and op.new.strip() in stated.text)
        for op in edits
    )
