"""A random sample of the document-level fact changes the tool reports, laid out for judging.

It draws consecutive version pairs at random (a fixed seed) across every history of an
archive, keeps the pairs for which the tool reports fact changes (at most PER_PAIR of them a
pair, also drawn at random), and writes for each pair the two texts as filed and a sheet
that lists the reported changes with their sentences. A reader opens the two texts beside
the sheet and judges each change right or wrong; `--score JUDGED.json` counts the verdicts.

Run:
  python benchmarks/fact_sample.py --archive ARCHIVE --seed 2027 --pairs 40 --out DIR
  python benchmarks/fact_sample.py --score DIR/judged.json
  python benchmarks/fact_sample.py --recheck benchmarks/data/fact_sample_2027.json --archive ARCHIVE

`--recheck` compares the judged pairs again with the code as it is now (the texts read from
the archive by version number, checked by their SHA-256) and counts which judged changes it
still reports: the precision of the judged ones it keeps, no longer a blind figure.

`DIR/judged.json` is `DIR/sheet.json` with a `verdict` ("right", "wrong" or "unsure") and,
for the wrong ones, a `why` added to each change.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from tracker.history.history import History
from tracker.present.json import fact_change_json
from tracker.store.archive import Archive


def sample(archive: Archive, seed: int, pairs: int, per_pair: int, services: int) -> list[dict]:
    """Pairs drawn at random until `pairs` have fact changes; at most pairs / services + 1 from
    one service, so a long history does not fill the sample."""
    rng = random.Random(seed)
    histories = {summary.policy: History(archive, summary.policy) for summary in archive.policies()}
    candidates = [
        (policy, index)
        for policy, history in histories.items()
        for index in range(1, len(history.versions))
    ]
    rng.shuffle(candidates)
    per_service: Counter[str] = Counter()
    cap = pairs // services + 1
    chosen = []
    for policy, index in candidates:
        if len(chosen) == pairs:
            break
        if per_service[policy.split("/")[0]] >= cap:
            continue
        history = histories[policy]
        facts = list(history.step(index).facts)
        if not facts:
            continue
        per_service[policy.split("/")[0]] += 1
        picked = sorted(rng.sample(range(len(facts)), min(per_pair, len(facts))))
        chosen.append(_pair(history, index, [facts[number] for number in picked]))
    return chosen


def _pair(history: History, index: int, facts: list) -> dict:
    old, new = history.versions[index - 1], history.versions[index]
    return {
        "policy": history.policy,
        "old": {"number": index, "date": old.effective.short, "sha256": old.sha256},
        "new": {"number": index + 1, "date": new.effective.short, "sha256": new.sha256},
        "changes": [fact_change_json(fact) for fact in facts],
    }


def write(archive: Archive, chosen: list[dict], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    lines = ["# Fact changes to judge", ""]
    for number, pair in enumerate(chosen, 1):
        history = History(archive, pair["policy"])
        for side in ("old", "new"):
            text = history.snapshots[pair[side]["number"] - 1].text
            (out / f"{number:02d}-{side}.md").write_text(text)
        lines += [
            f"## Pair {number:02d}: {pair['policy']} #{pair['old']['number']} "
            f"({pair['old']['date']}) -> #{pair['new']['number']} ({pair['new']['date']})",
            f"Texts: {number:02d}-old.md, {number:02d}-new.md",
            "",
        ]
        for change in pair["changes"]:
            lines.append(
                f"- {change['type']} {change['change']}: {change['old']!r} -> {change['new']!r}"
            )
            for side in ("old", "new"):
                if change[f"{side}_sentence"]:
                    lines.append(f"  - {side} sentence: {change[f'{side}_sentence']}")
        lines.append("")
    (out / "sheet.md").write_text("\n".join(lines))
    (out / "sheet.json").write_text(json.dumps(chosen, indent=2, ensure_ascii=False))


def score(judged: Path) -> None:
    pairs = json.loads(judged.read_text())
    verdicts = Counter(change["verdict"] for pair in pairs for change in pair["changes"])
    judged_count = sum(verdicts.values())
    services = {pair["policy"].split("/")[0] for pair in pairs}
    print(f"{judged_count} changes of {len(pairs)} pairs, {len(services)} services")
    print(f"right {verdicts['right']}, wrong {verdicts['wrong']}, unsure {verdicts['unsure']}")
    print(f"precision (unsure counted wrong): {verdicts['right'] / judged_count:.0%}")
    reasons = Counter(
        change.get("why", "?")
        for pair in pairs
        for change in pair["changes"]
        if change["verdict"] != "right"
    )
    for reason, count in reasons.most_common():
        print(f"  {count:3d}  {reason}")


def recheck(archive: Archive, judged: Path) -> None:
    pairs = json.loads(judged.read_text())
    counts: Counter[tuple[str, str]] = Counter()
    for number, pair in enumerate(pairs, 1):
        history = History(archive, pair["policy"])
        for side in ("old", "new"):
            index = pair[side]["number"] - 1
            if history.versions[index].sha256 != pair[side]["sha256"]:
                raise SystemExit(f"pair {number}: {pair['policy']} #{index + 1} is another text")
        now = {
            (fact.type, fact.change, fact.old_value, fact.new_value)
            for fact in history.step(pair["new"]["number"] - 1).facts
        }
        for change in pair["changes"]:
            key = (change["type"], change["change"], change["old"], change["new"])
            status = "kept" if key in now else "gone"
            counts[change["verdict"], status] += 1
            if (change["verdict"] == "right") != (status == "kept"):
                print(f"{number:02d} {change['verdict']} {status}: {key}")
    right, wrong = counts["right", "kept"], counts["wrong", "kept"] + counts["unsure", "kept"]
    print(
        f"right kept {right}, gone {counts['right', 'gone']}; wrong kept {wrong}, "
        f"gone {counts['wrong', 'gone'] + counts['unsure', 'gone']}"
    )
    print(
        f"precision of the judged changes still reported: {right}/{right + wrong} "
        f"= {right / max(1, right + wrong):.0%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--per-pair", type=int, default=3)
    parser.add_argument("--services", type=int, default=10, help="spread over at least this many")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--score", type=Path, help="count the verdicts of a judged sheet")
    parser.add_argument("--recheck", type=Path, help="compare a judged sample's pairs again")
    options = parser.parse_args()
    if options.score:
        score(options.score)
        return
    archive = Archive(options.archive)
    if options.recheck:
        recheck(archive, options.recheck)
        return
    chosen = sample(archive, options.seed, options.pairs, options.per_pair, options.services)
    write(archive, chosen, options.out)
    count = sum(len(pair["changes"]) for pair in chosen)
    print(f"{count} fact changes of {len(chosen)} pairs written to {options.out}")


if __name__ == "__main__":
    main()
