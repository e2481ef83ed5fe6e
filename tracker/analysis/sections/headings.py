"""Heading candidates: every dress a heading wears, and the lines that only look like one."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from tracker import rules
from tracker.analysis import weights
from tracker.analysis.dates import is_date_line
from tracker.analysis.sections.bold import bold_title, labelled_caption
from tracker.analysis.sections.items import item_text, section_items
from tracker.analysis.sections.shapes import (
    _LIST_ITEM,
    _heading_words,
    _indented,
    _indented_under,
    _is_caps_line,
    _is_sentence_case_title,
    _is_title_line,
    _next_is_body,
    _next_is_prose,
)

_ATX_OPEN = re.compile(r"[ \t]*(#{1,6})[ \t]+")  # indented too: a heading inside a list item
_EMPTY_ATX = re.compile(r"^[ \t]*(#{1,6})[ \t]*$")
_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|={3,})$")
_LIST_MARKER = re.compile(r"^\s*(?:[*+\-•·]|\d+[.)])\s+")
_INDENTED_UNDERLINE = re.compile(r"^(?P<indent>[ \t]*)(?:=+|-+)[ \t]*$")
_WHOLLY_BOLD = re.compile(r"^(?:\*\*|__)(?P<title>[^*_\n]+?)(?:\*\*|__)$")
_NUMBERED = re.compile(
    r"^\s{0,3}(?P<number>(?:article|section|chapter|part)\s+[0-9IVXLC]+(?:\.\d+)*|"
    r"\d{1,2}(?:\\?\.(?:\d{1,2}|[ivx]{1,5}|[a-z]))*\\?\.?|\d{3}\\?\.|[IVXLC]{1,6}\\?\.|\([a-z]\)|[a-z]\))"
    r"(?:[ \t]*[:.\-–—])?[ \t]+(?P<title>\S.*?)\s*$",
    re.I,
)
_RUN_IN = re.compile(
    r"^\s{0,3}(?P<number>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<title>[A-Z][^.:\n]{1,60}?)"
    r"\s+[-–—:]\s+(?P<body>\S.*)$"
)
_MONTH = "(?:" + "|".join(name for names in rules.load("dates")["months"] for name in names) + ")"
_DATE_ONLY = re.compile(  # `March 25, 2019`, `25 March 2019`, `2019-03-25`: a change log's entry
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+)?"
    r"(?:19|20)\d\d(?:-[01]\d-[0-3]\d)?"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?)?",  # `9 March 2023 13:46`
    re.I,
)
_ITALIC_LINE = re.compile(r"(?:_(?!_)|\*(?!\*))(?P<title>[^_*\n]+)[_*]")
_OUTER_ITEM = re.compile(r"^(\d{1,3})[.)]\s")
_RUN_IN_START = "*0123456789"
_BOLD_NUMBER = re.compile(r"^(\s{0,3})\*\*(\d{1,3}(?:\.\d{1,3})*\.?)\*\*(?=[ \t])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CAMEL = re.compile(r"(?<=[a-z)])(?=[A-Z])")
_BOLD_RUN_IN = re.compile(
    r"^\s{0,3}\*\*(?P<number>\d{1,3}(?:\.\d{1,3})+)\.?(?:\*\*[ \t]*\*\*|[ \t]+)"
    r"(?P<title>[A-Z][^*\n]{0,80}?)\*\*[.:]?[ \t]+(?P<body>\S.*)$"
)
_BOLD_THEN_COLON = re.compile(r"\*\*[^*]+\*\*:")
_LINK_LINE = re.compile(r"[*_]*\[[^\]]*\]\([^)]*\)[*_]*")
_UNMARKED_STYLES = ("sentence", "bold", "numbered")
_PLAIN_STYLES = ("caps", "title", "sentence", "plain")
_GLUED = re.compile(r"^(?P<caps>[A-Z][A-Z0-9 ,'’&/().?\-]*[A-Z?])(?P<rest>[A-Z][a-z][^\n]*)$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(?P<title>[^*_\n]+?)(?:\*\*|__)\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"^(?:\*\*|__|\*|_)+|(?:\*\*|__|\*|_)+$")
_WORD = re.compile(r"[^\W_]+")
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
    rank_as: float | None = None  # the markup level a plain heading continues
    over_items: bool = False  # a bold list item over its own sub-list: never a mere list item

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
        elif len(line) <= 200 and _YEAR.search(line):
            result.extend(_split_glued_date(line))
        else:
            result.append(line)
    return result


def _split_glued_date(line: str) -> list[str]:
    """`# Privacy PolicyLast Modified: 2022-12-16`: the title, then its date on a line of its own,
    so versions that differ only in the date keep one title."""
    for glue in _CAMEL.finditer(line):
        head, date = line[: glue.start()], line[glue.start() :]
        if head.strip(" #*_") and is_date_line(date.lstrip("*_ ")):
            return [head, date]
    return [line]


def _find_headings(lines: list[str]) -> list[_Heading]:
    headings: list[_Heading] = []
    marked = _count_markup(lines) >= weights.MARKED_HEADINGS
    items_over_sections = section_items(lines)
    index = 0
    after_break = False
    late = False  # a markup heading, or a plain one continuing it, came last
    while index < len(lines):
        if not lines[index]:  # a blank line (lines come right-stripped): half of most texts
            index += 1
            continue
        heading = (
            _item_heading(lines, index)
            if index in items_over_sections
            else _heading_at(lines, index, marked)
            or (_plain_after_markup(lines, index) if late and len(lines[index]) <= 80 else None)
        )
        if heading:
            heading.after_break = after_break
            headings.append(heading)
            late = marked and heading.style in (*MARKUP_STYLES, "plain")
            index = heading.end
            after_break = False
            continue
        if _BREAK.match(lines[index]):
            after_break = True
        elif lines[index].strip():
            after_break = False
        index += 1
    return _confirm_sentence_case(_rank_style_switch(_drop_furniture(headings, lines)))


def _item_heading(lines: list[str], index: int) -> _Heading:
    title = _clean_title(item_text(lines[index]))
    return _Heading(index, index + 1, title, "title")


def _drop_furniture(headings: list[_Heading], lines: list[str]) -> list[_Heading]:
    """A plain line printed three times or more (`Diffusable SNCF`, `Back to top`) is a page
    footer or a control, not a heading."""
    plain = [heading for heading in headings if heading.style in _PLAIN_STYLES]
    if not plain:
        return headings
    counts = Counter(line.strip() for line in lines if line.strip())
    furniture = {
        id(h)
        for h in plain
        if counts[lines[h.start].strip()] >= weights.FURNITURE_REPEATS
        and len(h.title.split()) <= weights.FURNITURE_WORDS
    }
    return [heading for heading in headings if id(heading) not in furniture]


def _plain_after_markup(lines: list[str], index: int) -> _Heading | None:
    """`Data Retention` alone between paragraphs, after the `##` headings stopped: a page that
    switched style halfway. Its previous paragraph must be finished (an address block's
    lines follow `write to us at:` or each other) and a paragraph must follow."""
    line = lines[index].strip()
    if not line or len(line) > 80 or lines[index - 1].strip():
        return None
    if index + 1 < len(lines) and lines[index + 1].strip():
        return None
    title = _clean_title(line)
    if not title or line != title or not _is_title_line(title):
        return None
    previous = next((lines[n] for n in range(index - 1, -1, -1) if lines[n].strip()), "")
    if not previous.rstrip().endswith((".", "!", "?", ")", '"', "”")):
        return None
    return _Heading(index, index + 1, title, "plain") if _next_is_prose(lines, index + 1) else None


def _rank_style_switch(headings: list[_Heading]) -> list[_Heading]:
    """Plain headings after the last markup heading continue its level; between markup
    headings they are its sub-headings."""
    level = 0.0
    last_markup = max((n for n, h in enumerate(headings) if h.style in MARKUP_STYLES), default=-1)
    for position, heading in enumerate(headings):
        if heading.style in MARKUP_STYLES:
            level = heading.markup_level
        elif heading.style == "plain":
            heading.style = "title"
            heading.rank_as = level if position > last_markup else None
    return headings


def _confirm_sentence_case(headings: list[_Heading]) -> list[_Heading]:
    """Sentence-case lines are headings only when a document uses at least three headings
    without markup (its bold and numbered ones count); one or two short lines in a document
    that has no other headings are more likely a slogan or a closing remark."""
    sentence_case = [heading for heading in headings if heading.style == "sentence"]
    unmarked = [heading for heading in headings if heading.style in _UNMARKED_STYLES]
    if len(unmarked) < 3:
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
    if not stripped or _is_date_line(stripped) or _is_link_line(stripped):
        return None  # `[Back to top](#top)`, `[For partners](https://...)`: navigation
    if ("....." in stripped or ". . . . ." in stripped or "……" in stripped) and len(stripped) < 300:
        return None  # `PUBLIC CONCERNÉ ........ 3`: a contents entry
    following = lines[index + 1] if index + 1 < len(lines) else ""
    atx = atx_heading(line) or (_empty_atx(line) if "#" in line else None)
    if atx:
        level, raw_title = atx
        if not raw_title.strip():
            return _titled_by_next_line(lines, index, level)
        title = _clean_title(raw_title)
        return _Heading(index, index + 1, title, "atx", level) if title else None
    setext = _setext_text(line, following)
    if setext:
        level = 1 if following.strip().startswith("=") else 2
        return _Heading(index, index + 2, _clean_title(setext), "setext", level)
    previous = lines[index - 1] if index else ""
    standalone = not previous.strip() or _BREAK.match(previous) or _UNDERLINE.match(previous)
    alone = standalone and not following.strip()
    run_in = _run_in_heading(line, index, standalone) if stripped[:1] in _RUN_IN_START else None
    if run_in:
        return run_in
    bold_number = "**" in line[:6] and _BOLD_NUMBER.sub(r"\1\2", line)  # `**67.3.** Training`
    numbered = _NUMBERED.match(bold_number or line)
    if numbered and not standalone and not following.strip():
        alone = _continues_outer_list(lines, index)
    if numbered and numbered.group("title").rstrip("*_ ").endswith(":"):
        numbered = None  # `1. You have the following rights:` introduces a list
    if numbered and alone and _heading_words(_unbold(numbered.group("title")), allow_lower=False):
        return _numbered_heading(index, index + 1, numbered)
    if _LIST_ITEM.match(line):
        return _bold_item_over_items(lines, index) if "**" in line else None
    if len(stripped) > 160:
        return None  # a list item or a paragraph: never a heading line
    bold = bold_title(line) if stripped[:2] in ("**", "__") else None
    if (
        bold
        and alone
        and not bold.endswith(":")
        and (_heading_words(bold, allow_lower=True) or labelled_caption(bold))
    ):
        return _numbered_bold(index, bold) or _Heading(index, index + 1, _clean_title(bold), "bold")
    italic = _ITALIC_LINE.fullmatch(stripped)
    if (
        italic
        and alone
        and _is_title_line(italic.group("title"))
        and _next_is_body(lines, index + 1)
    ):
        return _Heading(index, index + 1, _clean_title(italic.group("title")), "italic")
    plain = _clean_title(stripped)
    if _is_label(stripped, plain):
        return None  # `Summary:`, `Our providers are:`: a label over what follows
    if _in_block(previous, following) and len(following.split()) < weights.ADDRESS_LINE_WORDS:
        return None  # `VAT-ID: DK 38049488` between two lines of an address block
    if _is_caps_line(plain) and (standalone or _indented(following) or not previous.endswith(":")):
        return _Heading(index, index + 1, plain, "caps")
    title_like = _is_title_line(plain) and not marked
    # `Area.` under `... in the Member`: the end of a sentence broken across lines
    ends_sentence = stripped.endswith(".") and previous.rstrip()[-1:].isalnum()
    if title_like and (
        (_indented_under(line, following) and not ends_sentence)
        or (alone and _next_is_body(lines, index + 1))
    ):
        return _Heading(index, index + 1, plain, "title")
    if (
        not marked
        and alone
        and _is_sentence_case_title(plain)
        and stripped[-1:] not in ".!"
        and _next_is_body(lines, index + 1)
    ):
        return _Heading(index, index + 1, plain, "sentence")
    return None


def _numbered_bold(index: int, bold: str) -> _Heading | None:
    """`**67.2. Payment**` ranks by its number, as `**67.3.** Training` beside it does."""
    numbered = _NUMBERED.match(bold)
    if not numbered or not numbered.group("number")[:1].isdigit():
        return None
    return _numbered_heading(index, index + 1, numbered)


def _numbered_heading(start: int, end: int, numbered: re.Match[str]) -> _Heading:
    """A heading its number ranks: `3.1. When you create your Account` is at depth 2."""
    number = numbered.group("number").replace("\\", "").rstrip(".")
    title = _clean_title(numbered.group("title"))
    return _Heading(start, end, title, "numbered", _number_depth(number), number)


def _is_link_line(stripped: str) -> bool:
    return stripped[0] in "[*_" and _LINK_LINE.fullmatch(stripped) is not None


def _empty_atx(line: str) -> tuple[int, str] | None:
    bare = _EMPTY_ATX.match(line)
    return (len(bare.group(1)), "") if bare else None


def _titled_by_next_line(lines: list[str], index: int, level: int) -> _Heading | None:
    """`###` alone on its line over `Cookies and Similar Technologies` (maybe after a blank
    line): the converter left the title's markup on a line of its own."""
    following = next(
        (n for n in range(index + 1, min(index + 3, len(lines))) if lines[n].strip()), 0
    )
    title = _clean_title(lines[following]) if following else ""
    if not title or _EMPTY_ATX.match(lines[following]) or atx_heading(lines[following]):
        return None
    numbered = _NUMBERED.match(lines[following].strip())
    if numbered:  # `3.1. When you create your Account`: its numbering places it
        return _numbered_heading(index, following + 1, numbered)
    return (
        _Heading(index, following + 1, title, "atx", level)
        if _heading_words(title, allow_lower=False)
        else None
    )


