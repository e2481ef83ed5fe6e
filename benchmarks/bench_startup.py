"""`tracker --help` against the bare interpreter (`python -c pass`) in the same run.

Run: python benchmarks/bench_startup.py
"""

from __future__ import annotations

import subprocess
import sys

from common import command_seconds, report, tracker_command


def main() -> None:
    floor = command_seconds([sys.executable, "-c", "pass"], repeat=15)
    help_time = command_seconds(tracker_command("--help"), repeat=15)
    report("tracker --help", help_time, "python -c pass", floor)
    heavy = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tracker", "--help"],
        capture_output=True,
        text=True,
    ).stderr
    loaded = [
        name
        for name in ("dateparser", "textual", "git", "rich", "rapidfuzz")
        if f" {name}\n" in heavy or f"| {name}\n" in heavy
    ]
    print(f"heavy modules imported by --help: {loaded or 'none'}")


if __name__ == "__main__":
    main()
