"""What a section is about: OPP-115 topics (Wilson et al., 2016) from a weighted phrase lexicon
over the body, with the title as one more signal (`rules/en/topics.toml`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from tracker import rules
from tracker.analysis.meaning.cue import Cue
from tracker.analysis.meaning.facts import extract_facts
from tracker.analysis.meaning.lexicon import keys, prefixes
from tracker.model import Fact, Section

_RULES = rules.load("topics")
_VOCABULARY_OF: dict[str, str] = _RULES["vocabulary"]


@cache  # compiled on first use: a privacy policy never needs the contract clauses' patterns
def _patterns(vocabulary: str) -> tuple:
    return tuple(
        (topic, Cue(entry["pattern"], re.I), entry["weight"], keys(entry["pattern"]))
        for topic, entries in _RULES[vocabulary].items()
        for entry in entries
    )


def topics_of(document_type: str = "privacy_policy") -> tuple[str, ...]:
    """The topics a document type's sections can get (`other` always among them)."""
    names = tuple(_RULES[_VOCABULARY_OF.get(document_type, "privacy_policy")])
    return names if "other" in names else (*names, "other")


TOPICS = topics_of("privacy_policy")
CONSEQUENTIAL_TOPICS = frozenset(_RULES["significance"]["consequential"])


@dataclass(frozen=True)
class SectionMeaning:
    topic: str
    confidence: float
    second_topic: str | None
    facts: tuple[Fact, ...]


def section_meaning(section: Section, document_type: str = "privacy_policy") -> SectionMeaning:
    facts = extract_facts(section.text, section.title, document_type)
    if section.contents:  # its words are other sections' titles, not what it is about
        return SectionMeaning("other", 1.0, None, facts)
    topic, confidence, second = classify_topic(section.title, section.text, document_type)
    return SectionMeaning(topic, confidence, second, facts)


@lru_cache(maxsize=4096)
def classify_topic(
    title: str, text: str, document_type: str = "privacy_policy"
) -> tuple[str, float, str | None]:
    """The topic the body is mostly about (the title counts double but is short), its share, a
    runner-up; from the vocabulary of the document's type (OPP-115 or contract clauses)."""
    scores: Counter[str] = Counter()
    words = max(1, len(text.split()))
    patterns = _patterns(_VOCABULARY_OF.get(document_type, "privacy_policy"))
    for source, factor in ((text, 1), (title, 3)):
        present = prefixes(source)
        for topic, pattern, weight, cue_words in patterns:
            # the word-prefix test first, as before `Cue`: it also skips a few patterns
            # (`log\w*` where the text has `logging`), and topics keep their results
            if cue_words & present or not cue_words:
                scores[topic] += weight * factor * pattern.count(source)
    total = sum(scores.values())
    if total < 2 or (total / words < 0.01 and words > 200):
        return "other", 0.0, None
    ranked = scores.most_common(2)
    top, top_score = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 and ranked[1][1] >= 0.6 * top_score else None
    return top, round(top_score / total, 2), second
