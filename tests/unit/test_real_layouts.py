"""Hand-made documents in layouts real policy pages come in (after HTML-to-Markdown conversion).

Each text here is invented; only its shape is taken from the web: setext headings inside list
items, bold numbered titles, headings that switch style halfway, bold-line contents lists, titles
glued to their dates, change logs, language pickers and page chrome.
"""

from __future__ import annotations

import datetime as dt
from textwrap import dedent

import pytest

from tracker.analysis.dates import find_effective_date
from tracker.analysis.sections import parse_document


def parse(text: str):
    return parse_document(dedent(text).lstrip("\n"))


def titles(document) -> list[str]:
    return [section.title for section in document.sections]


def by_title(document) -> dict:
    return {section.title: section for section in document.sections}


def words(text: str) -> str:
    return " ".join(text.split())


# 1. Setext headings inside numbered list items ----------------------------------------------

SETEXT_IN_LIST = r"""
Lanternfish Labs Privacy Policy

1.  1\. Information We Collect
    {under_1}

    We collect the name and email address you give us when you open an account.

2.  2\. How We Use It
    {under_2}

    We use your details to run the service and to answer your support requests.

3.  3\. Your Rights
    {under_3}

    You can ask us for a copy of your data or ask us to delete it.
"""


@pytest.mark.parametrize("underline", ["-", "="])
def test_setext_headings_inside_numbered_list_items_are_sections(underline):
    text = SETEXT_IN_LIST.format(
        under_1=underline * 26, under_2=underline * 17, under_3=underline * 15
    )
    document = parse(text)
    assert titles(document) == ["Information We Collect", "How We Use It", "Your Rights"]
    assert [section.number for section in document.sections] == ["1", "2", "3"]
    assert len({section.level for section in document.sections}) == 1
    assert all(section.parent is None for section in document.sections)
    first = document.sections[0]
    assert words(first.text) == (
        "We collect the name and email address you give us when you open an account."
    )


# 2. Numbered list items whose whole text is a bold title --------------------------------------

BOLD_ITEM_TITLES = [
    "Your Account Is Personal",
    "Acceptable Use",
    "Payment and Billing",
    "Content You Post",
    "Our Intellectual Property",
    "Termination",
    "Limitation of Liability",
    "Governing Law",
]


def bold_numbered_document(case, indent: str) -> str:
    blocks = ["Orchard Cloud Terms of Use", "Please read these terms before you use Orchard."]
    for number, title in enumerate(BOLD_ITEM_TITLES, 1):
        blocks.append(f"{number}. **{case(title)}**")
        blocks.append(
            f"{indent}These are the rules about {title.lower()} that apply to every user of "
            "Orchard Cloud, whatever plan they are on."
        )
        blocks.append(f"{indent}If anything here is unclear, write to legal@orchard.example.")
    return "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize("case", [str.upper, str], ids=["caps", "title-case"])
@pytest.mark.parametrize("indent", ["", "   "], ids=["flush", "indented"])
def test_numbered_bold_title_items_are_sections(case, indent):
    document = parse_document(bold_numbered_document(case, indent))
    assert titles(document) == [case(title) for title in BOLD_ITEM_TITLES]
    assert [section.number for section in document.sections] == [str(n) for n in range(1, 9)]
    assert len({section.level for section in document.sections}) == 1
    last = document.sections[-1]
    assert "write to legal@orchard.example" in last.text
    assert "**" not in last.title


@pytest.mark.parametrize("separator", ["\n", "\n\n"], ids=["tight", "loose"])
def test_numbered_bold_lead_sentences_are_not_sections(separator):
    items = separator.join(
        [
            "1. **Email.** We send receipts and service notices to your address.",
            "2. **Text messages.** If you opt in, we text you delivery updates.",
            "3. **Push notifications.** Our app can show alerts on your phone.",
        ]
    )
    text = (
        "# Orchard Privacy Policy\n\n## How We Contact You\n\nWe may contact you in these ways:"
        f"\n\n{items}\n\n## Your Choices\n\nYou can opt out of marketing at any time.\n"
    )
    document = parse_document(text)
    assert titles(document) == ["How We Contact You", "Your Choices"]
    assert "**Text messages.** If you opt in" in document.sections[0].text


# 3. Plain-line headings after a run of `##` headings -----------------------------------------

