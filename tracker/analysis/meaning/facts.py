"""Facts a section states: normalised values with the sentence they came from.

Precision comes before recall: each extractor needs a cue in the same sentence (an age needs a
child or age word, a retention period a keeping word), so a fact that is not there is rarely
reported. Lexicons and cue words are in `rules/en/facts.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache

from tracker import rules
from tracker.analysis.meaning.contacts import (
    address_matches,
    address_words,
    addresses,
    emails,
    phones,
)
from tracker.analysis.meaning.contract import dispute_terms, governing_law, liability_cap, venue
from tracker.analysis.meaning.cue import rule_cue as _cue
from tracker.analysis.meaning.lexicon import Lexicon
from tracker.analysis.meaning.sentences import cued_sentences, joined_lines
from tracker.model import Fact

_RULES = rules.load("facts")
_PRIVACY_ONLY = _RULES["privacy_only"]
_NOT_REPORTED_BY = dict.fromkeys(_PRIVACY_ONLY["not_in"], frozenset(_PRIVACY_ONLY["fact_types"]))


def extract_facts(
    text: str, heading: str = "", document_type: str = "privacy_policy"
) -> tuple[Fact, ...]:
    """Facts of a section's text; its heading, like a list's lead-in, gives its items their cue.
    Only the fact types its document type states (`rules/en/facts.toml`, `privacy_only`)."""
    facts = _extract_facts_cached(text, heading)
    skipped = _NOT_REPORTED_BY.get(document_type)
    return tuple(fact for fact in facts if fact.type not in skipped) if skipped else facts


@lru_cache(maxsize=4096)
def _extract_facts_cached(text: str, heading: str) -> tuple[Fact, ...]:
    facts: list[Fact] = []
    position: dict[tuple[str, str], int] = {}
    for sentence, cue in cued_sentences(text, heading, _COPYRIGHT_LINE):
        for fact_type, value in _facts_in(sentence, cue):
            if _fact_key(fact_type, value) not in position:
                position[_fact_key(fact_type, value)] = len(facts)
                facts.append(Fact(fact_type, value, sentence.strip()))
    matches = address_matches(joined_lines(text))
    for value, others in matches:
        key = _fact_key("postal_address", value)
        if others:
            continue
        if key not in position:
            position[key] = len(facts)
            facts.append(Fact("postal_address", value, value))
        elif value.count(",") > facts[position[key]].value.count(","):
            facts[position[key]] = replace(facts[position[key]], value=value)  # one part a line
    # a public body named on the lines above an address (`Council of ...`) owns it, even
    # where its sentence does not name the body
    theirs = {_fact_key("postal_address", value) for value, others in matches if others}
    return tuple(fact for fact in facts if _fact_key(fact.type, fact.value) not in theirs)


_COPYRIGHT_LINE = _cue("copyright_line")
_DEFINITION = _cue("definition")


def _fact_key(fact_type: str, value: str) -> tuple[str, str]:
    """Addresses are the same whatever their commas and line breaks."""
    return fact_type, address_words(value) if fact_type == "postal_address" else value


def _facts_in(sentence: str, cue: str):
    for fact_type in FACT_TYPES:
        yield from ((fact_type.name, value) for value in fact_type.extract(sentence, cue))


_NUMBER_WORDS: dict[str, int] = _RULES["number_words"]
_NUMBER = (
    r"(?:\d{1,4}|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:\s*\(\d{1,4}\))?"
)
_AGE = re.compile(
    rf"\b(?:under|below|younger than|less than|at least|over|older than|aged?|minimum age of)\s+(?:the\s+age\s+of\s+)?(?P<n>{_NUMBER})\b",
    re.I,
)
_AGE_OR_OLDER = re.compile(
    rf"\b(?P<n>{_NUMBER})\s+(?:years?\s+(?:of\s+age\s+|old\s+)?)?or\s+(?:older|over|above|more)\b",
    re.I,
)
_AGE_CONTEXT = _cue("age_context")
_MINIMUM_AGE = _cue("minimum_age")
_NOT_MINIMUM_AGE = _cue("not_minimum_age")


def _number_value(text: str) -> int | None:
    digits = re.search(r"\d+", text)
    if digits:
        return int(digits.group(0))
    return _NUMBER_WORDS.get(text.strip().lower())


def _ages(sentence: str) -> list[str]:
    """A minimum age to use the service or to have data collected: `at least 16`, `not
    directed to children under 13`; not `under the age of majority` nor a selling clause's."""
    if not _AGE_CONTEXT.search(sentence) or not _MINIMUM_AGE.search(sentence):
        return []
    if _NOT_MINIMUM_AGE.search(sentence) or _PRACTICE_VERB.search(sentence):
        return []
    ages = []
    for match in (*_AGE.finditer(sentence), *_AGE_OR_OLDER.finditer(sentence)):
        after = sentence[match.end() : match.end() + 20].lower()
        if re.match(r"\s*(?:%|percent|days?|months?|hours?|cookies?|\w+ cookies)", after):
            continue
        value = _number_value(match.group("n"))
        if value is not None and 10 <= value <= 21:
            ages.append(str(value))
    return ages


