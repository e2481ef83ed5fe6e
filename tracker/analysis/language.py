"""The language a version is written in, told by py3langid from a sample of its prose."""

from __future__ import annotations

import io
import re
from functools import cache

from tracker import rules
from tracker.analysis import weights
from tracker.text import letter_words

_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|https?://\S+|[#*_>|`\[\]]")
_ENGLISH_MARKERS = frozenset(rules.load("pages")["language"]["english_markers"])


def detect_language(text: str) -> str | None:
    """ISO 639-1 code (`en`, `fr`...), or None for a text with too little prose to tell."""
    sample = prose_sample(text)
    words = letter_words(sample)
    if sum(map(len, words)) < weights.LANGUAGE_MIN_LETTERS:
        return None
    if _plainly_english(words):
        return "en"
    identifier = _identifier()
    if identifier is None:
        return None
    code, _confidence = identifier.classify(sample)
    return None if code == "und" else code


def _plainly_english(words: list[str]) -> bool:
    markers = sum(map(_ENGLISH_MARKERS.__contains__, words))
    return markers >= weights.ENGLISH_MARKER_SHARE * len(words)


def prose_sample(text: str) -> str:
    """The first prose lines (menus, pickers, links and images left out), up to the sample size."""
    prose, size = [], 0
    for line in io.StringIO(text):  # read lazily: the sample is mostly full in a few lines
        if len(line) < 2 * weights.LANGUAGE_PROSE_WORDS - 1:
            continue  # too short to hold that many words and the spaces between them
        cleaned = _MARKUP.sub(" ", line).strip()
        if len(cleaned.split()) >= weights.LANGUAGE_PROSE_WORDS:
            prose.append(cleaned)
            size += len(cleaned) + 1
            if size >= weights.LANGUAGE_SAMPLE:
                break
    return "\n".join(prose)[: weights.LANGUAGE_SAMPLE]


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # numpy and a model: on first use

    try:  # it unpacks its model through a temporary file: a full disk means no language
        identifier = LanguageIdentifier.from_model_file(
            MODEL_FILE, norm_probs=True, min_confidence=weights.LANGUAGE_CONFIDENCE
        )
    except OSError:
        return None
    identifier.set_languages(rules.load("pages")["language"]["candidates"])
    return identifier
