"""The effective date of a policy, found near a cue word in its text.

Only dates next to a cue (`effective`, `last updated`, `revised`...) count, so
numbers in the body (`under 13`, `12 months`, `since 2009`) are never taken for
the date. dateparser turns the words into a date; the precision (`day`,
`month`, `year`) is what the words actually say, never a guessed day.
English is read first; a text in a language with rules of its own (`rules/fr/dates.toml`...)
is then read in that language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from tracker import rules
from tracker.analysis import weights
from tracker.errors import InputError
from tracker.model import EffectiveDate
from tracker.text import without_accents

_ENGLISH_RULES = rules.load("dates")
_MONTHS = {
    name: number for number, names in enumerate(_ENGLISH_RULES["months"], start=1) for name in names
}
_YEAR = r"(?:19|20)\d\d"


@dataclass(frozen=True)
class _Reading:
    """How one language states an effective date: its date shapes, the cues a date follows
    (strongest first) and the words that make a date another version's or a period's end."""

    language: str
    in_paragraphs: bool  # whether a cue inside a paragraph may date the text, when no line does
    month_names: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    cues: tuple[tuple[int, re.Pattern[str]], ...]
    other_version: re.Pattern[str]
    until: re.Pattern[str]
    period_end: re.Pattern[str]
    ended_by: re.Pattern[str]


def _reading(language: str, month_names: Iterable[str], in_paragraphs: bool) -> _Reading:
    data = rules.load("dates", language)
    names = frozenset(name.lower() for name in month_names)
    month = "(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\.?"
    return _Reading(
        language=language,
        in_paragraphs=in_paragraphs,
        month_names=names,
        patterns=_date_patterns(month, data["shapes"]),
        cues=tuple(
            (cue["rank"], re.compile(cue["pattern"], re.IGNORECASE)) for cue in data["cues"]
        ),
        other_version=re.compile(data["other_version"]["pattern"], re.IGNORECASE),
        until=re.compile(data["until"]["pattern"], re.IGNORECASE),
        period_end=re.compile(data["until"]["period_end"], re.IGNORECASE),
        ended_by=re.compile(data["until"]["ended_by"], re.IGNORECASE),
    )


def _date_patterns(month: str, shapes: dict) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each date shape with the precision its words carry, most specific first."""
    day, day_month, month_year = shapes["day"], shapes["day_month"], shapes["month_year"]
    named_days = [rf"\b{day}{day_month}{month}{month_year}{_YEAR}\b"]
    if shapes["month_day"]:
        named_days.insert(0, rf"\b{month}\s+{day},?\s+{_YEAR}\b")
    return tuple(
        (precision, re.compile(pattern, re.IGNORECASE))
        for precision, pattern in (
            *(("day", pattern) for pattern in named_days),
            ("day", rf"\b{_YEAR}-[01]\d-[0-3]\d(?:\b|(?=T\d))"),  # `2021-11-24T10:40:47Z` too
            ("day", r"\b[0-3]?\d/[0-3]?\d/(?:19|20)?\d\d\b"),
            ("day", rf"\b[0-3]?\d\.[01]?\d\.{_YEAR}\b"),
            ("month", rf"\b{month}{month_year}{_YEAR}\b"),
            ("month", rf"\b{_YEAR}-[01]\d\b"),
            ("year", rf"\b{_YEAR}\b"),
        )
    )


_ENGLISH = _reading(rules.LANGUAGE, _MONTHS, in_paragraphs=True)


@cache
def _foreign_reading(language: str | None) -> _Reading | None:
    """The rules of a language other than English that has date rules, with dateparser's
    month names for it; None for English, an unknown language or one without rules."""
    if language in (None, rules.LANGUAGE) or "dates" not in rules.files(language):
        return None
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info
    names = [name for month in _CALENDAR for name in info.get(month, [])]
    # Only cues on lines of their own: a French page's `entré en vigueur le 1er juillet 2021`
    # inside a paragraph is a regulation's date, and wrong is worse than missing.
    return _reading(language, [*names, *map(without_accents, names)], in_paragraphs=False)


# dateparser's locale data is keyed by the English names: each month's longest one.
_CALENDAR = tuple(max(names, key=len) for names in _ENGLISH_RULES["months"])
_DAY_FIRST_SIGNS = rules.pattern("dates", "day_first.pattern")
_OWN_JURISDICTION = rules.pattern("dates", "jurisdiction.own")
_MONTH_FIRST_PLACES = frozenset(_ENGLISH_RULES["jurisdiction"]["month_first"])
_GLUED_CUE = re.compile(r"(?<=[a-z])(?=(?:Effective|Last|Updated|Revised|Date)\b)")

