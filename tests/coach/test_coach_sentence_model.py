"""The learned second opinion of the quantity detector: shipped weights, parity with scikit-learn,
and the rule-or-model combination."""

from __future__ import annotations

import json

import pytest

from mockinterviewer.coach import detectors, sentence_model
from mockinterviewer.coach.segmodel import data_hash


def _rows(name: str) -> list[dict]:
    text = (sentence_model.CORPUS / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_shipped_weights_match_the_development_sets() -> None:
    d = sentence_model.shipped_file()
    assert d["trained_on"] == list(sentence_model.TRAIN_FILES)
    files = [sentence_model.CORPUS / n for n in sentence_model.TRAIN_FILES]
    assert d["data"] == data_hash(files), "rebuild: python -m mockinterviewer.coach.sentence_model"
    assert set(sentence_model.shipped()) == set(sentence_model.CHECKS)


def test_scoring_without_scikit_learn_matches_it() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [r for r in _rows("findings-dev.jsonl") if r["check"] == "quantified"]
    weights = sentence_model.train(rows)["quantified"]
    vec = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True,
                          preprocessor=sentence_model.normalise)
    x = vec.fit_transform([r["text"] for r in rows])
    clf = LogisticRegression(C=4.0, max_iter=2000).fit(x, [r["label"] for r in rows])
    for text in ("Returns fell by a third over the winter.", "We had a three-person team.",
                 "Um, the backlog went from six hundred to fifty, give or take."):
        want = clf.predict_proba(vec.transform([text]))[0, 1]
        assert sentence_model.probability(weights, text) == pytest.approx(want, abs=1e-3)


def test_quantity_is_rules_or_a_sure_model(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Complaints dwindled to a handful by spring."
    monkeypatch.setattr(sentence_model, "says", lambda check, t: check == "quantified")
    assert detectors.is_quantified(text)
    # No word that can carry an amount: the model's vote does not count.
    assert not detectors.is_quantified("We went from the office to the warehouse.")
    monkeypatch.setattr(sentence_model, "says", lambda check, t: False)
    assert detectors.is_quantified("Complaints fell from forty a week to six.")  # the rules
    assert not detectors.is_quantified("I read the 5 Whys book on the train.")


def test_blind_validation_set_meets_the_bar_for_quantities() -> None:
    r = detectors.evaluate_file(sentence_model.CORPUS / "findings-dev3.jsonl")["quantified"]
    assert r["precision"] >= 0.9 and r["recall"] >= 0.9
