"""What a section is about: OPP-115 topics (Wilson et al., 2016) from a weighted phrase lexicon
over the body, with the title as one more signal (`rules/en/topics.toml`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tracker import rules
from tracker.analysis.meaning.facts import extract_facts
from tracker.analysis.meaning.lexicon import keys, prefixes
from tracker.model import Fact, Section

_TOPIC_LEXICON: dict[str, list[dict]] = rules.load("topics")["privacy_policy"]
TOPICS = (*_TOPIC_LEXICON, "other") if "other" not in _TOPIC_LEXICON else tuple(_TOPIC_LEXICON)
_TOPIC_PATTERNS = tuple(
    (topic, re.compile(entry["pattern"], re.I), entry["weight"], keys(entry["pattern"]))
    for topic, entries in _TOPIC_LEXICON.items()
    for entry in entries
)


@dataclass(frozen=True)
class SectionMeaning:
    topic: str
    confidence: float
    second_topic: str | None
    facts: tuple[Fact, ...]


def section_meaning(section: Section) -> SectionMeaning:
    facts = extract_facts(section.text, section.title)
    if section.contents:  # its words are other sections' titles, not what it is about
        return SectionMeaning("other", 1.0, None, facts)
    topic, confidence, second = classify_topic(section.title, section.text)
    return SectionMeaning(topic, confidence, second, facts)


@lru_cache(maxsize=4096)
def classify_topic(title: str, text: str) -> tuple[str, float, str | None]:
    """The topic the body is mostly about (the title counts double but is short), its share, a runner-up."""
    scores: Counter[str] = Counter()
    words = max(1, len(text.split()))
    for source, factor in ((text, 1), (title, 3)):
        present = prefixes(source)
        for topic, pattern, weight, cue_words in _TOPIC_PATTERNS:
            if cue_words & present or not cue_words:
                scores[topic] += weight * factor * len(pattern.findall(source))
    total = sum(scores.values())
    if total < 2 or (total / words < 0.01 and words > 200):
        return "other", 0.0, None
    ranked = scores.most_common(2)
    top, top_score = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 and ranked[1][1] >= 0.6 * top_score else None
    return top, round(top_score / total, 2), second
