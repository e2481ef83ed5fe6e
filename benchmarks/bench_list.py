"""`tracker list` of an archive of 1,000 policies, against `python -c pass` in the same run.

The archive is a synthetic Open Terms Archive repository of 1,000 services with one small
version each, imported with `--no-compare`. Goal (issue 17): under 0.3 s.

Run: python benchmarks/bench_list.py [--policies 1000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_import import synthetic_ota
from common import command_seconds, report, tracker_command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policies", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        repository = synthetic_ota(folder, options.policies, services=options.policies)
        archive = folder / "archive"
        for args in (("init", str(archive)), ("import", "ota", str(repository), "--archive",
                     str(archive), "--no-compare")):  # fmt: skip
            subprocess.run(tracker_command(*args), check=True, capture_output=True)
        baseline = command_seconds([sys.executable, "-c", "pass"], options.repeat)
        for name, extra in (("tracker list", ()), ("tracker list --json", ("--json",))):
            seconds = command_seconds(
                tracker_command("list", "--archive", str(archive), *extra), options.repeat
            )
            report(f"{name}, {options.policies} policies", seconds, "python -c pass", baseline)


if __name__ == "__main__":
    main()
