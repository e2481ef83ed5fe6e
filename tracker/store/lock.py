"""One writer at a time: an exclusive lock file that records who holds it.

The lock is a file created with O_EXCL holding the owner's pid and host. A lock
whose owner is a dead process on this host is stale and is taken over; a lock
held by a live process is waited for, up to a timeout.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

from tracker.errors import ArchiveError


def _owner_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_stale(path: Path) -> bool:
    try:
        owner = json.loads(path.read_text())
        pid, host = int(owner["pid"]), str(owner["host"])
    except FileNotFoundError:
        return False
    except (ValueError, KeyError, TypeError, OSError):
        # Unreadable: a writer killed between creating and filling it. Old enough means stale.
        with contextlib.suppress(FileNotFoundError):
            return time.time() - path.stat().st_mtime > 5
        return False
    return host == _host() and not _owner_alive(pid)


_GUARD_STALE_AFTER = 10.0  # seconds: a take-over guard left by a killed process


def _take_over(path: Path) -> bool:
    """Remove a stale lock, atomically: only the holder of the take-over guard may, and it
    looks again under the guard, so a lock another process took over meanwhile stays."""
    _pause_for_tests()
    guard = path.with_name(path.name + ".takeover")
    try:
        os.close(os.open(guard, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    except FileExistsError:
        with contextlib.suppress(FileNotFoundError):
            if time.time() - guard.stat().st_mtime > _GUARD_STALE_AFTER:
                guard.unlink()
        return False
    try:
        if not _is_stale(path):
            return False
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return True
    finally:
        guard.unlink(missing_ok=True)


def _pause_for_tests() -> None:
    """Widen the race between judging a lock stale and taking it over (the lock-race test)."""
    pause = os.environ.get("TRACKER_TEST_TAKEOVER_PAUSE")
    if pause:
        time.sleep(float(pause))


@contextlib.contextmanager
def exclusive(path: Path, timeout: float | None = None) -> Iterator[bool]:
    """Hold the lock at `path`; yields True when a stale lock was taken over.

    A live holder is waited for up to `timeout` seconds ($TRACKER_LOCK_TIMEOUT, default 120).
    """
    if timeout is None:
        timeout = float(os.environ.get("TRACKER_LOCK_TIMEOUT", "120"))
    deadline = time.monotonic() + timeout
    took_over = False
    delay = 0.005
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            if _is_stale(path) and _take_over(path):
                took_over = True
                continue
            if time.monotonic() > deadline:
                raise ArchiveError(
                    f"the archive is locked by another tracker process ({path}); "
                    "wait for it to finish, or delete the lock file if no tracker is running"
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
        except OSError as error:
            raise ArchiveError(f"cannot lock the archive: {error.strerror} ({path})") from None
    try:
        with os.fdopen(fd, "w") as handle:
            json.dump({"pid": os.getpid(), "host": _host(), "since": time.time()}, handle)
        yield took_over
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _host() -> str:
    import socket  # only writers need it: keep it off the read commands' start-up

    return socket.gethostname()
