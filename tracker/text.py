"""Text helpers every layer shares: one slug rule, one normaliser, one title key."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_WORD = re.compile(r"[^\W_]+")
_TITLE_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.|\([a-z]\))\s+")
_BETWEEN_WORDS = ".,;:!?()[]{}<>-=+&@\"'’‘“”«»/\\*_#|…"


_UNDECOMPOSABLE = str.maketrans(
    {"ß": "ss", "Ł": "L", "ł": "l", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d",
     "Þ": "Th", "þ": "th", "Œ": "OE", "œ": "oe", "ı": "i"}
)  # fmt: skip


@lru_cache(maxsize=4096)  # section ids: the same titles, version after version
def slugify(text: str) -> str:
    """Lower-case ASCII words joined by dashes; letters like ß, Ł, Æ spelled out, accents dropped."""
    ascii_text = without_accents(text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def without_accents(text: str) -> str:
    """The text with accents dropped and letters like ß, Ł, Æ spelled out: `décembre` → `decembre`."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def normalise_text(text: str) -> str:
    """One kind of line end and space; no invisible characters or trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # a search for each character, then a replace of the few present: a regex class scans
    # every character of a 60 KB text several times slower
    for character in _SPACES:
        if character in text:
            text = text.replace(character, " ")
    for character in _INVISIBLE:
        if character in text:
            text = text.replace(character, "")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def letter_words(text: str) -> list[str]:
    """Its lower-case words, for counting: split at spaces, apostrophes and punctuation (a
    replace for each mark present, then one split: a regex reading letters is 3 times slower)."""
    text = text.lower()
    for mark in _BETWEEN_WORDS:
        if mark in text:
            text = text.replace(mark, " ")
    return text.split()


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a section's text: paragraphs, list items, sentences-a-line."""
    return [line.strip() for line in text.split("\n") if line.strip()]


@lru_cache(maxsize=4096)  # a title is keyed several times a parse, and again each version
def normalise_title(title: str) -> str:
    """Title for matching: case, punctuation, quotes and numbering removed."""
    title = _TITLE_NUMBER.sub("", title.lower())
    return " ".join(_WORD.findall(title))
