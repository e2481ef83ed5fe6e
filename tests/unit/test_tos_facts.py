"""Terms-of-service facts: governing law, venue, arbitration and its waivers, the notice given
before changes, and liability caps, read from what a clause states."""

from __future__ import annotations

import pytest

from tracker.analysis.compare import compare
from tracker.analysis.meaning import annotate, extract_facts
from tracker.analysis.sections import parse_document
from tracker.present.wording import describe


def facts(text: str, kind: str) -> list[str]:
    return sorted(fact.value for fact in extract_facts(text) if fact.type == kind)


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        (
            "These terms are governed by the laws of the State of Oregon.",
            "governing_law",
            ["Oregon"],
        ),
        (
            "This agreement is governed by the laws of England and Wales.",
            "governing_law",
            ["England and Wales"],
        ),
        ("We comply with the laws of Oregon.", "governing_law", []),
        (
            "Any claim shall be brought exclusively in the courts located in Multnomah County.",
            "venue",
            ["Multnomah County"],
        ),
        ("Our courts of appeal ruling in 2019 changed nothing.", "venue", []),
        (
            "Take it to small claims court in the User’s county, or exclusively to the courts "
            "located in Lane County.",
            "venue",
            ["Lane County"],
        ),
        (
            "You and Quillpad agree to resolve disputes by binding arbitration and waive any "
            "right to bring a class action.",
            "dispute_term",
            ["binding arbitration", "class-action waiver"],
        ),
        ("You waive your right to a trial by jury.", "dispute_term", ["jury-trial waiver"]),
        (
            "We will give you thirty (30) days' notice before a change to these terms applies.",
            "change_notice",
            ["30 days"],
        ),
        ("Orders ship within 30 days' notice of payment.", "change_notice", []),
        (
            "Our total liability shall not exceed the greater of $100 or the fees you paid.",
            "liability_cap",
            ["$100"],
        ),
        ("Shipping costs up to $100 are refunded.", "liability_cap", []),
    ],
)
def test_contract_clauses(text, kind, values):
    assert facts(text, kind) == sorted(values)


def test_a_new_governing_law_is_a_changed_fact():
    old = "# Quillpad Terms\n\n## Law\n\nThese terms are governed by the laws of the State of Oregon.\n"
    new = old.replace("State of Oregon", "State of Delaware")
    comparison = annotate(compare(parse_document(old), parse_document(new)), "terms_of_service")
    assert [describe(fact) for fact in comparison.facts] == [
        "Governing law changed: Oregon -> Delaware"
    ]
