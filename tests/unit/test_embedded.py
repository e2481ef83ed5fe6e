"""Two policies on one page: the upcoming version above the one in force, read apart."""

from __future__ import annotations

import datetime as dt

from pages import IN_FORCE, PAGE, TITLES, UPCOMING, policy

from tracker.analysis.compare import compare
from tracker.analysis.sections import parse_document, stated_date
from tracker.model import ChangeKind, Relation


def test_the_second_copy_is_read_apart_and_is_the_previous_version():
    document = parse_document(PAGE)
    assert [section.title for section in document.sections] == TITLES
    [embedded] = document.embedded
    assert embedded.relation == Relation.PREVIOUS
    assert [section.title for section in embedded.sections] == TITLES
    assert PAGE.split("\n")[embedded.line - 1] == "## Current Privacy Policy"
    assert embedded.effective.value == dt.date(2022, 6, 10)
    assert embedded.until.value == dt.date(2024, 3, 1)


def test_the_page_is_dated_by_its_primary_text_not_the_embedded_one():
    page = PAGE.replace("**These updated terms take effect on March 1, 2024.**", "")
    page = page.replace(
        "# Heron Privacy Policy", "# Heron Privacy Policy\n\nLast updated: 2024-02-01"
    )
    document = parse_document(page)
    assert document.embedded
    assert stated_date(page, document).value == dt.date(2024, 2, 1)


def test_an_upcoming_version_below_the_one_in_force_is_next():
    page = f"# Heron Privacy Policy\n\n{IN_FORCE}\n\n## Our Updated Privacy Policy\n\n{UPCOMING}\n"
    [embedded] = parse_document(page).embedded
    assert embedded.relation == Relation.NEXT


def test_a_page_that_goes_back_to_one_policy_is_compared_on_its_primary_text():
    two = parse_document(PAGE)
    one = parse_document("# Heron Privacy Policy\n\n" + UPCOMING)
    kinds = {change.kind for change in compare(two, one, words=False).changes}
    assert kinds <= {ChangeKind.UNCHANGED, ChangeKind.MODIFIED}


def test_a_summary_repeating_the_titles_is_not_a_second_policy():
    summary = "\n\n".join(f"## {title}\n\nIn short: {title.lower()}." for title in TITLES)
    page = f"# Heron Privacy Policy\n\n## At a Glance\n\n{summary}\n\n## The Full Policy\n\n{policy('Heron')}"
    assert parse_document(page).embedded == ()


def test_sections_repeated_per_region_are_not_a_second_policy():
    regions = "\n\n".join(
        f"## {region}\n\n### Your Rights\n\nResidents of {region} may ask us about their data.\n\n"
        f"### How to Ask\n\nWrite to {region.lower()}@heron.example and we answer within a month."
        for region in ("California", "Europe", "Brazil", "Canada")
    )
    assert parse_document(f"# Heron Privacy Policy\n\n{regions}").embedded == ()


def test_cards_repeating_the_full_text_with_nothing_announcing_a_version_are_not_a_second_policy():
    cards = policy("Heron")
    page = f"# Heron Privacy Policy\n\n{cards}\n\n## About Us\n\nHeron makes mail software.\n\n{policy('Heron')}"
    assert parse_document(page).embedded == ()
