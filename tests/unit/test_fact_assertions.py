"""Each extractor reads what a sentence asserts, not a nearby number or name (issue 14's false
facts, rewritten as general sentences of our own)."""

from __future__ import annotations

import pytest

from tracker.analysis.compare import compare
from tracker.analysis.meaning import annotate, extract_facts
from tracker.analysis.sections import parse_document


def facts(text: str, kind: str) -> list[str]:
    return sorted(fact.value for fact in extract_facts(text) if fact.type == kind)


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        # Selling is the company selling personal data.
        ("If Bramble is sold or merged, your data may pass to the buyer.", "practice", []),
        ("We may share your data when our business is sold to another company.", "practice", []),
        (
            "Some state laws define a “sale” broadly, to include sharing personal information "
            "for anything of value.",
            "practice",
            [],
        ),
        (
            "Under Nevada law, a sale means the exchange of covered information for money.",
            "practice",
            [],
        ),
        (
            "We do not have actual knowledge that we sell the personal information of "
            "consumers under 16.",
            "practice",
            [],
        ),
        (
            "We sell your personal information to data brokers.",
            "practice",
            ["sells personal information: yes"],
        ),
        (
            "Your personal data is not sold to anyone.",
            "practice",
            ["sells personal information: no"],
        ),
        # A minimum age is a condition for using the service or for collecting data.
        ("Users under the age of majority (under 18) need a guardian to sign.", "age_limit", []),
        (
            "Some features are not available to people under the age of 18.",
            "age_limit",
            [],
        ),
        (
            "We do not sell the personal information of consumers under 16 without consent.",
            "age_limit",
            [],
        ),
        ("You must be at least 16 years old to open an account.", "age_limit", ["16"]),
        ("Our service is not directed to children under 13.", "age_limit", ["13"]),
        # A right is offered in any of its usual wordings.
        (
            "You can export a copy of your information at any time from your settings.",
            "user_right",
            ["portability"],
        ),
        ("You may download your data from the privacy dashboard.", "user_right", ["access"]),
        # A transfer country is a destination of personal data.
        ("Bramble Netherlands B.V. is the controller of your data.", "transfer_country", []),
        (
            "You may not export the service to Iran, Cuba or North Korea, in breach of "
            "United States and United Kingdom export controls; our servers operate worldwide.",
            "transfer_country",
            [],
        ),
        ("We transfer your data to servers in Singapore.", "transfer_country", ["Singapore"]),
    ],
)
def test_what_the_sentence_asserts(text, kind, values):
    assert facts(text, kind) == sorted(values)


def document_facts(old: str, new: str) -> list[tuple[str, str, str | None, str | None]]:
    comparison = annotate(compare(parse_document(old), parse_document(new)))
    return [(fact.type, fact.change, fact.old_value, fact.new_value) for fact in comparison.facts]


OLD = """# Bramble Privacy Policy

## What we collect

We collect your name, your email address and your date of birth when you sign up.

## Contact

Write to privacy@bramble.example with any question.
"""

NEW = """# Bramble Privacy Policy

## Your account

When you sign up you give us your name, email address and date of birth, and we collect
them to run your account.

## Questions

Questions about this policy go to privacy@bramble.example.
"""


def test_a_rewrite_restating_the_same_facts_changes_none():
    assert document_facts(OLD, NEW) == []


def test_unrelated_periods_are_not_paired_as_one_changed_period():
    old = OLD + "\n## Deletion\n\nWe keep your data as long as necessary for the service.\n"
    new = (
        OLD
        + "\n## Deletion\n\nWe keep your data as long as necessary for the service.\n"
        + "\n## Analytics\n\nWe store usage logs and delete them after 7 days.\n"
    )
    assert document_facts(old, new) == [("retention_period", "added", None, "7 days")]


@pytest.mark.parametrize(
    "text",
    ["Data is sold to our marketing partners.", "Your information, once collected, is sold on."],
)
def test_data_sold_in_the_passive_is_still_sold(text):
    assert facts(text, "practice") == ["sells personal information: yes"]


