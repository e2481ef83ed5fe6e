"""The git-backed archive: dated snapshots filed as commits on an append-only main branch.

Layout: `ORG/DOC/YYYY-MM-DD.md` files (front matter + text), a `.tracker-archive`
marker, one commit per snapshot with the metadata as `Tracker-*` trailers.
Writes go through `git fast-import` under a lock: the branch moves only when the
whole batch is written, so a crash at any point leaves the archive as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import ArchiveError, InputError, shown
from tracker.model import PolicySummary, Snapshot, Version
from tracker.store import format as frontmatter
from tracker.store import lock
from tracker.store.fastimport import INCOMING, FastImportStream
from tracker.store.format import (
    observation_from_trailers,
    observation_message,
    trailers_of,
    version_from_trailers,
)
from tracker.store.git import (
    git_output,
    git_read,
    git_run,
    git_status,
    identity_args,
    identity_line,
    now_iso,
    refresh_index,
)
from tracker.store.observations import Plan, timeline_order, with_sightings

MARKER = ".tracker-archive"
FORMAT = 1  # the archive format this tracker reads and writes (the marker's "format")
# The head tracker last wrote, kept beside the repository: a history rewritten under it
# (`commit --amend`, a rebase, a forced push) no longer contains it.
RECORDED_HEAD = "tracker-head"
DEFAULT_ARCHIVE = "policy-archive"
_SLUG_PART = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_POLICY = re.compile(rf"{_SLUG_PART}/{_SLUG_PART}")


@dataclass(frozen=True)
class AddResult:
    """What happened to one snapshot: `added`, `observed` (one more sighting of a version) or
    `duplicate` (a sighting already recorded, or an old text again on no date)."""

    status: str
    version: Version


def validate_policy(policy: str) -> str:
    if len(policy) > 129 or not _POLICY.fullmatch(policy):
        raise InputError(
            f"bad policy name {shown(policy)}: use ORG/DOC with lowercase letters, digits and "
            "dashes, for example acme/privacy"
        )
    return policy


def find_archive(explicit: str | None = None, cwd: Path | None = None) -> Path:
    """`--archive`, else $TRACKER_ARCHIVE, else the enclosing archive, else ./policy-archive."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get("TRACKER_ARCHIVE"):
        return Path(os.environ["TRACKER_ARCHIVE"]).expanduser()
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    return here / DEFAULT_ARCHIVE


