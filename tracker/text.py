"""Text helpers every layer shares: one slug rule, one normaliser, one title key."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"[^\W_]+")


_UNDECOMPOSABLE = str.maketrans(
    {"ß": "ss", "Ł": "L", "ł": "l", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d",
     "Þ": "Th", "þ": "th", "Œ": "OE", "œ": "oe", "ı": "i"}
)  # fmt: skip


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by dashes; letters like ß, Ł, Æ spelled out, accents dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    ascii_text = decomposed.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def normalise_text(text: str) -> str:
    """One kind of line end and space; no invisible characters or trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a section's text: paragraphs, list items, sentences-a-line."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def normalise_title(title: str) -> str:
    """Title for matching: case, punctuation, quotes and numbering removed."""
    title = re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.|\([a-z]\))\s+", "", title.lower())
    return " ".join(_WORD.findall(title))
