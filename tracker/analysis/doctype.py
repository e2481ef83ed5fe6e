"""What kind of document a text is: a privacy policy, terms of service, a cookie policy,
community guidelines, or other. A name says it first (the file name, the policy's slug, the
Open Terms Archive type, then the title); else the words the text uses most."""

from __future__ import annotations

import re

from tracker import rules
from tracker.analysis import weights
from tracker.model import DocumentType

_RULES = rules.load("doctypes")
_NAMES = [(DocumentType(name), re.compile(entry["names"], re.I)) for name, entry in _RULES.items()]
_WORDS = {DocumentType(name): tuple(entry["words"]) for name, entry in _RULES.items()}


def named_type(name: str) -> DocumentType | None:
    """The type a name says (`Terms of Service`, `acme/privacy-policy`, `cookies.md`), if any."""
    name = re.sub(r"\.(?:md|markdown|txt|html?|pdf)$", "", name.strip(), flags=re.I)
    for document_type, pattern in _NAMES:
        if pattern.search(name):
            return document_type
    return None


def named_first(read: DocumentType, *names: str | None) -> DocumentType:
    """The type the first telling name says (a file name, a slug), else the one read."""
    for name in names:
        if name and (named := named_type(name)):
            return named
    return read


def document_type(title: str, text: str) -> DocumentType:
    """The type the title says, else the one the text's words say."""
    named = named_type(title) if title else None
    if named:
        return named
    sample = text[: weights.DOCTYPE_SAMPLE].lower()
    counts = {kind: sum(sample.count(word) for word in words) for kind, words in _WORDS.items()}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= weights.DOCTYPE_MIN_WORDS else DocumentType.OTHER
