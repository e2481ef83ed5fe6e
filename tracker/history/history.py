"""A policy's history: its versions, and what changed between each consecutive pair.

Parsing and comparing are pure functions of text, so their results are cached by
content hash (`history/cache.py`): opening a long history a second time reads them back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from functools import cached_property

from tracker.analysis.doctype import named_first
from tracker.analysis.weights import STALE_CAPTURE_DAYS
from tracker.history.cache import ResultCache
from tracker.history.flags import version_flags
from tracker.model import (
    Caveat,
    Comparison,
    Document,
    DocumentType,
    FactChange,
    Precision,
    Significance,
    Snapshot,
    Version,
    WarningKind,
)
from tracker.store.archive import Archive


@dataclass(frozen=True)
class StepSummary:
    """What one step changed, counted: kinds, `moves` and `significance_<level>`, and its facts."""

    counts: dict[str, int]
    facts: tuple[FactChange, ...]
    caveats: tuple[Caveat, ...] = ()

    @property
    def changed(self) -> int:
        """How many changes are more than `unchanged`."""
        return sum(
            count
            for key, count in self.counts.items()
            if key not in ("unchanged", "moves") and not key.startswith("significance_")
        )


# A version's line in the log, as cached: its step, section count, language and read type.
_Step = tuple[StepSummary | None, int, str | None, DocumentType]


@dataclass(frozen=True)
class LogEntry:
    version: Version
    step: StepSummary | None  # None for the first version
    sections: int
    language: str | None = None
    document_type: DocumentType = DocumentType.OTHER
    flags: tuple[str, ...] = ()  # VersionFlag and CaptureQuality values


class History:
    """Versions of one policy, oldest first, with lazily computed, cached comparisons."""

    def __init__(self, archive: Archive, policy: str, *, since=None) -> None:
        self.archive = archive
        self.policy = policy
        versions = archive.policy_versions(policy)
        self.versions = [
            version for version in versions if since is None or version.effective.value >= since
        ]
        self.cache = ResultCache.default()
        self._documents: dict[int, Document] = {}

    @cached_property
    def snapshots(self) -> list[Snapshot]:
        return self.archive.read_snapshots(self.versions)

    def document(self, index: int) -> Document:
        if index not in self._documents:  # each version is the new and then the old of a step
            snapshot = self.snapshots[index]
            self._documents[index] = read_document(snapshot.text, snapshot.sha256, self.cache)
        return self._documents[index]

    def comparison(self, old_index: int, new_index: int, *, words: bool = True) -> Comparison:
        """Compare two versions (any two), with meaning when `words` is on."""

        def make() -> Comparison:
            if not words and self.cache.has(*self._comparison_key(old_index, new_index, True)):
                return aligned(self.comparison(old_index, new_index))
            return compare_documents(self.document(old_index), self.document(new_index), words)

        kind, key = self._comparison_key(old_index, new_index, words)
        return self.cache.get_or_make(kind, key, Comparison, make)

    def _comparison_key(self, old_index: int, new_index: int, words: bool) -> tuple[str, str]:
        old, new = self.versions[old_index], self.versions[new_index]
        return comparison_key(old.sha256, new.sha256, words)

    def uncached_steps(self) -> list[int]:
        """The steps the log (with words) or the grid (without) would still have to compute."""
        return [
            index
            for index in range(1, len(self.versions))
            if not all(
                self.cache.has(*self._comparison_key(index - 1, index, words))
                for words in (True, False)
            )
        ]

    def step(self, index: int, *, words: bool = True) -> Comparison | None:
        """What changed in version `index` since the one before (None for the first).

        A step to or from a text seen only between two captures of another (a stale or
        passing capture: `a b a`) changed nothing that lasted. Its sections are shown, its
        facts are not reported, and it says why."""
        if not index:
            return None
        comparison = self.comparison(index - 1, index, words=words)
        caveat = self._passing_steps.get(index)
        if caveat is None:
            return comparison
        from tracker.analysis.meaning import without_facts

        return replace(without_facts(comparison), caveats=(*comparison.caveats, caveat))

    @cached_property
    def _passing_steps(self) -> dict[int, Caveat]:
        """The steps into and out of a passing or a stale capture, which report no fact."""
        transient = self._transient_sides()
        passing = {index: Caveat(WarningKind.TRANSIENT, side) for index, side in transient.items()}
        for index, side in self._stale_sides(transient).items():
            passing.setdefault(index, Caveat(WarningKind.STALE, side))
        return passing

    def _transient_sides(self) -> dict[int, str]:
        """Each step into a passing capture (`new`) and the step back out of it (`old`),
        paired from the newest: in `a b a b c` only the middle `b a b` undoes itself, so `a`
        to `b` is still reported where it first happened; `a b a b a` changed nothing."""
        shas = [version.sha256 for version in self.versions]
        passing: dict[int, str] = {}
        for at in range(len(shas) - 2, 0, -1):
            if shas[at - 1] == shas[at + 1] != shas[at] and at + 1 not in passing:
                passing[at], passing[at + 1] = "new", "old"
        return passing

    def _stale_sides(self, transient: dict[int, str]) -> dict[int, str]:
        """Each step into a version that states a date long before the version before it (an
        older text captured again: `new`), and the step out of it (`old`) when the next
        version's date is back where it was: its facts would only undo the first's. A step
        back out of a passing capture (`a b a`) is not one: `a` is the text that lasted."""
        stale: dict[int, str] = {}
        for at in range(1, len(self.versions)):
            if at in transient:
                continue
            before, version = self.versions[at - 1], self.versions[at]
            if _stated(before, version) and version.effective.value < before.effective.value - (
                timedelta(days=STALE_CAPTURE_DAYS)
            ):
                stale[at] = "new"
                after = self.versions[at + 1] if at + 1 < len(self.versions) else None
                if after and _stated(after) and after.effective.value >= before.effective.value:
                    stale.setdefault(at + 1, "old")
        return stale

    def log_entries(self) -> list[LogEntry]:
        """Each version with what changed since the one before; cached for this exact sequence."""
        key = ":".join(version.sha256 for version in self.versions)
        steps = self.cache.get_or_make("log", key, list[_Step], self._steps)
        flags = version_flags(self.versions, [step for step, *_ in steps])
        return [
            LogEntry(version, step, sections, language, named_first(read, self.policy), flagged)
            for version, (step, sections, language, read), flagged in zip(
                self.versions, steps, flags, strict=True
            )
        ]

    def _steps(self) -> list[_Step]:
        return [
            (
                summarise(self.step(index)) if index else None,
                len(self.document(index).sections),
                self.document(index).language,
                self.document(index).document_type,
            )
            for index in range(len(self.versions))
        ]


class TextHistory(History):
    """A history whose texts are in memory, with no archive (`tracker corpus`): the same
    documents, steps and log as the archive's history of those versions."""

    def __init__(self, policy: str, versions: list[Version], snapshots: list[Snapshot]) -> None:
        self.archive = None
        self.policy = policy
        self.versions = versions
        self.snapshots = snapshots
        self.cache = ResultCache.default()
        self._documents = {}