_HEADER_LINES = 40
_CUE_REACH = 45  # characters after a cue where its date may start
_MARKUP = re.compile(r"[*_#>`|]+")
# Not after a day's number: `Stand: 1. Januar 2020`.
_SENTENCE_END = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?]\s+[A-Z]")


def find_effective_date(text: str, language: str | None = None) -> EffectiveDate | None:
    """The effective date stated in `text`, or None when it states none.

    The header (the first lines) is searched first, then the whole text, so a
    `Last updated` line at the bottom of a page is found too. A text in another `language`
    with rules of its own (`rules/fr/dates.toml`...) is read by them when no English cue
    dates it, its numeric dates day first.
    """
    lines = [_GLUED_CUE.sub(" ", _MARKUP.sub(" ", line)).strip() for line in text.splitlines()]
    header = [line for line in lines[:_HEADER_LINES] if line]

    def cued(day_first: bool, reading: _Reading = _ENGLISH) -> EffectiveDate | None:
        return _best_cued_date(header, day_first, reading) or _best_cued_date(
            (line for line in lines if line), day_first, reading
        )

    found = _read_in_order(cued, text)
    if found:
        return found
    foreign = _foreign_reading(language)
    if foreign and (found := cued(True, foreign)):
        return found
    return (
        _signed_off_date(lines, foreign or _ENGLISH)
        or _newest_logged_date(lines)
        or _standalone_date_line(header[:5])
    )


def _signed_off_date(lines: list[str], reading: _Reading) -> EffectiveDate | None:
    """The date a text is signed off with, on a line of its own near its end:
    `Donkey Republic, February 2024, version 1.2`, `Berlin, 1. Juli 2020`."""
    closing = [line for line in lines[-_SIGN_OFF_LINES * 3 :] if line][-_SIGN_OFF_LINES:]
    signed = [
        (line, found)
        for line in closing
        if (match := _SIGN_OFF.fullmatch(line))
        and (found := _whole_date(match.group("date"), reading))
    ]
    if len(signed) != 1:  # several are a list (of earlier versions, of offices), not a signature
        return None
    line, (day, precision) = signed[0]
    return EffectiveDate(day, precision, " ".join(line.split()))


_SIGN_OFF_LINES = 12
_SIGN_OFF = re.compile(
    r"[A-Z][\w&.'’()-]*(?:\s+[\w&.'’()-]+){0,4},\s+(?P<date>[^,]+?)"
    r"(?:,?\s+(?:version|v\.?)\s*\d+(?:\.\d+)*)?\.?",
    re.IGNORECASE,
)


def _read_in_order(find, text: str) -> EffectiveDate | None:
    """`find(day_first)`, asking which order numeric dates read in only when one is found
    (scanning a long text for its jurisdiction is the costly part)."""
    found = find(False)
    if found and _SLASHED.search(found.text):
        return find(reads_day_first(text))
    return found


def reads_day_first(text: str) -> bool:
    """Whether `08/12/2026` means 8 December here: by the policy's own jurisdiction (its law,
    its registration) when it names one, else by British, Irish or Australasian signs."""
    places = set()
    for match in _OWN_JURISDICTION.finditer(text):
        place = match.group("law") or match.group("seat") or match.group("form")
        places.add(place in _MONTH_FIRST_PLACES or place.split()[0] in _MONTH_FIRST_PLACES)
    if len(places) == 1:
        return not places.pop()
    return _DAY_FIRST_SIGNS.search(text) is not None


def _newest_logged_date(lines: list[str]) -> EffectiveDate | None:
    """A policy dated only by its change log (lines that are a date, each over an entry)."""
    candidates = (line for line in lines if len(line) <= _DATE_LINE and _YEAR_IN_LINE.search(line))
    logged = [found for line in candidates if (found := _standalone_date_line([line]))]
    return max(logged, key=lambda found: found.value) if len(logged) >= 2 else None


def find_end_date(text: str) -> EffectiveDate | None:
    """The date a version says it stops applying: `Effective until September 29, 2023`."""
    lines = [_MARKUP.sub(" ", line) for line in text.splitlines()[:_HEADER_LINES]]

    def until(day_first: bool) -> EffectiveDate | None:
        for line in lines:
            for cue in _ENGLISH.until.finditer(line):
                found = _date_after(line, cue.end(), day_first, _ENGLISH, until_ok=True)
                if found:
                    return found
        return None

    return _read_in_order(until, text)


def is_date_line(line: str) -> bool:
    """A line that opens with a date cue and names a year: `Last updated: May 2018`."""
    return (
        any(cue.match(line) for _, cue in _ENGLISH.cues) and _YEAR_IN_LINE.search(line) is not None
    )


