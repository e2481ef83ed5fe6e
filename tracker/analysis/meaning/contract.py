"""Terms-of-service facts: the governing law, the venue, arbitration and its waivers, and
liability caps, read from what a clause states (cue words in `rules/en/facts.toml`)."""

from __future__ import annotations

import re

from tracker import rules
from tracker.analysis.meaning.cue import Cue
from tracker.analysis.meaning.cue import rule_cue as _cue
from tracker.analysis.meaning.lexicon import Lexicon

_RULES = rules.load("facts")


_GOVERNING_LAW = _cue("governing_law", 0)
_GOVERNING_LAW_ACTIVE = _cue("governing_law_active", 0)
_GOVERNING_LAW_ADJECTIVE = _cue("governing_law_adjective", 0)
LAW_ADJECTIVES: dict[str, str] = _RULES["law_adjectives"]
_VENUE = _cue("venue", 0)
_VENUE_CONTEXT = _cue("venue_context")
DISPUTE_TERMS = Lexicon(
    {
        "binding arbitration": _RULES["cues"]["arbitration"],
        "class-action waiver": _RULES["cues"]["class_action_waiver"],
        "jury-trial waiver": _RULES["cues"]["jury_waiver"],
    },
    re.I,
)
_LIABILITY = _cue("liability")
_LIABILITY_CAP = _cue("liability_cap")
_PLACE_END = re.compile(r"[\s.,;]+$")


def _places(pattern: Cue, sentence: str) -> list[str]:
    return [_PLACE_END.sub("", match.group("place")) for match in pattern.finditer(sentence)]


def governing_law(sentence: str) -> list[str]:
    """`These terms are governed by the laws of the State of Oregon`, `the laws of Oregon
    govern these terms`, `governed by French law` -> `Oregon`, `Oregon`, `France`."""
    lowered = sentence.lower()
    if "govern" not in lowered and "subject to" not in lowered and "construed" not in lowered:
        return []
    places = _places(_GOVERNING_LAW, sentence) + _places(_GOVERNING_LAW_ACTIVE, sentence)
    named = _GOVERNING_LAW_ADJECTIVE.search(sentence)
    if named:  # and the others it offers: `governed by Dutch law, or English law if ...`
        adjectives = _ADJECTIVE_LAW.findall(sentence[named.start() :])
        places += [LAW_ADJECTIVES[word] for word in adjectives if word in LAW_ADJECTIVES]
    return list(dict.fromkeys(places))


_ADJECTIVE_LAW = re.compile(r"\b([A-Z][a-z]+) laws?\b")


def venue(sentence: str) -> list[str]:
    """`... brought exclusively in the courts located in King County` -> `King County`."""
    if "court" not in sentence.lower() and "tribunal" not in sentence.lower():
        return []
    return _places(_VENUE, sentence) if _VENUE_CONTEXT.search(sentence) else []


def dispute_terms(sentence: str) -> list[str]:
    """Binding arbitration and the waivers that come with it, when the sentence states them."""
    return DISPUTE_TERMS(sentence)


def liability_cap(sentence: str) -> list[str]:
    """`our liability shall not exceed the greater of $100 or ...` -> `$100` (a thousands
    separator dropped and US dollars written one way: `USD 1,000.00` is `US$1000.00`)."""
    if not _LIABILITY.search(sentence):
        return []
    return [
        _US_DOLLARS.sub("US$", _THOUSANDS.sub("", " ".join(match.group("amount").split())))
        for match in _LIABILITY_CAP.finditer(sentence)
    ]


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_US_DOLLARS = re.compile(r"^(?:USD ?\$?|US ?\$ ?)(?=\d)")
