"""Small hand-made documents for heading layouts the five seeds do not show."""

from __future__ import annotations

from textwrap import dedent

from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.sections import parse_document


def parse(text: str):
    document = parse_document(dedent(text).lstrip("\n"))
    return document, [(section.level, section.title) for section in document.sections]


def texts(document) -> dict[str, str]:
    return {section.id: section.text for section in document.sections}


def test_numbered_decimal_and_lettered_headings_nest():
    document, headings = parse(
        """
        Acme Privacy Policy

        1. Information We Collect

        We collect things you give us.

        1.1 Account Data

        Your name and email.

        1.2 Usage Data

        Pages you visit.

        (a) Server Logs

        Server logs are kept.

        2. How We Use Information

        To run the service.
        """
    )
    assert document.title == "Acme Privacy Policy"
    assert headings == [
        (1, "Information We Collect"),
        (2, "Account Data"),
        (2, "Usage Data"),
        (3, "Server Logs"),
        (1, "How We Use Information"),
    ]
    assert [section.number for section in document.sections] == ["1", "1.1", "1.2", "(a)", "2"]
    logs = document.sections[3]
    assert logs.id == "information-we-collect/usage-data/server-logs"
    assert logs.parent == "information-we-collect/usage-data"
    assert logs.text == "Server logs are kept."


def test_article_headings():
    document, headings = parse(
        """
        Article 1 Scope

        This applies to all users of the service.

        Article 2 Definitions

        Words mean things in this document.

        Article 3 Your Rights

        You can ask for a copy of your data.
        """
    )
    assert headings == [(1, "Scope"), (1, "Definitions"), (1, "Your Rights")]
    rights = document.sections[2]
    assert rights.id == "your-rights"
    assert rights.number.endswith("3")
    assert rights.text == "You can ask for a copy of your data."


def test_roman_numeral_headings_are_siblings():
    document, headings = parse(
        """
        I. Introduction

        We respect your privacy.

        II. Data We Collect

        Names and email addresses.

        III. Changes

        We may change this policy.

        IV. Contact

        Write to privacy@example.com.

        V. Governing Law

        The law of England applies.
        """
    )
    assert headings == [
        (1, "Introduction"),
        (1, "Data We Collect"),
        (1, "Changes"),
        (1, "Contact"),
        (1, "Governing Law"),
    ]
    assert [section.number for section in document.sections] == ["I", "II", "III", "IV", "V"]
    assert all(section.parent is None for section in document.sections)


HTML_PAGE = b"""<!DOCTYPE html><html><body>
<h1>Acme Privacy Policy</h1><p>Intro paragraph.</p>
<h2>Data We Collect</h2><p>Names and emails.</p>
<h3>Cookies</h3><p>We use cookies.</p>
<h3>Logs</h3><p>Server logs.</p>
<h2>Contact</h2><p>Write to us.</p>
</body></html>"""


def test_html_h1_to_h3_headings():
    document = parse_document(ingest_bytes(HTML_PAGE, name="page.html").text)
    assert document.title == "Acme Privacy Policy"
    assert document.preamble == "Intro paragraph."
    assert [(s.level, s.title) for s in document.sections] == [
        (1, "Data We Collect"),
        (2, "Cookies"),
        (2, "Logs"),
        (1, "Contact"),
    ]
    assert texts(document)["data-we-collect/cookies"] == "We use cookies."


def test_html_bold_paragraph_pseudo_headings():
    page = b"""<html><body><h1>Acme Privacy Policy</h1><p>Intro paragraph.</p>
    <p><strong>Data We Collect</strong></p><p>Names and emails.</p>
    <p><strong>Your Rights</strong></p><p>You can ask us.</p>
    <p><b>Contact Us</b></p><p>Write to us.</p></body></html>"""
    document = parse_document(ingest_bytes(page, name="page").text)
    assert document.title == "Acme Privacy Policy"
    assert [(s.level, s.title) for s in document.sections] == [
        (1, "Data We Collect"),
        (1, "Your Rights"),
        (1, "Contact Us"),
    ]
    assert texts(document)["your-rights"] == "You can ask us."


def test_atx_heading_with_trailing_colon():
    document, headings = parse(
        """
        # Acme Privacy Policy

        Intro text here.

        ## What we collect:

        Names and emails.

        ## Your rights:

        You can ask us.
        """
    )
    assert headings == [(1, "What we collect"), (1, "Your rights")]
    assert texts(document) == {
        "what-we-collect": "Names and emails.",
        "your-rights": "You can ask us.",
    }


