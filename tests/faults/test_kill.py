"""Killed mid-add: SIGKILL at random moments, 200 times; nothing accepted is ever lost.

Each round adds a fresh batch of snapshots, with one more sighting of the latest text, and
kills the writer at a random moment. After every kill the archive passes `tracker verify`
and `git fsck --strict`, every snapshot and sighting of an earlier completed batch is still
there, and rerunning the same add completes the batch.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import git, run_tracker, wait_for_process_group

KILLS = 200
BATCH = 4


def start_add(folder: Path, archive: Path) -> subprocess.Popen:
    # In a process group of its own, so that the git commands it starts can be waited for.
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", "add", str(folder), "--policy", "acme/privacy", "--archive", str(archive)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        process_group=0,
    )  # fmt: skip


def seen_on(day: int) -> str:
    """A capture's file name: the day it was seen, as scrapers name their files."""
    return time.strftime("%Y-%m-%d", time.gmtime(946684800 + day * 86400))


def sightings(archive: Path) -> dict[str, set[str]]:
    """Each filed version's sighting days, as the archive's history records them."""
    from tracker.store.archive import read_versions

    return {v.path: {seen.date for seen in v.observations} for v in read_versions(archive)}


def committed_files(archive: Path) -> dict[str, str]:
    listing = git(archive, "ls-tree", "-r", "HEAD")
    return {
        line.split("\t")[1]: line.split()[2]
        for line in listing.splitlines()
        if line.startswith("100644")
    }


def _seconds_an_add_takes(tmp_path: Path) -> float:
    """How long one batch add runs here, start-up included (median of three, a scratch archive)."""
    scratch = tmp_path / "scratch"
    assert run_tracker("init", str(scratch)).code == 0
    times = []
    for attempt in range(3):
        folder = tmp_path / f"calibration-{attempt}"
        folder.mkdir()
        for item in range(BATCH):
            (folder / f"{item}.md").write_text(
                f"Effective date: May {item + 1}, 2001\n\n## Calibration {attempt}\n\nText {item}.\n"
            )
        start = time.monotonic()
        start_add(folder, scratch).wait()
        times.append(time.monotonic() - start)
    return sorted(times)[1]


@pytest.mark.slow
def test_two_hundred_kills_lose_nothing(archive, tmp_path):
    rng = random.Random(1234)
    add_seconds = _seconds_an_add_takes(tmp_path)  # kills land within it, on any machine
    accepted: dict[str, str] = {}  # file -> blob id, for every add that reported success
    seen: dict[str, set[str]] = {}  # file -> the days its sightings were reported filed
    texts: dict[int, str] = {}
    interrupted = 0
    for round_number in range(KILLS):
        folder = tmp_path / f"batch-{round_number}"
        folder.mkdir()
        for item in range(BATCH):
            day = round_number * (BATCH + 1) + item + 1
            texts[day] = (
                f"Effective date: {time.strftime('%B %d, %Y', time.gmtime(946684800 + day * 86400))}\n\n"
                f"## Version {day}\n\nWe keep this text number {day} for {rng.randrange(10**6)} days.\n"
            )
            (folder / f"{seen_on(day)}.md").write_text(texts[day])
        if round_number:  # the latest text seen once more, on the day before this batch's
            (folder / f"{seen_on(day - BATCH)}.md").write_text(texts[day - BATCH - 1])
        process = start_add(folder, archive)
        time.sleep(rng.uniform(0.0, add_seconds))
        process.send_signal(signal.SIGKILL)  # tracker only: a git command it started goes on
        process.wait()
        interrupted += process.returncode == -signal.SIGKILL
        wait_for_process_group(process.pid)

        check = run_tracker("verify", "--archive", str(archive))
        assert check.code == 0, f"round {round_number}: {check.out}{check.err}"
        git(archive, "fsck", "--strict")
        now = committed_files(archive)
        for path, blob in accepted.items():
            assert now.get(path) == blob, f"round {round_number}: {path} lost or changed"
        observed = sightings(archive)
        for path, days in seen.items():
            assert days <= observed.get(path, set()), f"round {round_number}: a sighting lost"

        again = run_tracker(
            "add", str(folder), "--policy", "acme/privacy", "--archive", str(archive), "--json"
        )
        assert again.code == 0, again.err
        for filed in json.loads(again.out)["filed"]:
            accepted[filed["file"]] = committed_files(archive)[filed["file"]]
            seen.setdefault(filed["file"], set()).update(filed["observations"])
    assert len(accepted) == KILLS * BATCH
    assert sum(len(days) for days in seen.values()) == KILLS * BATCH + KILLS - 1
    assert interrupted >= KILLS // 2, f"only {interrupted} of {KILLS} kills landed mid-run"
    print(
        f"\nkills: {KILLS}, of which {interrupted} interrupted a running add; {len(accepted)} snapshots kept"
    )


def test_stale_lock_is_taken_over(archive):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    lock = archive / ".git" / "tracker.store.lock"
    lock.write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname(), "since": 0}))
    source = archive.parent / "v.md"
    source.write_text("Effective date: May 1, 2020\n\nText.\n")
    result = run_tracker("add", str(source), "--policy", "acme/privacy", "--archive", str(archive))
    assert result.code == 0, result.err
    assert not lock.exists()


def test_live_lock_is_waited_for_then_reported(archive):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock = archive / ".git" / "tracker.store.lock"
        lock.write_text(
            json.dumps({"pid": sleeper.pid, "host": socket.gethostname(), "since": time.time()})
        )
        source = archive.parent / "v.md"
        source.write_text("Effective date: May 1, 2020\n\nText.\n")
        started = time.monotonic()
        result = run_tracker("add", str(source), "--policy", "acme/privacy", "--archive", str(archive),
                             env={"TRACKER_LOCK_TIMEOUT": "1.5"})  # fmt: skip
        assert time.monotonic() - started >= 1.5
        assert result.code == 1 and "locked by another tracker process" in result.err
        assert len(result.err.strip().splitlines()) == 1
        lock.unlink()
        assert (
            run_tracker(
                "add", str(source), "--policy", "acme/privacy", "--archive", str(archive)
            ).code
            == 0
        )
    finally:
        sleeper.kill()
        os.waitpid(sleeper.pid, 0)
