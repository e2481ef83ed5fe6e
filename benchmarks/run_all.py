"""Every benchmark in one run: each script's ratios, one after the other.

Each script measures its own baselines in the same run (these machines are noisy), so the
figures are comparable within a script. The slow ones (`bench_scale.py`, `bench_corpus.py`,
`bench_before_after.py`) run only with `--all`.

Run: python benchmarks/run_all.py [--all]
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
    options = parser.parse_args()
    failed = []
    for script in QUICK + (SLOW if options.all else ()):
        print(f"\n## {script}", flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(HERE / script)], cwd=HERE)
        print(f"({time.perf_counter() - start:.0f} s)", flush=True)
        if done.returncode:
            failed.append(script)
    if failed:
        raise SystemExit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
