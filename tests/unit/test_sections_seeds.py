"""Section trees of the five seeds: the headings a reader sees, no more, no fewer, with levels."""

from __future__ import annotations

import pytest

from conftest import BALENA, DOTCLOUD, MESOSPHERE_2016, MESOSPHERE_2018, MIXPANEL
from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.sections import parse_document


def outline(path):
    document = parse_document(ingest_bytes(path.read_bytes(), name=path.name).text)
    return document, [(section.level, section.title) for section in document.sections]


def test_mesosphere_2016_markdown_questions():
    document, headings = outline(MESOSPHERE_2016)
    assert headings == [
        (1, "What does this Privacy Policy cover?"),
        (1, "Will this Privacy Policy ever change?"),
        (1, "What Information does Mesosphere Collect?"),
        (2, "Information You Provide to Us"),
        (2, "Information Collected Automatically"),
        (1, "Will Mesosphere Share Any of the Personal Information it Receives?"),
        (1, "Is Personal Information about me secure?"),
        (1, "What Personal Information can I access?"),
        (1, "What choices do I have?"),
        (1, "What if I have questions about this policy?"),
    ]
    assert document.preamble.startswith("Effective date: April 19, 2016")


def test_mesosphere_2018_contents_and_missing_heading():
    document, headings = outline(MESOSPHERE_2018)
    assert document.title == "Privacy Policy - Mesosphere"
    assert headings == [
        (1, "QUICK LINKS"),
        (1, "ABOUT MESOSPHERE"),
        (1, "WHAT INFORMATION DOES MESOSPHERE COLLECT?"),
        (1, "HOW WILL MESOSPHERE USE THE INFORMATION IT RECEIVES?"),
        (1, "HOW WILL MESOSPHERE SHARE YOUR PERSONAL INFORMATION?"),
        (1, "INTERNATIONAL DATA TRANSFERS"),
        (1, "SECURITY"),
        (1, "DATA RETENTION"),
        (1, "YOUR RIGHTS"),
        (1, "COOKIES AND SIMILAR TRACKING TECHNOLOGIES"),
        (1, "THIRD PARTY WEBSITES"),
        (1, "CHILDREN"),
        (1, "ADDITIONAL INFORMATION FOR RESIDENTS OF THE EEA"),
        (2, "Legal Basis For Processing Your Information"),
        (2, "Your Data Protection Rights"),
        (1, "WILL MESOSPHERE EVER CHANGE THIS PRIVACY NOTICE?"),
        (1, "CONTACT US"),
    ]
    recovered = [section for section in document.sections if section.recovered]
    assert [section.title for section in recovered] == [
        "HOW WILL MESOSPHERE SHARE YOUR PERSONAL INFORMATION?"
    ]
    assert recovered[0].text.startswith("We neither rent nor sell your personal information")
    assert any("no heading in the body" in warning for warning in document.warnings)
    quick_links = document.sections[0]
    assert "INTERNATIONAL DATA TRANSFERS" in quick_links.text  # contents lines stay as text
    assert [section.title for section in document.sections if section.contents] == ["QUICK LINKS"]


def test_dotcloud_numbered_and_run_in_subsections():
    document, headings = outline(DOTCLOUD)
    assert document.title == "dotCloud - Privacy"
    titles = [title for _, title in headings]
    assert titles == [
        "Website Covered", "Information Collected", "Use of Information Collected", "Website Navigational Information",
        "Cookies", "Web Beacons", "Flash Cookies", "IP Addresses", "Third Party Cookies",
        "Public Forums, Refer a Friend, and Customer Testimonials", "Sharing of Information Collected",
        "Users from outside the United States", "Communications Preferences; Opt Out Policy",
        "Correcting and Updating Your Information", "Security", "Change of Control",
        "US-EU and US-Swiss Safe Harbor Framework", "Contacting Us",
    ]  # fmt: skip
    cookies = document.sections[4]
    assert (cookies.level, cookies.number, cookies.parent) == (
        2,
        "4.1",
        "website-navigational-information",
    )
    assert cookies.text.startswith("dotCloud may use cookies")


def test_balena_setext_case_hierarchy_duplicates_and_table():
    document, headings = outline(BALENA)
    assert headings[:4] == [
        (1, "SCOPE"), (1, "PERSONAL INFORMATION WE COLLECT"),
        (2, "Information You Provide to Us"), (2, "Information You Provide to Us"),
    ]  # fmt: skip
    ids = [section.id for section in document.sections]
    assert len(ids) == len(set(ids))
    assert "personal-information-we-collect/information-you-provide-to-us-2" in ids
    titles = [title for _, title in headings]
    assert "clock" not in document.preamble.split("\n")[0]
    for cell in ("Category", "Examples", "Collected", "Identifiers", "Yes", "No"):
        assert cell not in titles
    assert (2, "“Do Not Track”") in headings
    assert (2, "Sales of Personal Information") in headings
    assert headings[-2:] == [(1, "CHANGES TO OUR PRIVACY POLICY"), (1, "CONTACT US")]
    assert [title for _, title in headings] == [
        "SCOPE", "PERSONAL INFORMATION WE COLLECT", "Information You Provide to Us", "Information You Provide to Us",
        "HOW WE USE YOUR INFORMATION", "DISCLOSING YOUR INFORMATION TO THIRD PARTIES", "YOUR CHOICES", "General",
        "Opt-Out", "Modifying Your Information", "Email and Telephone Communications", "“Do Not Track”",
        "Cookies and Interest-Based Advertising", "YOUR PRIVACY RIGHTS", "INTERNATIONAL DATA TRANSFERS",
        "DATA RETENTION", "SECURITY", "CHILDREN'S INFORMATION", "SUPERVISORY AUTHORITY", "CALIFORNIA PRIVACY",
        "Information We Collect", "Categories of Sources from Which Personal Information is Collected",
        "Business or Commercial Purposes for Collecting Personal Information",
        "Disclosures of Personal Information for a Business Purpose", "Sales of Personal Information",
        "CHANGES TO OUR PRIVACY POLICY", "CONTACT US",
    ]  # fmt: skip


def test_mixpanel_sentence_lines_separators_and_glued_headings():
    document, headings = outline(MIXPANEL)
    assert headings == [
        (1, "INFORMATION WE COLLECT"),
        (1, "HOW WE USE INFORMATION WE COLLECT"),
        (1, "SHARING OF PERSONAL INFORMATION"),
        (2, "Information You Share"),
        (2, "Information We Share"),
        (1, "Personal Information Security"),
        (1, "CHILDREN"),
        (1, "YOUR INFORMATION CHOICES AND CHANGES"),
        (1, "CHANGES TO THIS POLICY"),
        (1, "Contacting Mixpanel and Dispute Resolution"),
        (1, "QUESTIONS"),
    ]
    assert "==========" not in "".join(section.text for section in document.sections)


@pytest.mark.parametrize(
    "seed", [MESOSPHERE_2016, MESOSPHERE_2018, DOTCLOUD, BALENA, MIXPANEL], ids=lambda p: p.name[:3]
)
def test_ids_are_unique_and_parents_exist(seed):
    document, _ = outline(seed)
    ids = [section.id for section in document.sections]
    assert len(ids) == len(set(ids))
    for section in document.sections:
        assert section.parent is None or section.parent in ids
