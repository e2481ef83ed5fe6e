"""The three jobs people open the terminal UI for, timed in tmux as a person does them.

1. find a policy and see when and how much it changed (its timeline, with volume bars);
2. read one change section by section and word by word (the newest diff, then `n`);
3. follow one section through all its versions (its section history).

Each job starts `tracker tui` in a fresh tmux window of the given size and theme, on a fresh
import of the 36 real Quora versions of the bundled Open Terms Archive sample, then types
the job's keys, waiting after each for the text that says the screen is there. A job's
figure is its keystrokes and the seconds from start to its last screen. `--tree PATH` runs
another checkout (e.g. a worktree of an older commit) with the same keys where they exist.

Run: python benchmarks/tui_jobs.py [--tree PATH] [--no-compare]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "archive" / "samples" / "ota" / "pga-privacy-sample.bundle"
SIZES = ((80, 24), (120, 36), (200, 50))
THEMES = ("textual-dark", "textual-light")
TIMEOUT = 120.0
_PASSED = ("PYTHONPATH", "TEXTUAL_THEME", "TRACKER_CACHE_DIR", "PATH", "HOME")

# (keys to send, text the screen shows once they took effect)
# Letters that are no key go to the filter from the list ("q" would quit: "uora" finds Quora).
# Keys are read in order, so a step's text only proves its screen when the screen changes.
FIND = [("", "in archive"), ("uora", "quora/privacy"), ("Enter", "36 versions")]
READ = [*FIND, ("Enter", "% same"), ("n", "% same")]  # "(N% same)": a change is shown
FOLLOW_NOW = [*READ, ("h", "entries")]  # "N entries" once the section's history is read
FOLLOW_BEFORE = [*READ, ("q", "36 versions"), ("Tab", "section"), ("Enter", "added")]


def run(tree: Path, *args: str, env: dict) -> None:
    environment = dict(env, PYTHONPATH=str(tree))
    subprocess.run([sys.executable, "-m", "tracker", *args], check=True, capture_output=True,
                   env=environment, cwd=tempfile.gettempdir())  # fmt: skip


def fresh_archive(folder: Path, tree: Path, env: dict, *options: str) -> Path:
    clone, archive = folder / "pga", folder / "archive"
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", str(BUNDLE), str(clone)], check=True)
    run(tree, "init", str(archive), env=env)
    run(tree, "import", "ota", str(clone), "--service", "Quora", "--archive", str(archive),
        *options, env=env)  # fmt: skip
    return archive


def screen() -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", "jobs"], capture_output=True,
                          text=True).stdout  # fmt: skip


def wait_for(text: str, since: float) -> None:
    while text not in screen():
        if time.perf_counter() - since > TIMEOUT:
            raise SystemExit(f"gave up waiting for {text!r}:\n{screen()}")
        time.sleep(0.02)


def job(steps, archive: Path, tree: Path, size: tuple[int, int], theme: str, env: dict):
    environment = {**env, "PYTHONPATH": str(tree), "TEXTUAL_THEME": theme}
    command = shlex.join(
        ["env", *(f"{name}={environment[name]}" for name in _PASSED if name in environment),
         sys.executable, "-m", "tracker", "tui", "--archive", str(archive)]
    )  # fmt: skip
    subprocess.run(["tmux", "kill-session", "-t", "jobs"], capture_output=True)
    start = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", "jobs", "-x", str(size[0]), "-y",
                    str(size[1]), command], check=True)  # fmt: skip
    keystrokes = 0
    for keys, expected in steps:
        if keys:
            named = keys in ("Enter", "Tab")
            subprocess.run(["tmux", "send-keys", "-t", "jobs", *([keys] if named else ["-l", keys])],
                           check=True)  # fmt: skip
            keystrokes += 1 if named else len(keys)
        wait_for(expected, start)
    seconds = time.perf_counter() - start
    subprocess.run(["tmux", "kill-session", "-t", "jobs"], capture_output=True)
    return keystrokes, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to run")
    parser.add_argument("--before", action="store_true", help="the older keys (no `h`)")
    parser.add_argument("--no-compare", action="store_true", help="import with --no-compare")
    options = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed: apt-get install tmux")
    jobs = {"find": FIND, "read": READ, "follow": FOLLOW_BEFORE if options.before else FOLLOW_NOW}
    print(f"{'job':<8} {'size':<8} {'theme':<14} keys  seconds")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for size in SIZES:
            for theme in THEMES:
                for name, steps in jobs.items():
                    env = dict(
                        os.environ, TRACKER_CACHE_DIR=str(folder / "cache" / f"{size}{theme}{name}")
                    )
                    extra = ("--no-compare",) if options.no_compare else ()
                    archive = fresh_archive(folder / "work", options.tree, env, *extra)
                    keys, seconds = job(steps, archive, options.tree, size, theme, env)
                    print(f"{name:<8} {size[0]}x{size[1]:<5} {theme:<14} {keys:>4}  {seconds:7.2f}")


if __name__ == "__main__":
    main()