def test_data_said_not_to_be_kept_is_no_data_type():
    text = "Personal data we collect: we do not retain any biometric data from age checks."
    assert facts(text, "data_type") == []


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        (
            "We transfer that information from the EU/EEA/UK to servers in the United States.",
            "transfer_country",
            ["United States"],
        ),
        (
            "We may sell member information that has been de-identified as the law permits.",
            "practice",
            [],
        ),
    ],
)
def test_origins_and_deidentified_data(text, kind, values):
    assert facts(text, kind) == sorted(values)


def test_an_address_hidden_from_scrapers_is_not_reported_removed():
    old = "# Policy\n\n## Contact\n\nEmail privacy@fern.example with questions about your data.\n"
    new = "# Policy\n\n## Contact\n\nEmail [email protected] with questions about your data.\n"
    assert document_facts(old, new) == []


def test_markup_only_edits_are_cosmetic():
    from tracker.analysis.compare import is_cosmetic

    old = "Read **our [partners list](https://a.example/partners)** before you sign up."
    new = "Read our [partners list](https://b.example/p?id=2) before you sign up."
    assert is_cosmetic(old, new)
    assert not is_cosmetic(old, "Read our partners list after you sign up.")


def test_a_short_removed_sharing_clause_is_substantive():
    old = (
        OLD
        + "\n## Advertising partners\n\nWe share your browsing data with our advertising partners, who use it to show you ads.\n"
    )
    comparison = annotate(compare(parse_document(old), parse_document(OLD)))
    [removed] = [change for change in comparison.changes if change.kind == "removed"]
    assert removed.topic == "third_party_sharing" and removed.significance == "substantive"


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        (
            "Your data is transferred and stored outside of Canada by our hosts.",
            "transfer_country",
            [],
        ),
        (
            "If you are an individual located in the United Kingdom, our servers still apply.",
            "transfer_country",
            [],
        ),
        (
            "You have the right to know the categories of personal information sold (if any).",
            "practice",
            [],
        ),
        ("Get the Wren app on Google Play or the App Store.", "third_party", []),
    ],
)
def test_where_data_comes_from_rights_to_know_app_badges_and_as_needed(text, kind, values):
    assert facts(text, kind) == sorted(values)


def test_a_period_still_stated_in_looser_words_is_not_removed():
    old = "# Policy\n\n## Retention\n\nWe keep your data as long as necessary for the service.\n"
    new = (
        "# Policy\n\n## Retention\n\nWe retain your data while your account is active or as "
        "needed to provide the service.\n"
    )
    assert document_facts(old, new) == []


def test_an_escaped_hidden_address_is_not_reported_removed():
    old = "# Policy\n\n## Contact\n\nEmail dpo@fern.example with questions about your data.\n"
    new = "# Policy\n\n## Contact\n\nEmail [\\[email protected\\]](/cdn-cgi/l) with questions.\n"
    assert document_facts(old, new) == []


def test_an_address_in_a_link_glued_to_the_word_before_is_the_address_alone():
    line = (
        "Questions about your data? Write to our team.[help@acme.example](mailto:help@acme.example)"
        "[Terms](https://acme.example/terms)"
    )
    facts = [(fact.type, fact.value) for fact in extract_facts(line, "Contact")]
    assert facts == [("contact_email", "help@acme.example")]


@pytest.mark.parametrize(
    "chrome",
    [
        "© 2024 Acme Group. All Rights Reserved.[help@acme.example](mailto:help@acme.example)",
        "Follow us\n\n[Facebook](https://facebook.com/acme) · [Twitter](https://twitter.com/acme)",
        "Follow us\n\n[\n\nFacebook\n\n](https://facebook.com/acme)[\n\nGDPR Compliance\n\n](/gdpr)",
        "Related articles\n\n* [How Google Analytics works](/a)\n* [Stripe fees explained](/b)",
        ") ![Acme on Facebook](https://facebook.com/acme) ![Acme on Twitter](https://twitter.com/acme)",
    ],
)
def test_page_chrome_states_no_fact(chrome):
    assert extract_facts(chrome, "Footer") == ()


