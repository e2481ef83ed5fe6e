"""Every benchmark in one run: issue 17's table first (`goals.py`), then each script's ratios.

With `--before REF`, the table also has a column for a checkout of REF. Each script measures its own baselines in the same run (these machines are noisy), so the
figures are comparable within a script. The slow ones (`bench_scale.py`, `bench_corpus.py`,
`bench_before_after.py`) run only with `--all`.

Run: python benchmarks/run_all.py [--all] [--before REF]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUICK = ("bench_startup.py", "bench_parse.py", "bench_compare.py", "bench_pair.py",
         "bench_list.py", "bench_import.py", "bench_tui.py")  # fmt: skip
SLOW = ("bench_scale.py", "bench_corpus.py")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="also the slow, large-scale ones")
    parser.add_argument("--before", metavar="REF", help="the table's column for a checkout of REF")
    options = parser.parse_args()
    failed = []
    for script in ("goals.py", *QUICK, *(SLOW if options.all else ())):
        print(f"\n## {script}", flush=True)
        start = time.perf_counter()
        before = ["--before", options.before] if options.before and script == "goals.py" else []
        done = subprocess.run([sys.executable, str(HERE / script), *before], cwd=HERE)
        print(f"({time.perf_counter() - start:.0f} s)", flush=True)
        if done.returncode:
            failed.append(script)
    if failed:
        raise SystemExit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
