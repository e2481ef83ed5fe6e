"""The words and marks the tool prints, shared by the CLI, the report and the TUI."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from tracker import rules
from tracker.analysis.weights import REWRITTEN
from tracker.history.history import LogEntry, StepSummary, summarise
from tracker.model import (
    Capture,
    CaptureQuality,
    Caveat,
    Change,
    Comparison,
    FactChange,
    Observation,
    ObservedBy,
    Reason,
    Version,
    VersionFlag,
    WarningKind,
    WordOp,
)

if TYPE_CHECKING:
    from tracker.app.adding import PageCheck

KIND_STYLE = {
    "added": "green", "removed": "red", "renamed": "cyan", "moved": "bright_blue", "modified": "yellow",
    "split": "magenta", "merged": "magenta", "unchanged": "dim",
}  # fmt: skip
KIND_MARK = {
    "added": "+", "removed": "x", "renamed": "R", "moved": "M", "modified": "~",
    "split": "S", "merged": "J", "unchanged": "·",
}  # fmt: skip
SIGNIFICANCE_MARK = {"substantive": "●", "minor": "○", "cosmetic": "·", "none": " "}


def kind_legend() -> str:
    """`+ added  ~ modified ...` in Rich markup, each mark in its colour."""
    order = ("added", "modified", "renamed", "moved", "split", "merged", "removed", "unchanged")
    return "  ".join(f"[{KIND_STYLE[kind]}]{KIND_MARK[kind]}[/] {kind}" for kind in order)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 section`, `2 sections`, `3 policies`: the count with its noun in the right number."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def elided(text: str, keep: int = 15) -> str:
    """Long unchanged text cut to its first and last `keep` words around ` … `; line breaks kept."""
    words = text.split(" ")
    if len(words) <= 2 * keep + 3:
        return text
    return " ".join(words[:keep]) + " … " + " ".join(words[-keep:])


def redline_ops(change: Change) -> tuple[WordOp, ...]:
    """The word diff to show a reader: word by word, or, for a section rewritten beyond
    recognition, its old text struck and then its new text, instead of a confetti of edits."""
    if change.similarity >= REWRITTEN or not (change.old and change.new):
        return change.words
    old = "\n\n".join(section.text.strip() for section in change.old if section.text.strip())
    new = "\n\n".join(section.text.strip() for section in change.new if section.text.strip())
    return (WordOp("replace", old + "\n\n", new),)


# Fact changes


def describe(change: FactChange) -> str:
    """A fact change in plain words: `Contact email changed: a -> b`, `Minimum age raised from 13 to 16`."""
    label = _LABELS.get(change.type, change.type.replace("_", " "))
    if change.change == "changed":
        if change.type == "age_limit" and change.old_value and change.new_value:
            direction = "raised" if int(change.new_value) > int(change.old_value) else "lowered"
            return f"Minimum age {direction} from {change.old_value} to {change.new_value}"
        if change.type == "practice" and change.old_value and change.new_value:
            practice, now = change.new_value.split(": ")
            return f"{practice.capitalize()}: {now} (was {change.old_value.split(': ')[1]})"
        return f"{label.capitalize()} changed: {change.old_value} -> {change.new_value}"
    if change.change == "added":
        return f"New {label}: {change.new_value}"
    return f"{label.capitalize()} removed: {change.old_value}"


_LABELS: dict[str, str] = rules.load("labels")["facts"]  # what each fact type is called


def summarise_facts(changes: tuple[FactChange, ...]) -> list[str]:
    """Fact changes grouped into short phrases, in the order given (the most consequential
    first): `Sells personal information: yes (was no)`, `new rights: access, portability`."""
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    order: list[tuple[str, str] | FactChange] = []
    for change in changes:
        if change.change == "changed":
            order.append(change)
            continue
        key = (change.type, change.change)
        if key not in grouped:
            order.append(key)
        grouped[key].append(
            (change.new_value if change.change == "added" else change.old_value) or ""
        )
    return [_phrase(item, grouped) for item in order]


def _phrase(item: tuple[str, str] | FactChange, grouped: dict[tuple[str, str], list[str]]) -> str:
    if isinstance(item, FactChange):
        return describe(item)
    fact_type, kind = item
    values = grouped[item]
    label = _LABELS.get(fact_type, fact_type)
    plural = label if len(values) == 1 else _plural(label)
    verb = "new" if kind == "added" else "removed"
    return f"{verb} {plural}: {', '.join(values)}"


def _plural(label: str) -> str:
    if label.endswith("y") and not label.endswith("ay"):
        return label[:-1] + "ies"
    return label + "s"


_REASONS = {
    Reason.NO_CHANGE: "no change",
    Reason.COSMETIC: "only case, spacing, punctuation, quotes or markup changed",
    Reason.CONTENTS: "table of contents",
    Reason.DATE_ONLY: "only the policy's own date changed",
    Reason.REWORDED: "reworded, no fact changed",
}


def reason(change: Change) -> str:
    """Why the change has its significance: `new section (97 words)`, its fact changes..."""
    if change.reason is None:
        return ""
    if change.reason == Reason.FACTS:
        return "; ".join(summarise_facts(change.facts))
    if change.reason in (Reason.NEW_SECTION, Reason.SECTION_REMOVED):
        verb = "new section" if change.reason == Reason.NEW_SECTION else "section removed"
        return f"{verb} ({change.size} words)"
    if change.reason == Reason.TEXT_UNCHANGED:
        return f"{change.kind}, text unchanged"
    return _REASONS[change.reason]


# Change summaries


_KIND_WORDS = (
    ("renamed", "renamed"), ("added", "added"), ("removed", "removed"), ("modified", "changed"),
    ("moved", "moved"), ("split", "split"), ("merged", "merged"),
)  # fmt: skip


def change_summary(step: StepSummary) -> str:
    """`new rights: access, portability; Contact email changed: a -> b; 3 sections renamed,
    6 added, 2 passages moved`: what matters most first, then the section counts."""
    blocking = [caveat for caveat in step.caveats if caveat.kind in _NOT_COMPARED]
    if blocking:
        return "not compared: " + caveat_message(blocking[0])
    counts = step.counts
    parts = []
    for kind, word in _KIND_WORDS:
        if counts.get(kind):
            parts.append(f"{counts[kind]} {word}")
    if parts:
        first = parts[0].split(" ", 1)
        noun = "section" if first[0] == "1" else "sections"
        parts[0] = f"{first[0]} {noun} {first[1]}"
    if counts.get("moves"):
        parts.append(f"{counted(counts['moves'], 'passage')} moved")
    text = ", ".join(parts) if parts else "no change"
    cosmetic = counts.get("significance_cosmetic", 0)
    if cosmetic and cosmetic == step.changed:
        text = f"cosmetic edits only ({cosmetic})"
    elif 2 * cosmetic >= step.changed:  # worth saying when most of the edits are cosmetic
        text += f"; {cosmetic} of the {step.changed} cosmetic only"
    facts = summarise_facts(step.facts)  # the most consequential first: it leads the line
    notes = [_CAVEAT_NOTES[caveat.kind] for caveat in step.caveats if caveat.kind in _CAVEAT_NOTES]
    shown = [*facts[:4], "..."] if len(facts) > 4 else facts
    return "; ".join([*shown, *dict.fromkeys(notes), text])  # what changed before how it was read


_CAVEAT_NOTES = {
    WarningKind.DOCUMENT_CHANGED: "mostly another document",
    WarningKind.EMBEDDED: "page holds two versions (primary compared)",
    WarningKind.TRANSIENT: "a passing capture (no fact reported)",
    WarningKind.STALE: "an older text captured again (no fact reported)",
}


# Caveats: what to know before trusting a comparison

_NOT_COMPARED = {WarningKind.LANGUAGE_CHANGED, WarningKind.CAPTURE}
_SIDES = {"old": "the old version", "new": "the new version", None: "a version"}
_OTHER_SIDE = {"old": "the version after"}  # what a cut-off side was measured by


def compared_with(side: str | None) -> str:
    return _OTHER_SIDE.get(side, "the version before")


def capture_reason(capture: Capture, other: str = "the version before") -> str:
    """Why a capture looks broken, in a few words (`other`: the version it was measured by)."""
    words = counted(capture.words, "word")
    if capture.quality == CaptureQuality.TRUNCATED:
        return f"cut off: {words}, {capture.share:.0%} of {other}, which goes on"
    if capture.quality == CaptureQuality.STUB:
        return f"a stub: only {words}"
    if capture.quality == CaptureQuality.REDIRECT:
        return f"a redirect page ('{capture.cue}', {words})"
    if capture.quality == CaptureQuality.FLATTENED:
        return f"its line breaks were lost: {words} on a line or two, no heading can be read"
    if capture.quality == CaptureQuality.NOT_A_POLICY and capture.share is None:
        return f"not a policy: {words}, mostly menus and links, hardly a sentence"
    if capture.quality == CaptureQuality.NOT_A_POLICY:
        return f"not a policy: {words}, almost none about data, terms or rights"
    return f"looks like the policy ({words})"


def caveat_message(caveat: Caveat) -> str:
    if caveat.kind == WarningKind.LANGUAGE_CHANGED and caveat.languages:
        old, new = caveat.languages
        return f"the language changed ({old} to {new}): the texts are not compared word for word"
    if caveat.kind == WarningKind.CAPTURE and caveat.capture:
        return f"{_SIDES[caveat.side]} looks like a broken capture: " + capture_reason(
            caveat.capture, _OTHER_SIDE.get(caveat.side, "the version before")
        )
    if caveat.kind == WarningKind.TRANSIENT:
        return (
            f"{_SIDES[caveat.side]} was seen only between two captures of one other text (a"
            " stale or passing capture): its sections are shown, no fact change is reported"
        )
    if caveat.kind == WarningKind.STALE:
        return (
            f"{_SIDES[caveat.side]} states a date long before the version before it (an older"
            " text captured again): its sections are shown, no fact change is reported"
        )
    if caveat.kind == WarningKind.DOCUMENT_CHANGED:
        return (
            f"the new text is mostly another document ({caveat.likeness:.0%} of words in common):"
            " its changes are a replacement, not edits"
        )
    where = f" from line {caveat.line}" if caveat.line else ""
    which = "the previous version" if caveat.relation == "previous" else "the next version"
    return f"{_SIDES[caveat.side]}'s page also holds {which} of the policy{where}; only the primary texts are compared"


def page_notes(check: PageCheck) -> list[str]:
    """What `add` says of a page beyond its date."""
    notes = []
    if check.capture.quality != CaptureQuality.OK:
        notes.append(f"looks like a broken capture ({capture_reason(check.capture)}); filed anyway")
    for item in check.embedded:
        embedded = item.embedded
        which = "previous" if embedded.relation == "previous" else "next"
        dated = f", effective {embedded.effective.label}" if embedded.effective else ""
        note = f"the page also holds the {which} version (line {embedded.line}{dated}); only its primary text is compared"
        if item.archived:
            same = item.changed == 0
            verdict = (
                "the same as" if same else f"{counted(item.changed, 'section')} differing from"
            )
            note += f"; it is {verdict} the archived version of {item.archived.effective.short}"
        notes.append(note)
    return notes


def comparison_summary(comparison: Comparison) -> str:
    return change_summary(summarise(comparison))


def log_summary(entry: LogEntry) -> str:
    """A version's line in the log: what changed since the one before, or its size."""
    if entry.step is None:
        return f"first version ({counted(entry.sections, 'section')})"
    return change_summary(entry.step)