def test_all_caps_heading_with_trailing_colon():
    document, headings = parse(
        """
        We care about privacy and this text explains how.

        WHAT WE COLLECT:

        Names and emails.

        YOUR RIGHTS:

        You can ask us for your data.
        """
    )
    assert headings == [(1, "WHAT WE COLLECT"), (1, "YOUR RIGHTS")]
    assert document.preamble == "We care about privacy and this text explains how."
    assert texts(document)["your-rights"] == "You can ask us for your data."


def test_no_headings_puts_everything_in_the_preamble():
    # compare.py treats the preamble as a pseudo-section, so nothing is lost to a diff.
    text = (
        "We collect your name when you sign up for an account with us.\n\n"
        "We use it to send you receipts and nothing else, ever.\n"
    )
    document = parse_document(text)
    assert document.sections == ()
    assert document.title == ""
    assert document.preamble == text.strip()
    assert document.warnings == ()


def test_very_long_single_line_is_body_text():
    line = "We collect data about you. " * 4000
    document = parse_document(line)
    assert document.sections == ()
    assert document.preamble == line.strip()


def test_windows_line_endings():
    document, headings = parse(
        "# Privacy Policy\r\n\r\n## Data We Collect\r\n\r\nNames.\r\nEmails.\r\n\r\n"
        "Your Rights\r\n-----------\r\n\r\nAccess.\r\n"
    )
    assert headings == [(1, "Data We Collect"), (1, "Your Rights")]
    assert texts(document) == {"data-we-collect": "Names.\nEmails.", "your-rights": "Access."}
    assert "\r" not in document.preamble + "".join(texts(document).values())


def test_non_breaking_spaces_in_headings():
    document, headings = parse(
        "# Privacy\u00a0Policy\n\n## Data\u00a0We\u00a0Collect\n\nNames.\n\n"
        "## 2.\u00a0Your\u00a0Rights\n\nAccess.\n"
    )
    assert document.title == "Privacy Policy"
    assert headings == [(1, "Data We Collect"), (1, "Your Rights")]
    assert [section.id for section in document.sections] == ["data-we-collect", "your-rights"]


def test_numbered_sentences_in_body_are_not_headings():
    document, headings = parse(
        """
        # Privacy Policy

        ## Information We Collect

        We collect the following:

        1. We collect your name.
        2. We collect your email address.

        3. We collect your IP address.

        4. We collect your device identifiers.

        ## Sharing

        We do not sell data.
        """
    )
    assert headings == [(1, "Information We Collect"), (1, "Sharing")]
    collected = texts(document)["information-we-collect"]
    assert "1. We collect your name." in collected
    assert collected.endswith("4. We collect your device identifiers.")


def test_loose_numbered_list_after_a_colon_is_not_headings():
    document, headings = parse(
        """
        # Privacy Policy

        ## Information We Collect

        We collect the following:

        1. Your name

        2. Your email address

        3. Your phone number

        We keep them for one year.

        ## Sharing

        We do not sell data.
        """
    )
    assert headings == [(1, "Information We Collect"), (1, "Sharing")]
    assert texts(document)["information-we-collect"].endswith("We keep them for one year.")


def test_markdown_link_list_contents_is_not_sections():
    document, headings = parse(
        """
        # Privacy Policy

        - [Introduction](#introduction)
        - [Data We Collect](#data-we-collect)
        - [Your Rights](#your-rights)

        ## Introduction

        Hello there, this is our policy.

        ## Data We Collect

        Names and emails.

        ## Your Rights

        Ask us anything.
        """
    )
    assert headings == [(1, "Introduction"), (1, "Data We Collect"), (1, "Your Rights")]
    assert "- [Your Rights](#your-rights)" in document.preamble
    assert not any(section.recovered for section in document.sections)
    assert texts(document)["introduction"] == "Hello there, this is our policy."


def test_bold_run_in_labels_stay_body_text():
    document, headings = parse(
        """
        # Privacy Policy

        ## Sharing

        **Our Agents:** We employ other companies to perform tasks on our behalf.

        **Legal Requests:** We may disclose information when the law requires it.

        ## Contact

        Email us.
        """
    )
    assert headings == [(1, "Sharing"), (1, "Contact")]
    sharing = texts(document)["sharing"]
    assert sharing.startswith("**Our Agents:** We employ")
    assert "**Legal Requests:** We may disclose" in sharing


