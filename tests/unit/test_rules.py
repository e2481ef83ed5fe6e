"""Rule data is sound: every file parses, every pattern compiles, every list is kept once.

Like dateparser's checks of its language data: a broken rule file fails here, not at a user's.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from tracker import rules

FILES = rules.files()
# Every rule file of every language, as `(language, name)`.
ALL_FILES = [(language, name) for language in rules.languages() for name in rules.files(language)]


def _strings(value, path=""):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def _lists(value, path=""):
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _lists(item, f"{path}.{key}" if path else key)


def test_the_rule_files_are_there():
    assert {"dates", "facts", "headings", "identity", "labels", "stopwords", "topics"} <= set(FILES)


@pytest.mark.parametrize(("language", "name"), ALL_FILES)
def test_every_file_parses_as_toml(language, name):
    text = resources.files("tracker.rules").joinpath(language, f"{name}.toml").read_text("utf-8")
    assert tomllib.loads(text) == rules.load(name, language)


PATTERN_KEYS = re.compile(
    r"pattern|cues\.|^kinds\.|^data_types\.|^third_parties\.|^frameworks\.|^rights\.|^document_title$"
)


@pytest.mark.parametrize(("language", "name"), ALL_FILES)
def test_every_pattern_compiles(language, name):
    for path, value in _strings(rules.load(name, language)):
        if PATTERN_KEYS.search(path) or path.startswith(("until.", "shapes.day")):
            re.compile(value)


@pytest.mark.parametrize(("language", "name"), ALL_FILES)
def test_word_lists_have_no_duplicates_and_are_lower_case(language, name):
    for path, words in _lists(rules.load(name, language)):
        assert len(words) == len(set(words)), f"{name}:{path} repeats a word"
        if path.endswith(("words", "orgs")):
            assert all(word == word.lower() for word in words), f"{name}:{path}"


def test_no_list_is_kept_twice():
    seen: dict[tuple[str, ...], str] = {}
    for language, name in ALL_FILES:
        for path, words in _lists(rules.load(name, language)):
            key = tuple(sorted(words))
            assert key not in seen, f"{name}:{path} repeats {seen[key]}"
            seen[key] = f"{name}:{path}"


def test_cues_are_ranked_and_months_complete():
    dates = rules.load("dates")
    assert [cue["rank"] for cue in dates["cues"]] == sorted(cue["rank"] for cue in dates["cues"])
    assert len(dates["months"]) == 12


@pytest.mark.parametrize("language", rules.languages())
def test_every_language_states_dates_in_the_same_terms(language):
    """A language's dates.toml has the keys English's has (months aside: dateparser's)."""
    english, other = rules.load("dates"), rules.load("dates", language)
    keys = {"cues", "shapes", "other_version", "until"}
    assert keys <= set(other), language
    for key in keys - {"cues"}:
        assert set(other[key]) == set(english[key]), f"{language}: {key}"
    ranks = [cue["rank"] for cue in other["cues"]]
    assert ranks == sorted(ranks) and set(ranks) <= {0, 1, 2}, language
    assert other["shapes"]["date_order"] in {"MDY", "DMY", "YMD"}, language


@pytest.mark.parametrize("language", [code for code in rules.languages() if code != "en"])
def test_dateparser_knows_every_language_with_date_rules(language):
    from dateparser.languages.loader import default_loader

    assert default_loader.get_locale(language).info.get("january"), language


def test_topic_weights_are_positive_and_framework_periods_ordered():
    for topic, entries in rules.load("topics")["privacy_policy"].items():
        assert entries and all(entry["weight"] > 0 for entry in entries), topic
    for framework, period in rules.load("facts")["framework_periods"].items():
        if "start" in period and "end" in period:
            assert period["start"] < period["end"], framework
        assert framework in rules.load("facts")["frameworks"]


def test_every_fact_type_has_a_label_and_a_rank_of_its_own():
    from tracker.analysis.meaning.facts import FACT_TYPES

    labels = rules.load("labels")["facts"]
    assert [fact_type.name for fact_type in FACT_TYPES if fact_type.name not in labels] == []
    order = rules.load("facts")["highlight_order"]
    assert sorted(order) == sorted(fact_type.name for fact_type in FACT_TYPES)
