"""The eighth blind sample's false facts (benchmarks/data/fact_sample_2032.json), rewritten as
general sentences of our own: a clause reworded is no change, two contacts for two purposes
are not one address changed, a company named in a disclaimer gets no data."""

from __future__ import annotations

import pytest
from test_fact_assertions import document_facts, facts


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        ("The laws of the State of Vermont, U.S.A., regardless of conflict of laws "
         "principles, govern all matters arising out of these Terms.", "governing_law",
         ["Vermont"]),
        ("Any claim will be heard by the courts of general jurisdiction located in Ruritania, "
         "which will have exclusive jurisdiction.", "venue", ["Ruritania"]),
        ("Since 2022, we engage in online selling or sharing when we share information with "
         "advertising companies.", "practice", ["sells personal information: yes"]),
        ("We do not engage in the selling of personal information.", "practice",
         ["sells personal information: no"]),
        ("We may ask for your passport number or your driving licence.", "data_type",
         ["government identifiers"]),
        ("Write to info![@](//img.example/at-sign.png)example.org with any question.",
         "contact_email", ["info@example.org"]),
        ("You can request us not to sell your personal data.", "practice", []),
        ("We do not sell your personal data.", "practice", ["sells personal information: no"]),
        ('Write to legal![@](//img.example/At_sign.svg.png "@")example.org to object.',
         "contact_email", ["legal@example.org"]),
    ],
)  # fmt: skip
def test_what_a_sentence_asserts_eighth_sample(text, kind, values):
    assert facts(text, kind) == sorted(values)


def test_companies_named_in_a_disclaimer_get_no_data():
    text = (
        "We are not responsible for the practices of other organisations. These include "
        "companies such as Google, Microsoft or any other app developer, app provider or "
        "device maker."
    )
    assert facts(text, "third_party") == []


def test_a_company_data_goes_to_after_a_disclaimer_is_still_named():
    text = (
        "We are not responsible for the practices of other organisations. These include "
        "Google, with whom we share your device data for analytics."
    )
    assert facts(text, "third_party") == ["Google"]


def _policy(body: str) -> str:
    return f"# Terms\n\n## Section\n\n{body}\n"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("These Terms are governed by the laws of the State of Vermont.",
         "The laws of Vermont, U.S.A., regardless of conflict of laws rules, govern these."),
        ("Claims are heard exclusively by the courts of Ruritania.",
         "Claims are brought in the courts of general jurisdiction sitting in Ruritania, "
         "exclusively."),
        ("In no event are we liable for: (i) lost profits; (ii) any amounts that exceed $75.",
         "In no event are we liable for: (i) lost profits; (ii) any amounts that exceed $75. "
         "Our total liability is limited to the greater of $75 or the fees you paid."),
        ("We may ask for your passport or details from your identification documents.",
         "We collect government-issued identification."),
        ("You may exercise your right to oppose the sending of statistics.",
         "You have the right to object to statistics being sent."),
        ("The app generates a unique ID for each installation, which we collect.",
         "We collect unique device identifiers."),
    ],
)  # fmt: skip
def test_a_fact_stated_in_other_words_is_no_change(old, new):
    assert document_facts(_policy(old), _policy(new)) == []


def test_two_contacts_for_two_purposes_are_not_one_address_changed():
    old = _policy("Send notice of a dispute to disputes@acme.example before any arbitration.")
    new = _policy("To cancel a renewal, write to renewals@acme.example before it starts.")
    assert sorted(document_facts(old, new)) == [
        ("contact_email", "added", None, "renewals@acme.example"),
        ("contact_email", "removed", "disputes@acme.example", None),
    ]


@pytest.mark.parametrize(
    ("old_address", "new_address"),
    [("privacy@acme.example", "privacy@acme-group.example"),
     ("help@acme.example", "privacy@acme.example")],
)  # fmt: skip
def test_an_address_replaced_in_the_same_place_is_changed(old_address, new_address):
    sentence = "For any question about this policy, write to us at {}."
    old, new = (_policy(sentence.format(value)) for value in (old_address, new_address))
    assert document_facts(old, new) == [("contact_email", "changed", old_address, new_address)]


def test_an_address_under_the_same_mailbox_name_is_changed_wherever_it_is_said():
    old = _policy("Questions about this policy can be sent to privacy@acme.example.")
    new = _policy("Since the merger, our data protection team reads acme-privacy@group.example.")
    assert document_facts(old, new) == [
        ("contact_email", "changed", "privacy@acme.example", "acme-privacy@group.example")
    ]