def test_last_updated_heading_is_not_a_section():
    document, headings = parse(
        """
        # Acme Privacy Policy

        #### Last Updated: May 1, 2020

        Welcome to Acme.

        ## Data

        We collect data.

        ## Contact

        Email us.
        """
    )
    assert document.title == "Acme Privacy Policy"
    assert headings == [(1, "Data"), (1, "Contact")]
    assert "Last Updated: May 1, 2020" in document.preamble
    assert document.preamble.endswith("Welcome to Acme.")


def test_setext_headings():
    document, headings = parse(
        """
        Acme Privacy Policy
        ===================

        Intro text for the policy.

        Information We Collect
        ----------------------

        Names.

        Your Rights
        -----------

        Access.
        """
    )
    assert document.title == "Acme Privacy Policy"
    assert document.preamble == "Intro text for the policy."
    assert headings == [(1, "Information We Collect"), (1, "Your Rights")]
    assert texts(document) == {"information-we-collect": "Names.", "your-rights": "Access."}


def test_duplicate_titles_get_distinct_ids():
    document, headings = parse(
        """
        # Privacy Policy

        ## Europe

        ### Your Rights

        EU rights.

        ## California

        ### Your Rights

        CA rights.

        ## Europe

        More Europe.
        """
    )
    assert headings == [
        (1, "Europe"),
        (2, "Your Rights"),
        (1, "California"),
        (2, "Your Rights"),
        (1, "Europe"),
    ]
    assert [section.id for section in document.sections] == [
        "europe",
        "europe/your-rights",
        "california",
        "california/your-rights",
        "europe-2",
    ]
    assert texts(document)["europe-2"] == "More Europe."


def test_text_before_the_title_heading_is_kept():
    document, headings = parse(
        """
        Last updated: May 1, 2020

        # Acme Privacy Policy

        ## Data

        We collect data.
        """
    )
    assert document.title == "Acme Privacy Policy"
    assert headings == [(1, "Data")]
    assert "Last updated: May 1, 2020" in document.preamble


def test_a_link_list_naming_the_sections_is_a_table_of_contents():
    document, _ = parse(
        """
        # Privacy Notice

        ## On this page

        - [Who we are](#who)
        - [What we collect](#collect)
        - [Your choices](#choices)

        ## Who we are

        Acme Ltd runs the shop.

        ## What we collect

        Your name, the items you order and your delivery address.

        ## Your choices

        - You can close your account.
        - You can ask for a copy of your data.
        - You can stop marketing e-mails.
        """
    )
    assert [section.title for section in document.sections if section.contents] == ["On this page"]


def test_a_contents_list_whose_line_breaks_were_lost_is_still_one():
    document, _ = parse(
        """
        ## Who we are

        Acme Ltd runs the shop.

        ## What we collect

        Your name, the items you order and your delivery address.

        ## Your choices

        You can close your account or ask for a copy of your data.

        ## Table of contents

        [*   Who we are](#who)[*   What we collect](<#What we collect>)[*   Your choices](#choices)
        """
    )
    assert [section.title for section in document.sections if section.contents] == [
        "Table of contents"
    ]


def test_a_paragraph_of_links_and_words_is_not_a_contents_list():
    document, _ = parse(
        """
        ## Who we are

        Acme Ltd runs the shop.

        ## What we collect

        Your name and your delivery address.

        ## Partners

        We send orders to [Who we are](#who) and [What we collect](#collect) and [Post](#p).
        """
    )
    assert not any(section.contents for section in document.sections)


def test_a_list_that_repeats_one_title_is_not_a_table_of_contents():
    document, _ = parse(
        """
        ## Sharing

        We share data with payment processors.

        ## Your choices

        - Sharing
        - Marketing e-mails
        - Cookies in your browser
        """
    )
    assert not any(section.contents for section in document.sections)


def test_sentence_case_headings_in_plain_text():
    document, headings = parse(
        """
        Hawthorn Energy Privacy Policy

        Who we are

        Hawthorn Energy Limited supplies renewable electricity in England and Wales and is
        the data controller of your personal data.

        How long we keep it

        We keep your account records for six years after you leave us, as HMRC requires.

        Who we share it with

        We share meter data with your network operator and the Data Communications Company.

        Children Under 16

        Our services are not meant for children under 16 and we do not collect their data.
        """
    )
    assert document.title == "Hawthorn Energy Privacy Policy"
    assert [title for _, title in headings] == [
        "Who we are",
        "How long we keep it",
        "Who we share it with",
        "Children Under 16",
    ]


