"""Precision and recall of document-level fact changes on the blind held-out pairs.

`tests/data/fact_changes_heldout/` holds twelve invented pairs of policy versions, each with
the fact changes a careful reader reports (written by a helper session that had not read the
extractor's rules). Each pair is read and compared as `tracker diff` does, and the
document-level fact changes are matched to the gold on (type, change, old, new), ignoring case;
phones by their digits.

Run:  python benchmarks/facts_eval.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from tracker.analysis.sections import parse_document
from tracker.history.history import compare_documents

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "fact_changes_heldout"


def _key(fact_type: str, change: str, old: str | None, new: str | None) -> tuple:
    def norm(value: str | None) -> str:
        if value is None:
            return ""
        return re.sub(r"\D", "", value) if fact_type == "phone" else value.lower()

    return fact_type, change, norm(old), norm(new)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every false and missed fact")
    args = parser.parse_args()
    found = right = expected = 0
    for gold_path in sorted(DATA.glob("pair_*.json")):
        name = gold_path.stem
        old, new = (
            parse_document((DATA / f"{name}_{side}.md").read_text()) for side in ("old", "new")
        )
        comparison = compare_documents(old, new)
        reported = {_key(f.type, f.change, f.old_value, f.new_value): f for f in comparison.facts}
        gold = {
            _key(g["type"], g["change"], g["old"], g["new"])
            for g in json.loads(gold_path.read_text())["changes"]
        }
        hits = set(reported) & gold
        found, right, expected = found + len(reported), right + len(hits), expected + len(gold)
        print(f"{name}: gold {len(gold)}, reported {len(reported)}, right {len(hits)}")
        if args.verbose:
            for key in sorted(set(reported) - gold):
                fact = reported[key]
                sentence = (fact.new or fact.old).sentence
                print(f"   false  {key}  <- {sentence[:150]!r}")
            for key in sorted(gold - set(reported)):
                print(f"   missed {key}")
    print(
        f"precision {right / max(1, found):.0%} ({right}/{found}), "
        f"recall {right / max(1, expected):.0%} ({right}/{expected})"
    )


if __name__ == "__main__":
    main()
