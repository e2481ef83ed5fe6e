"""The data model: plain immutable records passed between the pipeline steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class Precision(StrEnum):
    """How precisely a date is known: stated to the day, month or year, or only recorded."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RECORDED = "recorded"


PRECISIONS = tuple(Precision)


class ChangeKind(StrEnum):
    """What happened to a group of sections between two versions."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    RENAMED = "renamed"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    REMOVED = "removed"


class Significance(StrEnum):
    SUBSTANTIVE = "substantive"
    MINOR = "minor"
    COSMETIC = "cosmetic"
    NONE = "none"


class Reason(StrEnum):
    """Why a change got its significance; `present.wording.reason` puts it in words."""

    NO_CHANGE = "no_change"
    FACTS = "facts"
    COSMETIC = "cosmetic"
    CONTENTS = "contents"
    DATE_ONLY = "date_only"
    NEW_SECTION = "new_section"
    SECTION_REMOVED = "section_removed"
    TEXT_UNCHANGED = "text_unchanged"
    REWORDED = "reworded"


class Relation(StrEnum):
    """How a second policy found on the same page stands to the page's own text."""

    PREVIOUS = "previous"  # the version still in force below the upcoming one, or an older one
    NEXT = "next"  # the upcoming version below the one in force


class CaptureQuality(StrEnum):
    """Whether a captured text is the policy: `ok`, or what is wrong with the capture."""

    OK = "ok"
    TRUNCATED = "truncated"  # much shorter than the version before, and stops early
    STUB = "stub"
    REDIRECT = "redirect"
    NOT_A_POLICY = "not_a_policy"
    FLATTENED = "flattened"  # a long text on a line or two: its line breaks, so its headings, lost


class DocumentType(StrEnum):
    """What kind of document a policy is; each has its own topic vocabulary."""

    PRIVACY_POLICY = "privacy_policy"
    TERMS_OF_SERVICE = "terms_of_service"
    COOKIE_POLICY = "cookie_policy"
    COMMUNITY_GUIDELINES = "community_guidelines"
    OTHER = "other"


class WarningKind(StrEnum):
    """What a reader of a diff must know before trusting it."""

    LANGUAGE_CHANGED = "language_changed"
    DOCUMENT_CHANGED = "document_changed"
    CAPTURE = "capture"
    EMBEDDED = "embedded"
    TRANSIENT = "transient"  # a side seen only between two captures of one other text
    STALE = "stale"  # a side that states a date long before the version before it


class FactChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


# A use case reports progress as `progress(advance, total)`: `total` once it is known.
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class EffectiveDate:
    """When a version took effect, as precisely as its text says.

    `precision` is `day`, `month` or `year` for a date stated in the text, or
    `recorded` when the text states none and the date is when it was recorded.
    """

    value: dt.date
    precision: str
    text: str = ""

    @property
    def iso(self) -> str:
        return self.value.isoformat()

    @property
    def short(self) -> str:
        """The date as precise as it is: `2016-04-19`, `2018-05` or `2018`."""
        if self.precision == "month":
            return self.value.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.value.year)
        return self.iso

    @property
    def label(self) -> str:
        """The date in words: `April 19, 2016`, `May 2018`, `2018`."""
        if self.precision == "month":
            return self.value.strftime("%B %Y")
        if self.precision == "year":
            return str(self.value.year)
        words = f"{self.value.strftime('%B')} {self.value.day}, {self.value.year}"
        return f"{words} (recorded)" if self.precision == "recorded" else words


@dataclass(frozen=True)
class Source:
    """Where a snapshot's bytes came from."""

    file_name: str | None = None
    url: str | None = None
    archived_on: str | None = None
    domain: str | None = None
    recorded_on: str | None = None
    origin_commit: str | None = None
    origin_link: str | None = None
    extraction_change: bool = False


class ObservedBy(StrEnum):
    """Where the date a capture was seen comes from, most trusted first."""

    GIVEN = "given"  # `add --observed`
    ARCHIVE = "archive"  # the web archive's capture date
    RECORDED = "recorded"  # an Open Terms Archive recorded date
    FILE_NAME = "file_name"  # a file named by its date, as scrapers write them
    FETCHED = "fetched"  # fetched from its URL by this add
    ADDED = "added"  # only the day of the add: when it was filed, not when it was online


class VersionFlag(StrEnum):
    """What a version's dates and sightings say beside its text (capture flags are the
    CaptureQuality values)."""

    SILENT_CHANGE = "silent_change"  # the text changed substantively, the stated date did not
    DATE_ONLY_CHANGE = "date_only_change"  # only the stated date changed
    REVERTED = "reverted"  # the text of an earlier, not the previous, version again
    TRANSIENT = "transient"  # seen only between two captures of one other text: a stale or
    # passing capture (`History.step` pairs the steps that undo each other)
    ANNOUNCED = "announced"  # it states a date later than it was first seen: upcoming
    BACKDATED = "backdated"  # it states a date before the previous version's, or before the
    # previous text was last seen


@dataclass(frozen=True)
class Observation:
    """One sighting of a text: the day it was seen, and how that day is known."""

    date: str  # ISO date
    by: str = ObservedBy.ADDED  # an ObservedBy

    @property
    def dated(self) -> bool:
        """Whether it says when the text was online (an add's own day says only when it was filed)."""
        return self.by != ObservedBy.ADDED


