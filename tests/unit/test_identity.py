"""Which policy a snapshot is: organisation from domain, URL, title or text; kind from wording."""

from __future__ import annotations

import pytest

from tracker.analysis.identity import closest_policy, identify, slugify
from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.sections import parse_document
from tracker.errors import InputError

ARCHIVED = (
    "> *The following text is extracted and transformed from the www.acme.co.uk privacy policy "
    "that was archived on 2019-03-04. Please check the [original snapshot on the Wayback Machine]"
    "(https://web.archive.org/web/20190304000000id_/https%3A//www.acme.co.uk/privacy) "
    "for the most accurate reproduction.*\n\n"
)


def policy_of(text: str, known: list[str] | None = None, **source) -> str:
    return identify(ingest_bytes(text.encode(), name="x", **source), known or []).policy


def test_organisation_from_the_archived_domain_beats_the_title():
    text = ARCHIVED + "# Widgetco Privacy Policy\n\nThis privacy policy explains what we do.\n"
    ingested = ingest_bytes(text.encode(), name="x")
    identified = identify(ingested, [])
    assert identified.policy == "acme/privacy"
    assert "domain" in identified.reason


@pytest.mark.parametrize(
    "url",
    ["https://www.widgetco.com/legal/privacy", "https://m.widgetco.co.uk/privacy?x=1"],
)
def test_organisation_from_the_url(url):
    text = "# Privacy Policy\n\nThis privacy policy explains what we do.\n"
    assert policy_of(text, url=url) == "widgetco/privacy"


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("# Acme Privacy Policy\n\nThis policy explains things.\n", "acme/privacy"),
        ("# Acme Terms of Service\n\nThese terms govern use. See our Privacy Policy.\n", "acme/terms"),
        ("# Acme Cookie Policy\n\nThis cookie policy is part of our Privacy Policy.\n", "acme/cookies"),
        ("# Acme\n\nThese Terms of Use govern. Read our Privacy Policy. Terms of use apply.\n", "acme/terms"),
        ("# Acme\n\nThis Privacy Notice explains. It is not our Terms of Use. Privacy notice.\n", "acme/privacy"),
    ],
    ids=["privacy", "terms", "cookies", "terms-by-wording", "privacy-by-wording"],
)  # fmt: skip
def test_organisation_from_the_title_and_kind_from_the_wording(text, policy):
    assert policy_of(text) == policy


def test_organisation_from_addresses_and_brand_in_the_text():
    text = (
        "Widgetly collects data. Widgetly is great. Contact privacy@widgetly.io or visit "
        "https://widgetly.io/help. This privacy notice explains.\n"
    )
    assert policy_of(text) == "widgetly/privacy"


def test_only_known_policy_of_the_organisation_is_used_when_the_kind_is_unclear():
    assert policy_of("Some words.", ["acme/privacy", "other/terms"], url="https://acme.com/x") == (
        "acme/privacy"
    )
    with pytest.raises(InputError, match="--policy"):
        policy_of("Some words.", ["acme/privacy", "acme/terms"], url="https://acme.com/x")


@pytest.mark.parametrize(
    "text",
    [
        "Hello there. We sell widgets.\n",
        "# Privacy Policy\n\nWe care about your privacy.\n",
        "# Acme\n\nOne Terms of Use and one Privacy Policy.\n",
    ],
)
def test_unsure_is_an_input_error_naming_the_policy_option(text):
    with pytest.raises(InputError, match="--policy ORG/DOC"):
        policy_of(text)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Your Choices / Opt-Out", "your-choices-opt-out"),
        ("Café Crème", "cafe-creme"),
        ("Ünïcödé — Policy!", "unicode-policy"),
        ("İstanbul", "istanbul"),
        ("  --Hello--  ", "hello"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Ærø Øst", "aero-ost"),
    ],
)
def test_slugify_unicode(text, slug):
    assert slugify(text) == slug


def test_slugify_is_bounded_and_clean():
    slug = slugify("word " * 40)
    assert len(slug) <= 60
    assert not slug.endswith("-")
    assert slugify("日本語") == ""


def test_non_latin_section_ids_follow_titles_not_positions():
    # README: the id is the title path; `-2` only for true duplicates.
    def ids(*titles: str) -> dict[str, str]:
        text = "# プライバシー\n\n" + "".join(f"## {title}\n\n本文。\n\n" for title in titles)
        return {section.title: section.id for section in parse_document(text).sections}

    forward, backward = ids("収集する情報", "連絡先"), ids("連絡先", "収集する情報")
    assert len(set(forward.values())) == 2
    assert forward == backward


def test_closest_policy_needs_a_clear_lead():
    text = "we keep ticket notes for two years and then erase them from the help desk"
    near = "we keep ticket notes for three years and then erase them from the help desk"
    far = "our bakery opens at dawn and sells bread"
    assert closest_policy(text, [("a/notes", near), ("b/bakery", far)])[0] == "a/notes"
    assert closest_policy(text, [("a/notes", near), ("c/copy", near)]) is None
    assert closest_policy(text, [("b/bakery", far)]) is None
    assert closest_policy(text, []) is None


TEMPLATE = (
    "We keep ticket notes for two years and then erase them from the help desk. "
    "You may ask for a copy of your notes at any time, and we answer within thirty days. "
)


def test_a_resembling_text_that_names_no_one_follows_that_policy():
    known = {"corvid/privacy": TEMPLATE + "Write to privacy@corvid.example."}
    identified = identify(
        ingest_bytes(TEMPLATE.encode(), name="x"), list(known), latest_text=known.get
    )
    assert identified.policy == "corvid/privacy" and "shared" in identified.reason


def test_a_resembling_text_that_names_another_company_is_refused():
    """Policies written from one template: Kestrel's is not Corvid's, however alike."""
    known = {"corvid/privacy": TEMPLATE + "Write to privacy@corvid.example."}
    clone = TEMPLATE + "Write to privacy@kestrelcouriers.co.uk."
    with pytest.raises(InputError, match="names kestrelcouriers, never corvid"):
        identify(ingest_bytes(clone.encode(), name="x"), list(known), latest_text=known.get)


def test_a_hyphenated_organisation_is_found_however_it_is_spelled():
    known = {"open-ai/privacy": TEMPLATE}
    for spelling in ("Open AI", "OpenAI", "open-ai"):
        text = TEMPLATE + f"Write to {spelling} at privacy@example-mail.com."
        identified = identify(ingest_bytes(text.encode(), name="x"), list(known), known.get)
        assert identified.policy == "open-ai/privacy"
