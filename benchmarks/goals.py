"""Issue 17's table: each speed goal as a ratio against its baseline, measured in one run.

Every row times a whole `tracker` command (a process of its own, as a user runs it) and
its baseline in the same run. With `--before REF`, the same commands also run from a
checkout of REF, alternately with this tree, so the two columns share the machine's noise.

Run: python benchmarks/goals.py [--before REF] [--repeat 3]
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench_import import synthetic_ota
from synthetic import history, write_history

ROOT = Path(__file__).resolve().parent.parent
OLD, NEW = sorted((ROOT / "archive" / "samples").glob("00[01]_*.txt"))
BUNDLE = ROOT / "archive" / "samples" / "ota" / "pga-privacy-sample.bundle"


@dataclass(frozen=True)
class Goal:
    """At most `ratio` times the baseline, and (when given) at most `seconds` in all."""

    ratio: float | None = None
    seconds: float | None = None
    per_second: float | None = None  # for rates: at least this many items a second

    def met(self, seconds: float, baseline: float, items: int) -> bool:
        return (
            (self.ratio is None or seconds / baseline <= self.ratio)
            and (self.seconds is None or seconds <= self.seconds)
            and (self.per_second is None or items / seconds >= self.per_second)
        )

    def __str__(self) -> str:
        parts = [f"<= {self.ratio:g}x"] if self.ratio else []
        parts += [f"<= {self.seconds * 1000:.0f} ms"] if self.seconds else []
        parts += [f">= {self.per_second:.0f}/s"] if self.per_second else []
        return ", ".join(parts)


@dataclass(frozen=True)
class Row:
    what: str
    baseline_name: str
    goal: Goal
    measure: Callable[[Path], float]  # a tree -> seconds of its command
    baseline: Callable[[], float]
    items: int = 0  # versions or policies, for a rate


class Runner:
    """Commands of one tree, each with a cache of its own unless told to share one."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.caches = 0

    def cache(self) -> Path:
        self.caches += 1
        return self.work / f"cache-{self.caches}"

    def seconds(self, tree: Path, *args: str, cache: Path | None = None) -> float:
        environment = dict(os.environ, PYTHONPATH=str(tree), NO_COLOR="1")
        environment["TRACKER_CACHE_DIR"] = str(cache or self.cache())
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tracker", *args], check=True,
                       capture_output=True, env=environment, cwd=self.work)  # fmt: skip
        return time.perf_counter() - start


