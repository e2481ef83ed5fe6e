"""Effective dates: the five seeds, hand-made headers with distractors, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from tracker.analysis.dates import find_effective_date, parse_date_argument
from tracker.analysis.ingest import ingest_bytes
from tracker.errors import InputError

SEED_DATES = [
    ("2016-04-19", "day", "Effective date: April 19, 2016"),
    ("2018-05-01", "month", "Last Updated: May 2018"),
    ("2011-08-29", "day", "This Privacy Policy is effective August 29, 2011."),
    ("2020-04-01", "day", "Last Updated: April 1, 2020"),
    ("2014-05-08", "day", "Last updated May 8, 2014"),
]


@pytest.mark.parametrize(
    ("seed", "expected"), zip(SEEDS, SEED_DATES, strict=True), ids=lambda value: str(value)[-28:]
)
def test_seed_dates(seed, expected):
    text = ingest_bytes(seed.read_bytes(), name=seed.name).text
    found = find_effective_date(text)
    assert found is not None
    assert (found.iso, found.precision, found.text) == expected


HEADERS = [
    (
        "Effective Date: January 1, 2020\n\nWe do not collect data from children under 13.",
        "2020-01-01",
        "day",
    ),
    ("Last updated: 3 March 2021\n\nWe keep logs for 12 months.", "2021-03-03", "day"),
    (
        "**Last Revised:** 2019-11-05\n\nSince 2009 we have served 13 million users.",
        "2019-11-05",
        "day",
    ),
    (
        "Privacy Notice\n\nUpdated June 2022\n\nYou must be at least 16 years old.",
        "2022-06-01",
        "month",
    ),
    (
        "# Terms\n\n_Effective as of 15 September 2017_\n\nWe retain data for 24 months.",
        "2017-09-15",
        "day",
    ),
    ("Last modified: 2018\n\nCall us at 415-555-0100.", "2018-01-01", "year"),
    ("This policy takes effect on July 4th, 2023.\n\nWe have 2000 employees.", "2023-07-04", "day"),
    ("Version date: 12/31/2015\n\nOur address is 100 Main St.", "2015-12-31", "day"),
    (
        "Intro line\n\nThis Privacy Policy was last updated on the 2nd of February, 2024.",
        "2024-02-02",
        "day",
    ),
    ("Privacy Policy (Revised Sept. 5, 2019)\n\nWe respond within 30 days.", "2019-09-05", "day"),
    ("Effective: Aug 1 2016\n\nCookies expire after 13 months.", "2016-08-01", "day"),
    ("LAST UPDATED: OCTOBER 2020\n\nSections 1 through 12 apply.", "2020-10-01", "month"),
    ("Some text.\n\nUpdated: Dec 2017. Earlier versions: 2015, 2016.", "2017-12-01", "month"),
    ("We updated 5 sections in 2019.\n\nEffective date: May 25, 2018", "2018-05-25", "day"),
    (
        "Body text about 2012 and 13 users.\n\n*Last updated on January 10, 2022.*",
        "2022-01-10",
        "day",
    ),
    ("#### Last Updated: August 14, 2025\n\nWe are 10 years old.", "2025-08-14", "day"),
    ("This Privacy Policy is effective as of the 1st day of March, 2021.", "2021-03-01", "day"),
    (
        "Our previous policy, effective 1 January 2018, is archived.\n\n"
        "This policy is effective as of 15 July 2019.",
        "2019-07-15",
        "day",
    ),
    ("Effective: 2021-03-01 (previous version: 2019-06-12)", "2021-03-01", "day"),
    ("We may change this policy.\n\nDate of last revision: March 2021", "2021-03-01", "month"),
    ("Last updated: 15/07/2019\n\nUsers under 16 need consent.", "2019-07-15", "day"),
    ("Last updated: 07/08/2021\n\nWrite to us in Ohio.", "2021-07-08", "day"),
    ("Effective from: 01/04/2023\n\nRegistered in England and Wales.", "2023-04-01", "day"),
    (
        "Effective from: 01/04/2023\n\nWe may transfer data to India and Ireland.",
        "2023-01-04",
        "day",
    ),
]


@pytest.mark.parametrize(("text", "iso", "precision"), HEADERS)
def test_hand_made_headers(text, iso, precision):
    found = find_effective_date(text)
    assert found is not None, text
    assert (found.iso, found.precision) == (iso, precision)


@pytest.mark.parametrize(
    "text",
    [
        "We do not collect information from children under 13.",
        "We keep your data for 12 months and delete it after 2 years.",
        "Since 2009 we have helped 13 million people. Call 1-800-555-0100.",
        "Any updates will be effective when we post the revised policy.",
        "",
    ],
)
def test_no_date_without_a_cue(text):
    assert find_effective_date(text) is None


def test_effective_beats_last_updated():
    found = find_effective_date("Last updated: June 1, 2019\nEffective date: May 25, 2018")
    assert found.iso == "2018-05-25"


@pytest.mark.parametrize(
    ("argument", "iso", "precision"),
    [("2016-04-19", "2016-04-19", "day"), ("2018-05", "2018-05-01", "month"), ("2018", "2018-01-01", "year"),
     ("May 2018", "2018-05-01", "month"), ("April 19, 2016", "2016-04-19", "day")],
)  # fmt: skip
def test_date_argument(argument, iso, precision):
    parsed = parse_date_argument(argument)
    assert (parsed.iso, parsed.precision) == (iso, precision)


@pytest.mark.parametrize("argument", ["yesterday-ish", "2018-13-45", "", "May"])
def test_bad_date_argument(argument):
    with pytest.raises(InputError):
        parse_date_argument(argument)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_any_text(text):
    found = find_effective_date(text)
    assert found is None or found.precision in ("day", "month", "year")


@settings(max_examples=100, deadline=None)
@given(
    st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2035, 12, 31)),
    st.sampled_from(["Effective date:", "Last updated", "Last Revised:"]),
)
def test_any_stated_day_is_found_exactly(day, cue):
    text = f"{cue} {day:%B} {day.day}, {day.year}\n\nWe delete data after 30 days; users under 13 are not allowed."
    found = find_effective_date(text)
    assert (found.value, found.precision) == (day, "day")


def test_date_text_keeps_an_abbreviated_month():
    assert find_effective_date("Updated: Jan. 5, 2020\n\nWe collect data.").text == (
        "Updated: Jan. 5, 2020"
    )


def test_a_us_policy_naming_irelands_regulator_and_uk_gdpr_reads_month_first():
    text = (
        "Last updated: 08/12/2026\n\nEU users may complain to the Irish regulator at "
        "www.dataprotection.ie. UK users have rights under the UK GDPR."
    )
    assert find_effective_date(text).value.isoformat() == "2026-08-12"


def test_a_date_a_paragraph_mentions_ranks_after_the_documents_own_date_line():
    text = (
        "# Service Terms\n\n#### Last Updated: September 2, 2021\n\n"
        "**1.4** These terms incorporate the Data Processing Addendum when the law applies to your "
        "use of the services. The addendum is effective as of 25 May 2018 and replaces any earlier "
        "addendum agreed between you and us about the processing of your data.\n"
    )
    assert find_effective_date(text).value == dt.date(2021, 9, 2)
    short = "This policy is effective as of May 1, 2020.\n\nLast updated: June 3, 2020\n"
    assert find_effective_date(short).value == dt.date(2020, 5, 1)  # a line of its own still leads


def test_a_list_of_earlier_versions_with_their_periods_is_not_the_date():
    text = (
        "# Privacy Policy\n\nThis version was approved by the board on 3 September 2025 under the "
        "delegation of authority it gave, after a public consultation with the community, and it "
        "went into effect on October 6, 2025.\n\n## Previous versions\n\n"
        "* [Policy (June 2021 - October 2025)](https://example.org/1): effective from June 24, "
        "2021, until October 6, 2025\n"
        "* [Policy (April 2005 to June 2006)](https://example.org/2): effective from April 2005 "
        "until June 21, 2006\n"
    )
    assert find_effective_date(text).value == dt.date(2025, 10, 6)
    assert find_effective_date("Effective May 1, 2020 until further notice.").value == dt.date(
        2020, 5, 1
    )


def test_an_iso_timestamp_is_read_to_its_day():
    found = find_effective_date("Updated 2021-11-24T10:40:47Z by the editor\n\nWe collect data.")
    assert (found.value, found.precision) == (dt.date(2021, 11, 24), "day")
