"""Levels, parents and stable ids: headings into the section tree."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from textwrap import dedent

from tracker.analysis.sections.headings import (
    _BREAK,
    _DOCUMENT_TITLE_WORDS,
    MARKUP_STYLES,
    _Heading,
    _split_number,
)
from tracker.model import Section
from tracker.text import normalise_title, slugify


def _is_masthead(headings: list[_Heading], lines: list[str]) -> bool:
    """`CORVID FREIGHT SOLUTIONS LTD` over `PRIVACY NOTICE` at the top: who, then what."""
    if len(headings) < 3:
        return False
    organisation, name = headings[:2]
    return (
        not any(line.strip() for line in lines[: organisation.start])
        and name.start == organisation.end
        and "numbered" not in (organisation.style, name.style)
        and _DOCUMENT_TITLE_WORDS.search(name.title) is not None
        and _DOCUMENT_TITLE_WORDS.search(organisation.title) is None
    )


def _names(
    entry: str, titles: set[str] | list[str], index: dict[str, set[str]] | None = None
) -> bool:
    """A contents entry (normalised) names one of the titles, maybe in fewer words:
    `contact` for `contact us`, `how we use information` for `how we use your information`.
    `index` (`_word_index` of the titles or more) makes the search quick."""
    if not entry or entry in titles:
        return bool(entry)
    words = entry.split()
    if index is None:
        return any(set(words) <= _words(title) for title in titles)
    candidates = index.get(words[0], set())
    for word in words[1:]:
        candidates = candidates & index.get(word, set())
    return any(candidate in titles for candidate in candidates)


def _word_index(titles: set[str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for title in titles:
        for word in title.split():
            index.setdefault(word, set()).add(title)
    return index


@lru_cache(maxsize=4096)
def _words(title: str) -> frozenset[str]:
    return frozenset(title.split())


def _levels(headings: list[_Heading]) -> list[int]:
    markup = [heading.markup_level for heading in headings if heading.style in MARKUP_STYLES]
    below_markup = max(markup, default=0)
    levels_seen: dict[float, set[bool]] = {}
    for heading in headings:
        if heading.style in MARKUP_STYLES:
            levels_seen.setdefault(heading.markup_level, set()).add(heading.caps)
    mixed = {level for level, cases in levels_seen.items() if len(cases) == 2}
    keys = [_rank_key(heading, mixed, below_markup) for heading in headings]
    ranks = {key: rank for rank, key in enumerate(sorted(set(keys)), start=1)}
    return [ranks[key] for key in keys]


def _rank_key(heading: _Heading, mixed: set[float], below_markup: float) -> tuple[float, float]:
    """Markup level first; at a level mixing ALL-CAPS and other titles, the caps ones rank higher."""
    if heading.rank_as is not None:
        return heading.rank_as, 0.0
    if heading.style in MARKUP_STYLES:
        lower = heading.markup_level in mixed and not heading.caps
        return heading.markup_level, (0.5 if lower else 0.0)
    if heading.style == "numbered":
        return below_markup + heading.markup_level, 0.0
    caps_or_reset = heading.style == "caps" or (heading.style == "title" and heading.after_break)
    return below_markup + 1, {"caps": 0.0, "title": 0.5, "bold": 0.7, "italic": 0.8}[
        heading.style
    ] if not caps_or_reset else 0.0


def _build_sections(
    lines: list[str], headings: list[_Heading], levels: list[int], title_lines: range
) -> tuple[list[Section], str]:
    first_start = headings[0].start if headings else len(lines)
    preamble = _body(
        [line for number, line in enumerate(lines[:first_start]) if number not in title_lines]
    )
    sections: list[Section] = []
    stack: list[Section] = []
    used_ids: dict[str, int] = {}
    for position, (heading, level) in enumerate(zip(headings, levels, strict=True)):
        end = headings[position + 1].start if position + 1 < len(headings) else len(lines)
        body_lines = ([heading.run_in_body] if heading.run_in_body else []) + lines[
            heading.end : end
        ]
        while stack and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        number, title = (
            (heading.number, heading.title) if heading.number else _split_number(heading.title)
        )
        section_id = _unique_id(_section_id(parent, title), used_ids)
        section = Section(
            id=section_id,
            title=title,
            level=level,
            parent=parent.id if parent else None,
            text=_body(body_lines),
            number=number,
        )
        sections.append(section)
        stack.append(section)
    return sections, preamble


def _section_id(parent: Section | None, title: str) -> str:
    slug = slugify(normalise_title(title)) or _title_hash(title)
    return f"{parent.id}/{slug}" if parent else slug


def _title_hash(title: str) -> str:
    """A stable id for a title with no Latin letters: the same title, the same id."""
    digest = hashlib.sha1(" ".join(title.split()).encode("utf-8")).hexdigest()[:8]
    return f"section-{digest}"


def _unique_id(section_id: str, used: dict[str, int]) -> str:
    used[section_id] = used.get(section_id, 0) + 1
    return section_id if used[section_id] == 1 else f"{section_id}-{used[section_id]}"


def _body(lines: list[str]) -> str:
    """The lines under a heading, without rules, and without the indent they all share (a
    section that is a list item's text)."""
    kept = [line for line in lines if not _BREAK.match(line)]
    return dedent("\n".join(kept)).strip("\n")
