"""Tables of contents read as body text, and the document's own title."""

from __future__ import annotations

import re

from tracker.analysis.sections.headings import (
    _DOCUMENT_TITLE_WORDS,
    _LINK,
    _LIST_ITEM,
    MARKUP_STYLES,
    _clean_title,
    _Heading,
)
from tracker.analysis.sections.tree import _is_masthead, _names
from tracker.text import normalise_title

_MENU_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def _drop_contents_runs(
    headings: list[_Heading], lines: list[str]
) -> tuple[list[_Heading], list[_Heading]]:
    """Runs of plain heading lines with nothing under them that repeat later headings."""
    contents: list[_Heading] = []
    titles = [normalise_title(heading.title) for heading in headings]
    last_seen = {title: position for position, title in enumerate(titles)}
    index = 0
    while index < len(headings):
        run = [headings[index]]
        while index + len(run) < len(headings) and _empty_between(
            lines, run[-1], headings[index + len(run)]
        ):
            run.append(headings[index + len(run)])
        end = index + len(run)
        marked = {
            titles[position]
            for position in range(index, end)
            if headings[position].style in MARKUP_STYLES
        }
        repeated = [
            position
            for position in range(index, end)
            if headings[position].style not in MARKUP_STYLES
            and (last_seen[titles[position]] >= end or titles[position] in marked)
        ]
        if len(run) >= 3 and len(repeated) < len(run) // 2:
            repeated = _named_later(run, titles, index, end)
        plain = [heading for heading in run if heading.style not in MARKUP_STYLES]
        if len(plain) >= 3 and len(repeated) >= max(2, len(plain) // 2):
            contents.extend(plain)
        index += len(run)
    dropped = {id(heading) for heading in contents}
    return [heading for heading in headings if id(heading) not in dropped], contents


def _named_later(run: list[_Heading], titles: list[str], start: int, end: int) -> list[int]:
    """Entries of a run that name a later heading in fewer words (`Contact` for `Contact Us`)."""
    later = [titles[position] for position in range(end, len(titles))]
    return [
        position
        for position in range(start, end)
        if run[position - start].style not in MARKUP_STYLES and _names(titles[position], later)
    ]


def _drop_introduced_lists(headings: list[_Heading], lines: list[str]) -> list[_Heading]:
    """`We collect the following:` then `1. Your name`, `2. Your email`: a list, not headings."""
    dropped: set[int] = set()
    index = 0
    while index < len(headings):
        heading = headings[index]
        if (
            heading.style != "numbered"
            or heading.run_in_body
            or heading.over_items
            or not _introduced(lines, heading.start)
        ):
            index += 1
            continue
        run = [heading]
        while (
            index + len(run) < len(headings)
            and headings[index + len(run)].style == "numbered"
            and headings[index + len(run)].markup_level == heading.markup_level
            and _empty_between(lines, run[-1], headings[index + len(run)])
        ):
            run.append(headings[index + len(run)])
        if len(run) > 1 or not _has_body(lines, run[0], headings[index + 1 : index + 2]):
            dropped.update(id(item) for item in run)  # a lone item with a body is a section
        index += len(run)
    return [heading for heading in headings if id(heading) not in dropped]


def _has_body(lines: list[str], heading: _Heading, following: list[_Heading]) -> bool:
    end = following[0].start if following else len(lines)
    return any(line.strip() for line in lines[heading.end : end])


def _introduced(lines: list[str], start: int) -> bool:
    previous = next(
        (line for line in reversed(lines[max(0, start - 3) : start]) if line.strip()), ""
    )
    return previous.rstrip().endswith(":")


def _empty_between(lines: list[str], first: _Heading, second: _Heading) -> bool:
    return not first.run_in_body and not any(
        line.strip() for line in lines[first.end : second.start]
    )


def _document_title(
    headings: list[_Heading], lines: list[str]
) -> tuple[str, list[_Heading], range]:
    """The leading heading(s) that name the document rather than a part of it.

    The first one becomes the title; its lines leave the text. A second one (a subtitle
    such as `**Acme Privacy Policy**`) and any text around them stay in the preamble.
    """
    if _is_masthead(headings, lines):
        organisation, name = headings[:2]
        return (
            f"{name.title} - {organisation.title}",
            headings[2:],
            range(organisation.start, name.end),
        )
    title_parts: list[str] = []
    consumed = 0
    for position, heading in enumerate(headings[:2]):
        before_is_header = not any(
            len(line.split()) > 12
            for line in lines[(headings[position - 1].end if position else 0) : heading.start]
        )
        unique_top = (
            heading.style == "atx"
            and heading.markup_level
            == min((other.markup_level for other in headings if other.style == "atx"), default=9)
            and sum(
                1
                for other in headings
                if other.style == "atx" and other.markup_level == heading.markup_level
            )
            == 1
            and len(headings) > 1
            and (
                heading.markup_level == 1 or _DOCUMENT_TITLE_WORDS.search(heading.title) is not None
            )
        )
        looks_like_title = _DOCUMENT_TITLE_WORDS.search(heading.title) is not None
        if not before_is_header or not ((unique_top and position == 0) or looks_like_title):
            break
        if heading.style == "numbered":
            break
        title_parts.append(heading.title)
        consumed = position + 1
    title = title_parts[0] if title_parts else ""
    title_lines = range(headings[0].start, headings[0].end) if consumed else range(0)
    return title, headings[consumed:], title_lines


def _title_from_first_line(preamble: str) -> tuple[str, str]:
    lines = preamble.split("\n")
    skipped = 0
    while skipped < len(lines) and (not lines[skipped].strip() or _is_menu(lines[skipped])):
        skipped += 1  # a language picker or menu above the title
    first = lines[skipped] if skipped < len(lines) else ""
    if _LIST_ITEM.match(first) or _LINK.search(first):
        return "", preamble  # a contents entry or list item, not the document's name
    candidate = _clean_title(first)
    if len(candidate.split()) <= 8 and _DOCUMENT_TITLE_WORDS.search(candidate):
        return candidate, "\n".join(lines[:skipped] + lines[skipped + 1 :]).strip("\n")
    return "", preamble


def _is_menu(line: str) -> bool:
    """`English | Deutsch | Français`, `[Home](/) · [Help](/help)`: short items in a row."""
    items = [item.strip() for item in _MENU_SEPARATOR.split(_LINK.sub(r"\1", line))]
    return len(items) >= 3 and all(0 < len(item.split()) <= 3 for item in items)
