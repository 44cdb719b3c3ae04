"""The generic-reflection model: shipped weights in step with the corpus, parity with
scikit-learn, a measured gain over the counting rule on writers it never saw, and the fallback."""

from __future__ import annotations

import pytest

from mockinterviewer.coach import detectors, reflection_model
from mockinterviewer.coach.corpus import corpus_files, frozen_test_ids
from mockinterviewer.coach.segmodel import data_hash

# A story of my own (not in any corpus file) and lessons drawn from it.
STORY = ("I run the cold store at a fruit packhouse. Pallets kept coming out of chamber four "
         "soft, and the night shift blamed the day shift. I logged the door openings for two "
         "weeks and found the door was propped open during the 3 am loading. I moved the "
         "loading to the side dock. Soft pallets went from nine a week to one.")
SPECIFIC = ("What I took from it is that a warm pallet usually has a door behind it, so I check "
            "the door log before I blame a shift.")
ABSTRACT_BUT_BOUND = "I learned you can't ask a crew to trust a rule you have never worked under."
GENERIC = "It taught me that communication is key and that teamwork really matters."


def test_shipped_weights_match_the_training_split() -> None:
    weights = reflection_model.shipped()
    assert weights, "rebuild: python -m mockinterviewer.coach.reflection_model"
    assert weights["data"] == data_hash(corpus_files()), (
        "the corpus changed: python -m mockinterviewer.coach.reflection_model")


def test_training_rows_never_include_frozen_test_answers() -> None:
    rows = reflection_model.training_rows()
    held = frozen_test_ids()
    texts = {r[0] for r in rows}
    from mockinterviewer.coach.corpus import load_corpus

    for a in load_corpus():
        if a.id in held:
            refl = " ".join(t for lab, t in a.parts if lab == "reflection")
            assert not refl.strip() or refl not in texts, a.id
    assert len(rows) >= 400 and len({r[3] for r in rows}) >= 10


def test_scoring_without_scikit_learn_matches_it() -> None:
    from scipy.sparse import hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = reflection_model.training_rows()[:200]
    weights = reflection_model.fit(rows)
    dv = DictVectorizer()
    tv = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2,
                         preprocessor=detectors.normalise)
    x = hstack([dv.fit_transform([reflection_model.features(t, s) for t, s, _, _ in rows]),
                tv.fit_transform([t for t, _, _, _ in rows])]).tocsr()
    clf = LogisticRegression(C=reflection_model.C, max_iter=3000, class_weight="balanced")
    clf.fit(x, [y for _, _, y, _ in rows])
    for text in (SPECIFIC, ABSTRACT_BUT_BOUND, GENERIC):
        xt = hstack([dv.transform([reflection_model.features(text, STORY)]),
                     tv.transform([text])]).tocsr()
        want = clf.predict_proba(xt)[0, 1]
        assert reflection_model.probability(weights, text, STORY) == pytest.approx(want, abs=1e-3)


def test_model_beats_the_rule_on_writers_it_never_saw() -> None:
    rows = reflection_model.training_rows()
    tp, fp, fn = reflection_model.leave_one_writer_out(rows)
    rule = [reflection_model.generic_by_rules(t, s) for t, s, _, _ in rows]
    rtp = sum(1 for said, r in zip(rule, rows, strict=True) if said and r[2])
    rfp = sum(1 for said, r in zip(rule, rows, strict=True) if said and not r[2])
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    # Measured: 0.87 / 0.95 against the rule's 0.76 / 0.93.
    assert precision >= 0.83 and recall >= 0.90
    assert precision >= rtp / (rtp + rfp) + 0.05


def test_lessons_of_one_story() -> None:
    assert detectors.is_generic_reflection(GENERIC, STORY) is True
    assert detectors.is_generic_reflection(SPECIFIC, STORY) is False
    assert detectors.is_generic_reflection("", STORY) is False
    assert detectors.is_generic_reflection("Communication is key.", "") is True


def test_without_weights_the_rule_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reflection_model, "shipped", lambda: {})
    for text in (SPECIFIC, ABSTRACT_BUT_BOUND, GENERIC):
        assert (detectors.is_generic_reflection(text, STORY)
                is reflection_model.generic_by_rules(text, STORY))
