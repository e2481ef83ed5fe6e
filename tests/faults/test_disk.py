"""Failing writes: a file-size limit standing in for a full disk, and a read-only archive."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import MESOSPHERE_2016, SEEDS, archive_state, run_tracker


def test_full_disk_leaves_the_archive_as_it_was(archive):
    run_tracker("add", str(SEEDS[2]), "--archive", str(archive))
    before = archive_state(archive)

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    result = subprocess.run(
        [sys.executable, "-m", "tracker", "add", str(MESOSPHERE_2016), "--archive", str(archive)],
        capture_output=True, text=True, preexec_fn=small_files,
    )  # fmt: skip
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert archive_state(archive) == before
    assert run_tracker("verify", "--archive", str(archive)).code == 0


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv to drop root")
def test_read_only_archive_gives_one_line_and_changes_nothing():
    folder = Path(tempfile.mkdtemp(prefix="tracker-ro-"))
    try:
        folder.chmod(0o755)
        archive = folder / "archive"
        run_tracker("init", str(archive))
        run_tracker("add", str(SEEDS[2]), "--archive", str(archive))
        before = archive_state(archive)
        subprocess.run(["chmod", "-R", "a-w,a+rX", str(archive)], check=True)
        environment = {**os.environ, "HOME": str(folder), "GIT_CONFIG_COUNT": "1",
                       "GIT_CONFIG_KEY_0": "safe.directory", "GIT_CONFIG_VALUE_0": "*"}  # fmt: skip
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             sys.executable, "-m", "tracker", "add", str(MESOSPHERE_2016), "--archive", str(archive)],
            capture_output=True, text=True, env=environment, cwd=folder,
        )  # fmt: skip
        assert result.returncode == 1, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        subprocess.run(["chmod", "-R", "u+w", str(archive)], check=True)
        assert archive_state(archive) == before
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(folder)], check=False)
        shutil.rmtree(folder, ignore_errors=True)