def test_a_list_of_linked_providers_under_its_lead_in_is_read():
    text = "We share data with these providers:\n\n* [Stripe](https://stripe.com)\n* [Zendesk](https://zendesk.com)"
    assert [fact.value for fact in extract_facts(text, "Sharing")] == ["Stripe", "Zendesk"]


@pytest.mark.parametrize(
    "definition",
    [
        "‘Payment Method’ means the method (credit card, bank account, PayPal, etc.) used to pay.",
        '| Term | Meaning |\n| --- | --- |\n| "personal data" | Data such as your name, email address or biometric data. |',
    ],
)
def test_a_definition_names_no_data_collected_nor_partner(definition):
    kinds = {fact.type for fact in extract_facts(definition, "Definitions")}
    assert not kinds & {"data_type", "third_party"}


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        (
            "We transfer data from the EU, Switzerland and the UK to the United States.",
            ["United States"],
        ),
        ("Data originating in Japan is transferred to our servers in Canada.", ["Canada"]),
        (
            "Sellers in Brazil are paid by a partner, and their data is stored in Ireland.",
            ["Ireland"],
        ),
        ("Our service is offered everywhere, excluding China, and hosted in Germany.", ["Germany"]),
    ],
)
def test_a_country_data_comes_from_is_no_destination(sentence, countries):
    found = [fact.value for fact in extract_facts(sentence) if fact.type == "transfer_country"]
    assert found == countries


def test_a_right_that_cannot_be_exercised_is_not_offered():
    text = "The rights of access and erasure cannot be exercised for this processing."
    assert [fact for fact in extract_facts(text, "Your rights") if fact.type == "user_right"] == []


# A second blind sample of real fact changes (issue 14) showed these; the sentences are ours.
@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        # A company named is a third party only where the words say it handles data.
        ("Use of Lumen Studio is subject to the Lumen end-user licence.", "third_party", []),
        ("On Apple phones the feature appears in Settings.", "third_party", []),
        ("Twitter", "third_party", []),
        ("We share device identifiers with Criteo for advertising.", "third_party", ["Criteo"]),
        ("Payments are handled by Stripe and PayPal.", "third_party", ["PayPal", "Stripe"]),
        ("You can sign in with Apple or Google.", "third_party", ["Apple", "Google"]),
        # An address of another organisation is not the company's contact.
        (
            "Questions about identity checks go to our verification partner, Checkly, at "
            "help@checkly.example.",
            "contact_email",
            [],
        ),
        (
            "Our licence was issued by the National Travel Board, who can be reached at "
            "info@ntb.example.",
            "contact_email",
            [],
        ),
        (
            "Write to our privacy team at privacy@fern.example.",
            "contact_email",
            ["privacy@fern.example"],
        ),
        # Deleting data for good is how it goes, not a period it is kept.
        ("Backups are permanently and securely erased after use.", "retention_period", []),
        ("Your posts are stored permanently.", "retention_period", ["indefinite"]),
        # An age is not a period.
        ("We delete data about a child under 13 years old.", "retention_period", []),
        ("We delete chat logs after 2 years.", "retention_period", ["2 years"]),
        # `your rent` is paid, nothing is rented out.
        ("When you pay your rent online we process your payment information.", "practice", []),
        (
            "We may rent your contact information to partners.",
            "practice",
            ["rents personal information: yes"],
        ),
    ],
)
def test_what_a_sentence_asserts_second_sample(text, kind, values):
    assert facts(text, kind) == sorted(values)


def test_a_company_still_named_in_other_words_is_not_removed():
    old = "# Policy\n\n## Partners\n\nWe share usage data with Google and Mixpanel for analytics.\n"
    new = "# Policy\n\n## Partners\n\nWe share usage data with Mixpanel. Our site uses Google Analytics.\n"
    assert ("third_party", "removed", "Google", None) not in document_facts(old, new)


