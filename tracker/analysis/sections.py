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

import hashlib
import re
from dataclasses import dataclass, replace
from itertools import pairwise

from tracker import rules
from tracker.analysis.dates import is_date_line
from tracker.analysis.identity import slugify
from tracker.analysis.ingest import normalise_text
from tracker.model import Document, Section

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|={3,})$")
_LIST_ITEM = re.compile(r"^\s*(?:[*+\-•·]|\d+[.)])\s")
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


def parse_document(text: str) -> Document:
    """The document's title, preamble and sections, in order; never raises on any text."""
    lines = _split_glued_headings(normalise_text(text).split("\n"))
    headings = _find_headings(lines)
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


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a section's text: paragraphs, list items, sentences-a-line."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def normalise_title(title: str) -> str:
    """Title for matching: case, punctuation, quotes and numbering removed."""
    title = re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.|\([a-z]\))\s+", "", title.lower())
    return " ".join(_WORD.findall(title))


# Finding heading candidates


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
    count = sum(1 for line in lines if _ATX.match(line))
    for upper, lower in pairwise(lines):
        if upper.strip() and _UNDERLINE.match(lower) and _underlines(upper, lower):
            count += 1
    return count


def _heading_at(lines: list[str], index: int, marked: bool) -> _Heading | None:
    line = lines[index]
    stripped = line.strip()
    if not stripped or _is_date_line(stripped):
        return None
    atx = _ATX.match(line)
    if atx:
        title = _clean_title(atx.group(2))
        return _Heading(index, index + 1, title, "atx", len(atx.group(1))) if title else None
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if _UNDERLINE.match(following) and _underlines(line, following) and not _LIST_ITEM.match(line):
        level = 1 if following.strip().startswith("=") else 2
        return _Heading(index, index + 2, _clean_title(stripped), "setext", level)
    previous = lines[index - 1] if index else ""
    standalone = not previous.strip() or _BREAK.match(previous) or _UNDERLINE.match(previous)
    alone = standalone and not following.strip()
    run_in = _RUN_IN.match(line)
    if run_in and len(run_in.group("title").split()) <= 8:
        number = run_in.group("number")
        return _Heading(index, index + 1, run_in.group("title").strip(), "numbered",
                        _number_depth(number), number, run_in.group("body"))  # fmt: skip
    numbered = _NUMBERED.match(line)
    if numbered and alone and _heading_words(numbered.group("title"), allow_lower=False):
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


def _is_date_line(stripped: str) -> bool:
    """`#### Last Updated: May 1, 2020` is the document's date, not a section."""
    return len(stripped) < 100 and is_date_line(_clean_title(_ATX.sub(r"\2", stripped)))


def _underlines(text: str, underline: str) -> bool:
    """A setext underline is about as long as its text; `==========` after a sentence is a separator."""
    size, width = len(text.strip()), len(underline.strip())
    return size <= 120 and abs(size - width) <= max(3, size * 0.3)


def _clean_title(title: str) -> str:
    title = _EMPHASIS.sub("", _LINK.sub(r"\1", title.strip())).strip()
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


