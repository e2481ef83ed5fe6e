"""Before and after: `tracker parse`, `diff`, `log` and `report` in a checkout of REF against this tree.

    python benchmarks/bench_before_after.py b99ecaa --rounds 8

Both trees run alternately in one process, on the same files and archive, so a noisy
machine slows both alike. Each round measures a command's CPU time (user + system, of the
child) in each tree; the figure is the median of the per-round ratios, with their range.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from synthetic import write_history

ROOT = Path(__file__).resolve().parent.parent
OLD, NEW = sorted((ROOT / "archive" / "samples").glob("00[01]_*.txt"))


def child_cpu_seconds(tree: Path, cache: Path, *args: str) -> float:
    environment = dict(os.environ, PYTHONPATH=str(tree), TRACKER_CACHE_DIR=str(cache))
    environment.update(NO_COLOR="1")
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # both trees reuse their .pyc files
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        check=True, capture_output=True, env=environment, cwd=tempfile.gettempdir(),
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def measure(trees: dict[str, Path], archive: Path, work: Path, rounds: int) -> dict:
    log = ("log", "example/privacy", "--archive", str(archive))
    report = ("report", "example/privacy", "--format", "html", "-o", str(work / "r.html"),
              "--archive", str(archive))  # fmt: skip
    commands = {  # name -> (arguments, cache): a fresh cache each, the cached log the cold one's
        "tracker parse SEED": (("parse", str(OLD)), "parse"),
        "tracker diff A B (headline pair)": (("diff", str(OLD), str(NEW)), "diff"),
        "tracker log, 60 x 50 KB, cold": (log, "log"),
        "tracker log, same, cached": (log, "log"),
        "tracker report, same, HTML, cold": (report, "report"),
    }
    seconds = {name: {tree: [] for tree in trees} for name in commands}
    for round_number in range(rounds):
        for tree_name, tree in trees.items():
            for name, (args, cache_name) in commands.items():
                cache = work / f"{tree_name}-{round_number}-{cache_name}"
                seconds[name][tree_name].append(child_cpu_seconds(tree, cache, *args))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", help="the git revision to compare with, e.g. a commit")
    parser.add_argument("--rounds", type=int, default=6)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tracker-before-after-"))
    before = work / "before"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(before), options.ref],
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        history, archive = work / "history", work / "archive"
        write_history(history, 60, 50)
        cache = work / "setup-cache"
        child_cpu_seconds(ROOT, cache, "init", str(archive))
        child_cpu_seconds(ROOT, cache, "add", str(history), "--policy", "example/privacy",
                          "--archive", str(archive))  # fmt: skip
        trees = {"before": before, "after": ROOT}
        results = measure(trees, archive, work, options.rounds)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(before)])
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'what':<36} {'before':>9} {'after':>9}   after/before: median (range)")
    for name, runs in results.items():
        ratios = [
            after / before for before, after in zip(runs["before"], runs["after"], strict=True)
        ]
        print(
            f"{name:<36} {statistics.median(runs['before']) * 1000:7.0f}ms "
            f"{statistics.median(runs['after']) * 1000:7.0f}ms   "
            f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"
        )


if __name__ == "__main__":
    main()