def seconds_of(args: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def median(work: Callable[[], float], repeat: int) -> float:
    return statistics.median(work() for _ in range(repeat))


def rows(run: Runner, repeat: int) -> list[Row]:
    work = run.work
    python = lambda: median(lambda: seconds_of([sys.executable, "-c", "pass"]), 15)  # noqa: E731

    hundred = work / "hundred"
    files = write_history(hundred, 100, 50)
    timeline_archive = _archive(run, work / "archive-100", hundred, "--no-compare")

    def word_diffs() -> float:
        start = time.perf_counter()
        for old, new in itertools.pairwise(files):
            subprocess.run(["git", "diff", "--no-index", "--word-diff", str(old), str(new)],
                           capture_output=True)  # fmt: skip
        return time.perf_counter() - start

    def timeline(tree: Path, cached: bool) -> float:
        cache = run.cache()
        args = ("timeline", "example/privacy", "--json", "--archive", str(timeline_archive))
        cold = run.seconds(tree, *args, cache=cache)
        return run.seconds(tree, *args, cache=cache) if cached else cold

    sample = work / "ota-sample"
    subprocess.run(["git", "clone", "-q", str(BUNDLE), str(sample)], check=True)
    real_archive = work / "archive-real"
    run.seconds(ROOT, "init", str(real_archive))
    run.seconds(ROOT, "import", "ota", str(sample), "--archive", str(real_archive), "--no-compare")
    documents = [path for path in sample.glob("*/*.md")]
    policies = _policies(run, real_archive)

    def real_timelines(tree: Path) -> float:
        archive = f"--archive={real_archive}"
        return sum(run.seconds(tree, "timeline", policy, "--json", archive) for policy in policies)

    def real_git_logs() -> float:
        return sum(
            seconds_of(["git", "-C", str(sample), "log", "-p", "--word-diff", "--", str(path)])
            for path in documents
        )

    batch = work / "batch"
    batch.mkdir()
    for number, text in enumerate(history(1000, 5)):
        (batch / f"v{number:04d}.md").write_text(text)

    def add_batch(tree: Path, *options: str) -> float:
        archive = work / f"archive-batch-{run.cache().name}"
        run.seconds(tree, "init", str(archive))
        return run.seconds(tree, "add", str(batch), "--policy", "example/privacy",
                           "--archive", str(archive), *options)  # fmt: skip

    def git_add_batch() -> float:
        repository = work / f"git-batch-{run.cache().name}"
        shutil.copytree(batch, repository)
        subprocess.run(["git", "init", "-q", str(repository)], check=True)
        start = time.perf_counter()
        for args in (["add", "-A"], ["commit", "-q", "-m", "batch"]):
            subprocess.run(["git", "-C", str(repository), *args], check=True, capture_output=True)
        return time.perf_counter() - start

    many = synthetic_ota(work / "many", 1000, services=1000)
    many_archive = _archive_imported(run, work / "archive-many", many)
    ota = synthetic_ota(work / "ota", 1000)

    def import_ota(tree: Path, *options: str) -> float:
        archive = work / f"archive-ota-{run.cache().name}"
        run.seconds(tree, "init", str(archive))
        return run.seconds(tree, "import", "ota", str(ota), "--archive", str(archive), *options)

    def report(tree: Path) -> float:
        return run.seconds(tree, "report", "example/privacy", "--format", "html",
                           "-o", str(work / "r.html"), "--archive", str(timeline_archive))  # fmt: skip

    large_old, large_new = work / "large-old.md", work / "large-new.md"
    for path, text in zip((large_old, large_new), history(2, 300), strict=True):
        path.write_text(text)

    return [
        Row("tracker diff A B, headline pair, cold", "python -c pass", Goal(ratio=8),
            lambda tree: run.seconds(tree, "diff", str(OLD), str(NEW)), python),
        Row("tracker diff A B, headline pair, cached", "python -c pass", Goal(ratio=8),
            lambda tree: _cached(run, tree, "diff", str(OLD), str(NEW)), python),
        Row("tracker diff, 300 KB pair, cold", "python -c pass", Goal(seconds=0.15),
            lambda tree: run.seconds(tree, "diff", str(large_old), str(large_new)), python),
        Row("timeline, 100 x 50 KB, cold", "99 git diff --word-diff", Goal(ratio=3),
            lambda tree: timeline(tree, cached=False), word_diffs),
        Row("timeline, 100 x 50 KB, cached", "99 git diff --word-diff", Goal(ratio=1, seconds=0.3),
            lambda tree: timeline(tree, cached=True), word_diffs),
        Row(f"timelines of the OTA sample's {len(policies)} histories, cold",
            "git log -p --word-diff of each", Goal(ratio=10), real_timelines, real_git_logs),
        Row("add 1,000 snapshots in one batch, --no-compare", "git add + commit of the files",
            Goal(ratio=4, per_second=150), lambda tree: add_batch(tree, "--no-compare"),
            git_add_batch, items=1000),
        Row("add 1,000 snapshots, comparing them", "git add + commit of the files",
            Goal(ratio=4, per_second=150), add_batch, git_add_batch, items=1000),
        Row("tracker list, 1,000 policies", "python -c pass", Goal(seconds=0.3),
            lambda tree: run.seconds(tree, "list", "--archive", str(many_archive)), python),
        Row("import ota, 1,000 synthetic versions", "git log -p of the repository",
            Goal(per_second=150), import_ota,
            lambda: seconds_of(["git", "-C", str(ota), "log", "-p"]), items=1000),
        Row("report --format html, 100 x 50 KB, cold", "timeline, same, cold", Goal(ratio=1.2),
            report, lambda: median(lambda: timeline(ROOT, cached=False), repeat)),
    ]  # fmt: skip


def _archive(run: Runner, archive: Path, folder: Path, *options: str) -> Path:
    run.seconds(ROOT, "init", str(archive))
    run.seconds(ROOT, "add", str(folder), "--policy", "example/privacy",
                "--archive", str(archive), *options)  # fmt: skip
    return archive


def _archive_imported(run: Runner, archive: Path, repository: Path) -> Path:
    run.seconds(ROOT, "init", str(archive))
    run.seconds(ROOT, "import", "ota", str(repository), "--archive", str(archive), "--no-compare")
    return archive


def _policies(run: Runner, archive: Path) -> list[str]:
    import json

    environment = dict(os.environ, PYTHONPATH=str(ROOT), TRACKER_CACHE_DIR=str(run.cache()))
    listed = subprocess.run([sys.executable, "-m", "tracker", "list", "--json", "--archive",
                             str(archive)], check=True, capture_output=True, env=environment)  # fmt: skip
    return [entry["policy"] for entry in json.loads(listed.stdout)["policies"]]


def _cached(run: Runner, tree: Path, *args: str) -> float:
    cache = run.cache()
    run.seconds(tree, *args, cache=cache)
    return run.seconds(tree, *args, cache=cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", metavar="REF", help="also measure a checkout of REF")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: from compiled bytecode
    work = Path(tempfile.mkdtemp(prefix="tracker-goals-"))
    trees = {"now": ROOT}
    if options.before:
        trees = {"before": work / "before", "now": ROOT}
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach",
                        str(trees["before"]), options.before], check=True, capture_output=True)  # fmt: skip
    try:
        for tree in trees.values():  # bytecode compiled once, as an installed package has it
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "tracker")])
        _print_table(rows(Runner(work), options.repeat), trees, options.repeat)
    finally:
        if options.before:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                            str(trees["before"])], capture_output=True)  # fmt: skip
        shutil.rmtree(work, ignore_errors=True)


def _print_table(table: list[Row], trees: dict[str, Path], repeat: int) -> None:
    names = list(trees)
    header = ["what", *names, "baseline", *(f"ratio {name}" for name in names), "goal", "met"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in table:
        times = {name: [] for name in names}
        for _ in range(repeat):  # the trees alternate, so both see the same noise
            for name, tree in trees.items():
                times[name].append(row.measure(tree))
        seconds = {name: statistics.median(values) for name, values in times.items()}
        baseline = row.baseline()
        cells = [row.what, *(_shown(seconds[name], row.items) for name in names),
                 f"{row.baseline_name} {_shown(baseline, row.items)}",
                 *(f"{seconds[name] / baseline:.2f}x" for name in names), str(row.goal),
                 "yes" if row.goal.met(seconds["now"], baseline, row.items) else "no"]  # fmt: skip
        print("| " + " | ".join(cells) + " |", flush=True)


def _shown(seconds: float, items: int) -> str:
    shown = f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"
    return f"{shown} ({items / seconds:.0f}/s)" if items else shown


if __name__ == "__main__":
    main()
