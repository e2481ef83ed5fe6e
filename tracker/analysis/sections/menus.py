"""A site's menus captured above the policy: plain lines each over a list of a few words an
item (`Plans & services` over `* Dental plans`, `* Pharmacy`), several in a row, before the
first paragraph. A policy's own lists are under its headings and among paragraphs; a run of
menus at the top of a page is the navigation of a whole-page capture, and is not read."""

from __future__ import annotations

from tracker.analysis import weights
from tracker.analysis.sections.headings import _PLAIN_STYLES, _Heading
from tracker.analysis.sections.shapes import _LIST_ITEM, _indented


def without_leading_menus(lines: list[str], headings: list[_Heading]) -> list[str] | None:
    """The lines with the page's leading menus blanked (so line numbers hold), or None."""
    if not headings:
        return None
    starts = [heading.start for heading in headings[1:]] + [len(lines)]
    run_end = 0
    for heading, next_start in zip(headings, starts, strict=True):
        if heading.style not in _PLAIN_STYLES or not _is_menu(lines[heading.end : next_start]):
            break
        run_end += 1
    if run_end < weights.MENU_RUN:
        return None
    start, end = headings[0].start, starts[run_end - 1]
    return lines[:start] + [""] * (end - start) + lines[end:]


def _is_menu(body: list[str]) -> bool:
    """Links of a few words, in a list or indented (a label line like `Get a quote` or a
    teaser sentence among them)."""
    entries = [line for line in body if line.strip()]
    items = [line for line in entries if _LIST_ITEM.match(line) or _indented(line)]
    links = [line for line in entries if _is_link_text(line)]
    return len(items) >= 2 and len(links) >= weights.MENU_LINK_SHARE * len(entries)


def _is_link_text(line: str) -> bool:
    words = _LIST_ITEM.sub("", line).split()
    return len(words) <= weights.MENU_ITEM_WORDS and not line.rstrip().endswith((".", ";", ":"))
