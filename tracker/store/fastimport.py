"""A `git fast-import` stream: a batch of snapshot commits and timeline branches, written at once."""

from __future__ import annotations

import datetime as dt
import time

from tracker.model import Snapshot, Version
from tracker.store import format as frontmatter
from tracker.store.format import commit_message

# Derived branches whose commits follow the effective dates, for `git log -p` and `git blame`.
TIMELINE_PREFIX = "refs/heads/timeline/"
# fast-import writes every ref here first; one `update-ref` transaction then moves main (only
# if nobody else moved it: compare and swap) and the timeline branches together.
INCOMING = "refs/tracker/incoming/"


class FastImportStream:
    """A `git fast-import` stream: blobs once, then main commits, then timeline branches."""

    def __init__(self, identity: str) -> None:
        self._parts: list[bytes] = []
        self._identity = identity
        self._marks: dict[str, int] = {}
        self._next_mark = 1

    def _mark(self) -> int:
        self._next_mark += 1
        return self._next_mark - 1

    def _data(self, payload: bytes) -> None:
        self._parts.append(b"data %d\n" % len(payload) + payload + b"\n")

    def commit(self, branch: str, parent: str | None, snapshot: Snapshot, path: str) -> None:
        blob = self._mark()
        self._marks[path] = blob
        self._parts.append(b"blob\nmark :%d\n" % blob)
        self._data(frontmatter.render(snapshot).encode("utf-8"))
        stamp = f"{int(time.time())} +0000"
        self._parts.append(f"commit {branch}\nmark :{self._mark()}\n".encode())
        self._parts.append(f"committer {self._identity} {stamp}\n".encode())
        self._data(commit_message(snapshot, path).encode("utf-8"))
        if parent:
            self._parts.append(f"from {parent}\n".encode())
        self._parts.append(f"M 100644 :{blob} {path}\n\n".encode())

    def observe(self, branch: str, parent: str | None, message: str) -> None:
        """A commit that changes no file: its trailers record a sighting of a filed text."""
        stamp = f"{int(time.time())} +0000"
        self._parts.append(f"commit {branch}\nmark :{self._mark()}\n".encode())
        self._parts.append(f"committer {self._identity} {stamp}\n".encode())
        self._data(message.encode("utf-8"))
        if parent:
            self._parts.append(f"from {parent}\n".encode())
        self._parts.append(b"\n")

    def timeline(self, policy: str, versions: list[Version], blobs: dict[str, str]) -> None:
        """Rebuild `timeline/POLICY`: one commit per version, in the timeline's order."""
        ref = f"{INCOMING}{TIMELINE_PREFIX}{policy}"
        self._parts.append(f"reset {ref}\n\n".encode())
        for version in versions:
            effective, path = version.effective, version.path
            blob = f":{self._marks[path]}" if path in self._marks else blobs.get(path)
            if blob is None:
                continue
            when = dt.datetime.combine(effective.value, dt.time(12), dt.UTC)
            self._parts.append(f"commit {ref}\n".encode())
            self._parts.append(f"author {self._identity} {int(when.timestamp())} +0000\n".encode())
            self._parts.append(f"committer {self._identity} {int(time.time())} +0000\n".encode())
            self._data(
                f"{policy} effective {effective.short} ({effective.precision})\n\n{path}\n".encode()
            )
            self._parts.append(f"M 100644 {blob} policy.md\n\n".encode())

    def finish(self) -> bytes:
        return b"".join(self._parts) + b"done\n"