SWITCHING_STYLE = """
# Bramble Books Privacy Policy

Bramble Books runs an online shop for second-hand books and this policy explains what we do
with your personal information.

## Information We Collect

We collect your name, delivery address and the books you order from us.

## How We Use Information

We use your information to deliver your orders and to tell you when they ship.

Sharing Your Information

We share your delivery address with the courier that brings your parcel and with nobody else.

Data Retention

We keep order records for six years because tax law requires it, then we delete them.

Children's Privacy

Our shop is not meant for children and we do not knowingly collect their information.
"""

SWITCHING_TITLES = [
    "Information We Collect",
    "How We Use Information",
    "Sharing Your Information",
    "Data Retention",
    "Children's Privacy",
]


def test_plain_line_headings_after_atx_headings_are_sections():
    document = parse(SWITCHING_STYLE)
    assert titles(document) == SWITCHING_TITLES
    assert len({section.level for section in document.sections}) == 1
    assert all(section.parent is None for section in document.sections)
    assert by_title(document)["Data Retention"].text.startswith("We keep order records")


@pytest.mark.parametrize("separator", ["\n", "\n\n"], ids=["line-breaks", "paragraphs"])
def test_address_block_lines_are_not_sections(separator):
    address = separator.join(
        ["Bramble Books Limited", "Attn: Privacy Team", "123 Main Street", "Springfield, IL 62701"]
    )
    text = (
        dedent(SWITCHING_STYLE).lstrip("\n")
        + "\nContact Us\n\nIf you have any questions about this policy, please write to us at:\n\n"
        + address
        + "\n\nWe answer every letter within thirty days of receiving it.\n"
    )
    document = parse_document(text)
    assert not {"Bramble Books Limited", "Attn: Privacy Team", "123 Main Street"} & set(
        titles(document)
    )
    assert titles(document) == [*SWITCHING_TITLES, "Contact Us"]
    contact = by_title(document)["Contact Us"]
    assert "Bramble Books Limited" in contact.text
    assert contact.text.endswith("within thirty days of receiving it.")


# 4. Bold-line headings beside bold notices and tables with bold cells ------------------------

NOTICES = [
    "**IMPORTANT: PLEASE READ THIS AGREEMENT CAREFULLY. BY USING THE SERVICE YOU AGREE TO BE "
    "BOUND BY THESE TERMS.**",
    "**By accessing or using Quillpost you agree to these Terms. If you do not agree, do not use "
    "the Service.**",
]


@pytest.mark.parametrize("notice", NOTICES, ids=["caps", "sentence"])
def test_bold_line_headings_beside_bold_notice_and_table(notice):
    text = f"""\
# Quillpost Terms and Privacy

{notice}

**Information We Collect**

We collect the categories of personal information in the table below.

| **Category** | **Examples** |
| --- | --- |
| **Identifiers** | Name, email address |
| **Device Data** | IP address, browser type |

**Sharing Your Information**

We share information with hosting providers who store it for us.

**Your Choices**

You can change your email preferences in your account settings.
"""
    document = parse_document(text)
    assert titles(document) == [
        "Information We Collect",
        "Sharing Your Information",
        "Your Choices",
    ]
    assert notice.strip("*")[:40] in document.preamble
    collected = by_title(document)["Information We Collect"].text
    assert "| **Identifiers** | Name, email address |" in collected


# 5. Letter and roman numbering nests by depth ------------------------------------------------


def test_letter_and_roman_numbering_nests_by_depth():
    document = parse(
        """
        Fenwick Health Privacy Policy

        1. Introduction

        Fenwick Health runs clinics and this policy covers patient data.

        2. Your Data

        This part explains what we do with your data.

        2.a. Collection

        We collect your medical history.

        2.b. Sharing

        We share records with your doctor.

        2.b.i. Processors

        Our processors store records for us.

        2.b.ii. Retention

        Processors keep records for ten years.

        2.c. Security

        Records are encrypted.

        2.d. Transfers Abroad

        Some records leave the country.

        2.d.i  Safeguards

        We use standard contractual clauses.

        2.d.ii  Collection

        Records collected abroad follow the same rules.

        3. Contact

        Write to dpo@fenwick.example.
        """
    )
    assert titles(document) == [
        "Introduction",
        "Your Data",
        "Collection",
        "Sharing",
        "Processors",
        "Retention",
        "Security",
        "Transfers Abroad",
        "Safeguards",
        "Collection",
        "Contact",
    ]
    numbers = [section.number for section in document.sections]
    assert numbers == ["1", "2", "2.a", "2.b", "2.b.i", "2.b.ii", "2.c", "2.d", "2.d.i", "2.d.ii", "3"]  # fmt: skip
    section = dict(zip(numbers, document.sections, strict=True))
    for child, parent in [("2.a", "2"), ("2.b", "2"), ("2.b.i", "2.b"), ("2.b.ii", "2.b"),
                          ("2.d.i", "2.d"), ("2.d.ii", "2.d")]:  # fmt: skip
        assert section[child].parent == section[parent].id, child
        assert section[child].level > section[parent].level, child
    assert section["2.b.i"].level == section["2.b.ii"].level == section["2.d.ii"].level
    assert section["1"].level == section["2"].level == section["3"].level
    assert section["3"].parent is None
    assert section["2.b.ii"].text == "Processors keep records for ten years."
    assert section["2.d.ii"].text == "Records collected abroad follow the same rules."


