"""Concurrent writers: 4 processes adding 100 different snapshots each, at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import git, run_tracker

WRITERS = 4
ADDS = 100

WRITER = """
import subprocess, sys
archive, folder = sys.argv[1], sys.argv[2]
from pathlib import Path
failures = 0
for path in sorted(Path(folder).glob("*.md")):
    result = subprocess.run([sys.executable, "-m", "tracker", "add", str(path), "--policy", "acme/privacy",
                             "--archive", archive], capture_output=True, text=True)
    failures += result.returncode != 0
    if result.returncode:
        print(result.stderr, file=sys.stderr)
sys.exit(failures)
"""


@pytest.mark.slow
def test_four_writers_one_hundred_adds_each(archive, tmp_path):
    writers = []
    for writer in range(WRITERS):
        folder = tmp_path / f"writer-{writer}"
        folder.mkdir()
        for number in range(ADDS):
            day = writer * ADDS + number
            (folder / f"{number:03d}.md").write_text(
                f"Effective date: 2001-01-01\n\n## Writer {writer}\n\nSnapshot {day} written by writer {writer}.\n"
            )
        writers.append(
            subprocess.Popen(
                [sys.executable, "-c", WRITER, str(archive), str(folder)],
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for process in writers:
        _, errors = process.communicate(timeout=1800)
        assert process.returncode == 0, errors
    assert int(git(archive, "rev-list", "--count", "main")) == 1 + WRITERS * ADDS
    assert len(list(Path(archive, "acme", "privacy").glob("*.md"))) == WRITERS * ADDS
    assert run_tracker("verify", "--archive", str(archive)).code == 0
    git(archive, "fsck", "--strict")
