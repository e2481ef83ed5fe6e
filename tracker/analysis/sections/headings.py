"""Heading candidates: every dress a heading wears, and the lines that only look like one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from tracker import rules
from tracker.analysis.dates import is_date_line

_ATX_OPEN = re.compile(r"[ \t]*(#{1,6})[ \t]+")  # indented too: a heading inside a list item
_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|={3,})$")
_LIST_ITEM = re.compile(r"^\s*(?:[*+\-•·]|\d+[.)])\s")
_LIST_MARKER = re.compile(r"^\s*(?:[*+\-•·]|\d+[.)])\s+")
_INDENTED_UNDERLINE = re.compile(r"^(?P<indent>[ \t]*)(?:=+|-+)[ \t]*$")
_WHOLLY_BOLD = re.compile(r"^(?:\*\*|__)(?P<title>[^*_\n]+?)(?:\*\*|__)$")
_NUMBERED = re.compile(
    r"^\s{0,3}(?P<number>(?:article|section|chapter|part)\s+[0-9IVXLC]+(?:\.\d+)*|"
    r"\d{1,2}(?:\\?\.\d{1,2})*\\?\.?|[IVXLC]{1,6}\\?\.|\([a-z]\)|[a-z]\))"
    r"(?:[ \t]*[:.\-–—])?[ \t]+(?P<title>\S.*?)\s*$",
    re.I,
)
_RUN_IN = re.compile(
    r"^\s{0,3}(?P<number>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<title>[A-Z][^.:\n]{1,60}?)"
    r"\s+[-–—:]\s+(?P<body>\S.*)$"
)
_GLUED = re.compile(r"^(?P<caps>[A-Z][A-Z0-9 ,'’&/()\-]*[A-Z])(?P<rest>[A-Z][a-z][^\n]*)$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(?P<title>[^*_\n]+?)(?:\*\*|__)\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"^(?:\*\*|__|\*|_)+|(?:\*\*|__|\*|_)+$")
_WORD = re.compile(r"[^\W_]+")
_CONTENTS_TITLES = rules.pattern("headings", "contents_titles", re.I)
_DOCUMENT_TITLE_WORDS = rules.pattern("headings", "document_title", re.I)
_STOPWORDS = rules.words("stopwords", "title_words")

MARKUP_STYLES = ("atx", "setext")


@dataclass
class _Heading:
    start: int
    end: int
    title: str
    style: str
    markup_level: float = 0.0
    number: str = ""
    run_in_body: str = ""
    after_break: bool = False

    @property
    def caps(self) -> bool:
        return self.title.isupper() and sum(char.isalpha() for char in self.title) >= 2


def _split_glued_headings(lines: list[str]) -> list[str]:
    result = []
    for line in lines:
        match = _GLUED.match(line.strip())
        caps = match.group("caps") if match else ""
        if match and " " in caps and sum(char.isalpha() for char in caps) >= 8 and len(line) < 160:
            result.extend([caps, match.group("rest")])
        else:
            result.append(line)
    return result


def _find_headings(lines: list[str]) -> list[_Heading]:
    headings: list[_Heading] = []
    marked = _count_markup(lines) >= 2
    index = 0
    after_break = False
    while index < len(lines):
        heading = _heading_at(lines, index, marked)
        if heading:
            heading.after_break = after_break
            headings.append(heading)
            index = heading.end
            after_break = False
            continue
        if _BREAK.match(lines[index]):
            after_break = True
        elif lines[index].strip():
            after_break = False
        index += 1
    return _confirm_sentence_case(headings)


def _confirm_sentence_case(headings: list[_Heading]) -> list[_Heading]:
    """Sentence-case lines are headings only when a document uses at least three of them;
    one or two short lines are more likely a slogan or a closing remark."""
    sentence_case = [heading for heading in headings if heading.style == "sentence"]
    if len(sentence_case) < 3:
        return [heading for heading in headings if heading.style != "sentence"]
    for heading in sentence_case:
        heading.style = "title"
    return headings


def _count_markup(lines: list[str]) -> int:
    count = sum(1 for line in lines if _ATX_OPEN.match(line))
    for upper, lower in pairwise(lines):
        if _setext_text(upper, lower):
            count += 1
    return count


def _heading_at(lines: list[str], index: int, marked: bool) -> _Heading | None:
    line = lines[index]
    stripped = line.strip()
    if not stripped or _is_date_line(stripped):
        return None
    atx = atx_heading(line)
    if atx:
        level, raw_title = atx
        title = _clean_title(raw_title)
        return _Heading(index, index + 1, title, "atx", level) if title else None
    following = lines[index + 1] if index + 1 < len(lines) else ""
    setext = _setext_text(line, following)
    if setext:
        level = 1 if following.strip().startswith("=") else 2
        return _Heading(index, index + 2, _clean_title(setext), "setext", level)
    previous = lines[index - 1] if index else ""
    standalone = not previous.strip() or _BREAK.match(previous) or _UNDERLINE.match(previous)
    alone = standalone and not following.strip()
    run_in = _RUN_IN.match(line)
    if run_in and len(run_in.group("title").split()) <= 8:
        number = run_in.group("number")
        return _Heading(index, index + 1, run_in.group("title").strip(), "numbered",
                        _number_depth(number), number, run_in.group("body"))  # fmt: skip
    numbered = _NUMBERED.match(line)
    if numbered and alone and _heading_words(_unbold(numbered.group("title")), allow_lower=False):
        number = numbered.group("number").replace("\\", "").rstrip(".")
        title = _clean_title(numbered.group("title"))
        return _Heading(index, index + 1, title, "numbered", _number_depth(number), number)
    if _LIST_ITEM.match(line) or len(stripped) > 160:
        return None  # a list item or a paragraph: never a heading line
    bold = _BOLD_LINE.match(line)
    if (
        bold
        and alone
        and not bold.group("title").rstrip().endswith(":")
        and _heading_words(bold.group("title"), allow_lower=True)
    ):
        return _Heading(index, index + 1, _clean_title(bold.group("title")), "bold")
    plain = _clean_title(stripped)
    if _is_caps_line(plain) and (standalone or _indented(following) or not previous.endswith(":")):
        return _Heading(index, index + 1, plain, "caps")
    title_like = _is_title_line(plain) and not marked
    if title_like and (_indented(following) or (alone and _next_is_body(lines, index + 1))):
        return _Heading(index, index + 1, plain, "title")
    if not marked and alone and _is_sentence_case_title(plain) and _next_is_body(lines, index + 1):
        return _Heading(index, index + 1, plain, "sentence")
    return None


def _setext_text(line: str, following: str) -> str | None:
    """The text a setext underline makes a heading, also inside a list item: `*   Title` or
    `2.  1\\. Title` over an underline indented to the item's text (pages converted from HTML
    put whole policies in list items, one item a section)."""
    underline = _INDENTED_UNDERLINE.match(following)
    if not underline or not line.strip():
        return None
    marker = _LIST_MARKER.match(line)
    column = len(marker.group(0)) if marker else len(line) - len(line.lstrip())
    indent = len(underline.group("indent").expandtabs(4))
    if indent != column and not (indent <= 3 and column <= 3 and not marker):
        return None
    text = line[column:].strip()
    return text if _underlines(text, following) else None


def _unbold(title: str) -> str:
    """`**PROFILES ARE PUBLIC**` as a heading reads it; `**Email.** We send...` is left alone."""
    bold = _WHOLLY_BOLD.match(title.strip())
    return bold.group("title").strip() if bold else title


def _is_date_line(stripped: str) -> bool:
    """`#### Last Updated: May 1, 2020` is the document's date, not a section."""
    if len(stripped) >= 100:
        return False
    atx = atx_heading(stripped)
    return is_date_line(_clean_title(atx[1] if atx else stripped))


