"""The effective date of a policy, found near a cue word in its text.

Only dates next to a cue (`effective`, `last updated`, `revised`...) count, so
numbers in the body (`under 13`, `12 months`, `since 2009`) are never taken for
the date. dateparser turns the words into a date; the precision (`day`,
`month`, `year`) is what the words actually say, never a guessed day.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from tracker import rules
from tracker.analysis import weights
from tracker.errors import InputError
from tracker.model import EffectiveDate

_MONTH_NAMES: tuple[tuple[str, ...], ...] = tuple(map(tuple, rules.load("dates")["months"]))
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

# Each pattern with the precision its words carry, most specific first.
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (precision, re.compile(pattern, re.IGNORECASE))
    for precision, pattern in (
        ("day", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("day", rf"\b(?:the\s+)?{_DAY}\s+(?:day\s+)?(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
        ("day", rf"\b{_YEAR}-[01]\d-[0-3]\d(?:\b|(?=T\d))"),  # `2021-11-24T10:40:47Z` too
        ("day", r"\b[0-3]?\d/[0-3]?\d/(?:19|20)?\d\d\b"),
        ("day", rf"\b[0-3]?\d\.[01]?\d\.{_YEAR}\b"),
        ("month", rf"\b{_MONTH},?\s+{_YEAR}\b"),
        ("month", rf"\b{_YEAR}-[01]\d\b"),
        ("year", rf"\b{_YEAR}\b"),
    )
)

# Cue words, strongest first: an explicit effective date beats a revision date.
_CUES: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (cue["rank"], re.compile(cue["pattern"], re.IGNORECASE)) for cue in rules.load("dates")["cues"]
)
_OTHER_VERSION = rules.pattern("dates", "other_version.pattern", re.IGNORECASE)
_DAY_FIRST_SIGNS = rules.pattern("dates", "day_first.pattern")
_UNTIL = rules.pattern("dates", "until.pattern", re.IGNORECASE)
_PERIOD_END = rules.pattern("dates", "until.period_end", re.IGNORECASE)
_ENDED_BY = rules.pattern("dates", "until.ended_by", re.IGNORECASE)
_OWN_JURISDICTION = rules.pattern("dates", "jurisdiction.own")
_MONTH_FIRST_PLACES = frozenset(rules.load("dates")["jurisdiction"]["month_first"])
_GLUED_CUE = re.compile(r"(?<=[a-z])(?=(?:Effective|Last|Updated|Revised|Date)\b)")

_HEADER_LINES = 40
_CUE_REACH = 45  # characters after a cue where its date may start
_MARKUP = re.compile(r"[*_#>`|]+")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


def find_effective_date(text: str) -> EffectiveDate | None:
    """The effective date stated in `text`, or None when it states none.

    The header (the first lines) is searched first, then the whole text, so a
    `Last updated` line at the bottom of a page is found too.
    """
    lines = [_GLUED_CUE.sub(" ", _MARKUP.sub(" ", line)).strip() for line in text.splitlines()]
    header = [line for line in lines[:_HEADER_LINES] if line]

    def cued(day_first: bool) -> EffectiveDate | None:
        return _best_cued_date(header, day_first) or _best_cued_date(
            (line for line in lines if line), day_first
        )

    found = _read_in_order(cued, text)
    if found:
        return found
    return _newest_logged_date(lines) or _standalone_date_line(header[:5])


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
            for cue in _UNTIL.finditer(line):
                found = _date_after(line, cue.end(), day_first, until_ok=True)
                if found:
                    return found
        return None

    return _read_in_order(until, text)


def is_date_line(line: str) -> bool:
    """A line that opens with a date cue and names a year: `Last updated: May 2018`."""
    return any(cue.match(line) for _, cue in _CUES) and _YEAR_IN_LINE.search(line) is not None


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
    for precision, pattern in _DATE_PATTERNS:
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


def _best_cued_date(lines, day_first: bool = False) -> EffectiveDate | None:
    """The date the strongest cue names, the earliest line first. A cue inside a paragraph
    (`The DPA is effective as of 25 May 2018 and replaces...`) is about something the text
    mentions: it ranks after any on a line of its own, as `Last Updated: ...` is."""
    best: tuple[bool, int, int, EffectiveDate] | None = None
    for position, line in enumerate(lines):
        if not _DIGITS.search(line):
            continue  # every date shape has a year in digits: a line without two is skipped
        paragraph = len(line.split()) > weights.DATE_LINE_WORDS
        for rank, cue in _CUES:
            for cue_match in cue.finditer(line):
                found = _date_after(line, cue_match.end(), day_first)
                key = (paragraph and cue_match.start() > 0, rank, position)
                if found and (best is None or key < best[:3]):
                    best = (*key, found)
        if best and best[:2] == (False, 0):
            break
    return best[3] if best else None


def _date_after(
    line: str, start: int, day_first: bool = False, until_ok: bool = False
) -> EffectiveDate | None:
    reach = line[start : start + _CUE_REACH + 30]
    sentence_end = _SENTENCE_END.search(reach)
    if sentence_end:
        reach = reach[: sentence_end.start() + 1]
    for precision, pattern in _DATE_PATTERNS:
        match = pattern.search(reach)
        if not match or match.start() > _CUE_REACH:
            continue
        if precision == "year" and not _only_filler(reach[: match.start()]):
            continue
        parsed = _to_date(match.group(0), precision, day_first)
        begin, date_end = _sentence_start(line, start), start + match.end()
        said = line[begin:date_end]
        ended = _PERIOD_END.match(line, date_end) or _ENDED_BY.search(reach, 0, match.start())
        if ended and not until_ok:
            continue  # a period that ended: another version's
        if parsed and not _OTHER_VERSION.search(said) and (until_ok or not _UNTIL.search(said)):
            return EffectiveDate(parsed, precision, _sentence_from(line, begin, date_end))
    return None


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
        for precision, pattern in _DATE_PATTERNS[:-1]:
            match = pattern.fullmatch(line.strip(" .:"))
            if match:
                parsed = _to_date(match.group(0), precision)
                if parsed:
                    return EffectiveDate(parsed, precision, " ".join(line.split()))
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


def _to_date(words: str, precision: str, day_first: bool = False) -> dt.date | None:
    """The date the words name; unambiguous shapes directly, the rest through dateparser."""
    slashed = _SLASHED.fullmatch(words.strip())
    if slashed:
        return _slashed_date(slashed, day_first)
    for shape in _PLAIN_SHAPES:
        match = shape.fullmatch(words.strip())
        if match:
            return _plain_date(match)
    return _parsed_date(words, precision)


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


def _parsed_date(words: str, precision: str) -> dt.date | None:
    parsed = _parser().get_date_data(words.replace("Sept.", "Sep.").replace("sept.", "sep."))
    if parsed.date_obj is None:
        return None
    day = parsed.date_obj.date()
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


@cache
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY"},
    )
