"""Two policies on one page: an upcoming version above the one still in force, or the reverse.

The rule is the page's shape, not a service's wording: the second copy repeats the page's own
section titles, in order, over bodies in the same words (a summary repeats the titles too, but
not the words), and something announces it in the few lines above (`Current Privacy Policy`,
`Effective until ...`, a date line), which also says whether it is the previous or the next
version. Without that, repeated sections are cards over the full text, not two versions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tracker import rules
from tracker.analysis import weights
from tracker.analysis.dates import is_date_line
from tracker.analysis.sections.headings import _BREAK, _UNDERLINE, _clean_title, _Heading
from tracker.model import Relation
from tracker.text import normalise_title

_PREVIOUS = rules.pattern("pages", "embedded.previous", re.IGNORECASE)
_NEXT = rules.pattern("pages", "embedded.next", re.IGNORECASE)
_SHORT_LINE = 120  # a heading or a date line; a longer notice belongs to the text above
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Boundary:
    line: int  # 0-based index of the first line of the second copy
    relation: Relation


def find_boundary(lines: list[str], headings: list[_Heading]) -> Boundary | None:
    """Where a second copy of the page's policy starts, if the page holds one."""
    titles = [normalise_title(heading.title) for heading in headings]
    openings = {
        title: position for position, title in enumerate(titles[: weights.EMBEDDED_OPENING])
    }
    for start in range(2, len(headings) - weights.EMBEDDED_SHARED_TITLES + 1):
        repeats_opening = titles[start] in openings and openings[titles[start]] < start
        if repeats_opening and _is_copy(lines, headings, titles, start):
            first_line = _opening_line(lines, headings[start].start)
            if first_line == headings[start].start:
                continue  # nothing announces another version: a summary above its full text
            return Boundary(first_line, _relation(lines[first_line : headings[start].start]))
    return None


def _is_copy(lines: list[str], headings: list[_Heading], titles: list[str], start: int) -> bool:
    first = {title: position for position, title in reversed(list(enumerate(titles[:start])))}
    second = {
        title: start + position for position, title in reversed(list(enumerate(titles[start:])))
    }
    shared = [title for title in second if title in first and title]
    smaller = min(len(first), len(second))
    if len(first) < weights.EMBEDDED_DISTINCT * start:
        return False  # a page of repeated navigation blocks (`Back`, `Back`...), not a policy
    if (
        len(shared) < weights.EMBEDDED_SHARED_TITLES
        or len(shared) < weights.EMBEDDED_SHARED_SHARE * smaller
    ):
        return False
    in_order = _longest_increasing([first[title] for title in sorted(shared, key=second.get)])
    if in_order < weights.EMBEDDED_SHARED_SHARE * len(shared):
        return False
    likeness = [
        _likeness(
            _body_words(lines, headings, first[title]), _body_words(lines, headings, second[title])
        )
        for title in shared
    ]
    import statistics  # rarely reached: most pages hold one policy

    return statistics.median(likeness) >= weights.EMBEDDED_BODY_LIKENESS


def _body_words(lines: list[str], headings: list[_Heading], position: int) -> set[str]:
    end = headings[position + 1].start if position + 1 < len(headings) else len(lines)
    return {
        word.lower() for line in lines[headings[position].end : end] for word in _WORD.findall(line)
    }


def _likeness(first: set[str], second: set[str]) -> float:
    if not first and not second:
        return 1.0
    return len(first & second) / len(first | second)


def _longest_increasing(values: list[int]) -> int:
    tails: list[int] = []
    for value in values:
        position = bisect.bisect_left(tails, value)
        tails[position : position + 1] = [value]
    return len(tails)


def _opening_line(lines: list[str], heading_line: int) -> int:
    """The first of the lines just above the copy that open it: cues, dates, their underlines."""
    opening = heading_line
    seen = 0
    for index in range(heading_line - 1, -1, -1):
        line = lines[index].strip()
        if not line or _BREAK.match(line) or _UNDERLINE.match(line):
            continue
        seen += 1
        if seen > weights.EMBEDDED_CUE_LINES or not _opens_copy(line):
            break
        opening = index
    return opening


def _opens_copy(line: str) -> bool:
    if len(line) > _SHORT_LINE:
        return False
    cleaned = _clean_title(line.lstrip("#").strip())
    return is_date_line(cleaned) or bool(_PREVIOUS.search(cleaned) or _NEXT.search(cleaned))


def _relation(opening: list[str]) -> Relation:
    """`next` only when what opens the copy announces a version to come and no version in force."""
    text = " ".join(line.strip() for line in opening if len(line) <= _SHORT_LINE)
    if _NEXT.search(text) and not _PREVIOUS.search(text):
        return Relation.NEXT
    return Relation.PREVIOUS