def test_an_address_written_out_or_abbreviated_is_one_address():
    old = "# Policy\n\n## Contact\n\nWrite to Fern Inc., 12 Harbour Avenue, Floor 3, Portland, OR 97201.\n"
    new = "# Policy\n\n## Contact\n\nWrite to Fern Inc., 12 Harbour Ave., Fl. 3, Portland, OR 97201.\n"
    assert document_facts(old, new) == []


def test_an_address_the_capture_lost_is_not_reported_added():
    old = "# Policy\n\n## Your data\n\nTo see your data, e-mail us at . We answer within a week.\n"
    new = "# Policy\n\n## Your data\n\nTo see your data, e-mail us at privacy@fern.example. We answer within a week.\n"
    assert not [fact for fact in document_facts(old, new) if fact[0] == "contact_email"]


@pytest.mark.parametrize(
    ("old_words", "new_words"),
    [
        ("the payment method you keep on file, like a credit card", "your billing information"),
        ("your browser version and settings", "your browser type"),
        ("professional information such as your employer affiliation", "your company name"),
        ("the Name(s), address and signature of the account holder", "your full name"),
        ("data identifying the mobile device you use", "your mobile device identifier"),
        ("your personal health and financial information", "your health information"),
        ("your phone contacts, if you enable it", "your address book"),
        ("device details (OS, browser version)", "your operating system"),
        ("your browsing behaviour on our site", "your search history"),
    ],
)
def test_a_data_type_stated_before_in_looser_words_is_not_added(old_words, new_words):
    old = f"# Policy\n\n## What we collect\n\nWhen you order, we collect {old_words}.\n"
    new = f"# Policy\n\n## What we collect\n\nWhen you order, we collect {new_words}.\n"
    assert not [fact for fact in document_facts(old, new) if fact[1] == "added"]


def test_a_data_type_new_in_every_wording_is_still_added():
    old = "# Policy\n\n## What we collect\n\nWhen you order, we collect your e-mail address.\n"
    new = old.replace("your e-mail address", "your e-mail address and your date of birth")
    assert ("data_type", "added", None, "date of birth") in document_facts(old, new)


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        # A country data comes from, or whose people are meant, is no destination.
        (
            "Fern handles data about people in the EU/EEA/UK and transfers it from the "
            "EU/EEA/UK to the United States under contract.",
            "transfer_country",
            ["United States"],
        ),
        (
            "For users based in the EEA and the UK, transfers to India rely on safeguards.",
            "transfer_country",
            ["India"],
        ),
        (
            "When affiliates in countries outside the European Economic Area, Switzerland, the "
            "UK, or the United States get your data, we use safeguards.",
            "transfer_country",
            [],
        ),
        # An authority's country, a definition's list and a name's country are not either.
        (
            "Data processed outside the EEA is covered by contracts approved by the UK’s "
            "Information Commissioner.",
            "transfer_country",
            [],
        ),
        (
            "We use the term “Partner Countries” to refer to Canada, Japan and all countries "
            "located in Europe.",
            "transfer_country",
            [],
        ),
        (
            "You grant a transferable licence to the Brazil Publisher to show your game.",
            "transfer_country",
            [],
        ),
        ("Studio lets you build, operate and publish worlds set in Japan.", "transfer_country", []),
        ("We operate servers in Germany for our customers.", "transfer_country", ["Germany"]),
        # A notice or a time without use is no period of keeping data; a dormant account's is.
        (
            "We may delete an idle workspace after 30 days' notice if you have not used it in "
            "the previous 90 days.",
            "retention_period",
            [],
        ),
        (
            "We delete your account data if you have not logged in for 2 years.",
            "retention_period",
            ["2 years"],
        ),
        # A public body's phone number is not the company's.
        (
            "You may write to the Complaint Unit of the State Department of Fair Trade at 12 "
            "N. Main St., Sacramento, or call them at (916) 445-1254.",
            "phone",
            [],
        ),
        (
            "You may complain to the competent supervisory authority, such as the state "
            "regulator at (916) 445-1254.",
            "phone",
            [],
        ),
        ("Call our support team at (916) 445-1254.", "phone", ["+19164451254"]),
        # A duty on the reader is not the company's practice; a company named for its
        # hardware gets no data.
        (
            "You agree not to publicly share, sell or publish the benchmark information.",
            "practice",
            [],
        ),
        (
            "We will not sell, license or otherwise transfer any rights to your personal "
            "information to anyone.",
            "practice",
            ["sells personal information: no"],
        ),
        ("On Amazon Fire devices, you can turn off ads tracking in settings.", "third_party", []),
        (
            "Except in a merger or a sale of our company, we will not sell your personal "
            "information to anyone.",
            "practice",
            ["sells personal information: no"],
        ),
        ("We may sell your data to the buyer in a merger.", "practice", []),
        (
            "We collect a copy of your government-issued photo ID.",
            "data_type",
            ["government identifiers"],
        ),
        (
            "Write to the Consumer Division of the State Department of Fair Trade at 1625 "
            "North Market Blvd., Suite 20, Sacramento, CA 95834.",
            "postal_address",
            [],
        ),
        # A share widget's row of brands shares nothing.
        (
            "Thanks for sharing!Facebook Twitter Pinterest LinkedIn Reddit WhatsApp Gmail "
            "Telegram Amazon Wish List",
            "third_party",
            [],
        ),
        # A document's title names no data; the same word collected does.
        (
            "These terms include the Fern Privacy & Cookie Policy and the Community Rules.",
            "data_type",
            [],
        ),
        ("We collect cookies as our Cookie Policy describes.", "data_type", ["cookies"]),
        # An employer who owns the work is no data collected; an employer's name is.
        (
            "Content you post includes work your employer owns only with its permission.",
            "data_type",
            [],
        ),
        ("We collect your job title and employer.", "data_type", ["company", "job title"]),
        # `collectively` is no collecting: naming a model's maker shares nothing with it.
        (
            "Llama is developed by Meta Platforms and its affiliates (collectively, “Meta”).",
            "third_party",
            [],
        ),
        # An escaped underscore is part of the address.
        (
            r"Send notices to legal\_notice\_team@fern.example.",
            "contact_email",
            ["legal_notice_team@fern.example"],
        ),
    ],
)
def test_what_a_sentence_asserts_third_sample(text, kind, values):
    assert facts(text, kind) == sorted(values)