# Tables of contents and the document title


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
        plain = [heading for heading in run if heading.style not in MARKUP_STYLES]
        if len(plain) >= 3 and len(repeated) >= max(2, len(plain) // 2):
            contents.extend(plain)
        index += len(run)
    dropped = {id(heading) for heading in contents}
    return [heading for heading in headings if id(heading) not in dropped], contents


def _drop_introduced_lists(headings: list[_Heading], lines: list[str]) -> list[_Heading]:
    """`We collect the following:` then `1. Your name`, `2. Your email`: a list, not headings."""
    dropped: set[int] = set()
    index = 0
    while index < len(headings):
        heading = headings[index]
        if (
            heading.style != "numbered"
            or heading.run_in_body
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
        dropped.update(id(item) for item in run)
        index += len(run)
    return [heading for heading in headings if id(heading) not in dropped]


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
    first, _, rest = preamble.partition("\n")
    if _LIST_ITEM.match(first) or _LINK.search(first):
        return "", preamble  # a contents entry or list item, not the document's name
    candidate = _clean_title(first)
    if len(candidate.split()) <= 8 and _DOCUMENT_TITLE_WORDS.search(candidate):
        return candidate, rest.strip("\n")
    return "", preamble


# Levels, parents, ids


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
    if heading.style in MARKUP_STYLES:
        lower = heading.markup_level in mixed and not heading.caps
        return heading.markup_level, (0.5 if lower else 0.0)
    if heading.style == "numbered":
        return below_markup + heading.markup_level, 0.0
    caps_or_reset = heading.style == "caps" or (heading.style == "title" and heading.after_break)
    return below_markup + 1, {"caps": 0.0, "title": 0.5, "bold": 0.7}[
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
    kept = [line for line in lines if not _BREAK.match(line)]
    return "\n".join(kept).strip("\n")


# Sections that are tables of contents


def _mark_contents_sections(sections: list[Section]) -> list[Section]:
    """A section most of whose lines name other sections (plain or as links) is a contents list."""
    titles = {normalise_title(section.title) for section in sections}
    marked = []
    for section in sections:
        lines = paragraphs(section.text)
        short = [line for line in lines if len(line) <= 150]  # a paragraph names no section
        is_contents = (
            len(short) >= 3
            and 2 * len(short) >= len(lines)
            and _names_sections(short, len(lines), titles - {normalise_title(section.title)})
        )
        marked.append(replace(section, contents=True) if is_contents else section)
    return marked


def _names_sections(lines: list[str], total: int, others: set[str]) -> bool:
    entries = sum(1 for line in lines if _entry_title(line) in others)
    return entries >= 3 and 2 * entries >= total


def _entry_title(line: str) -> str:
    return normalise_title(_LINK.sub(r"\1", _LIST_ITEM.sub("", line, count=1)))


# Contents entries with no heading in the body


def _recover_contents_entries(
    sections: list[Section], contents: list[_Heading]
) -> tuple[list[Section], list[str]]:
    present = {normalise_title(section.title) for section in sections}
    entries = [normalise_title(entry.title) for entry in contents]
    warnings = []
    for position, entry in enumerate(contents):
        if entries[position] in present:
            continue
        host = _host_section(sections, entries, position, present)
        placed = _place(host, entry.title, sections) if host else None
        if placed:
            sections = placed
            warnings.append(
                f'contents entry "{entry.title}" has no heading in the body; recovered it inside "{host.title}"'
            )
        else:
            warnings.append(f'contents entry "{entry.title}" has no heading in the body')
    return sections, warnings


def _host_section(
    sections: list[Section], entries: list[str], position: int, present: set[str]
) -> Section | None:
    """The section just before where the entry should be: its preceding entry's heading."""
    for earlier in reversed(entries[:position]):
        if earlier in present:
            return next(
                section for section in sections if normalise_title(section.title) == earlier
            )
    return None


def _place(host: Section, title: str, sections: list[Section]) -> list[Section] | None:
    wanted = _content_words(title) - _content_words(host.title)
    words = _content_words(title)
    if not wanted:
        return None
    blocks = host.text.split("\n\n")
    best, best_score = None, 0.0
    for position in range(1, len(blocks)):
        opening = " ".join(blocks[position].split()[:25])
        found = _content_words(opening)
        if not wanted <= found:
            continue
        score = len(words & found) / len(words) + (0.5 if blocks[position - 1] == "" else 0)
        if score > best_score:
            best, best_score = position, score
    if best is None or best_score < 0.6:
        return None
    head_text = "\n\n".join(blocks[:best]).strip("\n")
    tail_text = "\n\n".join(blocks[best:]).strip("\n")
    recovered = Section(
        id=_unique_id(
            _section_id(None, title)
            if host.parent is None
            else f"{host.parent}/{slugify(normalise_title(title))}",
            {},
        ),
        title=title,
        level=host.level,
        parent=host.parent,
        text=tail_text,
        recovered=True,
    )
    index = sections.index(host)
    return [*sections[:index], replace(host, text=head_text), recovered, *sections[index + 1 :]]


def _content_words(text: str) -> set[str]:
    return {
        word.lower().rstrip("s") for word in _WORD.findall(text) if word.lower() not in _STOPWORDS
    }
