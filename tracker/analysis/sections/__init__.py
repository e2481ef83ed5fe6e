"""Text to the section tree a careful reader sees.

Headings are found in many dresses: Markdown `#` and setext underlines, numbered
lines (`1\\. Website Covered`, `4.1 Cookies - ...` run into a paragraph,
`Article 3`, `IV.`), ALL-CAPS lines, Title Case lines in unmarked documents,
and bold lines (HTML's `<p><strong>` pseudo-headings). Then the traps are undone:
a table of contents is body text, not a run of headings (and an entry missing
from the body is reported, and recovered where it can be placed); separators
(`==========`) are not underlines; a stray first line is not a title; ALL-CAPS
headings glued to the next heading are split; where headings share one markup
level, ALL-CAPS ones rank above Title Case ones.

Section ids are the slugified title path (`your-choices/opt-out`), with `-2`,
`-3` only for true duplicates, so a section whose title did not change keeps
its id across versions.
"""

from __future__ import annotations

from dataclasses import replace

from tracker.analysis.capture import assess
from tracker.analysis.dates import find_effective_date, find_end_date
from tracker.analysis.doctype import document_type
from tracker.analysis.language import detect_language
from tracker.analysis.sections.contents import _mark_contents_sections, _recover_contents_entries
from tracker.analysis.sections.embedded import find_boundary
from tracker.analysis.sections.headings import _find_headings, _Heading, _split_glued_headings
from tracker.analysis.sections.menus import without_site_menus
from tracker.analysis.sections.title import (
    _document_title,
    _drop_contents_runs,
    _drop_introduced_lists,
    _title_from_first_line,
)
from tracker.analysis.sections.tree import _build_sections, _levels
from tracker.model import Document, EffectiveDate, Embedded
from tracker.text import normalise_text


def parse_document(text: str) -> Document:
    """The document's title, preamble and sections, in order; never raises on any text.

    A page holding a second version of the policy (see `embedded`) is read as two texts:
    the sections are the primary one's, the other is listed in `embedded`.
    """
    lines = _split_glued_headings(normalise_text(text).split("\n"))
    headings = _find_headings(lines)
    unmenued = without_site_menus(lines, headings)
    if unmenued is not None:
        lines, headings = unmenued, _find_headings(unmenued)
    boundary = find_boundary(lines, headings)
    if boundary is None:
        return _assessed(_read(lines, headings), lines)
    primary = _read(lines[: boundary.line], [h for h in headings if h.end <= boundary.line])
    rest = lines[boundary.line :]
    other = _read(rest, _find_headings(rest))
    embedded_text = "\n".join(rest)
    embedded = Embedded(
        relation=boundary.relation,
        line=boundary.line + 1,
        title=other.title,
        preamble=other.preamble,
        sections=other.sections,
        effective=find_effective_date(embedded_text),
        until=find_end_date(embedded_text),
    )
    return _assessed(replace(primary, embedded=(embedded,)), lines[: boundary.line])


def _assessed(document: Document, lines: list[str]) -> Document:
    text = "\n".join(lines)
    language = detect_language(text)
    return replace(
        document,
        capture=assess(document, language),
        language=language,
        document_type=document_type(document.title, text),
    )


def primary_text(text: str, document: Document) -> str:
    """The part of `text` that `document`'s sections were read from (all of it, mostly)."""
    if document.primary_lines is None:
        return text
    return "\n".join(normalise_text(text).split("\n")[: document.primary_lines])


def stated_date(text: str, document: Document) -> EffectiveDate | None:
    """The effective date the primary text states: never the embedded version's."""
    return find_effective_date(primary_text(text, document), document.language)


def _read(lines: list[str], headings: list[_Heading]) -> Document:
    headings, contents = _drop_contents_runs(headings, lines)
    headings = _drop_introduced_lists(headings, lines)
    title, headings, title_lines = _document_title(headings, lines)
    levels = _levels(headings)
    sections, preamble = _build_sections(lines, headings, levels, title_lines)
    if not title:
        title, preamble = _title_from_first_line(preamble)
    sections, warnings = _recover_contents_entries(sections, contents)
    sections = _mark_contents_sections(sections)
    return Document(
        title=title, preamble=preamble, sections=tuple(sections), warnings=tuple(warnings)
    )