# `16 years old` and `18 years of age` are ages, never periods.
_DURATION = re.compile(
    rf"\b(?P<n>{_NUMBER})\s*[- ]?(?P<unit>days?|weeks?|months?|years?)\b(?![- ](?:old|of age)\b)",
    re.I,
)
_KEEPING = _cue("keeping")
_RESPONDING = _cue("responding")


def _durations(
    sentence: str, keep: Callable[[re.Match[str]], bool] = lambda _match: True
) -> list[str]:
    return [
        value
        for match in _DURATION.finditer(sentence)
        if keep(match) and (value := _duration_value(match))
    ]


_NOTICE_PERIOD = _cue("notice_period")
_INACTIVITY_PERIOD = _cue("inactivity_period")
_KEPT_DATA = _cue("kept_data")


def _kept_periods(sentence: str) -> list[str]:
    """The periods of a keeping sentence that say how long something is kept: not a notice
    (`after 30 days' notice`), nor a time without use of something that is no data."""
    names_data = _KEPT_DATA.search(sentence) is not None

    def kept(match: re.Match[str]) -> bool:
        if _NOTICE_PERIOD.match(sentence[match.end() : match.end() + 30]):
            return False
        return names_data or not _INACTIVITY_PERIOD.search(sentence[: match.start()][-80:])

    return _durations(sentence, kept)


def _duration_value(match: re.Match[str]) -> str | None:
    """`twelve (12) months` -> `12 months`."""
    amount = _number_value(match.group("n"))
    if not amount:
        return None
    unit = match.group("unit").lower().rstrip("s")
    return f"{amount} {unit}{'' if amount == 1 else 's'}"


@lru_cache(maxsize=4096)
def _response_time(sentence: str) -> str | None:
    if not _RESPONDING.search(sentence) or not re.search(r"\brequests?\b", sentence, re.I):
        return None
    durations = _durations(sentence)
    return durations[0] if durations else None


# `permanently (and securely) deleted` says how data goes, not that it stays.
INDEFINITE = re.compile(
    r"\b(?:indefinitely|forever)\b"
    r"|\bpermanently\b(?!\s+(?:\w+\s+){0,2}(?:delet|eras|remov|destr|purg|anonymi|de-identif))"
)
AS_LONG_AS_NEEDED = re.compile(
    r"\bas long as (?:(?:is|it is|reasonably|strictly) )*(?:necessary|needed|required)"
    r"|no longer (?:necessary|needed|required)"
)


def _retention(sentence: str, cue: str) -> list[str]:
    if not _KEEPING.search(cue):
        return []
    values = _kept_periods(sentence)
    lowered = sentence.lower()
    if INDEFINITE.search(lowered) and not values:
        values.append("indefinite")
    elif AS_LONG_AS_NEEDED.search(lowered):
        values.append("as long as necessary")
    if re.search(r"\bwithin\b", lowered) and re.search(r"\brequest", lowered):
        return []
    return values


_COUNTRIES: list[str] = _RULES["countries"]
_COUNTRY_ALIASES: dict[str, str] = _RULES["country_aliases"]
_COUNTRY = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(name) for name in (*_COUNTRIES, *_COUNTRY_ALIASES))
    + r")(?![\w-])"
)
_TRANSFER_CONTEXT = _cue("transfer_context")
_NOT_TRANSFER = _cue("not_transfer")
_PART_OF_NAME = _cue("part_of_name", 0)
_TRANSFER_ORIGIN = _cue("transfer_origin")
_RIGHTS_CONTEXT = _cue("rights_context")

_DATA_TYPE_LEXICON = Lexicon(_RULES["data_types"], re.I)
_THIRD_PARTY_LEXICON = Lexicon(_RULES["third_parties"])
_FRAMEWORK_LEXICON = Lexicon(_RULES["frameworks"])
_RIGHTS_LEXICON = Lexicon(_RULES["rights"], re.I)
_COLLECTING = _cue("collecting")
_THIRD_PARTY_ROLE = _cue("third_party_role")
_DENIED_HANDLING = _cue("denied_handling")


def _collects(sentence: str) -> bool:
    """A collecting verb that is not negated: `we do not collect or store card details` names none."""
    return any(
        not _NEGATION.search(sentence[max(0, match.start() - 25) : match.start()])
        for match in _COLLECTING.finditer(sentence)
    )