def _continues_outer_list(lines: list[str], index: int) -> bool:
    """`7.  Data security` right under item 6's nested list: the outer list's next item
    stands alone though no blank line closes the nested list."""
    item = _OUTER_ITEM.match(lines[index])
    if not item or not lines[index - 1][:1].isspace():
        return False
    for line in reversed(lines[max(0, index - 300) : index]):
        earlier = _OUTER_ITEM.match(line)
        if earlier:
            return int(earlier.group(1)) + 1 == int(item.group(1))
    return False


def _bold_item_over_items(lines: list[str], index: int) -> _Heading | None:
    """`1.  **Personal Data you provide**` over an indented sub-list or paragraph: a heading
    at any depth of the list (`1.  **Account Creation.** We collect...` is a list item)."""
    marker = _LIST_MARKER.match(lines[index])
    title = bold_title(lines[index][marker.end() :]) if marker else None
    if not title or title.endswith((":", ".")) or not _heading_words(title, allow_lower=False):
        return None  # `*   **Registration information.**` over its text: a label
    below = next((line for line in lines[index + 1 : index + 4] if line.strip()), "")
    column = len(marker.group(0).expandtabs(4))
    if len(below) - len(below.lstrip()) < column:
        return None  # the next item of the same list, or text after it
    number = marker.group(0).strip().rstrip(".)")
    if number.isdigit() and not lines[index].startswith("    "):
        heading = _Heading(index, index + 1, _clean_title(title), "numbered", 1.0, number)
        heading.over_items = True
        return heading
    return _Heading(index, index + 1, _clean_title(title), "bold")


