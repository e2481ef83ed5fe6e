"""Heading recall and precision of the reader against hand-checked headings of 10 real pages.

`tests/data/headings_truth.json` lists, for 10 (document, commit) pairs of the Open Terms Archive
`contrib` and `pga` versions repositories chosen for their layouts, every heading a careful reader
sees (title, level, line), plus `ambiguous` lines that count neither way. Each text is read from
git and parsed as `tracker add` reads it; section titles are matched one to one to the truth,
the nearest file line first (case-folded, numbering prefixes such as `1\\.`, `3.1.2`, `(a)`, `Section 4:` stripped,
punctuation and spaces collapsed; equal, or rapidfuzz ratio >= 90).

- recall: truth headings matched by a section;
- precision: sections that match a truth heading, over all sections (contents, recovered and
  embedded-policy sections included) less those matching an `ambiguous` line.

Run:  python benchmarks/headings_eval.py --contrib /tmp/scratch/contrib --pga /tmp/scratch/pga
      [--verbose] [--document Zillow]

Last run (working tree of 2026-12-01 13:56 UTC; 10 documents, 553 headings): recall 65.5%
(362/553), precision 81.5% (362/444); mean of documents 71.1% / 86.1%. Committed HEAD b99ecaa:
57.3% / 78.7%. Worst: Zoom 24.8% recall (bold run-in clause captions `**1.1 Title**. text`).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import unicodedata
from pathlib import Path

from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.sections import parse_document

try:
    from rapidfuzz.fuzz import ratio
except ImportError:  # pragma: no cover - exact matches only
    ratio = None

TRUTH = Path(__file__).resolve().parents[1] / "tests" / "data" / "headings_truth.json"
FUZZY = 90
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_PREFIXES = (  # `Section 4:`, `1.`, `3.1.2`, `11. 2`, `3.b.ii.`, `1°`, `(a)`, `iv.`
    re.compile(r"^(?:section|article|part|chapter)\s+\d+[a-z]?\s*[:.\-–]?\s+"),
    re.compile(r"^\(?\d+(?:\s*\.\s*(?:\d+|[a-z]|[ivxlc]+))*\s*[.)°]?\s+"),
    re.compile(r"^\(?(?:[a-z]|[ivxlc]+)[.)]\s+"),
)


def norm(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold().replace("\\", "").strip()
    for prefix in _PREFIXES:
        text = prefix.sub("", text, count=1)
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def same(a: str, b: str) -> bool:
    return a == b or (ratio is not None and bool(a) and ratio(a, b) >= FUZZY)


def locate(titles: list[str], lines: list[str]) -> list[int | None]:
    """The file line (1-based) of each title, searched in reading order: the next line that
    starts with it, else the next that contains it (else the first anywhere)."""
    plain = [norm(_LINK.sub(r"\1", line)) for line in lines]
    places: list[int | None] = []
    cursor = 0
    for title in titles:
        place = None
        for start, onward in ((cursor, True), (0, False)):
            for test in (str.startswith, str.__contains__):
                spots = range(start, len(plain))
                place = next((i for i in spots if title and test(plain[i], title)), None)
                if place is not None:
                    break
            if place is not None:
                cursor = place + 1 if onward else cursor
                break
        places.append(None if place is None else place + 1)
    return places


def match(found: list[str], places: list[int | None], truth: list[dict]) -> dict[int, int]:
    """found index -> truth index, one to one: equal titles, the nearest lines first."""
    wanted = [norm(heading["title"]) for heading in truth]
    pairs = [
        (abs(place - truth[j]["line"]) if place else 10**6 + abs(i - j), i, j)
        for i, (title, place) in enumerate(zip(found, places, strict=True))
        for j, want in enumerate(wanted)
        if same(title, want)
    ]
    matched: dict[int, int] = {}
    for _, i, j in sorted(pairs):
        if i not in matched and j not in set(matched.values()):
            matched[i] = j
    return matched


def evaluate(entry: dict, root: Path) -> dict:
    path = entry["path"]
    data = subprocess.run(
        ["git", "-C", str(root), "show", f"{entry['commit']}:{path}"],
        check=True,
        capture_output=True,
    ).stdout
    doc = parse_document(ingest_bytes(data, name=path, file_name=path, is_html=False).text)
    found = [section.title for section in doc.sections]
    for other in getattr(doc, "embedded", ()):  # a second policy on the page, read apart
        found += [other.title] if other.title else []
        found += [section.title for section in other.sections]
    lines = data.decode("utf-8", errors="replace").split("\n")
    keys = [norm(title) for title in found]
    pairs = match(keys, locate(keys, lines), entry["headings"])
    loose = [norm(a["title"]) for a in entry.get("ambiguous", [])]
    spurious = [i for i in range(len(found)) if i not in pairs]
    excused = {i for i in spurious if any(same(keys[i], a) for a in loose)}
    hit = set(pairs.values())
    return {
        "name": path.removesuffix(".md"),
        "layout": entry["layout"],
        "truth": len(entry["headings"]),
        "counted": len(found) - len(excused),
        "matched": len(pairs),
        "missed": [h["title"] for j, h in enumerate(entry["headings"]) if j not in hit],
        "spurious": [found[i] for i in spurious if i not in excused],
    }


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   - "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--contrib", type=Path, required=True, help="contrib versions clone")
    parser.add_argument("--pga", type=Path, required=True, help="pga versions clone")
    parser.add_argument("--truth", type=Path, default=TRUTH)
    parser.add_argument("--document", help="only documents whose path contains this")
    parser.add_argument("--verbose", action="store_true", help="list missed and spurious titles")
    args = parser.parse_args()
    roots = {"contrib": args.contrib, "pga": args.pga}
    entries = json.loads(args.truth.read_text(encoding="utf-8"))["documents"]
    rows = [
        evaluate(entry, roots[entry["repo"]])
        for entry in entries
        if not args.document or args.document in entry["path"]
    ]
    print(f"{'document':<34} {'recall':>7} {'precis.':>7}  layout")
    for row in rows:
        recall = _pct(row["matched"], row["truth"])
        precision = _pct(row["matched"], row["counted"])
        print(f"{row['name'][:34]:<34} {recall:>7} {precision:>7}  {row['layout'][:60]}")
        if args.verbose:
            for title in row["missed"]:
                print(f"    missed    {title[:100]}")
            for title in row["spurious"]:
                print(f"    spurious  {title[:100]}")
    matched = sum(row["matched"] for row in rows)
    truth = sum(row["truth"] for row in rows)
    counted = sum(row["counted"] for row in rows)
    print(
        f"{'overall':<34} {_pct(matched, truth):>7} {_pct(matched, counted):>7}"
        f"  ({matched}/{truth} found, {matched}/{counted} true)"
    )
    if len(rows) > 1:
        recall = sum(row["matched"] / row["truth"] for row in rows)
        precision = sum(row["matched"] / max(row["counted"], 1) for row in rows)
        print(
            f"{'mean of documents':<34} {_pct(recall, len(rows)):>7} {_pct(precision, len(rows)):>7}"
        )


if __name__ == "__main__":
    main()
