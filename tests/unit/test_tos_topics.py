"""Terms of service get contract-clause topics (CLAUDETTE / UNFAIR-ToS), never privacy ones."""

from __future__ import annotations

import pytest

from tracker.analysis.meaning import classify_topic
from tracker.analysis.meaning.topics import topics_of

TERMS = "terms_of_service"


@pytest.mark.parametrize(
    ("title", "text", "topic"),
    [
        (
            "Limitation of Liability",
            "In no event shall Quillpad be liable for any indirect, incidental or consequential "
            "damages; our total liability is limited to the fees you paid in the last year.",
            "limitation_of_liability",
        ),
        (
            "Indemnity",
            "You agree to indemnify and hold Quillpad harmless from any claim arising from your "
            "use of the service or your breach of these terms.",
            "limitation_of_liability",
        ),
        (
            "One Year Limitation Period",
            "Any claim arising out of these terms must be brought within one (1) year after it "
            "arose, or it is permanently barred.",
            "disputes",
        ),
        (
            "Exclusive Venue",
            "Any dispute not subject to arbitration shall be brought exclusively in the state or "
            "federal courts located in Multnomah County, Oregon, and you consent to their "
            "jurisdiction and venue.",
            "jurisdiction",
        ),
        (
            "Copyright Protection",
            "We respect intellectual property. If you believe content infringes your copyright, "
            "send a DMCA notice to our designated agent.",
            "intellectual_property",
        ),
        (
            "Governing Law",
            "These terms are governed by the laws of the State of Oregon, without regard to its "
            "conflict of laws rules.",
            "choice_of_law",
        ),
        (
            "Binding Arbitration",
            "You and Quillpad agree to resolve disputes by binding individual arbitration and "
            "waive the right to a jury trial or to join a class action.",
            "arbitration",
        ),
        (
            "Changes to These Terms",
            "We may modify these terms at any time; your continued use after we post the changes "
            "means you accept them.",
            "unilateral_change",
        ),
        (
            "Termination",
            "We may suspend or terminate your account at any time, without notice, if you break "
            "these terms.",
            "unilateral_termination",
        ),
        (
            "Acceptance",
            "By using Quillpad you agree to be bound by these terms. If you do not agree, do not "
            "use the service.",
            "contract_by_using",
        ),
        (
            "Fees and Payment",
            "Subscriptions renew monthly; fees are charged to your card and are non-refundable "
            "except where the law requires a refund.",
            "payment",
        ),
    ],
)
def test_clauses_get_contract_topics(title, text, topic):
    assert classify_topic(title, text, TERMS)[0] == topic


def test_no_privacy_topic_on_terms():
    terms_topics = set(topics_of(TERMS))
    assert "third_party_sharing" not in terms_topics and "data_retention" not in terms_topics
    assert {"limitation_of_liability", "arbitration", "other"} <= terms_topics


def test_a_privacy_policy_keeps_its_vocabulary():
    text = "We share your personal information with service providers who process it for us."
    assert classify_topic("Sharing", text)[0] == "third_party_sharing"