def test_one_or_two_short_lines_are_not_sentence_case_headings():
    _, headings = parse(
        """
        Acme Privacy Policy

        Thank you for trusting us

        We collect your name and e-mail address when you sign up, and nothing else at all.

        Questions are welcome
        """
    )
    assert headings == []


def test_a_postcode_on_its_own_line_is_not_a_heading():
    _, headings = parse(
        """
        1. Contact

        Write to The Data Protection Officer, Hawthorn Energy Limited, 12 Cathedral Road,
        Cardiff,
        CF11 9LJ.
        """
    )
    assert [title for _, title in headings] == ["Contact"]


def test_organisation_over_document_name_is_the_title():
    document, headings = parse(
        """
        CORVID FREIGHT SOLUTIONS LTD
        PRIVACY NOTICE

        Effective Date: 1 June 2020

        1. INTRODUCTION

        Corvid operates the shipment tracking portal.

        2. CONTACT

        Write to privacy@corvid.example.
        """
    )
    assert document.title == "PRIVACY NOTICE - CORVID FREIGHT SOLUTIONS LTD"
    assert [title for _, title in headings] == ["INTRODUCTION", "CONTACT"]


def test_articles_nest_under_their_part():
    _, headings = parse(
        """
        Terms of Service

        PART I — GENERAL PROVISIONS

        Article 1 — Definitions

        "Service" means the platform.

        Article 2 — Acceptance

        By creating an account you accept these terms.

        PART II — PERSONAL DATA

        Article 3 — Data Collected

        We collect your name.
        """
    )
    levels = [level for level, _ in headings]
    assert levels == [1, 2, 2, 1, 2]


ACCORDION = """
    Hopper Privacy Notice

    Hopper Ltd explains here how it handles the personal data of its riders.

    * Who we are

        Hopper Ltd runs the Hopper scooter service and decides how your data is used.

    * What we collect

        We collect your name, your phone number and the routes of the rides you take.

        **Ride data**

        Each ride's start, end and duration are kept with your account for billing.

    * How long we keep it

        We keep ride records for two years after your last ride, then delete them.
    """


def test_a_list_whose_items_are_titles_over_paragraphs_is_the_policys_sections():
    document, headings = parse(ACCORDION)
    assert headings == [
        (1, "Who we are"),
        (1, "What we collect"),
        (2, "Ride data"),
        (1, "How long we keep it"),
    ]
    assert texts(document)["how-long-we-keep-it"].startswith("We keep ride records")


def test_a_list_with_one_item_over_a_paragraph_stays_a_list():
    _, headings = parse(
        """
        Hopper Privacy Notice

        ## Your choices

        You can choose what we send you:

        * Newsletters

            A monthly letter about new cities and prices, which you can stop at any time.

        * Ride receipts
        * Safety alerts
        """
    )
    assert headings == [(1, "Your choices")]


def test_items_that_are_sentences_or_lists_of_links_are_not_sections():
    _, headings = parse(
        """
        Hopper Privacy Notice

        ## Sharing

        * We share ride data with insurers.

            Insurers receive the start, end and duration of a ride when a claim is made.

        * We share payment data with banks.

            Banks receive the amount and the card number when you pay for a ride with us.

        * We share nothing else.

            No other company receives personal data from us for any purpose at all, ever.

        ## Links

        * Help centre
            * Contact
        * Careers
            * Jobs
        * Press
            * Releases
        """
    )
    assert headings == [(1, "Sharing"), (1, "Links")]


def test_a_title_and_one_marked_heading_leave_plain_title_lines_headings():
    _, headings = parse(
        """
        Hopper Terms of Use
        ===================

        ### Welcome to Hopper

        These terms apply to every ride you take with a Hopper scooter in any city.

        Appendix A (France)

        Riders in France must also carry the insurance certificate shown in the app.

        Summary of Recent Changes

        We added the French appendix and clarified the rules on parking in parks.
        """
    )
    assert [title for _, title in headings] == [
        "Welcome to Hopper",
        "Appendix A (France)",
        "Summary of Recent Changes",
    ]
