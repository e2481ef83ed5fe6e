"""`tracker corpus` on 1 and 2 workers: histories and versions a second, the speed-up, and
the peak memory of the largest process (the parent or a worker).

    python benchmarks/bench_corpus.py                       # a synthetic corpus
    python benchmarks/bench_corpus.py --histories 1000 --versions 4 --size-kb 8
    python benchmarks/bench_corpus.py --repository contrib  # a real OTA repository

The synthetic corpus is an Open Terms Archive-shaped git repository made with
`git fast-import`: HISTORIES services, each with one privacy policy of VERSIONS versions of
about SIZE-KB kilobytes (seed paragraphs, a few edits a version). Every run starts with an
empty result cache, so each comparison is computed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import history


def synthetic_repository(folder: Path, histories: int, versions: int, size_kb: int) -> Path:
    """An OTA-shaped repository: one commit a version, a day apart, services interleaved."""
    repository = folder / "synthetic-versions"
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    texts = {number: history(versions, size_kb, seed=number) for number in range(histories)}
    stream, mark, when = [], 0, 1_600_000_000
    for version in range(versions):
        for number in range(histories):
            data = texts[number][version].encode()
            mark += 1
            when += 60
            message = f"Record changes of Service {number:05d} Privacy Policy".encode()
            stream += [
                b"commit refs/heads/main\n",
                f"committer Bench <bench@example.org> {when} +0000\n".encode(),
                f"data {len(message)}\n".encode() + message + b"\n",
                f'M 644 inline "Service {number:05d}/Privacy Policy.md"\n'.encode(),
                f"data {len(data)}\n".encode() + data + b"\n",
            ]
    subprocess.run(
        ["git", "-C", str(repository), "fast-import", "--quiet"], input=b"".join(stream), check=True
    )
    subprocess.run(["git", "-C", str(repository), "reset", "-q", "--hard", "main"], check=True)
    return repository


def run(repository: Path, workers: int, work: Path) -> dict:
    out, cache = work / f"out-{workers}", work / f"cache-{workers}"
    environment = dict(os.environ, TRACKER_CACHE_DIR=str(cache), NO_COLOR="1")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "corpus", str(repository), "--out", str(out),
         "--workers", str(workers), "--json"],
        check=True, capture_output=True, env=environment, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    shown = json.loads(result.stdout)
    return {
        "seconds": seconds,
        "documents": shown["documents"],
        "versions": shown["rows"]["versions"],
    }


_SPIN = "import time\ns = time.perf_counter()\nx = 0\nfor i in range(20_000_000): x += i\nprint(time.perf_counter() - s)"


def machine_speed_up() -> float:
    """What 2 CPU-bound processes gain over 1 on this machine, measured in the same run: a
    shared virtual machine's cores are often far from 2x."""
    alone = float(
        subprocess.run(
            [sys.executable, "-c", _SPIN], capture_output=True, text=True, check=True
        ).stdout
    )
    both = [
        subprocess.Popen([sys.executable, "-c", _SPIN], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    together = max(float(process.communicate()[0]) for process in both)
    return 2 * alone / together


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repository", type=Path, help="an OTA versions repository (a clone)")
    parser.add_argument("--histories", type=int, default=200)
    parser.add_argument("--versions", type=int, default=4)
    parser.add_argument("--size-kb", type=int, default=8)
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run"
    )
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tracker-bench-corpus-"))
    repository = options.repository or synthetic_repository(
        work, options.histories, options.versions, options.size_kb
    )
    baseline = machine_speed_up()
    results = {workers: run(repository, workers, work) for workers in options.workers}
    baseline = (baseline + machine_speed_up()) / 2
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    for workers, measured in results.items():
        print(
            f"{workers} worker(s): {measured['documents']} histories, {measured['versions']} "
            f"versions in {measured['seconds']:.1f} s = {measured['documents'] / measured['seconds']:.1f} "
            f"histories/s, {measured['versions'] / measured['seconds']:.1f} versions/s"
        )
    if 1 in results and 2 in results:
        speed_up = results[1]["seconds"] / results[2]["seconds"]
        print(
            f"speed-up on 2 workers: {speed_up:.2f}x; this machine's own for 2 busy processes: "
            f"{baseline:.2f}x, so {speed_up / baseline:.0%} of what the cores give"
        )
    print(f"peak memory of the largest process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
