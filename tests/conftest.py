"""Shared fixtures: the bundled samples, temporary archives, and the `tracker` command line
(in this process, or in a process of its own)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# CI and the README's test command replay the same examples every run (`derandomize`), so a
# red build always reproduces; `HYPOTHESIS_PROFILE=explore pytest` searches new ones.
settings.register_profile("repeatable", derandomize=True, deadline=None)
settings.register_profile("explore", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# The environment the suite needs, whatever the caller's shell sets: colour and width variables
# change what the TUI snapshots and the CLI print, and results are cached in a folder of the
# test run's own, never the user's.
for _name in ("NO_COLOR", "FORCE_COLOR", "TERM_PROGRAM", "COLUMNS", "LINES", "TRACKER_ARCHIVE",
              "TRACKER_DEBUG", "TEXTUAL", "XDG_CACHE_HOME"):  # fmt: skip
    os.environ.pop(_name, None)
os.environ["TRACKER_CACHE_DIR"] = tempfile.mkdtemp(prefix="tracker-test-cache-")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        default=False,
        help="also run the tests marked slow (long fault injection; what .ci/run runs)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "archive" / "samples"
SEEDS = sorted(SAMPLES.glob("0*.txt"))
MESOSPHERE_2016, MESOSPHERE_2018, DOTCLOUD, BALENA, MIXPANEL = SEEDS
OTA_BUNDLE = SAMPLES / "ota" / "pga-privacy-sample.bundle"


@dataclass
class Result:
    code: int
    out: str
    err: str


def _command_environment(env: dict | None) -> dict[str, str]:
    return {"NO_COLOR": "1", "COLUMNS": "200", **(env or {})}


class _Captured(io.BytesIO):
    """What a command wrote; it may close its stream (as on a broken pipe) and still be read."""

    def close(self) -> None:
        pass


def _writer(sink: _Captured) -> io.TextIOWrapper:
    # Text and bytes (`sys.stdout.buffer`) land in one buffer, in the order they were written.
    return io.TextIOWrapper(sink, encoding="utf-8", write_through=True)


@contextlib.contextmanager
def _isolated(cwd: Path | None, stdin: bytes | None, env: dict | None):
    """Streams, environment and working folder of one command; all restored afterwards."""
    from tracker.present import console

    saved_environment = dict(os.environ)
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_cwd = os.getcwd()
    out, err = _Captured(), _Captured()
    try:
        os.environ.update(_command_environment(env))
        os.environ.pop("TRACKER_ARCHIVE", None)
        if cwd is not None:
            os.chdir(cwd)
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
        sys.stdout, sys.stderr = _writer(out), _writer(err)
        console.out.cache_clear()  # rich consoles read the streams and NO_COLOR when made
        console.err.cache_clear()
        yield out, err
    finally:
        for stream in (sys.stdout, sys.stderr):
            if not stream.closed:
                stream.flush()
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        for name in set(os.environ) - set(saved_environment):
            del os.environ[name]
        os.environ.update(saved_environment)
        console.out.cache_clear()
        console.err.cache_clear()


def run_tracker(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None
) -> Result:
    """Run the command line in this process, as `python -m tracker` would run it.

    `_run` is what `main()` wraps, without `main()`'s `sys.exit` and its ignoring of SIGINT
    (which must not happen to the test process). Tests that need a process of its own
    (signals, kills, concurrent writers, start-up) use `run_tracker_process`.
    """
    from tracker import cli

    with _isolated(cwd, stdin, env) as (out, err):
        try:
            code = cli._run(list(args))
        except SystemExit as done:
            if done.code is None or isinstance(done.code, int):
                code = done.code or 0
            else:
                sys.stderr.write(f"{done.code}\n")
                code = 1
    return Result(code, out.getvalue().decode(), err.getvalue().decode())


def run_tracker_process(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None
) -> Result:
    """Run the installed entry point as a user would, in a separate process."""
    environment = {**os.environ, **_command_environment(env)}
    environment.pop("TRACKER_ARCHIVE", None)
    completed = subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=300,
    )
    return Result(completed.returncode, completed.stdout.decode(), completed.stderr.decode())


@pytest.fixture
def tracker():
    return run_tracker


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive"
    result = run_tracker("init", str(path))
    assert result.code == 0, result.err
    return path


@pytest.fixture(scope="session")
def ota_clone(tmp_path_factory) -> Path:
    """A clone of the bundled Open Terms Archive sample (a versions repository)."""
    clone = tmp_path_factory.mktemp("ota") / "pga-sample"
    subprocess.run(["git", "clone", "-q", str(OTA_BUNDLE), str(clone)], check=True)
    return clone


def block_imports(monkeypatch, prefix: str) -> None:
    """As if an extra were not installed: importing `prefix` (and its modules) fails."""
    import builtins

    real_import = builtins.__import__

    def blocked(name, *args, **kwargs):
        if name.startswith(prefix):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", blocked)


@pytest.fixture
def without_pyarrow(monkeypatch):
    """As if the `export`/`corpus` extra were not installed: importing pyarrow fails."""
    block_imports(monkeypatch, "pyarrow")


@pytest.fixture(scope="session")
def demo_archive(tmp_path_factory) -> Path:
    """The demo archive, built once per test session through the real CLI."""
    path = tmp_path_factory.mktemp("demo") / "tracker-demo"
    result = run_tracker("demo", str(path))
    assert result.code == 0, result.err
    return path


def wait_for_process_group(group: int, timeout: float = 120) -> None:
    """Return once no live process is left in process group `group`: the git commands a killed
    tracker had started go on without it, and the archive is only settled once they end."""
    deadline = time.monotonic() + timeout
    while _live_members(group):
        if time.monotonic() > deadline:
            raise AssertionError(f"process group {group} still running after {timeout} s")
        time.sleep(0.005)


def _live_members(group: int) -> list[int]:
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, _parent, process_group = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except (OSError, ValueError):
            continue  # it ended while being read
        if int(process_group) == group and state not in ("Z", "X"):
            members.append(int(stat.parent.name))
    return members


def git(path: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(path), *args], capture_output=True, text=True, check=True
    ).stdout


def archive_state(path: Path) -> tuple[str, dict[str, bytes]]:
    """Everything a failed command must leave untouched: the history and the files."""
    files = {
        str(file.relative_to(path)): file.read_bytes()
        for file in sorted(path.rglob("*"))
        if file.is_file() and ".git" not in file.relative_to(path).parts
    }
    return git(path, "log", "--all", "--format=%H %s"), files
