"""Opening a history in the terminal UI, against printing its timeline, in the same run.

Two histories:
- real: the 36 Quora versions of the bundled Open Terms Archive sample, imported with
  `tracker import ota` (which compares the new steps once, on every core), and imported with
  `--no-compare` (as before: the TUI compares when first opened);
- synthetic: 100 versions of a 50 KB policy, and 400 of a 5 KB one, filed and cached.

Each opening is a process of its own, as a user starts it: the TUI run headless (Textual's
Pilot, 120x36), timed from starting the process until the timeline screen has drawn every
version and the grid (the child then says "ready"), against the whole of
`tracker timeline POLICY --json`, cached. Goal: at most 2x.

The floor is Textual's own: a bare app (header, a 36-row table, footer) timed the same way.
No Textual screen can open faster than that on the machine that runs it.

Run: python benchmarks/bench_tui.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import command_seconds, report, tracker_command
from synthetic import write_history

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "archive" / "samples" / "ota" / "pga-privacy-sample.bundle"
REAL = "quora/privacy-policy"
SYNTHETIC = "example/privacy"


def run(*args: str, env: dict | None = None) -> None:
    subprocess.run(tracker_command(*args), check=True, capture_output=True, env=env)


def imported(folder: Path, *options: str) -> Path:
    clone, archive = folder / "pga", folder / "archive"
    if not clone.exists():
        subprocess.run(["git", "clone", "-q", str(BUNDLE), str(clone)], check=True)
    run("init", str(archive))
    run("import", "ota", str(clone), "--service", "Quora", "--archive", str(archive), *options)
    return archive


def synthetic(folder: Path, versions: int, size_kb: int) -> Path:
    archive = folder / "archive"
    write_history(folder / "history", versions, size_kb)
    run("init", str(archive))
    run("add", str(folder / "history"), "--policy", SYNTHETIC, "--archive", str(archive))
    return archive


def tui_command(archive: Path, policy: str) -> list[str]:
    # the child names the cache: importing `common` there would give it a fresh one
    cache = os.environ["TRACKER_CACHE_DIR"]
    return [sys.executable, __file__, "--open", str(archive), policy, "--cache", cache]


def open_until_timeline(archive: Path, policy: str) -> None:
    """The child: start the TUI headless and return once the timeline is on screen."""
    from tracker.store.archive import Archive
    from tracker.tui.app import TrackerApp
    from tracker.tui.screens.timeline import TimelineScreen

    async def opened() -> None:
        app = TrackerApp(Archive(archive), policy)
        async with app.run_test(size=(120, 36)) as pilot:
            start = time.perf_counter()
            while not (isinstance(app.screen, TimelineScreen) and app.screen.ready):
                if time.perf_counter() - start > 600:
                    raise SystemExit("the timeline did not open in 10 minutes")
                await pilot.pause(0.005)
            await pilot.pause()  # drawn, not only filled
            print("ready", flush=True)  # the parent's clock stops here, not at the exit

    asyncio.run(opened())


def open_bare_textual() -> None:
    """The child for the floor: the least a Textual screen with a table costs to draw."""
    from textual.app import App
    from textual.widgets import DataTable, Footer, Header

    class Bare(App):
        def compose(self):
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("#", "s", "effective", "precision", "source", "volume", "summary")
            for number in range(36):
                table.add_row(str(number), "●", "2020-01-01", "day", "ota", "▆▆▆", "x" * 40)

    async def opened() -> None:
        async with Bare().run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            print("ready", flush=True)

    asyncio.run(opened())


def open_seconds(command: list[str], repeat: int, env: dict | None = None) -> float:
    """From starting the process to the timeline on screen (its "ready" line), median."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
        line = child.stdout.readline()
        times.append(time.perf_counter() - start)
        child.communicate()
        if line.strip() != b"ready" or child.returncode:
            raise SystemExit(f"the TUI did not open: {command}")
    return statistics.median(times)


def cold_open_seconds(folder: Path, repeat: int) -> float:
    """Opening an archive imported with --no-compare, each time with an empty cache."""
    times = []
    for number in range(repeat):
        archive = imported(folder / f"cold-{number}", "--no-compare")
        environment = dict(os.environ, TRACKER_CACHE_DIR=str(folder / f"cold-cache-{number}"))
        command = [*tui_command(archive, REAL)[:-1], environment["TRACKER_CACHE_DIR"]]
        times.append(open_seconds(command, 1, environment))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--open", nargs=2, metavar=("ARCHIVE", "POLICY"), help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.bare:
        open_bare_textual()
        return
    if options.open:
        os.environ["TRACKER_CACHE_DIR"] = options.cache
        open_until_timeline(Path(options.open[0]), options.open[1])
        return
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        real = imported(folder / "real")
        timeline = command_seconds(
            tracker_command("timeline", REAL, "--json", "--archive", str(real)), options.repeat
        )
        opened = open_seconds(tui_command(real, REAL), options.repeat)
        floor = open_seconds([sys.executable, __file__, "--bare"], options.repeat)
        report(
            "TUI open, 36 real versions, after import",
            opened,
            "tracker timeline --json, cached",
            timeline,
        )
        report(
            "floor: a bare Textual app with a table",
            floor,
            "tracker timeline --json, cached",
            timeline,
        )
        report("TUI open, 36 real versions, after import", opened, "the bare Textual app", floor)
        report(
            "TUI open, same, imported --no-compare",
            cold_open_seconds(folder, min(options.repeat, 3)),
            "tracker timeline --json, cached",
            timeline,
        )
        for versions, size_kb in ((100, 50), (400, 5)):  # many versions: a wide grid
            made = synthetic(folder / f"synthetic-{versions}", versions, size_kb)
            report(
                f"TUI open, {versions} x {size_kb} KB, after add",
                open_seconds(tui_command(made, SYNTHETIC), options.repeat),
                "tracker timeline --json, cached",
                command_seconds(
                    tracker_command("timeline", SYNTHETIC, "--json", "--archive", str(made)),
                    options.repeat,
                ),
            )


if __name__ == "__main__":
    main()