_YEAR_IN_LINE = re.compile(rf"\b{_YEAR}\b")
_DATE_LINE = 40  # a line that is only a date is no longer than `Wednesday, 25th of September, 2019`


def parse_date_argument(value: str, today: dt.date | None = None) -> EffectiveDate:
    """A date given on the command line: `2016-04-19`, `2018-05`, `2018`, `May 2018`.

    Not empty, and not in the future: more than a day after `today` (the local date, by
    default; a day's grace for time zones) is a typo, not a date a text took effect.
    """
    from tracker.errors import shown

    forms = "use YYYY-MM-DD, YYYY-MM, YYYY or words like 'May 2018'"
    stripped = value.strip()
    if not stripped:
        raise InputError(f"the date is empty: {forms}")
    for precision, pattern in _ENGLISH.patterns:
        match = pattern.fullmatch(stripped)
        if match:
            parsed = _to_date(match.group(0), precision)
            if parsed:
                today = today or dt.date.today()
                if parsed > today + dt.timedelta(days=1):
                    raise InputError(
                        f"the date '{shown(stripped)}' is in the future (today is {today.isoformat()})"
                    )
                return EffectiveDate(parsed, precision, stripped)
    raise InputError(f"cannot read the date '{shown(value)}': {forms}")


def date_in_file_name(file_name: str) -> str | None:
    """The ISO day a file named by its date was captured (`2024-05-03.md`,
    `2024-05-03T10-00.html`, as scrapers name them); None for any other name."""
    match = _DATED_FILE_NAME.fullmatch(file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group("day")).isoformat()
    except ValueError:  # `2024-02-30`
        return None


_DATED_FILE_NAME = re.compile(
    r"(?P<day>(?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T_ ][0-2]\d[-:.]?[0-5]\d(?:[-:.]?[0-5]\d)?Z?)?"
)
_DIGITS = re.compile(r"\d\d")


def _best_cued_date(lines, day_first: bool, reading: _Reading) -> EffectiveDate | None:
    """The date the strongest cue names, the earliest line first. A cue inside a paragraph
    (`The DPA is effective as of 25 May 2018 and replaces...`) is about something the text
    mentions: it ranks after any on a line of its own, as `Last Updated: ...` is."""
    best: tuple[bool, int, int, EffectiveDate] | None = None
    for position, line in enumerate(lines):
        if not _DIGITS.search(line):
            continue  # every date shape has a year in digits: a line without two is skipped
        paragraph = len(line.split()) > weights.DATE_LINE_WORDS
        for rank, cue in reading.cues:
            for cue_match in cue.finditer(line):
                if paragraph and cue_match.start() > 0 and not reading.in_paragraphs:
                    continue
                found = _date_after(line, cue_match.end(), day_first, reading)
                key = (paragraph and cue_match.start() > 0, rank, position)
                if found and (best is None or key < best[:3]):
                    best = (*key, found)
        if best and best[:2] == (False, 0):
            break
    return best[3] if best else None


def _date_after(
    line: str, start: int, day_first: bool, reading: _Reading, until_ok: bool = False
) -> EffectiveDate | None:
    reach = _unspaced(line[start : start + _CUE_REACH + 30], reading.month_names)
    sentence_end = _SENTENCE_END.search(reach)
    if sentence_end:
        reach = reach[: sentence_end.start() + 1]
    for precision, pattern in reading.patterns:
        match = pattern.search(reach)
        if not match or match.start() > _CUE_REACH:
            continue
        if precision == "year" and not _only_filler(reach[: match.start()]):
            continue
        parsed = _to_date(match.group(0), precision, day_first, reading.language)
        begin, date_end = _sentence_start(line, start), start + match.end()
        said = line[begin:date_end]
        ended = reading.period_end.match(line, date_end) or reading.ended_by.search(
            reach, 0, match.start()
        )
        if ended and not until_ok:
            continue  # a period that ended: another version's
        if (
            parsed
            and not reading.other_version.search(said)
            and (until_ok or not reading.until.search(said))
        ):
            return EffectiveDate(parsed, precision, _sentence_from(line, begin, date_end))
    return None