def _denies_collecting(sentence: str) -> bool:
    """`we do not collect card details`, `we do not retain any biometric data`."""
    if _DENIED_HANDLING.search(sentence):
        return True
    return _COLLECTING.search(sentence) is not None and not _collects(sentence)


def _countries(sentence: str) -> list[str]:
    """Where data goes: not a company's name (`Acme Netherlands B.V.`), an authority's (`the
    UK's Information Commissioner`), nor the countries of an export-control clause."""
    if not _TRANSFER_CONTEXT.search(sentence) or _NOT_TRANSFER.search(sentence):
        return []
    names = [
        _COUNTRY_ALIASES.get(match.group(1), match.group(1))
        for match in _COUNTRY.finditer(sentence)
        if not _PART_OF_NAME.match(sentence[match.end() :])
        and not _TRANSFER_ORIGIN.search(sentence[max(0, match.start() - 100) : match.start()])
    ]
    return list(dict.fromkeys(names))


_OWN_RIGHT = _cue("own_right")
_NO_RIGHT = _cue("no_right")
_WE_ACT = re.compile(r"\bwe\s+(?:[\w,]+\s+){0,5}$", re.I)
_ON_REQUEST = _cue("on_request")


def _rights(sentence: str, cue: str) -> list[str]:
    """The rights a sentence grants the reader; what *we* may access or delete is not one."""
    if not _RIGHTS_CONTEXT.search(cue) or _OWN_RIGHT.search(sentence) or _NO_RIGHT.search(sentence):
        return []
    if _ON_REQUEST.search(cue):
        return _RIGHTS_LEXICON(sentence)
    return [
        name
        for name in _RIGHTS_LEXICON(sentence)
        if any(
            not _WE_ACT.search(sentence[max(0, match.start() - 40) : match.start()])
            for match in _RIGHTS_LEXICON.pattern(name).finditer(sentence)
        )
    ]


_PRACTICE_VERB = _cue("practice_verb")
_NEGATION = _cue("negation")
_BUSINESS_SALE = _cue("business_sale")
_SALE_HEDGE = _cue("sale_hedge")
_SOLD_COMPANY = _cue("sold_company", 0)
_PRACTICE_NOUN = _cue("practice_noun")
_USER_OBLIGATION = _cue("user_obligation")


def _practices(sentence: str) -> list[str]:
    """Polarity of selling and renting personal data: `sells personal information: no` or `yes`.

    Each verb looks back a few words for a negation (`do not sell`, `neither rent nor sell`).
    Beside a merger or a sale of the business only a denial counts: `except in a merger, we
    will not sell your information` still says no.
    """
    if not re.search(r"\b(?:information|data)\b", sentence, re.I):
        return []
    if _SALE_HEDGE.search(sentence) or _USER_OBLIGATION.search(sentence):
        return []
    business_sale = _BUSINESS_SALE.search(sentence) is not None
    found = []
    for match in _PRACTICE_VERB.finditer(sentence):
        if _PRACTICE_NOUN.search(sentence[: match.start()]) or not _sells_data(sentence, match):
            continue
        word = (match.group("verb") or match.group("engaged")).lower()
        verb = "sells" if word.startswith(("sell", "sold", "sale")) else "rents"
        denied = _NEGATION.search(sentence[max(0, match.start() - 40) : match.start()])
        if denied or not business_sale:
            found.append(f"{verb} personal information: {'no' if denied else 'yes'}")
    return list(dict.fromkeys(found))


_SOLD_DATA = re.compile(
    r"\b(?:information|data|details|lists?|address(?:es)?|it|them|this)\b", re.I
)
_SOLD_GOODS = re.compile(
    r"\b(?:products?|services?|goods|merchandise|tickets?|subscriptions?|advertis\w+|ads|items?)\b",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:is|are|be|been|being)\W+(?:\w+\W+){0,3}$", re.I)


def _sells_data(sentence: str, verb: re.Match[str]) -> bool:
    """Whether what is sold or rented is data: `sell your information`, `information is not sold`.

    `Partners may sell products or services to you` sells goods, not personal information.
    """
    before = sentence[max(0, verb.start() - 30) : verb.start()]
    if _PASSIVE.search(before):
        return not _SOLD_COMPANY.search(before)  # `our business is sold`: not data
    after = sentence[verb.end() : verb.end() + 90]
    data, goods = _SOLD_DATA.search(after), _SOLD_GOODS.search(after)
    return data is not None and (goods is None or data.start() < goods.start())


_CHANGE_NOTICE = _cue("change_notice")
_TERMS_CHANGE = _cue("terms_change")
_PRICE_CHANGE = _cue("price_change")