def _in_block(previous: str, following: str) -> bool:
    """Between two lines of one block, the one above no finished sentence: an address."""
    if not previous.strip() or not following.strip() or _indented(following):
        return False
    return not previous.rstrip().endswith((".", ":", "!", "?"))


def _is_label(stripped: str, plain: str) -> bool:
    """A line ending in a colon, unless ALL CAPS or a bold title with the colon after the bold
    (`**Update Notes**:`)."""
    if not stripped.rstrip("*_ ").endswith(":") or plain.isupper():
        return False
    return not (_BOLD_THEN_COLON.fullmatch(stripped) and _is_title_line(plain))


def _run_in_heading(line: str, index: int, standalone: bool) -> _Heading | None:
    """`4.1 Cookies - We use...` and `**1.1 Registration; Accounts**. You may...`: a numbered
    caption run into its first paragraph."""
    run_in = _RUN_IN.match(line) or (_BOLD_RUN_IN.match(line) if standalone else None)
    if not run_in or len(run_in.group("title").split()) > 8:
        return None
    number = run_in.group("number")
    return _Heading(index, index + 1, _clean_title(run_in.group("title")), "numbered",
                    _number_depth(number), number, run_in.group("body"))  # fmt: skip


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
    ordered = bool(marker) and marker.group(0).strip()[:1].isdigit()
    wider = ordered and indent == column + 1  # `1. Title` indented as far as `10. ` would be
    if indent != column and not wider and not (indent <= 3 and column <= 3 and not marker):
        return None
    text = line[column:].strip()
    if not _underlines(text, following):
        return None
    if ordered and not text[:1].isdigit():
        return f"{marker.group(0).strip()} {text}"  # the list's number is the section's
    return text


def _unbold(title: str) -> str:
    """`**PROFILES ARE PUBLIC**` as a heading reads it; `**Email.** We send...` is left alone."""
    bold = _WHOLLY_BOLD.match(title.strip())
    return bold.group("title").strip() if bold else title


def _is_date_line(stripped: str) -> bool:
    """`#### Last Updated: May 1, 2020` is the document's date, not a section."""
    if len(stripped) >= 100 or not _YEAR.search(stripped):
        return False  # both readings name a year: most lines are out at once
    atx = atx_heading(stripped)
    title = _clean_title(atx[1] if atx else stripped)
    return is_date_line(title) or _DATE_ONLY.fullmatch(title) is not None


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
