"""What each quick command imports: nothing heavy that its job does not need (issue 17).

Each command runs in a process of its own under `python -X importtime`, which lists every
module the process imported; the test checks the top-level packages among them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MESOSPHERE_2016, MESOSPHERE_2018, run_tracker

HEAVY = {
    "git", "gitdb", "textual", "dateparser", "jinja2", "markdownify", "bs4", "httpx",
    "pyarrow", "sqlite_utils", "dask", "py3langid", "hypothesis",
}  # fmt: skip


def imported(*args: str, cache: Path | None = None) -> set[str]:
    """The top-level packages a `tracker` command imports (with the tests' cache, or `cache`)."""
    environment = {**os.environ, "NO_COLOR": "1"}
    if cache is not None:
        environment["TRACKER_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tracker", *args],
        capture_output=True,
        env=environment,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    names = set()
    for line in done.stderr.decode().splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_help_imports_no_library_beyond_click(tmp_path):
    assert not imported("--help", cache=tmp_path) & (HEAVY | {"rich", "numpy", "rapidfuzz"})


def test_a_file_to_file_diff_imports_only_what_comparing_needs(tmp_path):
    found = imported("diff", str(MESOSPHERE_2016), str(MESOSPHERE_2018), cache=tmp_path)
    assert "rapidfuzz" in found  # the word alignment
    assert not found & (HEAVY | {"numpy"})  # a pair this small is scored row by row


@pytest.mark.parametrize("command", [["list"], ["timeline", "mesosphere/privacy", "--json"]])
def test_cached_archive_reads_import_neither_gitpython_nor_analysis(archive, command):
    for seed in (MESOSPHERE_2016, MESOSPHERE_2018):  # `add` compares the step: it is cached
        run_tracker("add", str(seed), "--archive", str(archive))
    found = imported(*command, "--archive", str(archive))
    assert not found & (HEAVY | {"numpy", "rapidfuzz"})


def test_a_cold_timeline_imports_the_analysis(archive, tmp_path):
    for seed in (MESOSPHERE_2016, MESOSPHERE_2018):
        run_tracker("add", str(seed), "--archive", str(archive), "--no-compare")
    found = imported("timeline", "mesosphere/privacy", "--archive", str(archive), cache=tmp_path)
    assert "rapidfuzz" in found and not found & HEAVY


def test_a_file_diff_run_again_is_read_from_the_cache(tmp_path):
    files = (str(MESOSPHERE_2016), str(MESOSPHERE_2018))
    assert "rapidfuzz" in imported("diff", *files, cache=tmp_path)  # compared
    assert "rapidfuzz" not in imported("diff", *files, cache=tmp_path)  # read back
    cold = run_tracker("diff", *files, "--json", env={"TRACKER_CACHE_DIR": ""})
    cached = run_tracker("diff", *files, "--json", env={"TRACKER_CACHE_DIR": str(tmp_path)})
    assert cold.code == cached.code == 0 and cold.out == cached.out
