"""Sections as the comparison sees them: their own text, or their sub-sections' when empty."""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.analysis.compare.words import _plain_words
from tracker.model import Document, Section
from tracker.text import normalise_title

PREAMBLE_TITLE = "(introduction)"


def sections_with_preamble(document: Document) -> list[Section]:
    """The sections, led by the text before the first heading when there is any."""
    if not document.preamble.strip():
        return list(document.sections)
    preamble = Section("preamble", PREAMBLE_TITLE, 1, None, document.preamble)
    return [preamble, *document.sections]


@dataclass
class _Unit:
    """A section as the comparison sees it: its own text, or its sub-sections' when empty."""

    section: Section
    index: int
    title_key: str
    text: str
    words: list[str]
    key: tuple[str, str] = ("", "")
    paragraphs: list[str] = field(default_factory=list)


def _units(document: Document) -> list[_Unit]:
    sections = sections_with_preamble(document)
    units = []
    for index, section in enumerate(sections):
        text = section.text if section.text.strip() else _subtree_text(sections, index)
        words = _plain_words(text)
        unit = _Unit(section, index, normalise_title(section.title), text, words)
        unit.key = (unit.title_key, " ".join(_plain_words(section.text)))
        units.append(unit)
    return units


def _subtree_text(sections: list[Section], index: int) -> str:
    parts = []
    for other in sections[index + 1 :]:
        if other.level <= sections[index].level:
            break
        parts.append(other.text)
    return "\n".join(part for part in parts if part)
