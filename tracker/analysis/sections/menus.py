"""A site's menus captured with the policy: headings each over a list of a few words an item
(`Plans & services` over `* Dental plans`, `* Pharmacy`), several in a row. A policy's own
lists are under its headings and among paragraphs; a run of menus above the policy is a
whole-page capture's navigation, and one below it is the site's footer. Neither is read."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import takewhile

from tracker.analysis import weights
from tracker.analysis.sections.headings import _PLAIN_STYLES, _Heading
from tracker.analysis.sections.shapes import _LIST_ITEM, _indented


def without_site_menus(lines: list[str], headings: list[_Heading]) -> list[str] | None:
    """The lines with the page's menus blanked (so line numbers hold), or None if it has none.

    Above the policy, menus are plain lines, as a page with no markup prints its headings; below
    it, a footer's menus take any heading style.
    """
    if not headings:
        return None
    starts = [heading.start for heading in headings[1:]] + [len(lines)]
    bodies = [
        (heading, lines[heading.end : end]) for heading, end in zip(headings, starts, strict=True)
    ]
    leading = _run(heading.style in _PLAIN_STYLES and _is_menu(body) for heading, body in bodies)
    trailing = _run(_is_menu(body) for _, body in reversed(bodies[leading:]))
    spans = []
    if leading >= weights.MENU_RUN:
        spans.append((headings[0].start, starts[leading - 1]))
    if trailing >= weights.MENU_RUN:
        spans.append((headings[len(headings) - trailing].start, len(lines)))
    if not spans:
        return None
    blanked = list(lines)
    for start, end in spans:
        blanked[start:end] = [""] * (end - start)
    return blanked


def _run(flags: Iterable[bool]) -> int:
    """How many flags in a row are true from the start (the rest are never computed)."""
    return sum(1 for _ in takewhile(bool, flags))


def _is_menu(body: list[str]) -> bool:
    """Links of a few words, in a list or indented (a label line like `Get a quote` or a
    teaser sentence among them)."""
    entries = [line for line in body if line.strip()]
    if any(len(line.split()) > weights.MENU_TEASER_WORDS for line in entries):
        return False  # `Contact Us` over how to write to us, then the footer's links
    items = [line for line in entries if _LIST_ITEM.match(line) or _indented(line)]
    links = [line for line in entries if _is_link_text(line)]
    return len(items) >= 2 and len(links) >= weights.MENU_LINK_SHARE * len(entries)


def _is_link_text(line: str) -> bool:
    words = _LIST_ITEM.sub("", line).split()
    return len(words) <= weights.MENU_ITEM_WORDS and not line.rstrip().endswith((".", ";", ":"))
