"""`tracker diff`: two files, two archive refs (`POLICY@DATE`), or a policy's last two versions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.sections import stated_date
from tracker.app.sources import read_input
from tracker.errors import InputError, shown
from tracker.history.history import compare_texts
from tracker.model import Comparison, EffectiveDate


@dataclass(frozen=True)
class Side:
    label: str
    policy: str | None
    effective: EffectiveDate | None
    file: str | None
    sha256: str | None = None
    commit: str | None = None


@dataclass(frozen=True)
class Diff:
    old: Side
    new: Side
    comparison: Comparison


def diff_files(old_path: str, new_path: str) -> Diff:
    texts = []
    for path in (old_path, new_path):
        raw = read_input(Path(path))
        texts.append(
            ingest_bytes(raw.data, name=shown(raw.name, None), file_name=raw.file_name).text
        )
    *documents, comparison = compare_texts(*texts)
    sides = [
        Side(path, None, stated_date(text, document), path)
        for path, text, document in zip((old_path, new_path), texts, documents, strict=True)
    ]
    return Diff(sides[0], sides[1], comparison)


def diff_refs(archive, old_ref: str, new_ref: str | None) -> Diff:
    """Two refs of one policy, or (with `new_ref` None) the policy's last two versions."""
    from tracker.history.history import History

    if new_ref is None:
        policy = old_ref.partition("@")[0]
        history = History(archive, policy)
        if len(history.versions) < 2:
            raise InputError(f"{policy} has only one version; nothing to compare yet")
        old_index, new_index = len(history.versions) - 2, len(history.versions) - 1
    else:
        policy = old_ref.partition("@")[0]
        if new_ref.partition("@")[0] != policy:
            raise InputError("compare two versions of the same policy (POLICY@DATE POLICY@DATE)")
        history = History(archive, policy)
        old_index = history.versions.index(archive.resolve(old_ref))
        new_index = history.versions.index(archive.resolve(new_ref))
    sides = [
        Side(
            f"{policy}@{version.effective.short}",
            policy,
            version.effective,
            version.path,
            version.sha256,
            version.commit,
        )
        for version in (history.versions[old_index], history.versions[new_index])
    ]
    return Diff(sides[0], sides[1], history.comparison(old_index, new_index))


def is_file_argument(argument: str) -> bool:
    """A file to compare, not a POLICY@DATE (a FIFO or device too: `read_input` refuses it);
    a name too long to be a path is no file."""
    try:
        return argument != "-" and Path(argument).exists() and not Path(argument).is_dir()
    except OSError:  # ENAMETOOLONG, which `exists` raises rather than answers
        return False
