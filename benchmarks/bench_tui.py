"""Opening a long history in the terminal UI, against printing its timeline.

A synthetic history of 100 versions of a 50 KB policy is filed and its comparisons cached
(`tracker timeline` once). Then, in the same run: the TUI (Textual's headless Pilot, 120x36)
from start to a timeline screen with every version and the section grid on it, against
`tracker timeline --json` of the same, cached. Target: usable in under 2 s.

Run: python benchmarks/bench_tui.py [--versions 100 --size 50]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from common import command_seconds, report, tracker_command
from synthetic import write_history

from tracker.store.archive import Archive
from tracker.tui.app import TrackerApp
from tracker.tui.screens.timeline import TimelineScreen


def filed_history(folder: Path, versions: int, size_kb: int) -> Path:
    archive = folder / "archive"
    write_history(folder / "history", versions, size_kb)
    for args in (
        ("init", str(archive)),
        ("add", str(folder / "history"), "--policy", "example/privacy", "--archive", str(archive)),
        ("timeline", "example/privacy", "--archive", str(archive)),  # fills the cache
    ):
        subprocess.run(tracker_command(*args), check=True, capture_output=True)
    return archive


async def seconds_to_timeline(archive: Path, versions: int) -> float:
    start = time.perf_counter()
    app = TrackerApp(Archive(archive), "example/privacy")
    async with app.run_test(size=(120, 36)) as pilot:
        while not (
            isinstance(app.screen, TimelineScreen)
            and app.screen.query_one("#versions").row_count == versions
            and app.screen.query_one("#grid").row_count
        ):
            await pilot.pause(0.01)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--versions", type=int, default=100)
    parser.add_argument("--size", type=int, default=50)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        archive = filed_history(Path(temporary), options.versions, options.size)
        tui = statistics.median(
            asyncio.run(seconds_to_timeline(archive, options.versions)) for _ in range(5)
        )
        cli = command_seconds(
            tracker_command("timeline", "example/privacy", "--json", "--archive", str(archive)), 5
        )
        report(
            f"TUI to timeline, {options.versions} x {options.size} KB, cached",
            tui,
            "tracker timeline --json, cached",
            cli,
        )


if __name__ == "__main__":
    main()
