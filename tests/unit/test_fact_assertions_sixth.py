"""The sixth and seventh blind samples' false facts (benchmarks/data/fact_sample_2030.json and
_2031.json), rewritten as general sentences of our own: a fact in other words or case is no
change, a country the reader lives in is no destination, a linked site or a badge is no
recipient, a denial of selling for one purpose is no denial of selling."""

from __future__ import annotations

import pytest
from test_fact_assertions import document_facts, facts


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        ("These Terms are governed in all respects by the substantive laws of Ruritania.",
         "governing_law", ["Ruritania"]),
        ("This agreement is governed exclusively by the laws of the State of Vermont.",
         "governing_law", ["Vermont"]),
        ("Our liability shall not exceed five hundred U.S. dollars (USD 500.00).",
         "liability_cap", ["US$500.00"]),
        ("Our liability shall not exceed five hundred U.S. dollars (US $500.00).",
         "liability_cap", ["US$500.00"]),
        ("If you live in the United Kingdom or Switzerland and we transfer your data to a "
         "country without adequate protection, we use safeguards.", "transfer_country", []),
        ("Where we transfer your data to the United States, we use safeguards.",
         "transfer_country", ["United States"]),
        ("Our site has links to other websites, such as social media sites like Facebook and "
         "LinkedIn, for your information only.", "third_party", []),
        ("Our site has links to Facebook, which collects data about your visit.",
         "third_party", ["Facebook"]),
        ("If your plan comes through work, your employer can tell you who insures it.",
         "data_type", []),
        ("We collect your name, employer and job title.", "data_type",
         ["company", "job title", "name"]),
        ("We collect your name and employer details.", "data_type", ["company", "name"]),
        ("We may rely on standard contractual clauses for such transfers.", "legal_framework",
         ["Standard Contractual Clauses"]),
    ],
)  # fmt: skip
def test_what_a_sentence_asserts_sixth_sample(text, kind, values):
    assert facts(text, kind) == sorted(values)


def test_a_framework_capitalised_is_not_new():
    old = "# Policy\n\n## Transfers\n\nWe may rely on standard contractual clauses.\n"
    new = "# Policy\n\n## Transfers\n\nWe may rely on Standard Contractual Clauses.\n"
    assert document_facts(old, new) == []


def test_an_email_a_pdf_spaced_out_is_still_stated():
    old = "# Terms\n\n## Contact\n\nWrite to us by email at sales - team@help - desk.example.\n"
    new = "# Terms\n\n## Contact\n\nWrite to us by email at sales-team@help-desk.example.\n"
    assert document_facts(old, new) == []


def test_a_liability_cap_written_another_way_is_unchanged():
    old = "# Terms\n\n## Liability\n\nOur liability shall not exceed USD 1,000.00 in total.\n"
    new = "# Terms\n\n## Liability\n\nOur liability shall not exceed US$1000.00 in total.\n"
    assert document_facts(old, new) == []


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        ("[![Trust Seal](https://cdn.example/seal.png)](https://seal.example/verify \"Click "
         "to verify our BBB accreditation.\")", "third_party", []),
        ("We do not sell personal data for the purpose of training large language models.",
         "practice", []),
        ("We do not sell personal data to train AI models.", "practice", []),
        ("We do not sell your personal data.", "practice", ["sells personal information: no"]),
        ("When you connect your Gmail account, we receive your contacts from it.",
         "third_party", ["Google"]),
    ],
)  # fmt: skip
def test_what_a_sentence_asserts_seventh_sample(text, kind, values):
    assert facts(text, kind) == sorted(values)


def test_arbitration_still_agreed_in_other_words_is_not_removed():
    old = "# Terms\n\n## Disputes\n\nYou agree to binding arbitration of any dispute.\n"
    new = "# Terms\n\n## Disputes\n\nThese Terms include a mandatory arbitration provision.\n"
    assert document_facts(old, new) == []


def test_portability_offered_in_other_words_is_not_new():
    old = (
        "# Policy\n\n## Your data\n\nYou can download a copy of your data and take it with "
        "you to another service.\n"
    )
    new = "# Policy\n\n## Your data\n\nYou have the right to access your data and to portability.\n"
    assert [fact for fact in document_facts(old, new) if fact[0] == "user_right"] == []
