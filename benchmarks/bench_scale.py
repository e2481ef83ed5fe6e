"""Long histories: `tracker timeline` and `tracker report` over synthetic and real histories.

- a synthetic history of N versions of a K KB policy (default 500 x 200 KB, as real OTA
  histories reach): timeline cold (no cache) against cached;
- the report of a 100-version history against the timeline of the same history;
- the Quora history of the bundled OTA sample (36 versions): timeline cold and cached.

Run: python benchmarks/bench_scale.py [--versions 500 --size 200]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from common import clear_cache, report, tracker_command
from synthetic import write_history

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "archive" / "samples" / "ota" / "pga-privacy-sample.bundle"


def run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - start


def archive_of(folder: Path, versions: int, size_kb: int) -> Path:
    archive = folder / f"archive-{versions}x{size_kb}"
    write_history(folder / f"history-{versions}x{size_kb}", versions, size_kb)
    run(tracker_command("init", str(archive)))
    seconds = run(
        tracker_command(
            "add",
            str(folder / f"history-{versions}x{size_kb}"),
            "--policy",
            "example/privacy",
            "--archive",
            str(archive),
        )
    )
    print(f"   filed {versions} versions of {size_kb} KB in {seconds:.1f} s")
    return archive


def cold_and_cached(archive: Path, args: list[str]) -> tuple[float, float]:
    clear_cache()
    cold = run(args)
    return cold, run(args)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--versions", type=int, default=500)
    parser.add_argument("--size", type=int, default=200)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        big = archive_of(folder, options.versions, options.size)
        timeline = tracker_command("timeline", "example/privacy", "--json", "--archive", str(big))
        cold, cached = cold_and_cached(big, timeline)
        report(
            f"timeline {options.versions} x {options.size} KB, cold", cold, "same, cached", cached
        )

        hundred = archive_of(folder, 100, 50)
        timeline = tracker_command(
            "timeline", "example/privacy", "--json", "--archive", str(hundred)
        )
        report_command = tracker_command(
            "report",
            "example/privacy",
            "--format",
            "html",
            "-o",
            str(folder / "r.html"),
            "--archive",
            str(hundred),
        )
        timeline_cold, _ = cold_and_cached(hundred, timeline)
        report_cold, report_cached = cold_and_cached(hundred, report_command)
        report("report 100 x 50 KB, cold", report_cold, "timeline 100 x 50 KB, cold", timeline_cold)
        print(f"   report cached: {report_cached:.2f} s")

        sample = folder / "pga-sample"
        subprocess.run(["git", "clone", "-q", str(BUNDLE), str(sample)], check=True)
        archive = folder / "ota"
        run(tracker_command("init", str(archive)))
        run(tracker_command("import", "ota", str(sample), "--archive", str(archive)))
        cold, cached = cold_and_cached(
            archive,
            tracker_command(
                "timeline", "quora/privacy-policy", "--json", "--archive", str(archive)
            ),
        )
        report("timeline quora/privacy-policy (36 versions), cold", cold, "same, cached", cached)


if __name__ == "__main__":
    main()
