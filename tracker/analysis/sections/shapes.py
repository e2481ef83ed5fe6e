"""Line shapes: what a heading line looks like, whatever its markup."""

from __future__ import annotations

import re

from tracker.analysis import weights

_LIST_ITEM = re.compile(r"^\s*(?:[*+\-•·]|\d+[.)])\s")
_QUOTES = "“\"'‘"


def _heading_words(title: str, *, allow_lower: bool) -> bool:
    words = title.split()
    if not words or len(words) > 14 or len(title) > 110:
        return False
    if title.rstrip("*_ ").endswith((".", ",", ";")) and len(words) > 3:
        return False
    return allow_lower or title[:1].isupper() or title[:1].isdigit() or title[:1] in "“\"'"


def _is_caps_line(title: str) -> bool:
    if len(title) > 160 or not title.isupper():
        return False
    words = title.split()
    if len(words) > 14 or title.endswith((",", ";")) or sum(char.isalpha() for char in title) < 3:
        return False
    if not any(len(word) >= 2 and word.isalpha() for word in re.split(r"[^\w]+", title)):
        return False  # `CF11 9LJ` is a postcode, not a heading
    return not (title.endswith(".") and len(words) > 4)


def _is_title_line(title: str) -> bool:
    words = title.split()
    if not words or len(words) > 10 or len(title) > 80 or re.search(r"[,;|@/]|https?:", title):
        return False
    if any(re.search(r"\d", word) and not re.fullmatch(r"\d{1,4}", word) for word in words):
        return False  # `Children Under 16` is a title; `CF11 9LJ` or `Version 2.3` is not
    if title.endswith((".", ":", "!")) or not title.lstrip(_QUOTES)[:1].isupper():
        return False  # `“Do Not Track” Signals` opens with a quote
    bare = [word.lstrip(_QUOTES + "(") for word in words]  # `Appendix A (China)`
    long_words = [word for word in bare if len(word) > 3]
    capitalised = [word for word in long_words if word[:1].isupper()]
    return len(capitalised) >= max(1, 0.75 * len(long_words))


def _is_sentence_case_title(title: str) -> bool:
    """`Who we share it with`: a short capitalised line with no sentence punctuation; a
    count in brackets (`in the last twelve (12) months`) and an opening quote are allowed."""
    words = title.split()
    return (
        0 < len(words) <= 12
        and len(title) <= 90
        and title.lstrip(_QUOTES)[:1].isupper()
        and not re.search(r"[\d,;:|@/]|https?:", re.sub(r"\(\d{1,3}\)", "", title))
        and not title.endswith((".", "!"))
    )


def _indented(line: str) -> bool:
    return line[:1] in (" ", "\t") and _indent(line) >= 2 and bool(line.strip())


def _indented_under(line: str, following: str) -> bool:
    """The next line is a body indented under this one (a line as indented as the one before
    it is the same paragraph going on: PDF text indents whole blocks)."""
    return _indented(following) and _indent(following) > _indent(line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _next_is_body(lines: list[str], start: int) -> bool:
    for line in lines[
        start : start + weights.BODY_LOOKAHEAD
    ]:  # blank lines between: accordions, spacers
        if line.strip():
            return len(line.split()) >= 6 or _LIST_ITEM.match(line) is not None
    return False


def _next_is_prose(lines: list[str], start: int) -> bool:
    """The next block is a paragraph of text: not a list, a table, a link or a heading."""
    for line in lines[start : start + weights.BODY_LOOKAHEAD]:
        text = line.strip()
        if text:
            opening = text[:1] in "#|[!<>" or _LIST_ITEM.match(line) is not None
            return not opening and len(text.split()) >= 6
    return False