# 6. An empty ATX heading followed by its title on the next line ------------------------------


@pytest.mark.parametrize("marker", ["###", "### "], ids=["bare", "trailing-space"])
def test_empty_atx_heading_takes_the_next_line_as_title(marker):
    text = (
        "# Pebble Maps Privacy Policy\n\n"
        "## Information We Collect\n\nWe collect the places you search for.\n\n"
        f"{marker}\nCookies and Similar Technologies\n\n"
        "We use cookies to keep you signed in.\n\n"
        "## Your Rights\n\nYou can delete your search history.\n"
    )
    document = parse_document(text)
    assert titles(document) == [
        "Information We Collect",
        "Cookies and Similar Technologies",
        "Your Rights",
    ]
    cookies = document.sections[1]
    assert cookies.parent == document.sections[0].id
    assert cookies.level > document.sections[0].level
    assert cookies.text == "We use cookies to keep you signed in."
    assert document.sections[0].text == "We collect the places you search for."


# 7. A bold-line table of contents ------------------------------------------------------------

REAL_HEADINGS = [
    "Information We Collect and Why",
    "How We Use Your Information",
    "Your Choices and Rights",
    "Contact Us",
]


@pytest.mark.parametrize("separator", ["\n", "\n\n"], ids=["tight", "loose"])
@pytest.mark.parametrize("label", ["**Contents**", ""], ids=["labelled", "unlabelled"])
def test_bold_line_table_of_contents_is_not_a_run_of_empty_sections(separator, label):
    toc = separator.join(
        ["**Information We Collect**", "**How We Use Information**", "**Your Choices**",
         "**Contact**"]
    )  # fmt: skip
    head = f"{label}\n\n{toc}" if label else toc
    body = "\n\n".join(
        f"## {title}\n\nThis part of the policy is about {title.lower()} at Tidewater."
        for title in REAL_HEADINGS
    )
    text = f"# Tidewater Privacy Policy\n\nWelcome to Tidewater.\n\n{head}\n\n{body}\n"
    document = parse_document(text)
    assert [s.title for s in document.sections if not s.contents] == REAL_HEADINGS
    contents = [section for section in document.sections if section.contents]
    assert len(contents) <= 1
    assert all(section.text for section in document.sections if not section.contents)
    assert not any(section.parent for section in document.sections)


# 8. Junk around the structure ----------------------------------------------------------------

GLUED = [
    ("# Privacy PolicyLast Modified: {date}\n\n", "Privacy Policy"),
    ("Terms of ServiceEffective date: {date}\n\n", "Terms of Service"),
]


def glued_document(head: str, date: str) -> str:
    return (
        head.format(date=date)
        + "## Information We Collect\n\nWe collect your email address.\n\n"
        + "## Your Rights\n\nYou can ask for a copy of your data.\n"
    )


@pytest.mark.parametrize(("head", "title"), GLUED, ids=["atx-iso", "plain-long"])
def test_title_glued_to_its_date_is_split(head, title):
    document = parse_document(glued_document(head, "2022-12-16"))
    assert document.title == title
    assert titles(document) == ["Information We Collect", "Your Rights"]


@pytest.mark.parametrize(
    ("head", "date", "expected"),
    [
        ("# Privacy PolicyLast Modified: {date}\n\n", "2022-12-16", dt.date(2022, 12, 16)),
        ("Terms of ServiceEffective date: {date}\n\n", "March 3, 2021", dt.date(2021, 3, 3)),
    ],
    ids=["atx-iso", "plain-long"],
)
def test_date_glued_to_the_title_is_found(head, date, expected):
    found = find_effective_date(glued_document(head, date))
    assert found is not None
    assert (found.value, found.precision) == (expected, "day")


