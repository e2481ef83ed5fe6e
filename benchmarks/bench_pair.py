"""One large pair: `tracker diff A B` of two 300 KB versions, whole command, cold cache.

Baseline in the same run: `git diff --no-index --word-diff` on the same two files. Goal
(issue 17): the whole command within 150 ms.

Run: python benchmarks/bench_pair.py [--size-kb 300]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from common import clear_cache, command_seconds, median_seconds, report, tracker_command
from synthetic import history


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-kb", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        old, new = Path(temporary, "old.md"), Path(temporary, "new.md")
        for path, text in zip((old, new), history(2, options.size_kb), strict=True):
            path.write_text(text)
        command = tracker_command("diff", str(old), str(new), "--json")

        def cold() -> None:
            clear_cache()
            subprocess.run(command, check=True, capture_output=True)

        git = ["git", "diff", "--no-index", "--word-diff", str(old), str(new)]
        baseline = median_seconds(lambda: subprocess.run(git, capture_output=True), options.repeat)
        size = f"{old.stat().st_size // 1024} KB"
        report(f"tracker diff, {size} pair, cold", median_seconds(cold, options.repeat),
               "git diff --word-diff", baseline)  # fmt: skip
        report(f"tracker diff, {size} pair, cached", command_seconds(command, options.repeat),
               "git diff --word-diff", baseline)  # fmt: skip


if __name__ == "__main__":
    main()