@dataclass(frozen=True)
class Ingested:
    """A decoded, cleaned text and what ingest learned about where it came from."""

    text: str
    source: Source
    title_hint: str | None = None
    encoding: str = "utf-8"  # what the bytes were read as; anything but UTF-8 is worth saying


@dataclass(frozen=True)
class Snapshot:
    """One dated version of one policy, ready to be filed."""

    policy: str
    effective: EffectiveDate
    text: str
    source: Source
    sha256: str
    observed: Observation | None = None  # None: seen when added


@dataclass(frozen=True)
class Version:
    """A snapshot as it stands in the archive."""

    policy: str
    effective: EffectiveDate
    path: str
    sha256: str
    added_at: str
    commit: str
    source: Source = field(default_factory=Source)
    observations: tuple[Observation, ...] = ()  # oldest first; the first is the version's own

    @property
    def first_observed(self) -> Observation:
        return self.observations[0] if self.observations else Observation(self.added_at[:10])

    @property
    def last_observed(self) -> Observation:
        return self.observations[-1] if self.observations else self.first_observed

    @property
    def seen_online(self) -> tuple[str, ...]:
        """The days a sighting says it was online, oldest first (an add's day says only when
        it was filed: a file with no date to it may be years old)."""
        return tuple(observation.date for observation in self.observations if observation.dated)

    @property
    def timeline_date(self) -> str:
        """Where it stands in its policy's timeline: first seen, else the date it states."""
        seen = self.seen_online
        return seen[0] if seen else self.effective.iso


@dataclass(frozen=True)
class PolicySummary:
    policy: str
    versions: int
    first: EffectiveDate
    last: EffectiveDate
    last_observed: str = ""  # the last day any of its versions was seen (or filed)

    @classmethod
    def of(cls, policy: str, versions: list[Version]) -> PolicySummary:
        """The summary of a policy's versions, in timeline order (at least one)."""
        return cls(
            policy,
            len(versions),
            versions[0].effective,
            versions[-1].effective,
            max(version.last_observed.date for version in versions),
        )


@dataclass(frozen=True)
class Section:
    """One heading and the text directly under it (its sub-sections excluded)."""

    id: str
    title: str
    level: int
    parent: str | None
    text: str
    number: str = ""
    recovered: bool = False
    contents: bool = False  # a table of contents: its lines name the other sections


@dataclass(frozen=True)
class Capture:
    quality: str = CaptureQuality.OK  # a CaptureQuality
    words: int = 0
    # truncated: of the version before; not_a_policy: policy words (None: a page of menus)
    share: float | None = None
    cue: str | None = None  # redirect: the words that say so


@dataclass(frozen=True)
class Embedded:
    """Another version of the policy published on the same page, read apart from it."""

    relation: str  # a Relation
    line: int  # 1-based line of the page where it starts
    title: str
    preamble: str
    sections: tuple[Section, ...]
    effective: EffectiveDate | None = None
    until: EffectiveDate | None = None  # `Effective until September 29, 2023`


@dataclass(frozen=True)
class Document:
    """A version read into sections. With `embedded`, its sections are the primary text only."""

    title: str
    preamble: str
    sections: tuple[Section, ...]
    warnings: tuple[str, ...] = ()
    embedded: tuple[Embedded, ...] = ()
    language: str | None = None  # ISO 639-1, when it can be told
    capture: Capture = field(default_factory=Capture)
    document_type: DocumentType = DocumentType.OTHER  # from its title and words

    @property
    def primary_lines(self) -> int | None:
        """How many lines of the (normalised) page the primary text spans; None: all of them."""
        return self.embedded[0].line - 1 if self.embedded else None


@dataclass(frozen=True)
class Fact:
    """A normalised fact and the sentence it came from."""

    type: str
    value: str
    sentence: str


@dataclass(frozen=True)
class FactChange:
    type: str
    change: str  # added | removed | changed
    old: Fact | None
    new: Fact | None

    @property
    def old_value(self) -> str | None:
        return self.old.value if self.old else None

    @property
    def new_value(self) -> str | None:
        return self.new.value if self.new else None


@dataclass(frozen=True)
class WordOp:
    """One step of a word diff: `equal`, `delete`, `insert` or `replace`."""

    op: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """What happened to one group of sections between two versions."""

    kind: str
    old: tuple[Section, ...]
    new: tuple[Section, ...]
    similarity: float
    cosmetic: bool
    words: tuple[WordOp, ...] = ()
    topic: str | None = None
    facts: tuple[FactChange, ...] = ()
    significance: str = Significance.MINOR
    reason: Reason | None = None

    @property
    def size(self) -> int:
        """How many words its sections hold (what an added or removed section weighs)."""
        return sum(len(section.text.split()) for section in (*self.old, *self.new))


@dataclass(frozen=True)
class Move:
    """A passage that left one section for another."""

    text: str
    source: Section
    target: Section
    similarity: float


@dataclass(frozen=True)
class Caveat:
    """What a reader of a comparison must know before trusting it (a WarningKind)."""

    kind: str
    side: str | None = None  # `old` or `new`: the side it is about
    capture: Capture | None = None  # capture: what is wrong with that side
    languages: tuple[str, str] | None = None  # language_changed: old, new
    likeness: float | None = None  # document_changed: share of words in common
    relation: str | None = None  # embedded: previous or next
    line: int | None = None  # embedded: where it starts


@dataclass(frozen=True)
class Comparison:
    changes: tuple[Change, ...]
    moves: tuple[Move, ...]
    facts: tuple[FactChange, ...] = ()
    caveats: tuple[Caveat, ...] = ()
