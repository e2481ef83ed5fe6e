"""`tracker verify`: every way an archive can be damaged, named with the file and the fault."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import ArchiveError, TrackerError
from tracker.model import Version
from tracker.store import format as frontmatter
from tracker.store.archive import FORMAT, MARKER, history_damage, read_versions
from tracker.store.git import dangerous_settings, git_output, git_status, refresh_index


@dataclass(frozen=True)
class Problem:
    file: str
    message: str


@dataclass(frozen=True)
class VerifyReport:
    archive: str
    versions: int
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]


def verify_archive(path: Path) -> VerifyReport:
    problems: list[Problem] = []
    notes: list[str] = []
    if not path.is_dir():
        return VerifyReport(
            str(path), 0, (Problem(str(path), "no archive here (not a folder)"),), ()
        )
    problems += _check_marker(path)
    if not (path / ".git").exists():
        problems.append(Problem(".git", "the git repository is missing"))
        return VerifyReport(str(path), 0, tuple(problems), ())
    problems += [
        Problem(
            ".git/config" if not setting.startswith("hook ") else ".git/hooks",
            f"{setting} would run a program (tracker disarms it on every git call; remove it)",
        )
        for setting in dangerous_settings(path)
    ]
    damage = _history_damage(path)
    if damage:
        problems.append(Problem("history", damage))
    tree = _tree(path, problems)
    problems += _fsck(path, tree)
    versions = _versions(path, problems)
    problems += _check_snapshots(path, versions, tree)
    declared = {version.path for version in versions}
    for file in sorted(set(tree) - declared - {MARKER, ".gitattributes", ".gitignore"}):
        problems.append(
            Problem(
                file, "in the archive but not filed by tracker (no Tracker trailers in any commit)"
            )
        )
    lag = _working_tree(path, problems)
    if lag:
        notes.append(
            f"{lag} snapshot file(s) not yet written to the working tree (an interrupted add); "
            "the committed archive is intact and the next add restores them, or run `git checkout -- .`"
        )
    return VerifyReport(str(path), len(versions), tuple(problems), tuple(notes))


def _history_damage(path: Path) -> str | None:
    try:
        return history_damage(path)
    except ArchiveError as error:
        return f"cannot read the archive's refs: {error}"


def _check_marker(path: Path) -> list[Problem]:
    marker = path / MARKER
    if not marker.is_file():
        return [
            Problem(
                MARKER,
                "the archive marker file is missing (restore it with `git checkout -- .tracker-archive`)",
            )
        ]
    try:
        found = json.loads(marker.read_text())
    except (ValueError, OSError, RecursionError):
        return [Problem(MARKER, "the archive marker file is not valid JSON")]
    if not isinstance(found, dict) or found.get("format", FORMAT) != FORMAT:
        return [Problem(MARKER, f"not an archive of format {FORMAT}, which this tracker reads")]
    return []


def _tree(path: Path, problems: list[Problem]) -> dict[str, str]:
    try:
        listing = git_output(path, ["ls-tree", "-r", "-z", "HEAD"]).decode()
    except ArchiveError as error:
        problems.append(Problem("HEAD", f"cannot read the archive's history: {error}"))
        return {}
    tree = {}
    for entry in filter(None, listing.split("\0")):
        meta, file = entry.split("\t", 1)
        tree[file] = meta.split()[2]
    return tree


def _fsck(path: Path, tree: dict[str, str]) -> list[Problem]:
    by_object = {sha: file for file, sha in tree.items()}
    code, output = git_status(path, ["fsck", "--no-dangling", "--no-progress"])
    if code == 0:
        return []
    detail = " ".join(output.split())[:300]
    problems = []
    for sha in sorted(set(re.findall(r"\b[0-9a-f]{40}\b", output))):
        if sha in by_object:
            problems.append(
                Problem(by_object[sha], f"its git object {sha[:12]} is missing or corrupt")
            )
    if not problems:
        problems.append(Problem(".git", f"git fsck reports damage: {detail}"))
    return problems


def _versions(path: Path, problems: list[Problem]) -> list[Version]:
    try:
        return read_versions(path)
    except TrackerError as error:
        problems.append(Problem("history", str(error)))
        return []


def _check_snapshots(path: Path, versions: list[Version], tree: dict[str, str]) -> list[Problem]:
    problems = []
    present = [version for version in versions if version.path in tree]
    for version in versions:
        if version.path not in tree:
            problems.append(
                Problem(
                    version.path,
                    f"filed by commit {version.commit[:12]} but missing from the archive",
                )
            )
    requests = "".join(f"{tree[version.path]}\n" for version in present).encode()
    try:
        output = git_output(path, ["cat-file", "--batch"], requests)
    except ArchiveError as error:
        return [*problems, Problem("objects", f"cannot read snapshots: {error}")]
    position = 0
    for version in present:
        end = output.index(b"\n", position)
        header = output[position:end].decode()
        if header.endswith("missing"):
            position = end + 1
            continue  # fsck has named it
        size = int(header.rsplit(" ", 1)[1])
        content = output[end + 1 : end + 1 + size]
        position = end + 1 + size + 1
        problems += _check_content(version, content)
    return problems


def _check_content(version: Version, content: bytes) -> list[Problem]:
    try:
        snapshot = frontmatter.snapshot_from(content.decode("utf-8"))
    except (UnicodeDecodeError, frontmatter.FrontMatterError) as error:
        return [Problem(version.path, f"unreadable front matter ({error})")]
    problems = []
    if frontmatter.text_sha256(snapshot.text) != snapshot.sha256:
        problems.append(
            Problem(version.path, "the text does not match its sha256 (edited or truncated)")
        )
    if snapshot.sha256 != version.sha256:
        problems.append(
            Problem(
                version.path, "the sha256 in the front matter differs from the commit's trailer"
            )
        )
    if (snapshot.policy, snapshot.effective.iso, snapshot.effective.precision) != (
        version.policy, version.effective.iso, version.effective.precision,
    ):  # fmt: skip
        problems.append(
            Problem(
                version.path,
                "policy or date in the front matter differs from the commit's trailers",
            )
        )
    return problems


def _working_tree(path: Path, problems: list[Problem]) -> int:
    """Files edited, truncated or deleted by hand; returns how many only lag behind HEAD."""
    refresh_index(path)
    try:
        changed = git_output(path, ["diff-files", "--name-status", "-z"]).decode().split("\0")
        staged = (
            git_output(path, ["diff-index", "--cached", "--name-only", "-z", "HEAD"])
            .decode()
            .split("\0")
        )
    except ArchiveError as error:
        problems.append(Problem("working tree", str(error)))
        return 0
    for status, file in zip(changed[::2], changed[1::2], strict=False):
        what = "deleted from" if status == "D" else "changed in"
        problems.append(
            Problem(
                file, f"{what} the working tree by hand (restore it with `git checkout -- {file}`)"
            )
        )
    return len([file for file in staged if file])