def atx_heading(line: str) -> tuple[int, str] | None:
    """`## Title ##` -> (2, "Title"), in linear time: a regex with a lazy title between runs
    of spaces took seconds on one long line of them."""
    opening = _ATX_OPEN.match(line)
    if not opening:
        return None
    title = line[opening.end() :].rstrip(" \t")
    unclosed = title.rstrip("#")
    if unclosed != title and (not unclosed or unclosed[-1] in " \t"):
        title = unclosed.rstrip(" \t")
    return len(opening.group(1)), title


def _underlines(text: str, underline: str) -> bool:
    """A setext underline is about as long as its text; `==========` after a sentence is a separator."""
    size, width = len(text.strip()), len(underline.strip())
    return size <= 120 and abs(size - width) <= max(3, size * 0.3)


def _clean_title(title: str) -> str:
    title = _EMPHASIS.sub("", _LINK.sub(r"\1", title.strip())).strip()
    if title.startswith("[") and "]" not in title:
        title = title[1:]  # a link the converter broke across lines: `[Title` over its underline
    title = title.replace("\\", "")
    return title.rstrip(":.").strip().strip("*_").strip()


def _split_number(title: str) -> tuple[str, str]:
    """`(A). Legal Basis` -> (`A`, `Legal Basis`); `1.2 Cookies` -> (`1.2`, `Cookies`)."""
    match = re.match(
        r"^\(?([A-Za-z]|\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6})[.)]*\.?\s+(?=[A-Z“\"'])", title
    )
    if not match or (
        len(match.group(1)) == 1
        and match.group(1).isalpha()
        and not re.match(r"^\(?[A-Za-z][.)]", title)
    ):
        return "", title
    return match.group(1), title[match.end() :]


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
    if title.endswith((".", ":", "!")) or not title[:1].isupper():
        return False
    long_words = [word for word in words if len(word) > 3]
    capitalised = [word for word in long_words if word[:1].isupper()]
    return len(capitalised) >= max(1, 0.75 * len(long_words))


def _is_sentence_case_title(title: str) -> bool:
    """`Who we share it with`: a short capitalised line with no sentence punctuation."""
    words = title.split()
    return (
        0 < len(words) <= 8
        and len(title) <= 60
        and title[:1].isupper()
        and not re.search(r"[\d,;:|@/]|https?:", title)
        and not title.endswith((".", "!"))
    )


def _indented(line: str) -> bool:
    return line[:1] in (" ", "\t") and len(line) - len(line.lstrip()) >= 2 and bool(line.strip())


def _next_is_body(lines: list[str], start: int) -> bool:
    for line in lines[start : start + 3]:
        if line.strip():
            return len(line.split()) >= 6 or _LIST_ITEM.match(line) is not None
    return False


def _number_depth(number: str) -> float:
    lowered = number.lower()
    for depth, word in enumerate(("part", "chapter", "article"), start=3):
        if lowered.startswith(word):
            return depth / 10  # Part I holds chapters, chapters hold articles
    if lowered.startswith("section"):
        return 0.75
    if re.fullmatch(r"[IVXLC]+", number.rstrip(".")):
        return 0.6  # I. II. IV. (upper case); a lone `a)` or `(c)` is a list level below
    if "(" in lowered or lowered.endswith(")"):
        return 4.0
    return float(len([part for part in re.split(r"\\?\.", number) if part]))
