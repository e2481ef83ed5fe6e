"""The text helpers every layer shares: the fast forms read as the regexes they replaced did."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tracker.text import letter_words, normalise_text, normalise_title

_LETTERS = re.compile(r"[^\W\d_]+")

words = st.text(alphabet="abcdéßΩжKLM", min_size=1, max_size=8)
marks = st.sampled_from([" ", ", ", ". ", "; ", " (", ") ", "’", "'", "/", "-", "\n", " “", "” "])


@given(st.lists(st.tuples(words, marks), max_size=30))
def test_letter_words_are_the_words_of_letters_a_regex_reads(pieces):
    text = "".join(word + mark for word, mark in pieces)
    assert letter_words(text) == _LETTERS.findall(text.lower())


def test_letter_words_split_at_apostrophes_and_keep_accents():
    assert letter_words("L’utilisateur's «données» (personnelles).") == [
        "l", "utilisateur", "s", "données", "personnelles",
    ]  # fmt: skip


@given(st.text(alphabet=st.sampled_from("ab \n\r\t\u00a0\u2003\u200b\u00ad\ufeff\u3000")))
def test_normalised_text_has_one_kind_of_space_and_line_end(text):
    normalised = normalise_text(text)
    assert not set(normalised) & set("\r\u00a0\u2003\u200b\u00ad\ufeff\u3000")
    assert normalise_text(normalised) == normalised
    assert all(line == line.rstrip() for line in normalised.split("\n"))


def test_normalised_text_keeps_words_apart_and_joins_soft_hyphenated_ones():
    assert (
        normalise_text("data\u00a0protec\u00adtion\u200b\r\nnext  \n") == "data protection\nnext\n"
    )


def test_title_keys_ignore_numbering_case_and_punctuation():
    assert normalise_title("3.1. Your Rights!") == normalise_title("your rights") == "your rights"