def _change_notice(sentence: str) -> list[str]:
    """How long before a change of the terms the user is told: `30 days' notice`."""
    if not _TERMS_CHANGE.search(sentence) or _PRICE_CHANGE.search(sentence):
        return []
    values = []
    for match in _CHANGE_NOTICE.finditer(sentence):
        amount = _number_value(match.group("n"))
        if amount:
            values.append(f"{amount} day{'' if amount == 1 else 's'}")
    return values


# The registry: every fact type, in the order a sentence is read. Adding one is one entry
# here (its label and lexicons go in rules/en/facts.toml).


class Pairing(Enum):
    """How a removed and an added value of one type pair up as one `changed` fact."""

    NONE = "none"  # values stand alone: a new third party is added, not a changed one
    IN_ORDER = "in_order"  # one value at a time: a new contact e-mail replaces the old
    SAME_PRACTICE = "same_practice"  # `sells personal information: no` -> `: yes`
    ONE_FOR_ONE = "one_for_one"  # only one value went and one came: two periods are not paired
    SAME_CONTACT = "same_contact"  # an address or number in the same place, or the same mailbox


@dataclass(frozen=True)
class FactType:
    name: str
    extract: Callable[[str, str], Iterable[str]]  # (sentence, the words that cue it) -> values
    pairing: Pairing = Pairing.NONE


_DOCUMENT_TITLE = _cue("document_title", 0)


def _data_types(sentence: str, cue: str) -> list[str]:
    if not _collects(cue) or _denies_collecting(sentence):
        return []
    found = _DATA_TYPE_LEXICON(_DOCUMENT_TITLE.sub(" ", sentence))
    return [] if found and _DEFINITION.search(cue) else found


_BRAND_RUN = _cue("brand_run", 0)
_DEVICE_BRAND = _cue("device_brand", 0)


def _named_for_devices(name: str, sentence: str) -> bool:
    """Every mention is of its hardware: `on Amazon Fire devices`."""
    return all(
        _DEVICE_BRAND.match(sentence[match.end() :])
        for match in _THIRD_PARTY_LEXICON.pattern(name).finditer(sentence)
    )


def _third_parties(sentence: str, cue: str) -> list[str]:
    found = [
        name for name in _THIRD_PARTY_LEXICON(sentence) if not _named_for_devices(name, sentence)
    ]
    if found and (
        _DEFINITION.search(cue)
        or not _THIRD_PARTY_ROLE.search(cue)
        or _BRAND_RUN.search(sentence)
        or (
            (_LINKED_SITES.search(sentence) or _DISCLAIMER.search(cue))
            and not _DATA_FLOW.search(sentence)
        )
    ):
        return []
    return found


# `links to third-party websites such as Facebook` names no one data goes to
_LINKED_SITES = _cue("linked_sites")
_DATA_FLOW = _cue("data_flow")
_DISCLAIMER = _cue("disclaimer")


def _responses(sentence: str, _cue: str) -> list[str]:
    response = _response_time(sentence)
    return [response] if response else []


def _retentions(sentence: str, cue: str) -> list[str]:
    return [] if _response_time(sentence) else _retention(sentence, cue)


FACT_TYPES: tuple[FactType, ...] = (
    FactType("contact_email", lambda sentence, _: emails(sentence), Pairing.SAME_CONTACT),
    FactType("postal_address", lambda sentence, _: addresses(sentence), Pairing.IN_ORDER),
    FactType("phone", lambda sentence, _: phones(sentence), Pairing.SAME_CONTACT),
    FactType("age_limit", lambda sentence, _: _ages(sentence), Pairing.IN_ORDER),
    FactType("response_time", _responses, Pairing.ONE_FOR_ONE),
    FactType("retention_period", _retentions, Pairing.ONE_FOR_ONE),
    FactType("data_type", _data_types),
    FactType("third_party", _third_parties),
    FactType("transfer_country", lambda sentence, _: _countries(sentence)),
    FactType("legal_framework", lambda sentence, _: _FRAMEWORK_LEXICON(sentence)),
    FactType("user_right", _rights),
    FactType("practice", lambda sentence, _: _practices(sentence), Pairing.SAME_PRACTICE),
    FactType("governing_law", lambda sentence, _: governing_law(sentence), Pairing.IN_ORDER),
    FactType("venue", lambda sentence, _: venue(sentence), Pairing.ONE_FOR_ONE),
    FactType("dispute_term", lambda sentence, _: dispute_terms(sentence)),
    FactType("change_notice", lambda sentence, _: _change_notice(sentence), Pairing.ONE_FOR_ONE),
    FactType("liability_cap", lambda sentence, _: liability_cap(sentence), Pairing.ONE_FOR_ONE),
)
FACT_TYPE = {fact_type.name: fact_type for fact_type in FACT_TYPES}
