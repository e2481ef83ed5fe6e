"""Timing helpers: medians of repeated runs, and ratios against a baseline in the same run."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Every benchmark caches into a folder of its own run, so "cold" means cold and the
# user's cache is never touched.
CACHE = Path(tempfile.mkdtemp(prefix="tracker-bench-cache-"))
os.environ["TRACKER_CACHE_DIR"] = str(CACHE)
# An installed tracker runs from compiled bytecode; a machine that sets
# PYTHONDONTWRITEBYTECODE would otherwise compile every source file in every command.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def clear_cache() -> None:
    shutil.rmtree(CACHE, ignore_errors=True)


def median_seconds(work: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command_seconds(args: list[str], repeat: int = 7, **kwargs) -> float:
    return median_seconds(
        lambda: subprocess.run(args, check=True, capture_output=True, **kwargs), repeat
    )


def tracker_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "tracker", *args]


def report(name: str, seconds: float, baseline_name: str, baseline: float) -> None:
    print(
        f"{name:<48} {seconds * 1000:9.1f} ms   {baseline_name:<34} {baseline * 1000:8.1f} ms   ratio {seconds / baseline:6.2f}x"
    )