def test_the_same_street_address_with_another_postcode_is_not_added():
    old = "# Terms\n\n## Contact\n\nFern Inc., 40 Harbour Place, Suite 7, Portland, OR 97201.\n"
    new = old.replace("97201", "97209")
    assert not [fact for fact in document_facts(old, new) if fact[0] == "postal_address"]


def test_meta_is_facebook_still_named():
    old = "# Policy\n\n## Partners\n\nWe share ad data with Facebook to measure campaigns.\n"
    new = "# Policy\n\n## Partners\n\nWe share ad data with Meta to measure campaigns.\n"
    assert document_facts(old, new) == []


def test_links_introduced_as_browser_help_name_no_third_party():
    text = (
        "Links to managing cookies in common browsers:\n\n"
        "* [Firefox Cookies](https://help.example/firefox)\n\n"
        "* [Google Analytics](https://help.example/analytics)\n"
    )
    assert facts(text, "third_party") == []
    partners = text.replace("Links to managing cookies in common browsers:", "We share data with:")
    assert facts(partners, "third_party") == ["Google Analytics"]


def test_a_company_named_by_its_web_address_is_still_named():
    old = "# Policy\n\n## Disputes\n\nShare your complaint with our provider at https://truste.com/form.\n"
    new = "# Policy\n\n## Disputes\n\nShare your complaint with our provider TRUSTe at https://truste.com/form.\n"
    assert document_facts(old, new) == []


def test_an_address_under_a_public_bodys_name_is_not_the_companys():
    text = (
        "Unresolved complaints go to the dispute programme.\n"
        "Council of Fair Trade Bureaus, Inc.\n"
        "EU Programme 12 Harbour Boulevard, Suite 6\n"
        "Arlington, VA 22201\n"
    )
    assert facts(text, "postal_address") == []