DATE_MARK = "⚑"  # beside a version whose dates or sightings say something
_FLAG_WORDS = {
    VersionFlag.SILENT_CHANGE: "changed, its date kept",
    VersionFlag.DATE_ONLY_CHANGE: "only its date changed",
    VersionFlag.REVERTED: "reverted to an earlier text",
    VersionFlag.TRANSIENT: "seen only between two captures of the text before it",
    VersionFlag.ANNOUNCED: "announced before it took effect",
    VersionFlag.BACKDATED: "backdated",
}
_SEEN_BY = {
    ObservedBy.GIVEN: "given with --observed",
    ObservedBy.ARCHIVE: "the web archive's date",
    ObservedBy.RECORDED: "recorded by Open Terms Archive",
    ObservedBy.FILE_NAME: "from the file name",
    ObservedBy.FETCHED: "fetched now",
}


def flag_words(flags: tuple[str, ...]) -> str:
    """`reverted to an earlier text, backdated`: a version's flags as a reader says them."""
    return ", ".join(_FLAG_WORDS.get(flag, f"a {flag} capture") for flag in flags)


def seen_words(version: Version) -> str:
    """`seen 2024-03-02 to 2024-04-11 (3 times)`, or `filed 2024-05-01` when no sighting
    says when it was online."""
    days = version.seen_online
    if not days:
        return f"filed {version.first_observed.date}"
    span = days[0] if days[0] == days[-1] else f"{days[0]} to {days[-1]}"
    return f"seen {span}" + (f", {len(days)} times" if len(days) > 2 else "")


def sighting_source(observation: Observation) -> str:
    """How the day a capture was seen is known, for `add` to say."""
    how = _SEEN_BY.get(observation.by)
    return f"seen {observation.date}, {how}" if how else f"filed {observation.date}"
