"""Coverage-guided fuzzing of the text pipeline with atheris (libFuzzer).

Every input goes through ingest, the date finder, the section parser, comparison
with a seed document, and fact extraction; any exception other than the
`InputError` that ingest raises for bad input is a crash.

Rerun (10 minutes, corpus seeded from the seeds and the OTA sample):

    pip install atheris
    python fuzz/make_corpus.py fuzz/corpus
    python fuzz/fuzz_parsers.py fuzz/corpus -max_total_time=600 -max_len=20000 -artifact_prefix=fuzz/crashes/
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from tracker.analysis.compare import compare
    from tracker.analysis.dates import find_effective_date
    from tracker.analysis.ingest import ingest_bytes
    from tracker.analysis.meaning import annotate, extract_facts
    from tracker.analysis.sections import parse_document
    from tracker.errors import InputError

SEED = parse_document(
    (
        Path(__file__).resolve().parent.parent / "archive" / "samples" / "000_3a7c19a7c79b25bd.txt"
    ).read_text()
)


def test_one_input(data: bytes) -> None:
    try:
        ingested = ingest_bytes(data, name="fuzz", is_html=data[:1] == b"<")
    except InputError:
        return
    find_effective_date(ingested.text)
    document = parse_document(ingested.text)
    assert parse_document(ingested.text) == document  # deterministic
    annotate(compare(SEED, document))
    for section in document.sections[:50]:
        extract_facts(section.text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