def _unspaced(reach: str, month_names: frozenset[str]) -> str:
    """`F É VRIER 2020` and `DÉCEMBRE 201 9`, as a PDF's text layer spaces them, joined into
    `FÉVRIER` and `2019` with the spaces moved after them, so positions in the line hold;
    only a month name is joined, and only a year right after one."""

    def joined_month(match: re.Match[str]) -> str:
        pieces = match.group(0).split(" ")
        for first in range(len(pieces) - 1):
            word = "".join(pieces[first:])
            if word.lower() in month_names:
                return " ".join([*pieces[:first], word]) + " " * (len(pieces) - first - 1)
        return match.group(0)

    def joined_year(match: re.Match[str]) -> str:
        month, gap, year, last = match.group("month", "gap", "year", "last")
        return f"{month}{gap}{year}{last} " if month.lower() in month_names else match.group(0)

    reach = _SPACED_WORD.sub(joined_month, reach)
    return _SPACED_YEAR.sub(joined_year, reach)


_SPACED_WORD = re.compile(r"\b(?:[^\W\d_]{1,3} )+[^\W\d_]+\b")
_SPACED_YEAR = re.compile(
    r"(?P<month>[^\W\d_]+)(?P<gap>\.?\s+)(?P<year>(?:19|20)\d) (?P<last>\d)\b"
)


def _sentence_start(line: str, cue_end: int) -> int:
    starts = [match.end() for match in re.finditer(r"[.!?]\s+(?=[A-Z*_])", line[:cue_end])]
    return starts[-1] if starts else 0


def _sentence_from(line: str, begin: int, date_end: int) -> str:
    """The sentence holding the cue and its date, as the words the date came from."""
    end_match = re.search(r"[.!?](?:\s|$)", line[date_end:])
    end = date_end + end_match.end() if end_match else len(line)
    return " ".join(line[begin:end].split())[:200]


def _only_filler(between: str) -> bool:
    """A bare year counts only right after its cue (`Last updated: 2018`)."""
    return (
        re.fullmatch(r"[\s:,\-–—]*(?:(?:date|on|in|as of|is|was)\s*[:\-]?\s*)?", between)
        is not None
    )


def _standalone_date_line(lines: list[str]) -> EffectiveDate | None:
    for line in lines:
        found = _whole_date(line.strip(" .:"), _ENGLISH)
        if found:
            return EffectiveDate(found[0], found[1], " ".join(line.split()))
    return None


def _whole_date(words: str, reading: _Reading) -> tuple[dt.date, str] | None:
    """The date and its precision when the words are a date and nothing else (a bare
    year is not enough: `2021` alone is a copyright's or a heading's)."""
    for precision, pattern in reading.patterns[:-1]:
        if pattern.fullmatch(words):
            parsed = _to_date(words, precision, reading is not _ENGLISH, reading.language)
            if parsed:
                return parsed, precision
    return None


_PLAIN_SHAPES = (
    re.compile(
        r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I
    ),
    re.compile(
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})", re.I
    ),
    re.compile(r"(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?"),
    re.compile(r"(?P<year>\d{4})"),
)


def _to_date(
    words: str, precision: str, day_first: bool = False, language: str = rules.LANGUAGE
) -> dt.date | None:
    """The date the words name; unambiguous shapes directly, the rest through dateparser
    (every month name of another language too: the plain shapes know English ones)."""
    slashed = _SLASHED.fullmatch(words.strip())
    if slashed:
        return _slashed_date(slashed, day_first)
    if language == rules.LANGUAGE or not _LETTER.search(words):
        for shape in _PLAIN_SHAPES:
            match = shape.fullmatch(words.strip())
            if match:
                return _plain_date(match)
    return _parsed_date(words, precision, language)


_LETTER = re.compile(r"[^\W\d_]")


_SLASHED = re.compile(r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})")


def _slashed_date(match: re.Match[str], day_first: bool) -> dt.date | None:
    """`07/15/2019` is month first, `15/07/2019` day first; `01/04/2023` is read day first
    only in a text with signs of not being American."""
    first, second, year = (int(match.group(name)) for name in ("first", "second", "year"))
    year += 2000 if year < 100 else 0
    month, day = (second, first) if first > 12 or (day_first and second <= 12) else (first, second)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _plain_date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    month_text = parts.get("month") or "1"
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
    try:
        return dt.date(int(parts["year"]), month or 0, int(parts.get("day") or 1))
    except (ValueError, TypeError):
        return None


def _parsed_date(words: str, precision: str, language: str) -> dt.date | None:
    parser = _parser(language)
    parsed = parser.get_date_data(words.replace("Sept.", "Sep.").replace("sept.", "sep."))
    if parsed.date_obj is None:  # `decembre` as some write `décembre`
        parsed = parser.get_date_data(without_accents(words))
    if parsed.date_obj is None:
        return None
    day = parsed.date_obj.date()
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


@cache
def _parser(language: str):
    from dateparser.date import DateDataParser

    order = rules.load("dates", language)["shapes"]["date_order"]
    return DateDataParser(
        languages=[language], settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": order}
    )
