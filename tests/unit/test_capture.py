"""Broken captures, language switches and other documents: the caveats a diff carries."""

from __future__ import annotations

from tracker.analysis.language import detect_language
from tracker.analysis.sections import parse_document
from tracker.history.history import compare_documents
from tracker.model import CaptureQuality, WarningKind
from tracker.present.wording import capture_reason

SECTIONS = ["Information We Collect", "How We Use Information", "Sharing", "Your Rights", "Contact"]


def policy(sections=SECTIONS, words: str = "") -> str:
    return "# Acme Privacy Policy\n\n" + "\n\n".join(
        f"## {title}\n\nWe collect personal data such as your name and email when you use the "
        f"service, and we process it to provide the service and to keep your account safe. {words}"
        for title in sections
    )


FRENCH = "# Politique de confidentialité\n\n" + "\n\n".join(
    f"## Partie {number}\n\nNous collectons vos données personnelles, comme votre nom et votre "
    "adresse électronique, lorsque vous utilisez le service, et nous les traitons pour le fournir."
    for number in range(1, 6)
)


def kinds(old: str, new: str) -> list[str]:
    comparison = compare_documents(parse_document(old), parse_document(new))
    return [caveat.kind for caveat in comparison.caveats]


def test_a_policy_is_an_ok_capture():
    assert parse_document(policy()).capture.quality == CaptureQuality.OK


def test_a_few_words_are_a_stub():
    assert parse_document("# Privacy Policy\n\nLoading...").capture.quality == CaptureQuality.STUB


def test_a_redirect_notice_is_a_redirect():
    capture = parse_document("Redirecting you to https://acme.example/privacy").capture
    assert capture.quality == CaptureQuality.REDIRECT


def test_a_long_page_about_something_else_is_not_a_policy():
    page = "\n\n".join(
        f"## Recipe {number}\n\nMix the flour with eggs and milk, then bake it for twenty minutes."
        for number in range(120)
    )
    assert parse_document(page).capture.quality == CaptureQuality.NOT_A_POLICY


def test_a_policy_in_a_language_the_policy_words_do_not_cover_is_never_not_a_policy():
    # Greek has no entry in the policy words: its share would be nothing, as a home page's is
    greek = "\n\n".join(
        f"## Ενότητα {number}\n\nΣυλλέγουμε τα προσωπικά σας στοιχεία όταν χρησιμοποιείτε την "
        "υπηρεσία μας, και τα επεξεργαζόμαστε για να σας την παρέχουμε με ασφάλεια."
        for number in range(80)
    )
    document = parse_document(greek)
    assert document.language == "el" and document.capture.quality == CaptureQuality.OK


def test_a_capture_cut_off_against_the_version_before_is_truncated_and_not_compared():
    long_words = "Our partners process it under contract, and only as we instruct them. " * 8
    whole, cut = policy(words=long_words), policy(SECTIONS[:2], words=long_words)
    comparison = compare_documents(parse_document(whole), parse_document(cut))
    [caveat] = comparison.caveats
    assert caveat.kind == WarningKind.CAPTURE and caveat.side == "new"
    assert caveat.capture.quality == CaptureQuality.TRUNCATED
    assert comparison.changes == () and comparison.facts == ()


def test_an_old_capture_that_stops_abruptly_before_a_longer_version_is_truncated():
    """The version before was cut off (at a heading with nothing under it, or mid-sentence):
    what the new one adds after the cut is no change of the policy."""
    long_words = "Our partners process it under contract, and only as we instruct them. " * 8
    whole = policy(words=long_words) + "\n\n## Rights\n\nYou may ask for a copy of your data."
    at_a_heading = policy(SECTIONS[:2], words=long_words) + "\n\n## Sharing\n"
    mid_sentence = policy(SECTIONS[:2], words=long_words) + " In addition to the cases descri"
    for cut in (at_a_heading, mid_sentence):
        comparison = compare_documents(parse_document(cut), parse_document(whole))
        [caveat] = comparison.caveats
        assert caveat.kind == WarningKind.CAPTURE and caveat.side == "old"
        assert caveat.capture.quality == CaptureQuality.TRUNCATED
        assert comparison.changes == () and comparison.facts == ()


def test_a_policy_that_grew_after_a_whole_ending_is_compared():
    long_words = "Our partners process it under contract, and only as we instruct them. " * 8
    grown = policy(
        [*SECTIONS, "Cookies", "Children", "Transfers", "Changes", "Security"], words=long_words
    )
    assert kinds(policy(SECTIONS[:2], words=long_words), grown) == []


def test_a_broken_side_is_not_compared_but_two_stubs_are():
    assert kinds(policy(), "Redirecting...") == [WarningKind.CAPTURE]
    stub = compare_documents(
        parse_document("## Data\n\nWe keep it."), parse_document("## Data\n\nWe keep it all.")
    )
    assert stub.caveats == () and stub.changes


def test_a_language_switch_is_said_and_reports_nothing_removed():
    assert detect_language(policy()) == "en" and detect_language(FRENCH) == "fr"
    comparison = compare_documents(parse_document(policy()), parse_document(FRENCH))
    [caveat] = comparison.caveats
    assert caveat.kind == WarningKind.LANGUAGE_CHANGED and caveat.languages == ("en", "fr")
    assert comparison.changes == () and comparison.facts == ()


