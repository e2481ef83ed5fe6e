"""Lists whose items are a policy's sections: `* Who we are` over indented paragraphs, item
after item, as a page of accordions or tabs converts to Markdown."""

from __future__ import annotations

import re

from tracker.analysis import weights
from tracker.analysis.sections.shapes import _LIST_ITEM, _heading_words, _indented

_MARGIN_ITEM = re.compile(r"^[*+\-•·][ \t]+")


def item_text(line: str) -> str:
    """An item's text without its marker."""
    return _MARGIN_ITEM.sub("", line).strip()


def section_items(lines: list[str]) -> frozenset[int]:
    """`* Who is the data controller` over indented paragraphs, item after item: a list whose
    items are the policy's sections (a page of accordions converted to Markdown). Only when
    most of its items have that shape: one item with a paragraph under it is a list item."""
    found: set[int] = set()
    for items in _top_level_lists(lines):
        shaped = [start for start, end in items if _is_section_item(lines, start, end)]
        if len(shaped) >= weights.SECTION_ITEMS and len(shaped) >= (
            weights.SECTION_ITEM_SHARE * len(items)
        ):
            found.update(shaped)
    return frozenset(found)


def _top_level_lists(lines: list[str]) -> list[list[tuple[int, int]]]:
    """Each list of unnumbered items at the margin, as (first, past last) lines of each item:
    an item runs over blank and indented lines; any other line ends the list."""
    lists: list[list[tuple[int, int]]] = []
    items: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        if _MARGIN_ITEM.match(line):
            items.append((index, index + 1))
        elif items and (not line.strip() or line[:1].isspace()):
            items[-1] = (items[-1][0], index + 1)
        elif items:
            lists.append(items)
            items = []
    return [*lists, items] if items else lists


def _is_section_item(lines: list[str], start: int, end: int) -> bool:
    title = item_text(lines[start])
    if (
        "**" in title
        or title.endswith((".", ":", ";", ","))
        or not _heading_words(title, allow_lower=False)
    ):
        return False
    return any(
        _indented(line)
        and not _LIST_ITEM.match(line)
        and len(line.split()) >= weights.SECTION_ITEM_PROSE_WORDS
        for line in lines[start + 1 : end]
    )
