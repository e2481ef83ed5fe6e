"""What a section is about, the facts it states, and what a change means.

`topics` (OPP-115 topics), `facts` (the extractors), `changes` (fact changes, anachronisms),
`significance` and `annotate` (all of it, on a comparison); their data is in `rules/en/`.
"""

from tracker.analysis.meaning.annotate import annotate, without_facts
from tracker.analysis.meaning.changes import (
    FRAMEWORK_PERIODS,
    anachronisms,
    fact_changes,
    fact_order,
)
from tracker.analysis.meaning.facts import extract_facts
from tracker.analysis.meaning.sentences import sentences
from tracker.analysis.meaning.significance import significance
from tracker.analysis.meaning.topics import TOPICS, SectionMeaning, classify_topic, section_meaning

__all__ = [
    "FRAMEWORK_PERIODS",
    "TOPICS",
    "SectionMeaning",
    "anachronisms",
    "annotate",
    "classify_topic",
    "extract_facts",
    "fact_changes",
    "fact_order",
    "section_meaning",
    "sentences",
    "significance",
    "without_facts",
]
