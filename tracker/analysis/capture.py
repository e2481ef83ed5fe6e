"""Is a captured text the policy at all? Stubs, redirect pages, home pages, cut-off captures."""

from __future__ import annotations

import re

from tracker import rules
from tracker.analysis import weights
from tracker.model import Capture, CaptureQuality, Document
from tracker.text import normalise_title

_REDIRECT = rules.pattern("pages", "capture.redirect", re.IGNORECASE)
_POLICY_WORDS = frozenset(rules.load("pages")["capture"]["policy_words"])
_WORD = re.compile(r"[^\W\d_]+")


def document_words(document: Document) -> list[str]:
    parts = [document.title, document.preamble]
    parts.extend(f"{section.title}\n{section.text}" for section in document.sections)
    return _WORD.findall("\n".join(parts).lower())


def assess(document: Document) -> Capture:
    """The quality one text shows on its own: `ok`, `stub`, `redirect` or `not_a_policy`."""
    words = document_words(document)
    if len(words) < weights.REDIRECT_WORDS:
        cue = _REDIRECT.search("\n".join([document.title, document.preamble, *_texts(document)]))
        if cue:
            return Capture(CaptureQuality.REDIRECT, len(words), cue=cue.group(0))
    if len(words) < weights.STUB_WORDS:
        return Capture(CaptureQuality.STUB, len(words))
    policy_share = sum(word in _POLICY_WORDS for word in words) / len(words)
    if len(words) >= weights.PAGE_WORDS and policy_share < weights.POLICY_WORD_SHARE:
        return Capture(CaptureQuality.NOT_A_POLICY, len(words), share=round(policy_share, 4))
    return Capture(CaptureQuality.OK, len(words))


def against_previous(document: Document, previous: Document) -> Capture:
    """`truncated` when the text is much shorter than the version before and stops early:
    its sections are the first ones of that version."""
    own = document.capture
    if own.quality != CaptureQuality.OK or previous.capture.quality != CaptureQuality.OK:
        return own
    if own.words >= weights.TRUNCATED_SHARE * previous.capture.words:
        return own
    titles = [normalise_title(section.title) for section in document.sections]
    before = [normalise_title(section.title) for section in previous.sections[: len(titles)]]
    same = sum(1 for title, old in zip(titles, before, strict=False) if title == old)
    if titles and same >= weights.TRUNCATED_PREFIX * len(titles):
        share = round(own.words / previous.capture.words, 2)
        return Capture(CaptureQuality.TRUNCATED, own.words, share=share)
    return own


def _texts(document: Document) -> list[str]:
    return [section.text for section in document.sections]
