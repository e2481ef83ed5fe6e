"""Shared fixtures: the bundled samples, temporary archives, and the real `tracker` command."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
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


def run_tracker(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None
) -> Result:
    """Run the installed entry point as a user would, in a separate process."""
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
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
def demo_archive(tmp_path_factory) -> Path:
    """The demo archive, built once per test session through the real CLI."""
    path = tmp_path_factory.mktemp("demo") / "tracker-demo"
    result = run_tracker("demo", str(path))
    assert result.code == 0, result.err
    return path


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
