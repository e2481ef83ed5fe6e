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
        ("These conditions are governed by Belgian law.", "governing_law", ["Belgium"]),
        (
            "This contract is governed by Swiss law, or Irish law where you live in Ireland.",
            "governing_law",
            ["Ireland", "Switzerland"],
        ),
        (
            "The laws of the Commonwealth of Virginia, without regard to conflict of laws "
            "rules, will govern this agreement.",
            "governing_law",
            ["Virginia"],
        ),
        ("This agreement is subject to the laws of the State of Ohio.", "governing_law", ["Ohio"]),
        ("The laws of nature govern the tides.", "governing_law", []),
        ("Claims must be brought before the courts of Luxembourg.", "venue", ["Luxembourg"]),
        (
            "Any action shall be heard in the state courts located in Travis County.",
            "venue",
            ["Travis County"],
        ),
        (
            "If our prices change, we will give you thirty (30) days' notice before they apply.",
            "change_notice",
            [],
        ),
        (
            "You may go to small claims court if your claim is only on an individual basis.",
            "dispute_term",
            [],
        ),
        (
            "You give up your right to have your claims heard in court before a judge or a jury.",
            "dispute_term",
            [],
        ),
        (
            "Each of us waives the right to take any dispute before a judge or a jury of peers.",
            "dispute_term",
            ["jury-trial waiver"],
        ),
        (
            "In no event shall Quillpad's liability exceed five hundred dollars (USD 500).",
            "liability_cap",
            ["US$500"],
        ),
        ("You must be at least 18 to open an account.", "age_limit", ["18"]),
        (
            "By signing up you confirm you are sixteen (16) or more years of age.",
            "age_limit",
            ["16"],
        ),
        ("Players must be 13 years or older.", "age_limit", ["13"]),
        (
            "By opening an account you represent and warrant that (i) you are twenty-one (21) "
            "or more years of age; (ii) you act as a consumer.",
            "age_limit",
            ["21"],
        ),
        (
            "If our fees change, we will give you thirty (30) days' prior notice.",
            "change_notice",
            [],
        ),
        (
            "For changes made for legal reasons we will give at least three (3) days' notice.",
            "change_notice",
            ["3 days"],
        ),
        (
            "If the rights holder is under the age of 13, the notice must be sent by a parent.",
            "age_limit",
            [],
        ),
        ("We keep server logs for 18 months or more.", "age_limit", []),
        (
            "Our total liability shall not exceed the greater of $100 or the fees you paid.",
            "liability_cap",
            ["$100"],
        ),
        ("Shipping costs up to $100 are refunded.", "liability_cap", []),
        (
            "Our aggregate liability will not exceed US$1,000.00 in any event.",
            "liability_cap",
            ["US$1000.00"],
        ),
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


def test_a_contract_reports_no_data_collected_nor_transfer_country():
    old = "# Quillpad Terms\n\n## Your content\n\nYou own the text you post.\n"
    new = (
        "# Quillpad Terms\n\n## Your content\n\nYou own the text, photo, video or audio you "
        "post. We collect your email address and may transfer it to the United States.\n"
    )
    for document_type, expected in (
        ("terms_of_service", set()),
        ("privacy_policy", {"data_type", "transfer_country"}),
    ):
        comparison = annotate(compare(parse_document(old), parse_document(new)), document_type)
        assert {fact.type for fact in comparison.facts} & {"data_type", "transfer_country"} == (
            expected
        )


def test_the_privacy_only_rule_names_real_fact_and_document_types():
    from tracker import rules
    from tracker.analysis.meaning.facts import FACT_TYPES
    from tracker.model import DocumentType

    rule = rules.load("facts")["privacy_only"]
    assert set(rule["fact_types"]) <= {fact_type.name for fact_type in FACT_TYPES}
    assert set(rule["not_in"]) <= set(DocumentType)
