"""What a reader must know before trusting a comparison: the two texts are in different
languages, the new one is another document, one side is a broken capture, or a page holds a
second policy. Across languages or with a broken side, section and fact changes are not real
edits of the policy: the comparison reports the caveat and nothing else."""

from __future__ import annotations

from tracker.analysis import weights
from tracker.analysis.capture import against_next, against_previous, document_vocabulary
from tracker.model import CaptureQuality, Caveat, Document, WarningKind


def caveats(old: Document, new: Document) -> tuple[Caveat, ...]:
    found: list[Caveat] = []
    if old.language and new.language and old.language != new.language:
        found.append(Caveat(WarningKind.LANGUAGE_CHANGED, languages=(old.language, new.language)))
    found.extend(_broken_side(old, new))
    if not found:
        likeness = _likeness(old, new)
        if likeness < weights.OTHER_DOCUMENT_LIKENESS:
            found.append(Caveat(WarningKind.DOCUMENT_CHANGED, likeness=round(likeness, 2)))
    for side, document in (("old", old), ("new", new)):
        for embedded in document.embedded:
            found.append(
                Caveat(WarningKind.EMBEDDED, side, relation=embedded.relation, line=embedded.line)
            )
    return tuple(found)


def _broken_side(old: Document, new: Document) -> list[Caveat]:
    """A side that looks broken where the other does not, or two sides that are no policy text
    at all (home pages, lost line breaks); two stubs are compared as they are."""
    sides = {"old": against_next(old, new), "new": against_previous(new, old)}
    broken = [side for side, capture in sides.items() if capture.quality != CaptureQuality.OK]
    if len(broken) == 2 and all(capture.quality in _NO_TEXT for capture in sides.values()):
        return [Caveat(WarningKind.CAPTURE, side=side, capture=sides[side]) for side in broken]
    if len(broken) != 1:
        return []
    return [Caveat(WarningKind.CAPTURE, side=broken[0], capture=sides[broken[0]])]


_NO_TEXT = {CaptureQuality.NOT_A_POLICY, CaptureQuality.FLATTENED}


def not_an_edit(found: tuple[Caveat, ...]) -> bool:
    """Across languages or with one broken side, section and fact changes are not edits."""
    return any(caveat.kind in _NOT_AN_EDIT for caveat in found)


_NOT_AN_EDIT = {WarningKind.LANGUAGE_CHANGED, WarningKind.CAPTURE}


def another_document(found: tuple[Caveat, ...]) -> bool:
    """The new text is mostly another document: its sections are shown, its facts are not
    changes of the old one (a terms page in the policy's slot does not remove its e-mails)."""
    return any(caveat.kind == WarningKind.DOCUMENT_CHANGED for caveat in found)


def _likeness(old: Document, new: Document) -> float:
    first, second = document_vocabulary(old), document_vocabulary(new)
    if not first or not second:
        return 1.0
    return len(first & second) / len(first | second)
