"""How well `tracker` reads real histories: false removals and additions, splits and merges.

Over every consecutive pair of versions of every document of an Open Terms Archive versions
repository (a clone of `../shared/ota-contrib/contrib-sample.bundle` or of the `ota-sample`
bundle), each version is read as `tracker add` reads it and the two are compared. A careful
reader's test of the result, needing no labels:

- a section reported `removed` whose text is still in the new version (80% of its word
  5-grams are found there) was misread, and so was one `added` whose text was already there;
- `split` and `merged` are rare in real edits: their share of all changes says how often a
  misread page (a heading lost or invented) made sections look cut up or glued together.

Pairs whose two sides are in different languages, or where one side is a broken capture, are
counted apart (the tool warns on them instead of reporting sections); pairs whose primary
texts are equal are skipped.

Run:  git clone -q ../shared/ota-contrib/contrib-sample.bundle /tmp/contrib
      python benchmarks/reading_eval.py /tmp/contrib [--document "Zillow/Privacy Policy.md"]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.sections import parse_document
from tracker.model import Change, ChangeKind, Document

try:
    from tracker.history.history import compare_documents
    from tracker.model import WarningKind

    _APART = {WarningKind.LANGUAGE_CHANGED, WarningKind.CAPTURE}
except ImportError:  # a tracker from before warnings (to measure a baseline): compare only
    from tracker.analysis.compare import compare as _compare

    def compare_documents(old, new, words=True):
        return _compare(old, new, words=words)

    _APART = set()

SHINGLE = 5
STILL_THERE = 0.8
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Tally:
    pairs: int = 0
    apart: Counter = field(default_factory=Counter)  # pairs not compared, by caveat
    warned: Counter = field(default_factory=Counter)  # compared pairs, by caveat
    changes: Counter = field(default_factory=Counter)
    false_removed: int = 0
    false_added: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.pairs += other.pairs
        self.apart.update(other.apart)
        self.warned.update(other.warned)
        self.changes.update(other.changes)
        self.false_removed += other.false_removed
        self.false_added += other.false_added
        self.examples.extend(other.examples)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _document_shingles(document: Document) -> set[tuple[str, ...]]:
    text = "\n".join([document.preamble, *(f"{s.title}\n{s.text}" for s in document.sections)])
    return _shingles(text)


def _still_there(change: Change, sections, elsewhere: set[tuple[str, ...]]) -> bool:
    text = "\n".join(section.text for section in sections)
    own = _shingles(text)
    if len(own) < 3:
        return False  # a heading alone or a line: too little to judge
    return len(own & elsewhere) >= STILL_THERE * len(own)


def _read(data: bytes, name: str) -> Document:
    return parse_document(ingest_bytes(data, name=name, file_name=name, is_html=False).text)


def _versions(repo: Path, path: str) -> list[str]:
    log = subprocess.run(
        ["git", "-C", str(repo), "log", "--reverse", "--format=%H", "--", path],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return log.stdout.split()


def _blob(repo: Path, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"{commit}:{path}"], capture_output=True, check=True
    ).stdout


def evaluate_document(repo: Path, path: str) -> Tally:
    tally = Tally()
    previous: Document | None = None
    previous_data = b""
    for commit in _versions(repo, path):
        data = _blob(repo, commit, path)
        if data == previous_data or not data.strip():
            continue  # an empty capture: nothing to read
        document = _read(data, path)
        if previous is not None:
            _tally_pair(tally, path, commit, previous, document)
        previous, previous_data = document, data
    return tally


def _tally_pair(tally: Tally, path: str, commit: str, old: Document, new: Document) -> None:
    tally.pairs += 1
    comparison = compare_documents(old, new, words=False)
    kinds = [caveat.kind for caveat in getattr(comparison, "caveats", ())]
    blocking = [kind for kind in kinds if kind in _APART]
    if blocking:
        tally.apart[blocking[0]] += 1
        return
    tally.warned.update(set(kinds))
    old_shingles = new_shingles = None
    for change in comparison.changes:
        if change.kind == ChangeKind.UNCHANGED:
            continue
        tally.changes[change.kind] += 1
        if change.kind == ChangeKind.REMOVED:
            new_shingles = new_shingles or _document_shingles(new)
            if _still_there(change, change.old, new_shingles):
                tally.false_removed += 1
                tally.examples.append(f"{path} {commit[:8]} removed {change.old[0].title!r}")
        elif change.kind == ChangeKind.ADDED:
            old_shingles = old_shingles or _document_shingles(old)
            if _still_there(change, change.new, old_shingles):
                tally.false_added += 1
                tally.examples.append(f"{path} {commit[:8]} added {change.new[0].title!r}")


def _documents(repo: Path) -> list[str]:
    files = subprocess.run(
        ["git", "-C", str(repo), "ls-files", "*.md"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return [path for path in files if "/" in path and not path.startswith(".")]


def _line(name: str, tally: Tally) -> str:
    total = sum(tally.changes.values()) or 1
    removed = tally.changes[ChangeKind.REMOVED] or 1
    added = tally.changes[ChangeKind.ADDED] or 1
    split_merge = tally.changes[ChangeKind.SPLIT] + tally.changes[ChangeKind.MERGED]
    return (
        f"{name[:44]:<44} {tally.pairs:>5} pairs {total:>6} changes  "
        f"removed-still-there {tally.false_removed:>4}/{removed:<5} "
        f"({100 * tally.false_removed / removed:4.1f}%)  "
        f"added-already-there {tally.false_added:>4}/{added:<5} "
        f"({100 * tally.false_added / added:4.1f}%)  "
        f"split+merged {100 * split_merge / total:4.1f}%  "
        f"apart: {_counts(tally.apart)}  warned: {_counts(tally.warned)}"
    )


def _counts(counter: Counter) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in sorted(counter.items())) or "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--document", action="append", help="only this path (repeatable)")
    parser.add_argument("--examples", type=int, default=0, help="print this many misreadings")
    arguments = parser.parse_args()
    paths = arguments.document or _documents(arguments.repo)
    total = Tally()
    with ProcessPoolExecutor() as pool:
        tallies = pool.map(evaluate_document, [arguments.repo] * len(paths), paths)
        for path, tally in zip(paths, tallies, strict=True):
            print(_line(path, tally), flush=True)
            total.add(tally)
    print(_line("ALL", total))
    for example in total.examples[: arguments.examples]:
        print("  ", example)


if __name__ == "__main__":
    sys.exit(main())
