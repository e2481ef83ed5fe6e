"""The headline pair (Mesosphere 2016 -> 2018): renames, merges, moves, no false removals."""

from __future__ import annotations

import pytest

from conftest import MESOSPHERE_2016, MESOSPHERE_2018
from tracker.analysis.compare import compare
from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.meaning import annotate
from tracker.analysis.sections import parse_document
from tracker.present.wording import describe


@pytest.fixture(scope="module")
def headline():
    old, new = (
        parse_document(ingest_bytes(path.read_bytes(), name=path.name).text)
        for path in (MESOSPHERE_2016, MESOSPHERE_2018)
    )
    return annotate(compare(old, new))


def find(comparison, new_title):
    return next(
        change
        for change in comparison.changes
        if new_title in [section.title for section in change.new]
    )


@pytest.mark.parametrize(
    ("old_title", "new_title"),
    [
        ("Is Personal Information about me secure?", "SECURITY"),
        ("What if I have questions about this policy?", "CONTACT US"),
        (
            "Will this Privacy Policy ever change?",
            "WILL MESOSPHERE EVER CHANGE THIS PRIVACY NOTICE?",
        ),
        (
            "Will Mesosphere Share Any of the Personal Information it Receives?",
            "HOW WILL MESOSPHERE SHARE YOUR PERSONAL INFORMATION?",
        ),
    ],
)
def test_renames(headline, old_title, new_title):
    change = find(headline, new_title)
    assert change.kind == "renamed"
    assert [section.title for section in change.old] == [old_title]


def test_rights_questions_feed_your_rights(headline):
    change = find(headline, "YOUR RIGHTS")
    assert change.kind == "merged"
    assert {section.title for section in change.old} == {
        "What Personal Information can I access?",
        "What choices do I have?",
    }


@pytest.mark.parametrize(
    ("words", "target"),
    [
        ("under the age of 13", "CHILDREN"),
        ("Whenever you interact with our Website", "COOKIES AND SIMILAR TRACKING TECHNOLOGIES"),
    ],
)
def test_passages_moved(headline, words, target):
    assert any(words in move.text and move.target.title == target for move in headline.moves)


def test_no_2016_section_removed(headline):
    assert [change for change in headline.changes if change.kind == "removed"] == []
    covered = {section.title for change in headline.changes for section in change.old}
    assert "What does this Privacy Policy cover?" in covered


@pytest.mark.parametrize(
    "title",
    [
        "DATA RETENTION",
        "INTERNATIONAL DATA TRANSFERS",
        "ADDITIONAL INFORMATION FOR RESIDENTS OF THE EEA",
        "Your Data Protection Rights",
    ],
)
def test_new_sections_added(headline, title):
    assert find(headline, title).kind == "added"


def test_meaning_of_the_headline_pair(headline):
    document = [describe(fact) for fact in headline.facts]
    assert "Contact email changed: contact@dcos.io -> contact@mesosphere.com" in document
    assert "Postal address removed: 88 Stevenson St., San Francisco, CA 94105" in document
    assert not any(fact.type == "age_limit" for fact in headline.facts)
    countries = {fact.new_value for fact in headline.facts if fact.type == "transfer_country"}
    assert countries == {"United States", "Germany", "China", "United Kingdom"}
    assert any(fact.new_value == "Standard Contractual Clauses" for fact in headline.facts)
    rights = {
        fact.new_value
        for fact in find(headline, "Your Data Protection Rights").facts
        if fact.type == "user_right"
    }
    # Access, correction and deletion are not new: the old policy already said "the
    # information you can view, update, and delete" and offered access on request.
    assert rights == {
        "objection", "restriction", "portability", "consent withdrawal",
        "complaint to an authority",
    }  # fmt: skip
