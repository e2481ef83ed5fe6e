"""How many versions of a real archive the date reader leaves undated, per policy and language.

Every snapshot's stated date is read again by the working tree's code (its parse comes from
the cache `import` filled), so a change to the date rules is measured without importing again.
`--changes` lists, grouped, each version whose date differs from the one the archive holds
(the date the code of its import found), with the words the new date was read from: read
them beside the text before trusting a new rule.

Run:  tracker init /tmp/contrib-archive
      tracker --archive /tmp/contrib-archive import ota /tmp/scratch/contrib --no-compare
      python benchmarks/dates_eval.py /tmp/contrib-archive [--changes]

Last run (2026-12-04, ota-contrib, 32 documents, 7,955 distinct versions): 2,055 undated
(25.8%) against 2,612 (32.8%) with the English-only rules of ffc2a16. The 557 newly dated:
French (SNCF Pro 91, Yahoo 72), German (Wix 12, Yahoo 4), Spanish (Verizon 27), `Version:
July 2025` (WeTransfer 182), a sign-off line (Donkey Republic 151), `Update June 2026:`
(DuckDuckGo 17), a capture of another page (TousAntiCovid 1); no version already dated
changed its date.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from tracker.analysis.sections import stated_date
from tracker.history.history import History, read_document
from tracker.store.archive import Archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--changes", action="store_true", help="list dates that differ")
    arguments = parser.parse_args()
    archive = Archive(arguments.archive)
    changes: collections.Counter[tuple[str, str, str, str]] = collections.Counter()
    total = undated = 0
    for policy in archive.policies():
        history = History(archive, policy.policy)
        languages: collections.Counter[str] = collections.Counter()
        missing = 0
        for version, snapshot in zip(history.versions, history.snapshots, strict=True):
            document = read_document(snapshot.text, snapshot.sha256)
            found = stated_date(snapshot.text, document)
            languages[document.language or "?"] += 1
            missing += found is None
            held = "-" if version.effective.precision == "recorded" else version.effective.iso
            now = found.iso if found else "-"
            if held != now:
                changes[(policy.policy, held, now, found.text[:100] if found else "")] += 1
        total += len(history.versions)
        undated += missing
        spoken = ", ".join(f"{code} {count}" for code, count in languages.most_common())
        print(f"{policy.policy:45} {missing:4}/{len(history.versions):<4} undated  ({spoken})")
    print(f"\n{undated}/{total} versions undated ({undated / max(total, 1):.1%})")
    if arguments.changes:
        print(f"\n{sum(changes.values())} versions dated differently from the archive:")
        for (policy, held, now, words), count in sorted(changes.items()):
            print(f"{count:5}  {policy}  {held} -> {now}  {words}")


if __name__ == "__main__":
    main()
