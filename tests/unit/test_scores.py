"""Similarity scores: row by row and through `cdist` (the large matrices) agree exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from tracker.analysis.compare import scores
from tracker.analysis.compare.scores import scores_above

texts = st.lists(st.text(alphabet="abcde ", max_size=12), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(rows=texts, columns=texts, cutoff=st.sampled_from([0, 30, 70]))
def test_both_ways_give_identical_scores(rows, columns, cutoff):
    for scorer in (fuzz.ratio, fuzz.token_set_ratio):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(scores, "_CDIST_FROM_CELLS", 10**9)
            row_by_row = scores_above(rows, columns, scorer, cutoff)
            patch.setattr(scores, "_CDIST_FROM_CELLS", 0)
            matrix = scores_above(rows, columns, scorer, cutoff)
        # cdist leaves a zero score out; row by row keeps it when the cutoff is 0
        assert [{c: s for c, s in row.items() if s} for row in row_by_row] == matrix


def test_scores_under_the_cutoff_are_left_out():
    assert scores_above(["abc"], ["abc", "xyz"], fuzz.ratio, 50) == [{0: 100.0}]
