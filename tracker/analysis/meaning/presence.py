"""Is a fact still stated somewhere in a text, in any wording? A fact is a claim about the whole
document: it is added only when the old text never states it, and removed only when the new one
no longer does. Extractors need a cue in the sentence, for precision; this check needs none, so
a reworded statement (`at least 16` to `aged 16 or over`, `request access` to `download your
data`) is not read as one fact removed and another added."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from tracker import rules
from tracker.analysis.meaning import contract
from tracker.analysis.meaning import facts as extract
from tracker.analysis.meaning.contacts import address_words
from tracker.analysis.meaning.cue import Cue, lowered_text, rule_cue
from tracker.analysis.meaning.lexicon import Lexicon

_RULES = rules.load("facts")
_LOOSE_RIGHTS = Lexicon(_RULES["loose_rights"], re.I)
_LOOSE_DATA_TYPES = Lexicon(_RULES["loose_data_types"], re.I)
_LOOSE_COMPANIES = Lexicon(_RULES["third_parties"], re.I)
_LOOSE_DISPUTE_TERMS = Lexicon(_RULES["loose_dispute_terms"], re.I)
_HIDDEN_EMAIL = rules.pattern("facts", "cues.hidden_email", re.I)
_WINDOW = 120  # characters around a number searched for what it is about
_RIGHTS_WINDOW = 400  # ... around a right's word for the offer (a list's lead-in is far above)


@lru_cache(maxsize=4096)  # asked for each change of a comparison, with the same two texts
def stated_anywhere(fact_type: str, value: str, text: str) -> bool:
    check = _CHECKS.get(fact_type)
    return check is not None and check(value, text)


def _email(value: str, text: str) -> bool:
    """Also when a PDF's text spaced its parts (`contrat - pro@serviceclient - sncf.fr`), and
    when the text hides its addresses (`[email protected]`): nothing can be told."""
    return (
        value in lowered_text(text)
        or value in _unspaced(text)
        or _HIDDEN_EMAIL.search(text) is not None
    )


@lru_cache(maxsize=8)
def _unspaced(text: str) -> str:
    return _SPACED_PUNCTUATION.sub(r"\1", lowered_text(text))


_SPACED_PUNCTUATION = re.compile(r"\s*([-.@_])\s*")


def _phone(value: str, text: str) -> bool:
    return re.sub(r"\D", "", value)[-10:] in _digits(text)


def _address(value: str, text: str) -> bool:
    """Its words up to the postcode: `970 Park Place, Suite 100, San Mateo, CA 94401` is still
    stated by `..., CA 94403`, the same street address (a P.O. box's code beside it)."""
    return _POSTCODE.sub("", address_words(value)) in _words(text)


_POSTCODE = re.compile(r" \d{5}(?: \d{4})?$")


def _near(pattern: str, cue: Cue, text: str, window: int = _WINDOW) -> bool:
    return any(
        cue.search(_around(text, match, window)) for match in re.finditer(pattern, text, re.I)
    )


def _around(text: str, match: re.Match[str], window: int = _WINDOW) -> str:
    return text[max(0, match.start() - window) : match.end() + window]


def _age(value: str, text: str) -> bool:
    return _near(rf"(?<![\d.,]){re.escape(value)}(?![\d.,]\d)", extract._AGE_CONTEXT, text)


def _period(cue: Cue) -> Callable[[str, str], bool]:
    def stated(value: str, text: str) -> bool:
        if value in _PHRASES:
            return _PHRASES[value].search(lowered_text(text)) is not None
        return any(
            extract._duration_value(match) == value and cue.search(_around(text, match))
            for match in extract._DURATION.finditer(text)
        )

    return stated


# `as needed to perform our contract` still keeps data for as long as necessary (a looser
# wording than the extractor reads, used only to tell a period still stated).
_PHRASES = {
    "as long as necessary": re.compile(
        extract.AS_LONG_AS_NEEDED.pattern
        + r"|\bas (?:reasonably )?(?:needed|necessary) (?:to|for)\b"
    ),
    "indefinite": extract.INDEFINITE,
}


def _lexicon(lexicon: Lexicon) -> Callable[[str, str], bool]:
    def stated(value: str, text: str) -> bool:
        pattern = lexicon.pattern(value)
        return pattern is not None and pattern.found(text)

    return stated


def _company(value: str, text: str) -> bool:
    """Its patterns or its name, in any case anywhere: `Google` is still named in `Google
    Analytics`, `LinkedIn` in a footer's `Linkedin`, TrustArc in a link to `truste.com`."""
    if _lexicon(_LOOSE_COMPANIES)(value, text):
        return True
    return re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text, re.I) is not None


