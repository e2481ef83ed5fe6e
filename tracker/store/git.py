"""Every git call the archive makes, in one place."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

from tracker.errors import ArchiveError


def identity_args(path: Path) -> list[str]:
    name, email = _identity_parts(path)
    return ["-c", f"user.name={name}", "-c", f"user.email={email}"]


def identity_line(path: Path) -> str:
    name, email = _identity_parts(path)
    return f"{name} <{email}>"


def _identity_parts(path: Path) -> tuple[str, str]:
    def config(key: str) -> str:
        try:
            return git_output(path, ["config", key]).decode("utf-8", "replace").strip()
        except ArchiveError:
            return ""

    name = re.sub(r"[<>\n]", "", config("user.name")) or "tracker"
    email = re.sub(r"[<>\n]", "", config("user.email")) or "tracker@localhost"
    return name, email


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def git_run(path: Path, *args: str) -> None:
    git_output(path, list(args))


def git_status(path: Path, args: list[str]) -> tuple[int, str]:
    """Run a git command that may fail; its exit code and everything it printed."""
    from git import Git
    from git.exc import GitCommandNotFound

    try:
        code, stdout, stderr = Git(str(path)).execute(
            ["git", *args], with_extended_output=True, with_exceptions=False, env={"LC_ALL": "C"}
        )
    except GitCommandNotFound:
        raise ArchiveError("git is not installed (tracker needs the git command)") from None
    return code, f"{stdout}\n{stderr}"


def git_output(path: Path, args: list[str], stdin: bytes | None = None) -> bytes:
    """Run one git command through GitPython; a failure is an ArchiveError with git's reason."""
    from git import Git
    from git.exc import GitCommandError, GitCommandNotFound

    with tempfile.TemporaryFile() as feed:
        if stdin is not None:
            feed.write(stdin)
            feed.seek(0)
        try:
            _, stdout, _ = Git(str(path)).execute(
                ["git", *args],
                istream=feed,
                with_extended_output=True,
                stdout_as_string=False,
                env={"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
            )
        except GitCommandNotFound:
            raise ArchiveError("git is not installed (tracker needs the git command)") from None
        except GitCommandError as error:
            stderr = (
                error.stderr.decode("utf-8", "replace")
                if isinstance(error.stderr, bytes)
                else str(error.stderr)
            )
            lines = [
                line.strip(" '\"") for line in stderr.strip().splitlines() if line.strip(" '\"")
            ]
            detail = lines[-1] if lines else f"exit code {error.status}"
            raise ArchiveError(f"git {args[0]} failed: {detail.removeprefix('stderr: ')}") from None
    return stdout
