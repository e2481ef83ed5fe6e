"""Parsing a 60 KB policy into sections, against reading the file, in the same run.

Run: python benchmarks/bench_parse.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import median_seconds, report
from synthetic import history

from tracker.analysis.sections import parse_document


def main() -> None:
    text = history(1, 60)[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "policy.md"
        path.write_text(text)
        read = median_seconds(path.read_text, 50)
        parse = median_seconds(lambda: parse_document(path.read_text()), 20)
    report(f"read + parse a {len(text) // 1024} KB policy", parse, "read the file", read)
    seeds = sorted((Path(__file__).resolve().parent.parent / "archive" / "samples").glob("0*.txt"))
    for seed in seeds:
        content = seed.read_text()
        seconds = median_seconds(lambda text=content: parse_document(text), 20)
        print(f"   {seed.name[:3]}: {len(content) // 1024} KB parsed in {seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
