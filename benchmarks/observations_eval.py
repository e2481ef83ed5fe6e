"""What the dates and sightings of a real history say: silent changes, date-only bumps, reverts.

Every policy of an archive is read as `tracker log` reads it, and its versions' flags counted.
With `--examples`, the first silent change and date-only bump of each policy are named (the
two versions' files), to be read by hand beside `tracker diff`.

Run:  git clone -q ../shared/ota-contrib/contrib-sample.bundle /tmp/contrib
      tracker init /tmp/contrib-archive && tracker import ota /tmp/contrib --archive /tmp/contrib-archive
      python benchmarks/observations_eval.py /tmp/contrib-archive [--examples]
"""

from __future__ import annotations

import argparse
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from tracker.history.history import History
from tracker.model import VersionFlag
from tracker.store.archive import Archive

_SHOWN = (
    VersionFlag.SILENT_CHANGE,
    VersionFlag.DATE_ONLY_CHANGE,
    VersionFlag.REVERTED,
    VersionFlag.ANNOUNCED,
    VersionFlag.BACKDATED,
)
_EXAMPLES = (VersionFlag.SILENT_CHANGE, VersionFlag.DATE_ONLY_CHANGE)


def flags_of(path: Path, policy: str) -> tuple[str, int, Counter, list[str]]:
    entries = History(Archive(path), policy).log_entries()
    counts = Counter(flag for entry in entries for flag in entry.flags)
    examples = []
    for flag in _EXAMPLES:
        index = next((n for n, entry in enumerate(entries) if flag in entry.flags), None)
        if index:
            old, new = entries[index - 1].version, entries[index].version
            examples.append(
                f"{flag}: {policy}@{index - 1} -> {policy}@{index} ({old.path} -> {new.path})"
            )
    return policy, len(entries), counts, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--examples", action="store_true")
    options = parser.parse_args()
    policies = [summary.policy for summary in Archive(options.archive).policies()]
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(partial(flags_of, options.archive), policies))
    header = ["policy", "versions", *(flag.replace("_change", "") for flag in _SHOWN)]
    print(" | ".join(header))
    total: Counter = Counter()
    versions = 0
    for policy, count, counts, _ in results:
        total.update(counts)
        versions += count
        print(" | ".join([policy, str(count), *(str(counts[flag]) for flag in _SHOWN)]))
    print(" | ".join(["all", str(versions), *(str(total[flag]) for flag in _SHOWN)]))
    if options.examples:
        for *_, examples in results:
            for example in examples:
                print(example)


if __name__ == "__main__":
    main()
