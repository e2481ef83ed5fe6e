"""Inputs that made a regex backtrack quadratically now cost time linear in their size, and
no more than reading an ordinary policy of the same size.

Each input is read (parse, meaning, identity) at 16 KB and at 64 KB; CPU time must grow about
4x, as a linear scan's does, never the 16x a quadratic pattern shows (the review measured
14-54 CPU seconds on such inputs). CPU time of the process, median of three, so a busy
machine does not decide the outcome.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest

from tracker.analysis.identity import identify
from tracker.analysis.meaning.facts import _extract_facts_cached, _response_time
from tracker.analysis.meaning.topics import classify_topic
from tracker.app.parsing import parse_text
from tracker.errors import InputError
from tracker.model import Ingested, Source

SMALL, LARGE = 16_000, 64_000
LINEAR_ENOUGH = 8.0  # 4x is linear, 16x quadratic
# Against reading an ordinary policy of the same size: measured at most 1.5x; the margin is
# for a busy machine.
LIKE_A_POLICY = 3.0
SEED = Path(__file__).resolve().parents[2] / "archive" / "samples" / "001_45842ebe32008051.txt"

CASES = {
    "a heading line of spaces": lambda n: "Policy\n\n# x" + " " * n + "y\n\nbody.\n",
    "a heading line of spaces and tabs": lambda n: "Policy\n\n# x" + " \t" * (n // 2) + "y\n",
    "a run of date cues": lambda n: "Privacy Policy\n\n" + "Last updated " * (n // 13) + "\n",
    "a brand-like word": lambda n: "Privacy Policy\n\n" + "Ab" * (n // 2) + " text\n",
    "a run of www.1": lambda n: "Privacy Policy\n\n# x" + "www.1" * (n // 5) + "\n",
    "a run of dotted words": lambda n: "Privacy Policy\n\n" + "a." * (n // 2) + "\n",
    "a line of spaces": lambda n: "Privacy Policy\n\n" + " " * n + "y\n\nbody.\n",
    "a body of www.1": lambda n: "Privacy Policy\n\n## Contact\n\n" + "www.1" * (n // 5) + "\n",
    "a body of dotted letters": lambda n: (
        "Privacy Policy\n\n## Contact\n\n" + "a." * (n // 2) + "\n"
    ),
    "a body of at-signs": lambda n: "Privacy Policy\n\n## Contact\n\n" + "a@b." * (n // 4) + "\n",
}


def _cpu_seconds(text: str) -> float:
    def once() -> float:
        for cached in (_extract_facts_cached, _response_time, classify_topic):
            cached.cache_clear()  # each run reads the text afresh
        start = time.process_time()
        parse_text(Ingested(text, Source()))
        with contextlib.suppress(InputError):
            identify(Ingested(text, Source()), [])
        return time.process_time() - start

    return min(once() for _ in range(5))  # the fastest run: a pause elsewhere only slows others


@pytest.mark.parametrize("name", list(CASES))
def test_cost_grows_linearly(name):
    make = CASES[name]
    small, large = _cpu_seconds(make(SMALL)), _cpu_seconds(make(LARGE))
    assert large < max(small, 0.002) * LINEAR_ENOUGH, f"{name}: {small:.3f}s -> {large:.3f}s"


def _ordinary_policy(size: int) -> str:
    """The seed policy repeated to `size`, each copy naming another company (no cache hits) in
    its text and headings (so it reads as one long policy, not as copies of one)."""
    seed, copies = SEED.read_text(), []
    while sum(map(len, copies)) < size:
        company = f"Mesosphere{len(copies)}"
        text = seed.replace("Mesosphere", company).replace("MESOSPHERE", company.upper())
        copies.append(text.replace("## ", f"## {company} "))
    return "".join(copies)[:size]


@pytest.mark.parametrize("name", list(CASES))
def test_cost_is_that_of_an_ordinary_policy_of_its_size(name):
    ordinary = _cpu_seconds(_ordinary_policy(LARGE))
    pathological = _cpu_seconds(CASES[name](LARGE))
    assert pathological < ordinary * LIKE_A_POLICY, (
        f"{name}: {pathological:.3f}s vs {ordinary:.3f}s"
    )