@pytest.mark.parametrize(
    "head",
    [
        "# Privacy PolicyLast Modified: {date}\n\n",
        "Terms of ServiceEffective date: {date}\n\n",
        "# Juniper Games\n\n## Privacy PolicyLast Modified: {date}\n\n",
    ],
    ids=["atx-title", "plain-title", "atx-section"],
)
def test_versions_differing_only_in_a_glued_date_have_the_same_structure(head):
    new = parse_document(glued_document(head, "2022-12-16"))
    old = parse_document(glued_document(head, "2021-01-04"))
    assert new.title == old.title
    assert [(s.id, s.title) for s in new.sections] == [(s.id, s.title) for s in old.sections]
    assert not any(char.isdigit() for section in new.sections for char in section.id)
    assert not any(char.isdigit() for char in new.title)


CHANGE_LOG_DATES = ["March 25, 2019", "May 2, 2020", "June 3, 2022"]


@pytest.mark.parametrize("dress", ["**{}**", "{}", "*{}*"], ids=["bold", "plain", "italic"])
@pytest.mark.parametrize("heading", ["Changes to This Policy", "Revision History"])
def test_change_log_dates_are_not_sections(dress, heading):
    entries = "\n\n".join(
        f"{dress.format(date)}\n\nWe changed the part about {topic} in this version."
        for date, topic in zip(reversed(CHANGE_LOG_DATES), ["cookies", "logs", "refunds"], strict=True)
    )  # fmt: skip
    text = (
        "# Marigold Pay Privacy Policy\n\n"
        "## Information We Collect\n\nWe collect your card details to process payments.\n\n"
        f"## {heading}\n\nWe update this policy from time to time. Earlier changes:\n\n"
        f"{entries}\n"
    )
    document = parse_document(text)
    assert titles(document) == ["Information We Collect", heading]
    log = document.sections[1].text
    assert all(date in log for date in CHANGE_LOG_DATES)
    assert log.endswith("We changed the part about refunds in this version.")


PICKERS = [
    "English | Deutsch | Français | Español | 日本語",
    "[English](/en/privacy) | [Deutsch](/de/privacy) | [Français](/fr/privacy) | [日本語](/ja/privacy)",
    "English · Deutsch · Français · Italiano · Nederlands",
]


@pytest.mark.parametrize("picker", PICKERS, ids=["pipes", "links", "dots"])
@pytest.mark.parametrize("style", ["atx", "numbered"])
def test_language_picker_line_is_not_a_section(picker, style):
    if style == "atx":
        title, first, second = "# Kestrel Privacy Policy", "## Data We Collect", "## Your Rights"
    else:
        title, first, second = "Kestrel Privacy Policy", "1. Data We Collect", "2. Your Rights"
    text = (
        f"{picker}\n\n{title}\n\nKestrel makes weather apps.\n\n"
        f"{first}\n\nWe collect your approximate location.\n\n"
        f"{second}\n\nYou can delete your account at any time.\n"
    )
    document = parse_document(text)
    assert document.title == "Kestrel Privacy Policy"
    assert titles(document) == ["Data We Collect", "Your Rights"]


def test_page_chrome_lines_are_not_sections():
    document = parse(
        """
        Skip to main content

        Heronsgate Bank Privacy Notice

        Who we are

        Heronsgate Bank plc is a bank registered in England and Wales and it is the
        controller of your personal data.

        Back to top

        What we collect

        We collect your name, address, date of birth and the payments you make.

        Back to top

        How long we keep it

        We keep account records for seven years after you close your account.

        Back to top

        Print

        Share this page
        """
    )
    assert titles(document) == ["Who we are", "What we collect", "How long we keep it"]


def test_page_chrome_lines_among_atx_headings_are_not_sections():
    text = (
        "Skip to main content\n\n# Heronsgate Privacy Notice\n\n"
        "## Who we are\n\nHeronsgate Bank plc is the controller of your data.\n\nBack to top\n\n"
        "## What we collect\n\nYour name and the payments you make.\n\nBack to top\n\n"
        "Print\n\nShare this page\n"
    )
    document = parse_document(text)
    assert document.title == "Heronsgate Privacy Notice"
    assert titles(document) == ["Who we are", "What we collect"]


# 9. Effective dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nimbus Notes Privacy Policy\n\nDate of last update: November 12, 2024\n\n"
            "We keep notes for 30 days after you delete them.",
            dt.date(2024, 11, 12),
        ),
        (
            "Privacy Policy\n\nFormulated on October 1, 2023\n\n"
            "Users under 14 need a guardian's consent.",
            dt.date(2023, 10, 1),
        ),
    ],
    ids=["date-of-last-update", "formulated-on"],
)
def test_unusual_date_cues(text, expected):
    found = find_effective_date(text)
    assert found is not None
    assert (found.value, found.precision) == (expected, "day")


