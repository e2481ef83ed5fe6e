"""A Cue's pre-test only skips texts the pattern cannot match: its answers are `re`'s."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker import rules
from tracker.analysis.meaning.cue import Cue, literal_starts


def _rule_patterns() -> list[tuple[str, int]]:
    tables = [table for table in rules.load("facts").values() if isinstance(table, dict)]
    cues = [
        (source, flags)
        for table in tables
        for source in table.values()
        if isinstance(source, str)
        for flags in (0, re.I)
    ]
    topics = rules.load("topics")
    vocabularies = set(topics["vocabulary"].values()) | {"privacy_policy"}
    entries = [
        (entry["pattern"], re.I)
        for vocabulary in sorted(vocabularies)
        for topic_entries in topics[vocabulary].values()
        for entry in topic_entries
    ]
    return cues + entries


RULE_PATTERNS = _rule_patterns()
SEEDS = sorted((Path(__file__).resolve().parents[2] / "archive" / "samples").glob("0*.txt"))


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\b(?:collect(?!ive)\w*|receiv\w+|log\w*)\b", {"collect", "receiv", "log"}),
        (r"\bIP address(?:es)?\b", {"ip address"}),
        (r"\bemployer['’]?s? names?\b", {"employer"}),
        (r"\byears? (?:of age|old)\b", {"year"}),
        (r"\b[Pp]olicy\b", {"policy"}),
    ],
)
def test_the_starts_every_match_begins_with(pattern, starts):
    assert literal_starts(pattern, re.I) == starts


@pytest.mark.parametrize(
    "pattern",
    [r"\b(?:re)?collect", r"\d+ days", r"(?:a|b)c", r"[A-Z]\w+ Inc\b", r".*policy", r"\bné\b"],
)
def test_no_pre_test_where_a_match_may_begin_otherwise(pattern):
    assert literal_starts(pattern, re.I) is None


def test_a_cue_answers_as_re_on_every_rule_pattern_and_seed_sentence():
    texts = [path.read_text() for path in SEEDS]
    sentences = [line for text in texts for line in text.splitlines() if line.strip()]
    sentences += ["WE COLLECT YOUR DATA.", "We \u212aeep it.", "\u0130P addresses", "Co\u017fts"]
    for source, flags in RULE_PATTERNS:
        expected = re.compile(source, flags)
        cue = Cue(source, flags)
        for sentence in sentences:
            assert cue.findall(sentence) == expected.findall(sentence), (source, sentence)
            assert cue.count(sentence) == len(expected.findall(sentence)), (source, sentence)


_ALPHABET = "aceilnoprstuwy ACEILNOPRSTUWY.'’\u0130\u212a\u017f\u00e9\u00c9-0123"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RULE_PATTERNS), st.text(_ALPHABET, max_size=60), st.data())
def test_a_cue_answers_as_re_on_any_text(rule, noise, data):
    source, flags = rule
    cue = Cue(source, flags)
    starts = sorted(cue.starts or [""])
    start = data.draw(st.sampled_from(starts))
    mixed = "".join(data.draw(st.sampled_from([c.lower(), c.upper()])) for c in start)
    for text in (noise, f"{noise[:30]}{mixed}{noise[30:]}", f"{mixed}{noise}"):
        expected = re.compile(source, flags)
        assert bool(cue.search(text)) == bool(expected.search(text)) == cue.found(text)
        assert cue.count(text) == len(expected.findall(text))
        assert [m.span() for m in cue.finditer(text)] == [m.span() for m in expected.finditer(text)]
        assert cue.sub("_", text) == expected.sub("_", text)


def test_a_cased_letter_outside_ascii_gets_the_pattern_as_written():
    cue = Cue(r"\bcaf\w\b", re.I)  # `\w` matches `É`; lowered, `é` too: both must count
    for text in ("CAFÉ café", "CAFE cafe", "Kafé K\u212aé"):
        assert cue.count(text) == len(re.findall(r"\bcaf\w\b", text, re.I))


def test_a_group_that_switches_case_keeps_the_pattern_as_written():
    cue = Cue(r"\bpolicy (?-i:Act)\b", re.I)
    assert cue.count("POLICY Act, policy act") == 1
