"""Facts and topics of every section of real versions, in CPU seconds (parsing included).

A few versions of each document of an archive (drawn with a fixed seed), each parsed and
each section's facts and topic read once, as a comparison reads them. Run it with this tree
and with a checkout of another commit (`PYTHONPATH=CHECKOUT python benchmarks/...`), in
turns, to compare the two on the same texts.

Run: python benchmarks/bench_meaning.py --archive ARCHIVE [--per-document 3]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from tracker.analysis.meaning.facts import extract_facts
from tracker.analysis.meaning.topics import classify_topic
from tracker.analysis.sections import parse_document
from tracker.store.archive import Archive


def texts(archive: Archive, per_document: int) -> list[str]:
    rng = random.Random(7)
    drawn = []
    for summary in archive.policies():
        versions = archive.policy_versions(summary.policy)
        chosen = sorted(rng.sample(range(len(versions)), min(per_document, len(versions))))
        drawn += [
            snapshot.text for snapshot in archive.read_snapshots([versions[i] for i in chosen])
        ]
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", type=Path, required=True)
    parser.add_argument("--per-document", type=int, default=3)
    options = parser.parse_args()
    drawn = texts(Archive(options.archive), options.per_document)
    start = time.process_time()
    sections = 0
    for text in drawn:
        document = parse_document(text)
        for section in document.sections:
            extract_facts(section.text, section.title)
            classify_topic(section.title, section.text, document.document_type)
            sections += 1
    seconds = time.process_time() - start
    print(f"{len(drawn)} versions, {sections} sections: {seconds:.2f} s of CPU")


if __name__ == "__main__":
    main()
