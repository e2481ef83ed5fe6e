"""Comparing versions: the headline pair, and a 100-version history through `tracker timeline`.

Baselines in the same run: `git diff --no-index --word-diff` on the same two files
(the speed yardstick), whole-document difflib over word tokens (what we avoid), and
for the timeline, its own cold run against its cached run.

Run: python benchmarks/bench_compare.py
"""

from __future__ import annotations

import difflib
import re
import subprocess
import tempfile
from pathlib import Path

from common import clear_cache, command_seconds, median_seconds, report, tracker_command
from synthetic import write_history

from tracker.analysis.compare import compare
from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.sections import parse_document

ROOT = Path(__file__).resolve().parent.parent
OLD, NEW = sorted((ROOT / "archive" / "samples").glob("00[01]_*.txt"))


def headline() -> None:
    texts = [ingest_bytes(path.read_bytes(), name=path.name).text for path in (OLD, NEW)]
    compare(parse_document(texts[0]), parse_document(texts[1]))  # warm imports

    def ours() -> None:
        compare(parse_document(texts[0]), parse_document(texts[1]))

    def whole_difflib() -> None:
        words = [re.findall(r"\S+", text) for text in texts]
        difflib.SequenceMatcher(None, words[0], words[1], autojunk=False).get_opcodes()

    git = median_seconds(
        lambda: subprocess.run(
            ["git", "diff", "--no-index", "--word-diff", str(OLD), str(NEW)], capture_output=True
        ),
        15,
    )
    ours_time = median_seconds(ours, 15)
    report(
        "headline pair: parse + align + word diff",
        ours_time,
        "git diff --no-index --word-diff",
        git,
    )
    report(
        "headline pair: parse + align + word diff",
        ours_time,
        "whole-document difflib (words)",
        median_seconds(whole_difflib, 15),
    )
    report(
        "tracker diff (whole command, cold)",
        command_seconds(tracker_command("diff", str(OLD), str(NEW)), 5),
        "git diff --no-index --word-diff",
        git,
    )


def timeline(versions: int = 100, size_kb: int = 50) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        files = write_history(base / "history", versions, size_kb)
        archive = base / "archive"
        subprocess.run(tracker_command("init", str(archive)), check=True, capture_output=True)
        subprocess.run(
            tracker_command(
                "add",
                str(base / "history"),
                "--policy",
                "example/privacy",
                "--archive",
                str(archive),
            ),
            check=True,
            capture_output=True,
        )
        command = tracker_command(
            "timeline", "example/privacy", "--json", "--archive", str(archive)
        )

        def cold() -> None:
            clear_cache()
            subprocess.run(command, check=True, capture_output=True)

        cold_time = median_seconds(cold, 3)
        cached_time = command_seconds(command, 3)
        report(f"timeline {versions} x {size_kb} KB, cold", cold_time, "same, cached", cached_time)
        print(f"   ({len(files)} versions; cold {cold_time:.2f} s, cached {cached_time:.2f} s)")


if __name__ == "__main__":
    headline()
    timeline()
