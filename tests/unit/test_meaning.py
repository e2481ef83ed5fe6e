"""Facts from hand-made sentences (each type, with distractors), fact changes and their words."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.analysis.compare import compare
from tracker.analysis.meaning import (
    anachronisms,
    annotate,
    classify_topic,
    extract_facts,
    fact_changes,
)
from tracker.analysis.sections import parse_document
from tracker.model import Fact
from tracker.present.wording import describe, reason


def facts(text: str, kind: str) -> list[str]:
    return [fact.value for fact in extract_facts(text) if fact.type == kind]


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        ("Questions? Email us at Privacy@Example.COM.", "contact_email", ["privacy@example.com"]),
        (
            "Write to privacy [at] example [dot] com with any request.",
            "contact_email",
            ["privacy@example.com"],
        ),
        ("You can contact us at support if anything is unclear.", "contact_email", []),
        (
            "Our office is at 88 Stevenson St., San Francisco, CA 94105.",
            "postal_address",
            ["88 Stevenson St., San Francisco, CA 94105"],
        ),
        (
            "Mail us: Acme Inc., 405 Howard St., 2nd Floor, San Francisco, CA 94105",
            "postal_address",
            ["405 Howard St., 2nd Floor, San Francisco, CA 94105"],
        ),
        ("We have served 88 customers in 94105 ways.", "postal_address", []),
        ("Call us toll-free at (415) 555-0132 for help.", "phone", ["+14155550132"]),
        ("See case 415-555-0132 in the court records of 2019.", "phone", []),
        ("We do not knowingly collect data from children under 13.", "age_limit", ["13"]),
        ("You must be at least sixteen years old to use the service.", "age_limit", ["16"]),
        ("Users under the age of eighteen (18) need a parent's consent.", "age_limit", ["18"]),
        ("We set 13 cookies on your device.", "age_limit", []),
        ("Section 13 explains our rights since 2009.", "age_limit", []),
        ("We retain log data for twelve (12) months.", "retention_period", ["12 months"]),
        (
            "We keep your data for as long as necessary to provide the service.",
            "retention_period",
            ["as long as necessary"],
        ),
        ("Backups are stored indefinitely.", "retention_period", ["indefinite"]),
        ("We delete inactive accounts after 2 years.", "retention_period", ["2 years"]),
        ("We will respond within 30 days of your request.", "retention_period", []),
        ("We will respond within 30 days of your request.", "response_time", ["30 days"]),
        (
            "We respond to access requests within forty-five (45) days.",
            "response_time",
            ["45 days"],
        ),
        (
            "We collect your name, email address and IP address.",
            "data_type",
            ["name", "email address", "IP address"],
        ),
        (
            "We may collect precise location data and device identifiers.",
            "data_type",
            ["device identifiers", "geolocation"],
        ),
        ("Your email address must be valid to reset a password you forgot.", "data_type", []),
        ("We use Google Analytics to understand traffic.", "third_party", ["Google Analytics"]),
        ("Payments are processed by Stripe and PayPal.", "third_party", ["Stripe", "PayPal"]),
        (
            "Our servers are located in the United States and Germany.",
            "transfer_country",
            ["United States", "Germany"],
        ),
        ("We love France and its cheese.", "transfer_country", []),
        (
            "We rely on Standard Contractual Clauses approved by the European Commission.",
            "legal_framework",
            ["Standard Contractual Clauses"],
        ),
        (
            "We comply with the GDPR and the California Consumer Privacy Act.",
            "legal_framework",
            ["GDPR", "CCPA"],
        ),
        (
            "Mixpanel participates in the EU-U.S. Privacy Shield.",
            "legal_framework",
            ["Privacy Shield"],
        ),
        (
            "You have the right to data portability and to object to processing.",
            "user_right",
            ["portability", "objection"],
        ),
        (
            "You may withdraw your consent at any time and lodge a complaint with a supervisory authority.",
            "user_right",
            ["consent withdrawal", "complaint to an authority"],
        ),
        ("Our object detection feature can restrict image sizes.", "user_right", []),
        (
            "We reserve the right to access and disclose any information we believe necessary.",
            "user_right",
            [],
        ),
        (
            "We may access, preserve, and delete information to protect our rights.",
            "user_right",
            [],
        ),
        ("We will delete your data after 30 days.", "user_right", []),
        (
            "If you want us to delete your personal information, contact us with your request.",
            "user_right",
            ["deletion"],
        ),
        (
            "Email: legal@example.comPostal mail: Example Inc.",
            "contact_email",
            ["legal@example.com"],
        ),
        (
            "If you are located in the United Kingdom, you have the right to lodge a complaint.",
            "transfer_country",
            [],
        ),
        ("Our servers are located in the United States.", "transfer_country", ["United States"]),
        ("We honour requests to be placed on do-not-contact lists.", "data_type", []),
        (
            "We do not sell your personal information.",
            "practice",
            ["sells personal information: no"],
        ),
        (
            "We neither rent nor sell your personal information to anyone.",
            "practice",
            ["rents personal information: no", "sells personal information: no"],
        ),
        (
            "We may sell your personal information to partners.",
            "practice",
            ["sells personal information: yes"],
        ),
        ("If we sell assets in a merger, your information may transfer.", "practice", []),
        (
            "We share your information with affiliates who may sell or provide products to you.",
            "practice",
            [],
        ),
        (
            "Your personal information is never sold or rented to third parties.",
            "practice",
            ["sells personal information: no", "rents personal information: no"],
        ),
        (
            "Advertisers sell ads on our site; we do not sell data about you.",
            "practice",
            ["sells personal information: no"],
        ),
    ],
)
def test_fact_extraction(text, kind, values):
    assert sorted(facts(text, kind)) == sorted(values)


def test_facts_keep_their_sentence():
    [fact] = [
        f
        for f in extract_facts("Intro text. We retain logs for 90 days. More text.")
        if f.type == "retention_period"
    ]
    assert fact.value == "90 days" and fact.sentence == "We retain logs for 90 days."


def test_age_change_is_described_in_plain_words():
    [change] = fact_changes((Fact("age_limit", "13", "a"),), (Fact("age_limit", "16", "b"),))
    assert change.change == "changed" and describe(change) == "Minimum age raised from 13 to 16"


def test_new_third_party_and_retention_read_plainly():
    described = [
        describe(c)
        for c in fact_changes(
            (),
            (
                Fact("third_party", "Google Analytics", "s"),
                Fact("retention_period", "24 months", "s"),
            ),
        )
    ]
    assert (
        "New third party: Google Analytics" in described
        and "New retention period: 24 months" in described
    )


def test_an_email_that_only_moved_is_no_document_change():
    old = parse_document(
        "## Intro\n\nWelcome to our policy, written for everyone who uses the site.\n\n## Contact\n\nEmail privacy@acme.example with questions.\n"
    )
    new = parse_document(
        "## Intro\n\nWelcome to our policy. Email privacy@acme.example with questions.\n\n## Contact\n\nUse the form on our website.\n"
    )
    result = annotate(compare(old, new))
    assert not any(fact.type == "contact_email" for fact in result.facts)


def test_anachronisms():
    shield = (Fact("legal_framework", "Privacy Shield", "We rely on the Privacy Shield."),)
    assert anachronisms(shield, dt.date(2022, 3, 1)) == [
        "relies on Privacy Shield, which ended on July 16, 2020"
    ]
    harbor = (Fact("legal_framework", "Safe Harbor", "Safe Harbor."),)
    assert anachronisms(harbor, dt.date(2014, 5, 8)) == []
    assert anachronisms(harbor, dt.date(2016, 1, 1)) != []


@pytest.mark.parametrize(
    ("title", "text", "topic"),
    [
        (
            "Security",
            "We use encryption and access controls to protect your data against unauthorized access.",
            "data_security",
        ),
        (
            "How long we keep data",
            "We retain your information for as long as your account is active.",
            "data_retention",
        ),
        (
            "Kids",
            "Our service is not directed to children under 13 and we do not knowingly collect their data.",
            "specific_audiences",
        ),
        ("Browser signals", "We do not respond to Do Not Track signals.", "do_not_track"),
        (
            "Updates",
            "We may change this policy from time to time and will notify you of changes.",
            "policy_change",
        ),
        (
            "Sharing",
            "We share information with service providers and affiliates, and we do not sell it.",
            "third_party_sharing",
        ),
    ],
)
def test_topics_of_hand_made_sections(title, text, topic):
    assert classify_topic(title, text)[0] == topic


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_meaning_never_raises_and_is_deterministic(text):
    assert extract_facts(text) == extract_facts(text)
    topic, confidence, _ = classify_topic("", text)
    assert 0.0 <= confidence <= 1.0 and topic


def test_list_items_take_their_cue_from_the_lead_in_or_heading():
    text = (
        "You may have the right to:\n\n- access the information we hold;\n"
        "- have your information deleted.\n\nWe also run a newsletter:\n\n- name of the issue"
    )
    found = {(fact.type, fact.value) for fact in extract_facts(text)}
    assert {("user_right", "access"), ("user_right", "deletion")} <= found
    assert ("data_type", "name") not in found
    listed = "- Your IP address and browser type\n- Device identifiers"
    assert not extract_facts(listed)
    assert {fact.value for fact in extract_facts(listed, "Information we collect")} == {
        "IP address",
        "browser type",
        "device identifiers",
    }


def test_table_cells_take_their_cue_from_the_header_and_row():
    text = (
        "| Category | Examples | Retention |\n|---|---|---|\n"
        "| Usage | IP address, operating system | Thirteen (13) months |\n"
        "| Payments | We do not collect or store card numbers | Seven (7) years |"
    )
    found = {(fact.type, fact.value) for fact in extract_facts(text)}
    assert {("data_type", "IP address"), ("data_type", "operating system")} <= found
    assert {("retention_period", "13 months"), ("retention_period", "7 years")} <= found
    assert ("data_type", "payment card") not in found


def test_an_address_written_one_part_a_line():
    text = "Acme, Inc.\nAttn: Privacy\n12 Harbour Street, Suite 5\nBoston, MA 02110"
    assert ("postal_address", "12 Harbour Street, Suite 5, Boston, MA 02110") in {
        (fact.type, fact.value) for fact in extract_facts(text)
    }


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        ("Privacy Officer · privacy@acme.ca · 1-888-555-0178.", "phone", ["+18885550178"]),
        ("Our services are not intended for individuals under eighteen (18).", "age_limit", ["18"]),
        ("Customers may be located in France; data is never moved.", "transfer_country", []),
    ],
)
def test_cue_free_shapes(text, kind, values):
    assert sorted(fact.value for fact in extract_facts(text) if fact.type == kind) == values


def test_a_new_table_of_contents_is_minor_and_about_nothing():
    old = parse_document("## Contact\n\nWrite to us at privacy@acme.example.\n")
    new = parse_document(
        "## Contents\n\n- Data we collect\n- Sharing\n- Contact\n\n"
        "## Data we collect\n\nWe collect your name.\n\n## Sharing\n\nWe share nothing.\n\n"
        "## Contact\n\nWrite to us at privacy@acme.example.\n"
    )
    contents = next(
        change
        for change in annotate(compare(old, new)).changes
        if change.new[0].title == "Contents"
    )
    assert (contents.kind, contents.topic, contents.significance) == ("added", "other", "minor")
    assert reason(contents) == "table of contents"


def test_facts_read_across_hard_line_breaks():
    wrapped = (
        "We may sell your personal\ninformation to advertisers. Users must be at\n"
        "least 16 years old to open an account.\n"
    )
    values = {(fact.type, fact.value) for fact in extract_facts(wrapped, "Sharing")}
    assert ("age_limit", "16") in values
    assert any(kind == "practice" and "yes" in value for kind, value in values)


def test_rewrapping_a_paragraph_changes_no_fact():
    text = (
        "We do not sell your personal information. You have the right to access, correct "
        "or delete your data, and to complain to the ICO. We keep logs for 30 days."
    )
    narrow = "\n".join(textwrap.wrap(text, 30))
    wide = "\n".join(textwrap.wrap(text, 70))
    assert extract_facts(narrow, "Your rights") == extract_facts(wide, "Your rights") != ()
    comparison = annotate(
        compare(
            parse_document(f"## Your rights\n\n{narrow}\n"),
            parse_document(f"## Your rights\n\n{wide}\n"),
        )
    )
    assert comparison.facts == ()


def test_a_new_date_line_alone_is_cosmetic_but_a_new_deadline_is_not():
    def only_change(old: str, new: str):
        comparison = annotate(compare(parse_document(old), parse_document(new)))
        return next(change for change in comparison.changes if change.kind != "unchanged")

    dated = only_change(
        "Last revised on 3 March 2021\n\n## Data\n\nWe keep your notes.\n",
        "Last revised on 20 October 2022\n\n## Data\n\nWe keep your notes.\n",
    )
    assert (dated.significance, reason(dated)) == ("cosmetic", "only the policy's own date changed")
    deadline = only_change(
        "## Data\n\nWe keep your notes until 1 January 2020, then delete them.\n",
        "## Data\n\nWe keep your notes until 1 January 2025, then delete them.\n",
    )
    assert deadline.significance != "cosmetic"


def test_a_right_still_stated_elsewhere_is_not_reported_removed():
    old = parse_document(
        "## Your choices\n\nYou have the right to request deletion of your data. "
        "You can also turn off marketing e-mails from your settings page at any time.\n"
    )
    new = parse_document(
        "## Your choices\n\nYou can turn off marketing e-mails from the settings page at any time.\n\n"
        "## Your rights in the EEA\n\nYou have the right to access your data and the right to "
        "erasure of your data.\n"
    )
    comparison = annotate(compare(old, new))
    choices = next(c for c in comparison.changes if c.new and c.new[0].title == "Your choices")
    assert not any(fact.change == "removed" for fact in choices.facts)
    assert {(fact.change, fact.new_value) for fact in comparison.facts} == {("added", "access")}
