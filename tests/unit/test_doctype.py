"""Document types: a name says it first (file, slug, Open Terms Archive type, title), then words."""

from __future__ import annotations

import pytest

from tracker.analysis.doctype import document_type, named_first, named_type
from tracker.analysis.sections import parse_document
from tracker.model import DocumentType


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Terms of Service", DocumentType.TERMS_OF_SERVICE),
        ("acme/terms-and-conditions", DocumentType.TERMS_OF_SERVICE),
        ("Conditions générales d'utilisation", DocumentType.TERMS_OF_SERVICE),
        ("acme/privacy-policy", DocumentType.PRIVACY_POLICY),
        ("Privacy and Cookie Policy", DocumentType.PRIVACY_POLICY),
        ("cookie-policy.md", DocumentType.COOKIE_POLICY),
        ("Community Guidelines", DocumentType.COMMUNITY_GUIDELINES),
        ("acme/acceptable-use", DocumentType.COMMUNITY_GUIDELINES),
        ("policy.md", None),
        ("2024-05-03.html", None),
    ],
)
def test_a_name_says_the_type(name, kind):
    assert named_type(name) == kind


def test_without_a_telling_name_the_words_say_it():
    terms = (
        "These terms are an agreement. Our liability is limited; disputes go to arbitration. " * 3
    )
    assert document_type("Welcome", terms) == DocumentType.TERMS_OF_SERVICE
    assert document_type("Welcome", "Hello there.") == DocumentType.OTHER


def test_a_parsed_document_carries_its_type_and_a_slug_overrides_it():
    document = parse_document("# Acme Privacy Notice\n\nWe process personal data with care.")
    assert document.document_type == DocumentType.PRIVACY_POLICY
    assert named_first(document.document_type, "acme/terms-of-use") == DocumentType.TERMS_OF_SERVICE
    assert named_first(document.document_type, "acme/page", None) == DocumentType.PRIVACY_POLICY