def _stated(*versions: Version) -> bool:
    """Each states its date (one recorded when filed says nothing of when it took effect)."""
    return all(version.effective.precision != Precision.RECORDED for version in versions)


def read_document(text: str, sha256: str, cache: ResultCache | None = None) -> Document:
    """A text read into sections, once: `add` and `import` read it, later commands reuse it."""
    from tracker.analysis.sections import parse_document  # a cached history never parses

    cache = cache or ResultCache.default()
    return cache.get_or_make("parse", sha256, Document, lambda: parse_document(text))


def comparison_key(old_sha256: str, new_sha256: str, words: bool) -> tuple[str, str]:
    """The cache's kind and key for two texts compared: with meaning, or aligned only."""
    return "compare" if words else "align", f"{old_sha256}:{new_sha256}"


def compare_texts(old: str, new: str) -> tuple[Document, Document, Comparison]:
    """Two texts read and compared once: a pair of files compared again (or already filed
    in an archive) is read back from the cache, keyed as a history's steps are."""
    from tracker.store.format import text_sha256

    cache = ResultCache.default()
    keys = [text_sha256(text) for text in (old, new)]
    documents = [
        read_document(text, key, cache) for text, key in zip((old, new), keys, strict=True)
    ]
    comparison = cache.get_or_make(
        *comparison_key(*keys, words=True), Comparison, lambda: compare_documents(*documents)
    )
    return documents[0], documents[1], comparison


def compare_documents(old: Document, new: Document, words: bool = True) -> Comparison:
    """Two versions compared (with meaning when `words` is on), and what to know about it."""
    from tracker.analysis.caveats import another_document, caveats, not_an_edit
    from tracker.analysis.compare import compare
    from tracker.analysis.meaning import annotate, without_facts

    found = caveats(old, new)
    if not_an_edit(found):
        return Comparison((), (), (), found)
    result = compare(old, new, words=words)
    if words:
        result = annotate(result, new.document_type)
        if another_document(found):  # its facts are another text's, not changes of this one
            result = without_facts(result)
    return replace(result, caveats=found)


def aligned(comparison: Comparison) -> Comparison:
    """What `compare_documents(old, new, words=False)` gives, from the two compared with words:
    the same alignment (words change no pairing), without the word diffs and the meaning."""
    changes = tuple(
        replace(
            change, words=(), topic=None, facts=(), significance=Significance.MINOR, reason=None
        )
        for change in comparison.changes
    )
    return replace(comparison, changes=changes, facts=())


def summarise(comparison: Comparison) -> StepSummary:
    return StepSummary(kind_counts(comparison), comparison.facts, comparison.caveats)


def kind_counts(comparison: Comparison) -> dict[str, int]:
    counts: dict[str, int] = {}
    for change in comparison.changes:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    counts["moves"] = len(comparison.moves)
    for change in comparison.changes:
        key = f"significance_{change.significance}"
        counts[key] = counts.get(key, 0) + 1
    return counts
