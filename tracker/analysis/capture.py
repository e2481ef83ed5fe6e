"""Is a captured text the policy at all? Stubs, redirect pages, home pages, cut-off captures."""

from __future__ import annotations

import re
from functools import lru_cache

from tracker import rules
from tracker.analysis import weights
from tracker.model import Capture, CaptureQuality, Document
from tracker.text import letter_words, normalise_title

_REDIRECT = rules.pattern("pages", "capture.redirect", re.IGNORECASE)
_POLICY_WORDS = frozenset(rules.load("pages")["capture"]["policy_words"])
_POLICY_WORD_LANGUAGES = frozenset(rules.load("pages")["capture"]["policy_word_languages"])


_SAMPLE_CHARACTERS = 10_000  # enough words to tell a policy from a home page


def document_text(document: Document) -> str:
    parts = [document.title, document.preamble]
    parts.extend(f"{section.title}\n{section.text}" for section in document.sections)
    return "\n".join(parts)


def document_vocabulary(document: Document) -> frozenset[str]:
    """Its words, lower-cased (split on spaces: this runs on every pair compared)."""
    return _vocabulary(document_text(document))


@lru_cache(maxsize=8)  # in a timeline each version is the new side, then the old one
def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


def assess(document: Document, language: str | None = None) -> Capture:
    """The quality one text shows on its own: `ok`, `stub`, `redirect`, `flattened` or
    `not_a_policy` (told only in the languages the policy words are listed for)."""
    text = document_text(document)
    size = len(text.split())
    if size < weights.REDIRECT_WORDS:
        cue = _REDIRECT.search(text)
        if cue:
            return Capture(CaptureQuality.REDIRECT, size, cue=cue.group(0))
    if size < weights.STUB_WORDS:
        return Capture(CaptureQuality.STUB, size)
    if size >= weights.PAGE_WORDS and _flattened(document):
        return Capture(CaptureQuality.FLATTENED, size)
    if language is not None and language not in _POLICY_WORD_LANGUAGES:
        return Capture(CaptureQuality.OK, size)
    menus = _menus(text)
    if menus and _prose_words(text) < weights.MENU_PAGE_PROSE_WORDS:
        return Capture(CaptureQuality.NOT_A_POLICY, size)
    if size >= weights.PAGE_WORDS or (size >= weights.PAGE_WORDS_IF_MENUS and menus):
        sample = letter_words(text[:_SAMPLE_CHARACTERS])
        policy_share = sum(map(_POLICY_WORDS.__contains__, sample)) / max(1, len(sample))
        if policy_share < weights.POLICY_WORD_SHARE:
            return Capture(CaptureQuality.NOT_A_POLICY, size, share=round(policy_share, 4))
    return Capture(CaptureQuality.OK, size)


def _prose_words(text: str) -> int:
    """Words on lines long enough to be sentences (a region picker, a site menu has few)."""
    counts = (len(line.split()) for line in text.splitlines())
    return sum(count for count in counts if count >= weights.LANGUAGE_PROSE_WORDS)


def _menus(text: str) -> bool:
    """Mostly lines of a few words: a page of menus and links, not paragraphs of prose."""
    lines = [line for line in text.splitlines() if line.strip()]
    short = sum(1 for line in lines if len(line.split()) <= weights.MENU_LINE_WORDS)
    return bool(lines) and short >= weights.MENU_LINE_SHARE * len(lines)


def _flattened(document: Document) -> bool:
    lines = sum(1 for line in document.preamble.split("\n") if line.strip())
    return not document.sections and lines < weights.FLATTENED_LINES


def against_previous(document: Document, previous: Document) -> Capture:
    """`truncated` when the text is much shorter than the version before and stops early:
    its sections are the first ones of that version."""
    return _truncated(document, previous) if _cut_short(document, previous) else document.capture


def against_next(document: Document, following: Document) -> Capture:
    """`truncated` when the text is much shorter than the version after, its sections are that
    version's first ones, and it stops abruptly (on a heading with nothing under it, or in
    the middle of a sentence). A policy that grew ends where it used to end: a capture cut off
    at its contents, or mid-word, does not."""
    if _cut_short(document, following) and _stops_abruptly(document):
        return _truncated(document, following)
    return document.capture


def _truncated(document: Document, other: Document) -> Capture:
    share = round(document.capture.words / other.capture.words, 2)
    return Capture(CaptureQuality.TRUNCATED, document.capture.words, share=share)


def _cut_short(document: Document, other: Document) -> bool:
    """Much shorter than `other`, with `other`'s first sections for its own."""
    own = document.capture
    if own.quality != CaptureQuality.OK or other.capture.quality != CaptureQuality.OK:
        return False
    if own.words >= weights.TRUNCATED_SHARE * other.capture.words:
        return False
    titles = [normalise_title(section.title) for section in document.sections]
    before = [normalise_title(section.title) for section in other.sections[: len(titles)]]
    same = sum(1 for title, old in zip(titles, before, strict=False) if title == old)
    return bool(titles) and same >= weights.TRUNCATED_PREFIX * len(titles)


def _stops_abruptly(document: Document) -> bool:
    last = document.sections[-1]
    if not last.text.strip():
        return True  # a heading with nothing under it
    line = last.text.strip().splitlines()[-1].strip()
    return len(line.split()) >= weights.ABRUPT_LINE_WORDS and _SENTENCE_END.search(line) is None


_SENTENCE_END = re.compile(r"""[.!?:;)"'»”’*_]\s*$""")