def test_too_little_prose_has_no_language():
    assert detect_language("Home | About | Contact") is None


def test_another_document_in_the_same_slot_is_said_but_still_compared():
    other = "\n\n".join(
        f"## Clause {number}\n\nBy ordering, the buyer accepts delivery terms, invoices, shipping "
        "fees, refunds within fourteen days and the warranty on goods sold through the shop."
        for number in range(5)
    )
    comparison = compare_documents(parse_document(policy()), parse_document(other))
    assert [caveat.kind for caveat in comparison.caveats] == [WarningKind.DOCUMENT_CHANGED]
    assert comparison.changes


def test_versions_of_one_policy_carry_no_caveat():
    assert kinds(policy(), policy(words="We keep it for 30 days.")) == []


def test_a_long_text_on_one_line_lost_its_lines_and_is_not_compared():
    text = policy(words="We keep it only as long as the service needs it. " * 20)
    flat = " ".join(text.replace("#", "").split())  # every heading run into the text
    capture = parse_document(flat).capture
    assert capture.quality == CaptureQuality.FLATTENED
    comparison = compare_documents(parse_document(text), parse_document(flat))
    assert [caveat.kind for caveat in comparison.caveats] == [WarningKind.CAPTURE]
    assert comparison.changes == ()


def test_two_pages_that_are_no_policy_are_not_compared():
    page = "\n\n".join(
        f"## Recipe {number}\n\nMix the flour with eggs and milk, then bake it for twenty minutes."
        for number in range(120)
    )
    comparison = compare_documents(parse_document(page), parse_document(page + "\n\nMore."))
    assert [caveat.side for caveat in comparison.caveats] == ["old", "new"]
    assert comparison.changes == ()


def test_another_document_in_the_slot_reports_no_fact_changes():
    """A terms page recorded in the policy's place does not remove the policy's e-mails."""
    old = policy() + "\n\n## Contact\n\nWrite to privacy@acme.example with any question."
    terms = "# Acme Terms of Use\n\n" + "\n\n".join(
        f"## Clause {number}\n\nYou agree to use the service lawfully; disputes are settled "
        "by the courts of Delaware, and these terms may change with notice."
        for number in range(1, 8)
    )
    comparison = compare_documents(parse_document(old), parse_document(terms))
    assert WarningKind.DOCUMENT_CHANGED in [caveat.kind for caveat in comparison.caveats]
    assert comparison.facts == ()
    assert all(change.facts == () for change in comparison.changes)


def test_a_short_page_of_menus_is_not_a_policy():
    menus = "\n".join(
        f"*   {name}"
        for name in ("Homes for sale", "Open houses", "New homes", "Apartments for rent",
                     "Mortgage rates", "Refinance calculator", "Real estate agents", "Blog")
        * 25
    )  # fmt: skip
    page = f"**Your browser is out of date**\n\nDownload the app.\n\n{menus}\n"
    assert parse_document(page).capture.quality == CaptureQuality.NOT_A_POLICY
    short_policy = policy()  # about 160 words, all about data
    assert parse_document(short_policy).capture.quality == CaptureQuality.OK


def test_a_short_text_of_prose_is_not_judged_as_a_page_of_menus():
    prose = (
        "# Notice\n\n" + "We keep records of the requests you make to us and of our answers. " * 30
    )
    assert parse_document(prose).capture.quality == CaptureQuality.OK


_SITE_MENU = "\n".join(
    f"*   {name}"
    for name in ("Features", "Templates", "Pricing", "Privacy Policy", "Terms of Use",
                 "Support", "Careers", "Press", "Blog", "Sign In", "Deutsch", "Français")
    * 3
)  # fmt: skip


def test_a_site_menu_with_a_blurb_and_no_policy_is_not_a_policy():
    """Menus naming the privacy policy and terms, and one paragraph about the company."""
    page = (
        f"{_SITE_MENU}\n\nAcme is a leading platform with millions of users worldwide. We make"
        " it easy for everyone to build a beautiful, professional presence online.\n\n"
        "© 2006-2019 Acme, Inc\n"
    )
    capture = parse_document(page).capture
    assert capture.quality == CaptureQuality.NOT_A_POLICY
    assert "menus" in capture_reason(capture)


def test_a_page_pointing_to_the_regional_versions_is_not_a_policy():
    regions = "\n\n".join(
        f"*   The terms for users in {region} are accessible [here](https://acme.example/{region})."
        for region in ("the USA", "Canada", "Australia", "the EU and UK")
    )
    page = f"# Terms & Conditions\n\nThere are several versions of our terms:\n\n{regions}\n\n"
    page += "### Related articles\n\n" + "\n".join(f"* [Article {n}](/a/{n})" for n in range(30))
    assert parse_document(page).capture.quality == CaptureQuality.NOT_A_POLICY


def test_a_short_policy_under_a_site_menu_is_the_policy():
    page = f"{_SITE_MENU}\n\n{policy()}"
    assert parse_document(page).capture.quality == CaptureQuality.OK