def _country(value: str, text: str) -> bool:
    names = [value, *(alias for alias, name in extract._COUNTRY_ALIASES.items() if name == value)]
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) for name in names)


def _data_type(value: str, text: str) -> bool:
    """Its own words, or looser ones (`payment mechanism like credit cards` for billing
    information, `browser or device model` for the browser type)."""
    return _lexicon(extract._DATA_TYPE_LEXICON)(value, text) or _lexicon(_LOOSE_DATA_TYPES)(
        value, text
    )


def _dispute_term(value: str, text: str) -> bool:
    return _lexicon(contract.DISPUTE_TERMS)(value, text) or _lexicon(_LOOSE_DISPUTE_TERMS)(
        value, text
    )


def _right(value: str, text: str) -> bool:
    """The right's own words anywhere, or looser ones (`download`, `have it corrected`) where
    the reader is offered something (`you can`, `request`, `your rights`)."""
    if _lexicon(extract._RIGHTS_LEXICON)(value, text):
        return True
    loose = _LOOSE_RIGHTS.pattern(value)
    return loose is not None and _near(loose.pattern, extract._RIGHTS_CONTEXT, text, _RIGHTS_WINDOW)


def _governing_law(value: str, text: str) -> bool:
    """`the laws of the State of Vermont` or `Vermont law` where a clause says what governs:
    `The laws of Vermont, U.S.A., ... govern` states the law `governed by` did."""
    names = "|".join(re.escape(name) for name in _place_names(value))
    place = rf"\blaws?\s+of\s+(?:[^.;]{{0,40}}?\s)?(?:{names})\b|\b(?:{names})\s+laws?\b"
    return _near(place, _GOVERNING_CONTEXT, text)


def _place_names(value: str) -> list[str]:
    return [value, *(word for word, place in contract.LAW_ADJECTIVES.items() if place == value)]


def _venue(value: str, text: str) -> bool:
    return _near(rf"(?<![\w-]){re.escape(value)}(?![\w-])", _COURT, text, _VENUE_WINDOW)


def _liability_cap(value: str, text: str) -> bool:
    """The same amount beside a limit (`any amounts that exceed $50`, in a list a sentence
    about liability introduces): `$50` still capped, however the clause was reworded."""
    amount = re.sub(r"\.00$", "", re.sub(r"[^\d.]", "", value))
    digits = ",?".join(amount)  # a thousands separator or none: `1,000` is `1000`
    return _near(rf"(?<![\d.,]){digits}(?:\.00)?(?![\d]|[.,]\d)", _LIMIT, text)


_GOVERNING_CONTEXT = rule_cue("governing_context")
_COURT = rule_cue("court")
_LIMIT = rule_cue("liability_limit")
_VENUE_WINDOW = 80  # characters around a place searched for the court it seats


@lru_cache(maxsize=8)
def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@lru_cache(maxsize=8)
def _words(text: str) -> str:
    return address_words(text)


# Selling is left out on purpose: a flip from `no` to `yes` must show even if both are worded.
_CHECKS: dict[str, Callable[[str, str], bool]] = {
    "contact_email": _email,
    "phone": _phone,
    "postal_address": _address,
    "age_limit": _age,
    "retention_period": _period(extract._KEEPING),
    "response_time": _period(extract._RESPONDING),
    "data_type": _data_type,
    "third_party": _company,
    "legal_framework": _lexicon(extract._FRAMEWORK_LEXICON),
    "transfer_country": _country,
    "user_right": _right,
    "dispute_term": _dispute_term,
    "governing_law": _governing_law,
    "venue": _venue,
    "liability_cap": _liability_cap,
}
