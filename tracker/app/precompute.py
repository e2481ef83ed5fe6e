"""Comparisons made when versions are filed, so the log, the timeline and the TUI open cached.

As git-history builds its database at ingest, `add` and `import` compare every new step
once, after the archive's lock is released, on every core. Each step is a pure function of
two texts whose result goes to the shared result cache, so the pool's answers are the ones a
single process would give, and a step already cached is not computed again. Only the steps:
a log or grid is keyed by the whole sequence of versions, so making them at every add would
cost each add the whole history; they are made from the cached steps when first read.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from tracker.history.history import History, TextHistory, aligned, comparison_key
from tracker.model import Comparison, Progress, Snapshot, Version
from tracker.store.archive import Archive

# Below this much text to compare (both sides of every step), starting worker processes
# (about half a second each) costs more than it saves.
PARALLEL_FROM_CHARACTERS = 1_000_000
# Steps whose texts are read from git in one `cat-file --batch` (one process for each
# would cost about 5 ms a step, as much as comparing a typical one).
STEPS_READ_TOGETHER = 64


@dataclass(frozen=True)
class Step:
    """Two consecutive versions of one policy: the unit of work a worker receives."""

    policy: str
    versions: tuple[Version, Version]
    snapshots: tuple[Snapshot, Snapshot]


def compare_step(step: Step) -> None:
    """Fill the cache with the step's comparison with words (the log) and without (the grid),
    the second read off the first."""
    history = TextHistory(step.policy, list(step.versions), list(step.snapshots))
    with_words = history.comparison(0, 1)
    old, new = step.versions
    key = comparison_key(old.sha256, new.sha256, words=False)
    history.cache.get_or_make(*key, Comparison, lambda: aligned(with_words))


def precompute(
    archive: Archive,
    policies: Iterable[str],
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Compare the policies' uncached steps into the cache; returns how many there were."""
    histories = [History(archive, policy) for policy in sorted(set(policies))]
    if not histories or not histories[0].cache.enabled:
        return 0
    pending = [(history, index) for history in histories for index in history.uncached_steps()]
    advance = progress or (lambda advance, total=None: None)
    advance(0, len(pending))
    steps = _steps(archive, pending)
    _run(steps, len(pending), workers or os.cpu_count() or 1, lambda: advance(1, None))
    return len(pending)


def _steps(archive: Archive, pending: list[tuple[History, int]]) -> Iterator[Step]:
    """The pending steps with their texts, read a batch of steps at a time."""
    for start in range(0, len(pending), STEPS_READ_TOGETHER):
        batch = pending[start : start + STEPS_READ_TOGETHER]
        wanted = {
            (version.commit, version.path): version
            for history, index in batch
            for version in (history.versions[index - 1], history.versions[index])
        }
        read = dict(zip(wanted, archive.read_snapshots(list(wanted.values())), strict=True))
        for history, index in batch:
            old, new = history.versions[index - 1], history.versions[index]
            yield Step(
                history.policy,
                (old, new),
                (read[old.commit, old.path], read[new.commit, new.path]),
            )


def _run(steps: Iterator[Step], count: int, workers: int, done: Callable[[], None]) -> None:
    first = next(steps, None)
    if first is None:
        return
    steps = itertools.chain([first], steps)
    if workers < 2 or count < 2 or count * _characters(first) < PARALLEL_FROM_CHARACTERS:
        for step in steps:
            compare_step(step)
            done()
        return
    _run_with_pool(steps, min(workers, count) - 1, done)


def _run_with_pool(steps: Iterator[Step], helpers: int, done: Callable[[], None]) -> None:
    """This process compares steps too, while the pool's processes start (about half a second
    each) and while they work; a step the pool cannot take (a sandbox that forbids processes)
    is compared here, with the same result."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: the caller may hold threads (a progress bar, the TUI) and git pipes
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(helpers, mp_context=context, initializer=_quiet)
    running: dict = {}  # future -> its step
    with pool:
        for step in steps:  # a few steps a helper in flight: texts are read as they are needed
            _collect(running, done, wait=False)
            if pool is not None and len(running) < 2 * helpers:
                try:
                    running[pool.submit(compare_step, step)] = step
                    continue
                except (OSError, ValueError, RuntimeError, BrokenProcessPool):
                    pool = None
            compare_step(step)
            done()
        _collect(running, done, wait=True)


def _collect(running: dict, done: Callable[[], None], *, wait: bool) -> None:
    """The pool's finished steps (all of them, waiting, when `wait`); a step whose process
    could not run is compared here. A comparison's own error is the caller's."""
    from concurrent.futures import wait as wait_for
    from concurrent.futures.process import BrokenProcessPool

    finished = wait_for(running).done if wait else [f for f in running if f.done()]
    for future in finished:
        step = running.pop(future)
        try:
            future.result()
        except (OSError, BrokenProcessPool):
            compare_step(step)
        done()


def _characters(step: Step) -> int:
    return sum(len(snapshot.text) for snapshot in step.snapshots)


def _quiet() -> None:
    """A worker writes nothing to the terminal it shares with the CLI's bar or the TUI."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
