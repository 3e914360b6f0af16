"""Coreference scorers against hand-worked examples (Pradhan et al. 2014, Luo 2005)."""

from __future__ import annotations

import pytest

from newsgraph.linking.scorers import b_cubed, ceaf_e, muc, score

# key {a..e}{f,g}{h..l}; response {a..e}{f..l}: the worked example of the reference scorer's papers
KEY = [set("abcde"), set("fg"), set("hijkl")]
RESPONSE = [set("abcde"), set("fghijkl")]


def test_linking_scorer_muc_worked_example():
    s = muc(KEY, RESPONSE)
    # recall: (4 + 1 + 4) / (4 + 1 + 4); precision: (4 + (7 - 2)) / (4 + 6)
    assert s.recall == pytest.approx(1.0)
    assert s.precision == pytest.approx(0.9)


def test_linking_scorer_b_cubed_worked_example():
    s = b_cubed(KEY, RESPONSE)
    assert s.recall == pytest.approx(1.0)
    # precision: (5 * 1 + 2 * 2/7 + 5 * 5/7) / 12
    assert s.precision == pytest.approx((5 + 4 / 7 + 25 / 7) / 12)


def test_linking_scorer_ceaf_e_worked_example():
    s = ceaf_e(KEY, RESPONSE)
    # best alignment: {a..e}~{a..e} (phi4 = 1) and {h..l}~{f..l} (2*5/12), not {f,g}~{f..l} (2*2/9)
    total = 1 + 10 / 12
    assert s.recall == pytest.approx(total / 3)
    assert s.precision == pytest.approx(total / 2)


def test_linking_scorer_identical_partitions_are_perfect():
    s = score(KEY, KEY)
    assert s.conll == pytest.approx(1.0)


def test_linking_scorer_all_singletons_against_one_chain():
    key = [set("abcd")]
    response = [{"a"}, {"b"}, {"c"}, {"d"}]
    s = score(key, response)
    assert s.muc.recall == 0.0 and s.muc.f1 == 0.0
    assert s.b_cubed.precision == pytest.approx(1.0)
    assert s.b_cubed.recall == pytest.approx(0.25)
    # CEAF-e: one alignment, phi4 = 2*1/(4+1) = 0.4; recall 0.4/1, precision 0.4/4
    assert s.ceaf_e.recall == pytest.approx(0.4)
    assert s.ceaf_e.precision == pytest.approx(0.1)


def test_linking_scorer_twinless_mentions_count_against_the_side_that_has_them():
    key = [{"a", "b"}, {"c"}]
    response = [{"a", "b"}, {"x"}]  # x is not in the key, c is not in the response
    s = b_cubed(key, response)
    assert s.recall == pytest.approx(2 / 3)
    assert s.precision == pytest.approx(2 / 3)
    m = muc(key, response)
    assert (m.precision, m.recall) == (1.0, 1.0)


def test_linking_scorer_conll_is_mean_of_three_f1():
    s = score(KEY, RESPONSE)
    assert s.conll == pytest.approx((s.muc.f1 + s.b_cubed.f1 + s.ceaf_e.f1) / 3)


def test_linking_scorer_rejects_a_mention_in_two_clusters():
    with pytest.raises(ValueError):
        muc([{"a", "b"}, {"b"}], [{"a"}])
