"""Word diffs inside a pair of sections, similarity, and cosmetic edits."""

from __future__ import annotations

import re
from functools import lru_cache

from tracker import rules
from tracker.model import WordOp

_STOPWORDS = rules.words("stopwords", "content_words")
_TOKEN = re.compile(r"\S+\s*")
_KEY = re.compile(r"\S+")
_WORDS = re.compile(r"[^\W_]+")
_QUOTE_PAIRS = (
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("‘", "'"),
    ("’", "'"),
    ("`", "'"),
    ("–", "-"),
    ("—", "-"),
)
_LIST_MARKER = re.compile(r"^\s*(?:[*+\-•·]|\d+[.)]|\([a-z0-9]\))\s+", re.M)
# A link's target is markup, not text a reader compares: `[our partners](https://...)`.
_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)")
# A URL shown as text, its query and fragment: a wiki's `?oldid=332084` names a revision,
# not a change of wording.
_URL_QUERY = re.compile(r"(https?://[^\s?#()\[\]\"']+)[?#][^\s()\[\]\"']*")
# `](url "title")`: a link's title (a tooltip) is markup too, for cosmetic edits only (its
# words still count towards how alike two sections are)
_LINK_TITLE = re.compile(r"""(\]\((?:[^()\s]|\([^()\s]*\))*)\s+(?:"[^"]*"|'[^']*')\)""")


def word_diff(old_text: str, new_text: str) -> tuple[WordOp, ...]:
    """Word-level steps from old to new; case and quote style do not count as changes.

    A longest-common-subsequence alignment over words (rapidfuzz's Indel opcodes,
    in C), with each delete and insert between two equal runs merged into one step.
    """
    from rapidfuzz.distance import Indel

    old_tokens, new_tokens = _TOKEN.findall(old_text), _TOKEN.findall(new_text)
    vocabulary: dict[str, str] = {}
    old_codes = _encode(_token_keys(old_text), vocabulary)
    new_codes = _encode(_token_keys(new_text), vocabulary)
    ops: list[WordOp] = []
    pending_old, pending_new = "", ""
    for op in Indel.opcodes(old_codes, new_codes):
        old_part = "".join(old_tokens[op.src_start : op.src_end])
        new_part = "".join(new_tokens[op.dest_start : op.dest_end])
        if op.tag == "equal":
            if pending_old or pending_new:
                ops.append(_edit(pending_old, pending_new))
                pending_old, pending_new = "", ""
            ops.append(WordOp("equal", old_part, new_part))
        else:
            pending_old += old_part
            pending_new += new_part
    if pending_old or pending_new:
        ops.append(_edit(pending_old, pending_new))
    return tuple(ops)


def _edit(old: str, new: str) -> WordOp:
    return WordOp("replace" if old and new else "delete" if old else "insert", old, new)


def is_cosmetic(old_text: str, new_text: str) -> bool:
    """Only case, whitespace, punctuation, quote style, list markers, bold or italics, link
    targets and titles, or the query of a URL shown as text differ."""
    return _plain_words(_without_link_titles(old_text)) == _plain_words(
        _without_link_titles(new_text)
    )


def _without_link_titles(text: str) -> str:
    return _LINK_TITLE.sub(r"\1)", text) if "](" in text else text


def similarity(old_text: str, new_text: str) -> float:
    """Word-level similarity in [0, 1] (rapidfuzz's normalised Indel over word tokens)."""
    from rapidfuzz import fuzz

    vocabulary: dict[str, str] = {}
    return (
        fuzz.ratio(
            _encode(_plain_words(old_text), vocabulary), _encode(_plain_words(new_text), vocabulary)
        )
        / 100
    )


@lru_cache(maxsize=8192)
def _plain_words_cached(text: str) -> tuple[str, ...]:
    text = _LINK_TARGET.sub("]", text) if "](" in text else text
    text = _URL_QUERY.sub(r"\1", text) if "://" in text else text
    return tuple(_WORDS.findall(_LIST_MARKER.sub("", _unify_quotes(text)).lower()))


def _plain_words(text: str) -> list[str]:
    """Lower-case words without punctuation, quotes or list markers: what a reader compares."""
    return list(_plain_words_cached(text))


def _token_keys(text: str) -> list[str]:
    """One key per `_TOKEN` of the text: the word, lower-cased, with one kind of quote."""
    return _KEY.findall(_unify_quotes(text.lower()))


def _unify_quotes(text: str) -> str:
    """Curly quotes and long dashes as their plain forms (str.replace is far faster than translate)."""
    for fancy, plain in _QUOTE_PAIRS:
        if fancy in text:
            text = text.replace(fancy, plain)
    return text


class _SharedCodes:
    """`_encode` with one vocabulary for the process, memoised: a paragraph a timeline keeps
    from version to version is encoded once. Codes only need to be equal for equal words
    within one comparison, so the vocabulary starts afresh between pairs once it is large
    (code points run out at about a million words)."""

    _LIMIT = 300_000

    def __init__(self) -> None:
        self._vocabulary: dict[str, str] = {}
        self._codes = lru_cache(maxsize=16_384)(self._encode_words)

    def _encode_words(self, words: tuple[str, ...]) -> str:
        return _encode(words, self._vocabulary)

    def start_pair(self) -> None:
        if len(self._vocabulary) > self._LIMIT:
            self._vocabulary.clear()
            self._codes.cache_clear()

    def __call__(self, words: tuple[str, ...]) -> str:
        return self._codes(words)


shared_codes = _SharedCodes()


def _encode(words, vocabulary: dict[str, str]) -> str:
    """Words as one character each, so rapidfuzz's string scorers work on words."""
    for word in set(words).difference(vocabulary):
        number = len(vocabulary) + 0x100
        vocabulary[word] = chr(number if number < 0xD800 else number + 0x800)
    return "".join(map(vocabulary.__getitem__, words))