US_POLICY = """\
Brightleaf Apps Privacy Policy

Last modified on 08/12/2026

Brightleaf Apps, Inc. is a Delaware corporation with its offices in Austin, Texas, United States.

Our representative in the United Kingdom is Thameside Representation Ltd, 5 Kingsway,
London WC2B 6XF, United Kingdom. Our EU representative is in Dublin, Ireland.

California residents have additional rights described in the section below.

This policy is governed by the laws of the State of Texas.
"""

UK_POLICY = """\
Pennant Games Privacy Policy

Last modified on 08/12/2026

Pennant Games Ltd is registered in England and Wales (company number 09876543) and is the
controller of your personal data.

Some of our service providers are based in the United States, and we protect transfers to them
with standard contractual clauses. California residents can read our US notice.
"""

FRENCH_POLICY = """\
Lumière Studio Privacy Policy

Last modified on 08/12/2026

Lumière Studio SAS has its registered office in Lyon, France, and is the controller of your data.

We use cloud hosting in the United States. This policy is governed by the laws of France.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (US_POLICY, dt.date(2026, 8, 12)),
        (UK_POLICY, dt.date(2026, 12, 8)),
        (FRENCH_POLICY, dt.date(2026, 12, 8)),
    ],
    ids=["us-company-with-uk-representative", "uk-company", "french-company"],
)
def test_numeric_date_order_follows_the_companys_own_jurisdiction(text, expected):
    found = find_effective_date(text)
    assert found is not None
    assert (found.value, found.precision) == (expected, "day")


@pytest.mark.parametrize("order", ["oldest-first", "newest-first"])
def test_newest_change_log_entry_dates_an_undated_policy(order):
    dates = CHANGE_LOG_DATES if order == "oldest-first" else list(reversed(CHANGE_LOG_DATES))
    entries = "\n\n".join(
        f"**{date}**\n\nWe reworded the section about data sharing." for date in dates
    )
    text = (
        "# Marigold Pay Privacy Policy\n\n"
        "## Information We Collect\n\nWe collect card details for 12 months of payments.\n\n"
        f"## Revision History\n\n{entries}\n"
    )
    found = find_effective_date(text)
    assert found is not None
    assert (found.value, found.precision) == (dt.date(2022, 6, 3), "day")


# 10. Rules found on real pages (each text invented) -----------------------------------------


def test_bold_numbered_caption_run_into_its_paragraph_is_a_sub_heading():
    document = parse(
        """
        Wrenfield Terms of Service

        1. **YOUR ACCOUNT**

        **1.1 Registration; Accounts**. You may need to register to use Wrenfield and you agree
        to keep your details up to date.

        **1.2** **No Sharing**. You may not share your account with anybody else, not even family.

        2. **PAYMENT**

        **2.1 Fees**: You pay the fees shown on your order form, in advance, every month.
        """
    )
    assert titles(document) == ["YOUR ACCOUNT", "Registration; Accounts", "No Sharing", "PAYMENT", "Fees"]  # fmt: skip
    numbers = [section.number for section in document.sections]
    assert numbers == ["1", "1.1", "1.2", "2", "2.1"]
    assert document.sections[1].parent == document.sections[0].id
    assert document.sections[2].text.startswith("You may not share your account")


def test_bold_lines_with_split_or_nested_markers_are_bold_headings():
    document = parse(
        """
        # Saltmarsh Privacy Notice

        Saltmarsh makes survey software for schools and colleges.

        **4.1** **Information You Share**

        Teachers share class lists with us when they set up a survey.

        **4.2 **Information We Share****

        We share survey results with the school that ran the survey.

        **4.3 Information We Keep

        We keep results for two school years and then delete them.
        """
    )
    assert titles(document) == ["Information You Share", "Information We Share", "Information We Keep"]  # fmt: skip
    assert [section.number for section in document.sections] == ["4.1", "4.2", "4.3"]


def test_lettered_bold_caption_with_a_full_stop_is_a_heading():
    document = parse(
        """
        # Saltmarsh Privacy Notice

        ## What we collect

        **(a) Contact information.**

        *   Your name and your school email address.

        **(b) Survey answers.**

        *   The answers you give, which we store without your name.

        **(c) We never sell what we collect to anybody.**

        That is a promise, not a heading.
        """
    )
    assert titles(document) == ["What we collect", "Contact information", "Survey answers"]
    assert [section.number for section in document.sections] == ["", "a", "b"]
    assert document.sections[1].parent == document.sections[0].id


def test_setext_underline_indented_to_the_widest_list_marker():
    items = "\n\n".join(
        f"{number}. {title}\n    {'-' * len(title)}\n\n    This part is about {title.lower()}."
        for number, title in enumerate(["Introduction", "Definitions", "Your Rights"], 1)
    )
    extra = "\n\n10. Contact\n    -------\n\n    Write to privacy@heron.example."
    document = parse_document(f"Heron Exchange Privacy Notice\n\n{items}{extra}\n")
    assert titles(document) == ["Introduction", "Definitions", "Your Rights", "Contact"]
    assert [section.number for section in document.sections] == ["1", "2", "3", "10"]
    assert words(document.sections[0].text) == "This part is about introduction."


def test_lines_ending_in_a_colon_are_labels_not_headings():
    document = parse(
        """
        Larkspur Privacy Policy

        About Larkspur

        Larkspur is a small company that makes calendar apps for phones and tablets.

        Summary:

        We collect as little as we can and we never sell it to anybody at all.

        What We Collect

        Some of our main service providers are:

        Hosting providers that keep our servers running in two data centres.
        """
    )
    assert titles(document) == ["About Larkspur", "What We Collect"]
    assert "Summary:" in document.sections[0].text


def test_empty_atx_line_takes_the_title_after_a_blank_line():
    text = (
        "# Fernhill Privacy Policy\n\n## Data we process\n\nWe process the data below.\n\n"
        "### \n\n3.1. When you create your account\n\nWe keep your email address.\n\n"
        "### \n\n3.2. When you pay\n\nOur payment processor keeps your card details.\n"
    )
    document = parse_document(text)
    assert titles(document) == ["Data we process", "When you create your account", "When you pay"]
    assert [section.number for section in document.sections] == ["", "3.1", "3.2"]
    assert document.sections[2].text == "Our payment processor keeps your card details."


def test_in_page_links_dot_leaders_and_repeated_footers_are_not_headings():
    footer = "Diffusable Corvid"
    document = parse(
        f"""
        Corvid Rail Terms of Use

        Contents

        Who Can Join .................................... 2

        How To Join ..................................... 3

        Who Can Join

        Any company with a registered office in the country can join the programme.

        [Back to top](#top)

        {footer}

        How To Join

        Fill in the online form and send us a copy of your registration certificate.

        {footer}

        [Back to top](#top)

        {footer}
        """
    )
    assert titles(document) == ["Who Can Join", "How To Join"]


def test_accordion_heading_followed_by_several_blank_lines():
    text = (
        "Plover Travel Privacy Notice\n\nWe share your data with the companies listed below.\n\n"
        "Partners\n\n\n\n\nWe share your booking with the hotel or airline that you booked with us.\n\n"
        "Authorities\n\n\n\n\nWe share data with the police when the law requires us to do it.\n\n"
        "Payment Providers\n\n\n\nOur payment providers receive your card number to charge you.\n"
    )
    document = parse_document(text)
    assert titles(document) == ["Partners", "Authorities", "Payment Providers"]


def test_caps_question_glued_to_the_next_heading_is_split():
    text = (
        "# Corvid Cookie Notice\n\n## About cookies\n\nCookies are small files.\n\n"
        "WHICH COOKIES DO WE USE ON CORVID.COM ?Audience measurement\n\n"
        "We count visits to our pages to see which ones people read.\n"
    )
    document = parse_document(text)
    assert "WHICH COOKIES DO WE USE ON CORVID.COM ?" in titles(document)


def test_whole_italic_title_line_is_a_heading_below_the_markup():
    document = parse(
        """
        # Tansy Privacy Notice

        ## State Privacy Disclosures

        These disclosures apply to residents of some states.

        _Sensitive Information_

        We do not use sensitive information to infer anything about you.

        _“Shine the Light” Disclosures_

        You can ask us once a year which companies received your data for their marketing.

        _Highlighted for emphasis_

        This box repeats the most important sentence of the section above.
        """
    )
    assert titles(document) == [
        "State Privacy Disclosures",
        "Sensitive Information",
        "“Shine the Light” Disclosures",
    ]
    assert document.sections[1].parent == document.sections[0].id


def test_sentence_case_headings_may_hold_a_count_and_open_with_a_quote():
    document = parse(
        """
        Tansy Privacy Notice

        What we collect

        We collect the details you type into the order form and nothing else at all.

        Sharing in the last twelve (12) months

        We shared order details with our courier and our payment processor this year.

        "Do not track" signals

        Our website does not respond to do-not-track signals sent by your browser.
        """
    )
    assert titles(document) == [
        "What we collect",
        "Sharing in the last twelve (12) months",
        '"Do not track" signals',
    ]


def test_bold_list_items_over_their_own_sub_lists():
    document = parse(
        """
        Wisp Social Privacy Policy
        ==========================

        We collect these kinds of data:

        1.  **Data you give us**
            1.  **Account details.** Your email address and your handle.
            2.  **Posts.** Everything you publish on Wisp.
        2.  **Data we collect automatically**
            *   **Usage data**
                *   The pages you open and when.
            *   **Registration details.**
                *   The date you joined.
        """
    )
    assert titles(document) == ["Data you give us", "Data we collect automatically", "Usage data"]
    assert [section.number for section in document.sections] == ["1", "2", ""]
    assert document.sections[2].parent == document.sections[1].id


def test_outer_list_item_after_a_nested_list_stands_alone():
    document = parse(
        """
        Gorse VPN Privacy Policy

        1.  Introduction

            This policy explains what Gorse does with your data.

        2.  Your choices

            *   You can turn off analytics in the app settings.
            *   You can unsubscribe from our newsletters at any time.
        3.  Data security

            We encrypt your data at rest and in transit.
        """
    )
    assert titles(document) == ["Introduction", "Your choices", "Data security"]


def test_plain_line_after_markup_needs_a_paragraph_under_it():
    text = (
        "# Quince Privacy Policy\n\n## What we collect\n\nWe collect your name and address.\n\n"
        "Share this page\n\n*   [Twitter](https://twitter.example/share)\n"
        "*   [Facebook](https://facebook.example/share)\n\n"
        "Related Topics\n\n### Looking for help with your account settings today?\n\n"
        "Write to help@quince.example and we will answer within two days.\n\n"
        "Data Retention\n\nWe keep your order history for six years after your last order.\n"
    )
    document = parse_document(text)
    assert titles(document) == [
        "What we collect",
        "Looking for help with your account settings today?",
        "Data Retention",
    ]


def test_empty_atx_line_over_a_numbered_title_nests_by_its_number():
    text = (
        "Fernhill Privacy Policy\n\n1.  Data we process\n\n    We process the data below.\n\n"
        "    ###\n\n    1.1. When you create your account\n\n"
        "    ###\n\n    1.2. When you pay\n\n2.  Your rights\n\n    You can ask for a copy.\n"
    )
    document = parse_document(text)
    assert titles(document) == [
        "Data we process",
        "When you create your account",
        "When you pay",
        "Your rights",
    ]
    first, child, _, last = document.sections
    assert child.parent == first.id and child.number == "1.1"
    assert last.level == first.level


def test_link_lines_and_address_lines_are_not_headings():
    document = parse(
        """
        **Section 1: Who we are**

        Sorrel Bikes ApS rents bicycles in twelve cities and is the controller of your data.

        Sorrel Bikes ApS
        Central business register, CVR-number: 12345678
        VAT-ID: DK 12345678
        Telephone: (+45) 12 34 56 78

        [For partners](https://partners.sorrel.example/)

        **Section 2: What we collect**

        We collect your name, your card number and the trips you take with our bicycles.
        """
    )
    assert titles(document) == ["Section 1: Who we are", "Section 2: What we collect"]


def test_numbered_line_ending_in_a_colon_introduces_a_list():
    document = parse(
        """
        **Section 8: Your rights**

        Under the law you have several rights over the data we hold about you.

        1. You have the following rights with respect to your personal data:

        * Right to information
        * Right to erasure

        **Section 9: Contact**

        Write to privacy@sorrel.example with any question about this policy.
        """
    )
    assert titles(document) == ["Section 8: Your rights", "Section 9: Contact"]


def test_sentence_case_heading_counts_bold_headings_but_not_sentences():
    document = parse(
        """
        **Section 1: Who we are**

        Sorrel Bikes ApS rents bicycles in twelve cities and is the controller of your data.

        Use of cookies

        This website uses the cookies described below to remember your language and city.

        You may opt out of our newsletters at any time.

        Every newsletter has a link at the bottom that unsubscribes you in one click.

        **Section 2: What we collect**

        We collect your name, your card number and the trips you take with our bicycles.
        """
    )
    assert titles(document) == ["Section 1: Who we are", "Use of cookies", "Section 2: What we collect"]  # fmt: skip


# Whole-page captures and PDF text -----------------------------------------------------------

SITE_MENUS = """
Skip to main content

Sign in

*   Help
*   Contact
*   Deutsch

Gardens and Plots

*   Allotments near you
*   Waiting lists
*   Plot sizes and prices
*   Garden sheds
*   Capture the attention of local growers.

Tools

*   Seed calendar
*   Soil tester
    Watering planner

Community

*   Forums
*   Events near you
*   Volunteer

Wild Pear Privacy Policy

Wild Pear Ltd runs allotment listings and is the controller of the data described here.

What We Collect

We collect your name, your email address and the plots you ask about, such as:

*   Allotments
*   Orchards
*   Community gardens

Contact

Write to privacy@wildpear.example with any question about this policy.
"""


def test_a_run_of_menus_above_the_policy_is_not_read_as_sections():
    """A page with no markup: the site's menus are plain lines over short lists, as the
    policy's headings are plain lines; a run of them before the policy is navigation."""
    document = parse(SITE_MENUS)
    assert document.title == "Wild Pear Privacy Policy"
    assert titles(document) == ["What We Collect", "Contact"]
    assert "Orchards" in document.sections[0].text  # the policy's own list stays
    assert "Soil tester" not in document.preamble


def test_lists_under_the_policys_own_headings_are_kept():
    """Three plain headings over short lists, after the policy began, are the policy's own."""
    document = parse(
        """
        Cedar Notes Privacy Policy

        Cedar Notes keeps the notes you write and the data described below, for as long as
        your account is open.

        Identifiers

        *   Your name
        *   Your email address

        Device Data

        *   Browser type
        *   IP address

        Usage Data

        *   Pages you open
        *   Notes you share

        Retention

        We delete your notes thirty days after you close your account, and backups after ninety.
        """
    )
    assert titles(document) == ["Identifiers", "Device Data", "Usage Data", "Retention"]


def test_a_line_indented_like_the_paragraph_above_goes_on_with_it():
    """PDF text indents whole blocks: a short line at the block's own indent, then a list,
    ends the paragraph's sentence; it is no heading."""
    document = parse(
        """
        2.4 MEMBERSHIP

           Members may change these details at any time by writing to our service desk or in
           the Member
           Area.
             • by email to members@juniper.example
             • by phone from Monday to Friday.

        2.5 CANCELLATION

           A member may cancel at the end of each month by writing to the service desk.
        """
    )
    assert titles(document) == ["MEMBERSHIP", "CANCELLATION"]
    assert "Area." in document.sections[0].text


def test_a_run_of_menus_below_the_policy_is_the_sites_footer():
    document = parse(
        """
        # Ferncastle Privacy Policy

        ## Contact

        Write to privacy@ferncastle.example with any question about your data.

        Products
        --------

        *   [Desktop](https://ferncastle.example/desktop)
        *   [Server](https://ferncastle.example/server)

        Cloud
        -----

        *   [Private cloud](https://ferncastle.example/private)
        *   [Pricing](https://ferncastle.example/pricing)

        Support
        -------

        *   [Your subscriptions](https://ferncastle.example/subscriptions)
        *   [Docs](https://ferncastle.example/docs)
        """
    )
    assert titles(document) == ["Contact"]
    assert "Pricing" not in document.sections[0].text


def test_a_date_line_with_its_time_is_no_numbered_heading():
    document = parse(
        """
        # Wren Terms of Use

        [Jo Bramble](https://wren.example/authors/jo)

        9 March 2023 13:46

        ## Object

        These terms govern the use of the Wren website by its visitors.
        """
    )
    assert titles(document) == ["Object"]


def test_a_last_section_ending_in_the_sites_links_is_kept():
    policy = (
        "# Privacy Policy\n\nLast updated: 21 January 2021\n\n## Your Choices\n\nYou may opt out of "
        "marketing e-mails at any time from your account settings page.\n\n## Retention\n\nWe keep "
        "your data for as long as your account is open, then delete it.\n\n## Contact Us\n\n"
        "Your information is controlled by Acme B.V. and Acme Inc. If you have questions or "
        "concerns about the way we are handling your information, please email dpo@acme.example.\n\n"
        "*   [Twitter](https://twitter.com/acme)\n*   [Facebook](https://facebook.com/acme)\n"
        "*   [YouTube](https://youtube.com/acme)\n*   [LinkedIn](https://linkedin.com/acme)\n\n"
        "## Company\n\n*   [About](https://acme.example/about)\n*   [Jobs](https://acme.example/jobs)\n\n"
        "## Help\n\n*   [Support](https://acme.example/help)\n*   [Status](https://acme.example/status)\n"
    )
    document = parse_document(policy)
    titles = [section.title for section in document.sections]
    assert "Contact Us" in titles
    assert "dpo@acme.example" in next(s.text for s in document.sections if s.title == "Contact Us")
