"""No control characters hiding in the sources (a `\\b` once became a backspace and silently broke a regex)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

SOURCES = sorted(
    path
    for folder in ("tracker", "tests", "benchmarks", "fuzz")
    for path in (ROOT / folder).rglob("*")
    if path.suffix in (".py", ".j2", ".tcss", ".css", ".json")
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_control_characters(path):
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", path.read_text(encoding="utf-8"))