def init_archive(path: Path) -> Archive:
    """Create an archive at `path` (an empty or new folder); an existing archive is kept."""
    if (path / MARKER).is_file():
        return Archive(path)
    if path.exists() and not path.is_dir():
        raise ArchiveError(f"{path} exists and is not a folder")
    if path.is_dir() and any(entry.name != ".git" for entry in path.iterdir()):
        raise ArchiveError(f"{path} is not empty; give a new or empty folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
        git_run(path, "init", "-q", "-b", "main")
        (path / MARKER).write_text(json.dumps({"format": 1, "created": now_iso()}, indent=2) + "\n")
        (path / ".gitattributes").write_text("*.md -text\n")
        (path / ".gitignore").write_text(
            "# reports written into the archive folder are not snapshots\nreports/\n"
        )
        git_run(path, "add", MARKER, ".gitattributes", ".gitignore")
        git_run(
            path, *identity_args(path), "commit", "-q", "-m",
            "Create tracker archive\n\nTracker-Archive-Format: 1",
        )  # fmt: skip
        record_head(path, git_output(path, ["rev-parse", "HEAD"]).decode().strip())
    except OSError as error:
        raise ArchiveError(f"cannot create the archive at {path}: {error.strerror}") from None
    return Archive(path)


class Archive:
    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_dir():
            raise ArchiveError(
                f"no archive at {path}; create one with `tracker init {path}` or pass --archive"
            )
        if not (path / MARKER).is_file():
            raise ArchiveError(
                f"{path} is not a tracker archive (no {MARKER} marker); "
                f"create one with `tracker init PATH` or run `tracker verify`"
            )
        if not (path / ".git").exists():
            raise ArchiveError(f"{path} is a broken archive (no .git folder); run `tracker verify`")
        check_format(path)
        self._versions: list[Version] | None = None

    @property
    def git_dir(self) -> Path:
        return self.path / ".git"

    # Reading

    def versions(self, policy: str | None = None) -> list[Version]:
        """Versions in timeline order: by first sighting, else stated date (a backfill slots in)."""
        if self._versions is None:
            self._versions = self._read_log()
        if policy is None:
            return list(self._versions)
        return [version for version in self._versions if version.policy == policy]

    def reload(self) -> None:
        """Forget the versions read so far: those filed since, by any process, are read next."""
        self._versions = None

    def policies(self) -> list[PolicySummary]:
        grouped: dict[str, list[Version]] = defaultdict(list)
        for version in self.versions():
            grouped[version.policy].append(version)
        return [PolicySummary.of(policy, versions) for policy, versions in sorted(grouped.items())]

    def policy_versions(self, policy: str) -> list[Version]:
        """The versions of a known policy; an unknown one is an error that lists the known."""
        versions = self.versions(policy)
        if not versions:
            known = ", ".join(summary.policy for summary in self.policies()) or "none yet"
            raise InputError(f"unknown policy {policy!r} (known: {known})")
        return versions

    def read_snapshot(self, version: Version) -> Snapshot:
        return self.read_snapshots([version])[0]

    def read_snapshots(self, versions: list[Version]) -> list[Snapshot]:
        """The snapshots as committed (git objects, not the working tree)."""
        if not versions:
            return []
        requests = "".join(f"{version.commit}:{version.path}\n" for version in versions)
        output = git_read(self.path, ["cat-file", "--batch"], requests.encode())
        snapshots = []
        position = 0
        for version in versions:
            header_end = output.index(b"\n", position)
            header = output[position:header_end].decode()
            if header.endswith("missing"):
                raise ArchiveError(f"{version.path} is missing from git; run `tracker verify`")
            size = int(header.rsplit(" ", 1)[1])
            content = output[header_end + 1 : header_end + 1 + size].decode("utf-8")
            position = header_end + 1 + size + 1
            try:
                snapshots.append(frontmatter.snapshot_from(content))
            except frontmatter.FrontMatterError as error:
                raise ArchiveError(f"{version.path}: {error}; run `tracker verify`") from None
        return snapshots

    def resolve(self, ref: str) -> Version:
        """`POLICY`, `POLICY@2016-04-19`, `POLICY@2018-05`, `POLICY@latest`, `POLICY@first`."""
        policy, _, when = ref.partition("@")
        versions = self.policy_versions(validate_policy(policy))
        if not when or when == "latest":
            return versions[-1]
        if when == "first":
            return versions[0]
        if re.fullmatch(r"-?\d+", when):
            try:
                return versions[int(when)]
            except IndexError:
                raise InputError(
                    f"{policy} has {len(versions)} versions; no index {shown(when)}"
                ) from None
        matches = [
            version
            for version in versions
            if when in (version.effective.iso, version.effective.short, Path(version.path).stem)
        ]
        if not matches:
            matches = [version for version in versions if version.effective.iso.startswith(when)]
        if not matches:
            dates = ", ".join(version.effective.short for version in versions)
            raise InputError(f"{policy} has no version dated {shown(when)} (versions: {dates})")
        return matches[-1]

    # Writing

    def add(
        self, snapshots: list[Snapshot], *, same_text_is_duplicate: bool = True
    ) -> list[AddResult]:
        """File `snapshots` in one transaction, each as a new version or a sighting of one.

        A text the version beside it in the timeline already has is one more observation of
        that version (a `duplicate` if already seen that day); a text an older version had is
        a new version, a revert, when the day it was seen is known. Imports of recorded
        histories pass `same_text_is_duplicate=False`: there a version is identified by its
        origin commit, so every recorded version is kept.
        """
        with lock.exclusive(self.git_dir / "tracker.store.lock") as took_over:
            if took_over:
                self._clear_stale_git_locks()
            self._check_writable()
            self._versions = None
            for snapshot in snapshots:
                validate_policy(snapshot.policy)
            plan = Plan(self.versions(), today=now_iso()[:10])
            planned = [
                plan.place(snapshot) if same_text_is_duplicate else plan.file_recorded(snapshot)
                for snapshot in snapshots
            ]
            if plan.new or plan.sightings:
                self._commit(plan)
            self._versions = None
            by_path = {version.path: version for version in self.versions()}
            return [AddResult(status, by_path[path]) for status, path in planned]

    def _commit(self, plan: Plan) -> None:
        self._drop_incoming()  # left by an add killed before its refs moved: never filed
        branch = self._run(["symbolic-ref", "HEAD"]).decode().strip()
        head = self._head()
        stream = FastImportStream(identity_line(self.path))
        parent = head
        for snapshot, path in plan.new:
            stream.commit(f"{INCOMING}{branch}", parent, snapshot, path)
            parent = None
        for snapshot, seen, path in plan.sightings:
            stream.observe(f"{INCOMING}{branch}", parent, observation_message(snapshot, seen, path))
            parent = None
        blobs = self._blob_ids()
        for policy in sorted(plan.touched):
            stream.timeline(policy, plan.timeline(policy), blobs)
        try:
            self._run(["fast-import", "--quiet", "--force", "--done"], stdin=stream.finish())
            self._move_refs(branch, head)
        except ArchiveError as error:
            self._drop_incoming()
            raise ArchiveError(
                f"could not write to the archive, nothing was filed: {error}"
            ) from None
        try:
            record_head(self.path, self._head())
            self._run(["reset", "-q", "--hard"])
        except (ArchiveError, OSError) as error:
            filed = len(plan.new) + len(plan.sightings)
            raise ArchiveError(
                f"{filed} snapshot(s) filed (main is now {self._head()}), but the archive's "
                f"folder could not be brought up to date: {error}; free the space or remove the "
                "lock, then run `tracker verify`"
            ) from None

    def _move_refs(self, branch: str, expected: str | None) -> None:
        """Main and the timeline branches in one transaction; main only if still `expected`."""
        listing = self._run(["for-each-ref", "--format=%(refname) %(objectname)", INCOMING])
        commands = ["start"]
        for line in listing.decode().splitlines():
            incoming, value = line.split(" ")
            target = incoming.removeprefix(INCOMING)
            old = expected if target == branch else ""
            commands.append(f"update {target} {value} {old}".rstrip())
            commands.append(f"delete {incoming} {value}")
        commands += ["prepare", "commit", ""]
        try:
            self._run(["update-ref", "--stdin"], stdin="\n".join(commands).encode())
        except ArchiveError as error:
            raise ArchiveError(f"{branch} moved while this add was writing ({error})") from None

    def _drop_incoming(self) -> None:
        with contextlib.suppress(ArchiveError):
            listing = self._run(["for-each-ref", "--format=%(refname)", INCOMING]).decode()
            commands = "".join(f"delete {ref}\n" for ref in listing.split())
            if commands:
                self._run(["update-ref", "--stdin"], stdin=commands.encode())

    def _head(self) -> str | None:
        try:
            return self._run(["rev-parse", "-q", "--verify", "HEAD^{commit}"]).decode().strip()
        except ArchiveError:
            return None

    def _blob_ids(self) -> dict[str, str]:
        listing = self._run(["ls-tree", "-r", "-z", "HEAD"]).decode()
        blobs = {}
        for entry in filter(None, listing.split("\0")):
            meta, path = entry.split("\t", 1)
            blobs[path] = meta.split()[2]
        return blobs

    def _check_writable(self) -> None:
        """Refuse to write on top of hand-made damage; finish an interrupted add first."""
        if self._head() is None:
            raise ArchiveError(
                f"{self.path} has no commits: a broken archive; run `tracker verify`"
            )
        refresh_index(self.path)
        try:
            self._run(["diff-files", "--quiet"])
        except ArchiveError:
            raise ArchiveError(
                f"snapshot files in {self.path} were changed outside tracker; run `tracker verify`"
            ) from None
        last = self._run(["log", "-1", "--format=%P%x1f%B", "HEAD"]).decode("utf-8", "replace")
        parents, _, message = last.partition("\x1f")
        if len(parents.split()) < 2 and not re.search(
            r"^Tracker-(?:Policy|Archive-Format|Observation-Of): ", message, re.M
        ):
            raise ArchiveError(
                f"the last commit in {self.path} was not made by tracker (edited with plain git?); "
                "run `tracker verify`"
            )
        damage = history_damage(self.path)
        if damage:
            raise ArchiveError(f"{damage}; nothing was filed (run `tracker verify`)")
        try:
            self._run(["diff-index", "--cached", "--quiet", "HEAD"])
        except ArchiveError:
            self._run(["reset", "-q", "--hard"])  # an add was killed after its commit

    def _clear_stale_git_locks(self) -> None:
        """A killed writer may leave git's own lock files; the tracker lock proves they are dead."""
        for stale in (self.git_dir / "index.lock", *self.git_dir.glob("refs/heads/**/*.lock")):
            stale.unlink(missing_ok=True)

    def _read_log(self) -> list[Version]:
        return read_versions(self.path)

    def _run(self, args: list[str], stdin: bytes | None = None) -> bytes:
        return git_output(self.path, args, stdin)


def check_format(path: Path) -> None:
    """Refuse an archive of another format in one line, before reading anything of it."""
    try:
        found = json.loads((path / MARKER).read_text()).get("format", FORMAT)
    except (OSError, ValueError, AttributeError, RecursionError):
        return  # an unreadable marker is damage: `tracker verify` names it
    if found != FORMAT:
        shown = str(found)[:20]
        raise ArchiveError(
            f"{path} has archive format {shown}; this tracker reads format {FORMAT} "
            "(upgrade tracker, or open it with the tracker that made it)"
        )


def record_head(path: Path, head: str | None) -> None:
    """Written whole or not at all: a kill mid-write must not look like a rewritten history."""
    if head:
        target = path / ".git" / RECORDED_HEAD
        temporary = target.with_name(f"{RECORDED_HEAD}.{os.getpid()}.tmp")
        temporary.write_text(head + "\n")
        os.replace(temporary, target)


def history_damage(path: Path) -> str | None:
    """A rewrite of history no commit id shows: replace refs, or a head tracker wrote that
    the current history no longer contains. None when the history is as tracker left it."""
    replaced = git_read(path, ["for-each-ref", "--format=%(refname)", "refs/replace/"])
    if replaced.strip():
        return "the archive has `git replace` refs that swap its objects (refs/replace/)"
    try:
        recorded = (path / ".git" / RECORDED_HEAD).read_text().strip()
    except OSError:
        return None  # an archive from before heads were recorded
    if not re.fullmatch(r"[0-9a-f]{40}", recorded):
        return f"the recorded head (.git/{RECORDED_HEAD}) is unreadable"
    code, _ = git_status(path, ["merge-base", "--is-ancestor", recorded, "HEAD"])
    if code != 0:
        return (
            f"the history was rewritten: HEAD no longer contains {recorded[:12]}, the last "
            "commit tracker wrote (commit --amend, rebase or a forced reset?)"
        )
    return None


def read_versions(path: Path) -> list[Version]:
    """Every filed version with its sightings, from the commit trailers of the append-only log
    (one git call), in timeline order."""
    output = git_read(path, ["log", "--reverse", "--format=%H%x1f%cI%x1f%B%x1e", "--no-merges"])
    versions, sightings = [], []
    for record in filter(str.strip, output.decode("utf-8").split("\x1e")):
        commit, committed, body = record.strip("\n").split("\x1f", 2)
        trailers = trailers_of(body)
        if "Tracker-Policy" not in trailers and "Tracker-Observation-Of" not in trailers:
            continue
        try:
            if "Tracker-Observation-Of" in trailers:
                seen = observation_from_trailers(trailers, committed)
                path_seen, sha256 = trailers["Tracker-Observation-Of"], trailers["Tracker-Sha256"]
                sightings.append((commit, path_seen, sha256, seen))
            else:
                versions.append(version_from_trailers(trailers, commit, committed))
        except (KeyError, ValueError):
            raise ArchiveError(
                f"commit {commit[:12]} has broken Tracker trailers; run `tracker verify`"
            ) from None
    return timeline_order(with_sightings(versions, sightings))
