"""Every git call the archive makes, in one place, with every setting that runs a program disarmed.

An archive someone hands over (a tarball, a copied folder) carries its own `.git/config`,
`.gitattributes` and hooks. Each call here overrides, on its command line, every setting git
would run a program for: hooks, fsmonitor, pager, editors, ssh, external diff, signing, and
each filter, diff or merge driver the archive's configuration defines. `dangerous_settings`
lists what an archive configures, for `tracker verify`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from tracker.errors import ArchiveError

# Settings that run a program, overridden on every call (`-c` beats any config or include).
_DISARMED = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.editor=:",
    "sequence.editor=:",
    "core.sshCommand=false",
    "core.askPass=",
    "credential.helper=",
    "diff.external=",
    "commit.gpgSign=false",
    "tag.gpgSign=false",
    "log.showSignature=false",
    "core.alternateRefsCommand=",
    "protocol.ext.allow=never",
)
# Drivers an archive may define, and the keys of each that name a program.
_DRIVER_KEYS = {
    "filter": ("clean", "smudge", "process"),
    "diff": ("textconv", "command"),
    "merge": ("driver",),
}
# Config keys (or key patterns) that make git run a program: what `verify` reports.
_RUNS_A_PROGRAM = re.compile(
    r"^(?:core\.(?:fsmonitor|hookspath|pager|editor|sshcommand|askpass|alternaterefscommand"
    r"|gitproxy)|sequence\.editor|diff\.external|credential\.helper|gpg\.(?:\w+\.)?program"
    r"|include\.path|includeif\..*\.path|(?:filter|diff|merge)\..+\.(?:clean|smudge|process"
    r"|textconv|command|driver)|uploadpack\.packobjectshook|pager\..+)$"
)
_SAFE_ENVIRONMENT = {
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_NO_REPLACE_OBJECTS": "1",  # `git replace` cannot swap what tracker reads
    "GIT_ATTR_NOSYSTEM": "1",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_PAGER": "cat",
    "GIT_EDITOR": ":",
    "LC_ALL": "C",
}


def _safe_arguments(path: Path) -> list[str]:
    arguments = []
    for setting in (*_DISARMED, *_driver_overrides(path)):
        arguments += ["-c", setting]
    return arguments


def _driver_overrides(path: Path) -> list[str]:
    """Empty program settings for each filter, diff and merge driver the archive defines."""
    overrides = []
    for key in _keys_now(path):
        section, _, rest = key.partition(".")
        name = rest.rpartition(".")[0]
        if section in _DRIVER_KEYS and name:
            overrides += [f"{section}.{name}.{field}=" for field in _DRIVER_KEYS[section]]
            if section == "filter":
                overrides.append(f"{section}.{name}.required=false")
    return list(dict.fromkeys(overrides))


def _keys_now(path: Path) -> tuple[str, ...]:
    """The configured keys, read again whenever the repository's config file changed."""
    try:
        stat = (path / ".git" / "config").stat()
    except OSError:  # `.git` is a link file, or missing: read the configuration every time
        return _configured_keys.__wrapped__(path)
    return _configured_keys(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _configured_keys(path: Path, _mtime: int = 0, _size: int = 0) -> tuple[str, ...]:
    """Every key the repository's own configuration sets (its includes followed); reading it
    runs nothing."""
    try:
        done = _plain_git(path, ["config", "--local", "--includes", "--name-only", "--list"])
    except OSError:
        return ()
    return (
        tuple(done.stdout.decode("utf-8", "replace").lower().splitlines())
        if done.returncode == 0
        else ()
    )


def dangerous_settings(path: Path) -> list[str]:
    """The archive's own settings that would make git run a program, and its live hooks."""
    found = [key for key in _keys_now(path) if _RUNS_A_PROGRAM.match(key)]
    hooks = path / ".git" / "hooks"
    if hooks.is_dir():
        found += [
            f"hook {hook.name}"
            for hook in sorted(hooks.iterdir())
            if hook.is_file() and not hook.name.endswith(".sample")
        ]
    return list(dict.fromkeys(found))


def refresh_index(path: Path) -> None:
    """Let git re-read files whose stat data changed but whose bytes did not (a `cp -a` or
    `tar x` copy of an archive), so a copy is not taken for hand edits. A read-only archive
    cannot be refreshed; its files are then judged as they are."""
    git_status(path, ["update-index", "-q", "--refresh"])


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
    done = _run_plain(path, args)
    output = f"{done.stdout.decode('utf-8', 'replace')}\n{done.stderr.decode('utf-8', 'replace')}"
    return done.returncode, output


def git_output(path: Path, args: list[str], stdin: bytes | None = None) -> bytes:
    """Run one git command through GitPython; a failure is an ArchiveError with git's reason."""
    from git import Git
    from git.exc import GitCommandError, GitCommandNotFound

    with tempfile.TemporaryFile() as feed:
        if stdin is not None:
            try:
                feed.write(stdin)
                feed.flush()
            except OSError as error:  # a full disk, a file-size limit
                raise ArchiveError(f"git {args[0]} failed: {error.strerror}") from None
            feed.seek(0)
        try:
            _, stdout, _ = Git(str(path)).execute(
                ["git", *_safe_arguments(path), *args],
                istream=feed,
                with_extended_output=True,
                stdout_as_string=False,
                env=_SAFE_ENVIRONMENT,
            )
        except GitCommandNotFound:
            raise ArchiveError("git is not installed (tracker needs the git command)") from None
        except GitCommandError as error:
            raise ArchiveError(_failure(args, error.stderr, error.status)) from None
    return stdout


def git_read(path: Path, args: list[str], stdin: bytes | None = None) -> bytes:
    """Run one read-only git command as a plain process: the hot reads of every command (the
    log, `cat-file --batch`) would otherwise pay GitPython's import, most of a cached read."""
    done = _run_plain(path, args, stdin)
    if done.returncode:
        raise ArchiveError(_failure(args, done.stderr, done.returncode))
    return done.stdout


def _run_plain(
    path: Path, args: list[str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return _plain_git(path, [*_safe_arguments(path), *args], stdin)
    except FileNotFoundError as error:
        if error.filename == "git":
            raise ArchiveError("git is not installed (tracker needs the git command)") from None
        raise ArchiveError(f"git {args[0]} failed: {error.strerror}") from None
    except OSError as error:
        raise ArchiveError(f"git {args[0]} failed: {error.strerror}") from None


def _plain_git(
    path: Path, args: list[str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    return subprocess.run(
        ["git", *args],
        **feed,
        capture_output=True,
        cwd=path,
        env={**os.environ, **_SAFE_ENVIRONMENT},
    )


def _failure(args: list[str], stderr: bytes | str, status: object) -> str:
    """git's own reason for a failed call: the last line it printed."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else str(stderr)
    lines = [line.strip(" '\"") for line in text.strip().splitlines() if line.strip(" '\"")]
    detail = lines[-1] if lines else f"exit code {status}"
    return f"git {args[0]} failed: {detail.removeprefix('stderr: ')}"
