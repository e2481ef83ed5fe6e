"""A policy's history: its versions, and what changed between each consecutive pair.

Parsing and comparing are pure functions of text, so their results are cached
by content hash under the archive's `.git/tracker-cache/`: opening a long history
a second time reads pickles instead of recomputing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from tracker import __version__
from tracker.analysis.compare import compare
from tracker.analysis.meaning import annotate, summarise_facts
from tracker.analysis.sections import parse_document
from tracker.model import Comparison, Document, Snapshot, Version
from tracker.present.wording import counted
from tracker.store.archive import Archive


@cache
def cache_format() -> str:
    """The tool version and a digest of the code results depend on: editing the parser,
    the comparison or the meaning rules invalidates every cached result."""
    from tracker import model
    from tracker.analysis import compare as compare_module
    from tracker.analysis import meaning, sections
    from tracker.history import timeline

    digest = hashlib.sha256()
    for module in (model, sections, compare_module, meaning, timeline):
        digest.update(Path(module.__file__).read_bytes())
    return f"{__version__}-{digest.hexdigest()[:16]}"


@dataclass(frozen=True)
class LogEntry:
    version: Version
    summary: str
    counts: dict[str, int]


class ResultCache:
    """Pickled results keyed by content hashes; unreadable entries are recomputed, never trusted."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get_or_make(self, kind: str, key: str, make):
        if self.folder is None:
            return make()
        path = (
            self.folder
            / kind
            / f"{hashlib.sha256((cache_format() + key).encode()).hexdigest()}.pickle"
        )
        with contextlib.suppress(
            OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError
        ):
            return pickle.loads(path.read_bytes())
        value = make()
        self._store(path, value)
        return value

    @staticmethod
    def _store(path: Path, value) -> None:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)


class History:
    """Versions of one policy, oldest first, with lazily computed, cached comparisons."""

    def __init__(self, archive: Archive, policy: str, *, since=None) -> None:
        self.archive = archive
        self.policy = policy
        versions = archive.policy_versions(policy)
        self.versions = [
            version for version in versions if since is None or version.effective.value >= since
        ]
        self.cache = ResultCache(archive.cache_dir)

    @cached_property
    def snapshots(self) -> list[Snapshot]:
        return self.archive.read_snapshots(self.versions)

    def document(self, index: int) -> Document:
        snapshot = self.snapshots[index]
        return self.cache.get_or_make(
            "parse", snapshot.sha256, lambda: parse_document(snapshot.text)
        )

    def comparison(self, old_index: int, new_index: int, *, words: bool = True) -> Comparison:
        """Compare two versions (any two), with meaning when `words` is on."""
        old, new = self.snapshots[old_index], self.snapshots[new_index]

        def make() -> Comparison:
            result = compare(self.document(old_index), self.document(new_index), words=words)
            return annotate(result) if words else result

        return self.cache.get_or_make(
            "compare" if words else "align", f"{old.sha256}:{new.sha256}", make
        )

    def step(self, index: int, *, words: bool = True) -> Comparison | None:
        """What changed in version `index` since the one before (None for the first)."""
        return self.comparison(index - 1, index, words=words) if index else None

    def log_entries(self) -> list[LogEntry]:
        """Each version with its change summary; cached for this exact sequence of versions."""
        key = ":".join(version.sha256 for version in self.versions)
        summaries = self.cache.get_or_make("log", key, self._summaries)
        return [
            LogEntry(version, summary, counts)
            for version, (summary, counts) in zip(self.versions, summaries, strict=True)
        ]

    def _summaries(self) -> list[tuple[str, dict[str, int]]]:
        entries: list[tuple[str, dict[str, int]]] = []
        for index in range(len(self.versions)):
            comparison = self.step(index)
            if comparison is None:
                entries.append(
                    (
                        f"first version ({counted(len(self.document(index).sections), 'section')})",
                        {},
                    )
                )
            else:
                entries.append((change_summary(comparison), kind_counts(comparison)))
        return entries


def kind_counts(comparison: Comparison) -> dict[str, int]:
    counts: dict[str, int] = {}
    for change in comparison.changes:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    counts["moves"] = len(comparison.moves)
    for change in comparison.changes:
        key = f"significance_{change.significance}"
        counts[key] = counts.get(key, 0) + 1
    return counts


_KIND_WORDS = (
    ("renamed", "renamed"), ("added", "added"), ("removed", "removed"), ("modified", "changed"),
    ("moved", "moved"), ("split", "split"), ("merged", "merged"),
)  # fmt: skip


def change_summary(comparison: Comparison) -> str:
    """`3 sections renamed, 6 added, 2 passages moved; contact email changed; new rights: ...`."""
    counts = kind_counts(comparison)
    parts = []
    for kind, word in _KIND_WORDS:
        if counts.get(kind):
            parts.append(f"{counts[kind]} {word}")
    if parts:
        first = parts[0].split(" ", 1)
        noun = "section" if first[0] == "1" else "sections"
        parts[0] = f"{first[0]} {noun} {first[1]}"
    if comparison.moves:
        parts.append(f"{counted(len(comparison.moves), 'passage')} moved")
    text = ", ".join(parts) if parts else "no change"
    cosmetic = sum(1 for change in comparison.changes if change.significance == "cosmetic")
    if cosmetic and cosmetic == sum(
        1 for change in comparison.changes if change.kind != "unchanged"
    ):
        text = f"cosmetic edits only ({cosmetic})"
    facts = summarise_facts(comparison.facts)
    return "; ".join([text, *facts[:4]]) + ("; ..." if len(facts) > 4 else "")
