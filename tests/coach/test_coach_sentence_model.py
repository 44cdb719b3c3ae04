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
    assert d["data"] == data_hash(sentence_model.data_files()), (
        "rebuild: python -m mockinterviewer.coach.sentence_model")
    assert d["thresholds"] == {c: s.threshold for c, s in sentence_model.SPECS.items()}
    assert set(sentence_model.shipped()) == set(sentence_model.CHECKS)


def test_scoring_without_scikit_learn_matches_it() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [r for r in _rows("findings-dev.jsonl") if r["check"] == "quantified"]
    weights = sentence_model.train(rows, ("quantified",))["quantified"]
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


def test_answer_sentences_come_from_the_training_split_only() -> None:
    from mockinterviewer.coach.corpus import load_corpus, split

    _, test = split(load_corpus())
    ordinary = set(sentence_model.answer_sentences())
    assert len(ordinary) > 1500
    for a in test:
        first = a.text.split(". ")[0]
        if len(first.split()) >= 6:
            assert not any(s.startswith(first) for s in ordinary), a.id



def test_answers_labelled_with_a_property_never_give_it_negatives() -> None:
    """An answer labelled "handed over" may say so in its Task, though the rules miss it: the
    Task's sentences must not teach the model "not handed over" (the rest of such an answer is
    ordinary story: most answers are labelled "handed over" because the role made the work
    theirs, which no one sentence says). Likewise a Result not labelled "nothing lasted" is no
    negative for lasting effects."""
    from mockinterviewer.coach.corpus import load_corpus, split

    train, _ = split(load_corpus())
    every = set(sentence_model.answer_sentences())
    assigned = set(sentence_model.answer_sentences("assigned"))
    lasting = set(sentence_model.answer_sentences("lasting_effect"))
    handed = [a for a in train if "initiation.assigned" in a.expected]
    lasted = [a for a in train if "result.no_second_order" not in a.expected
              and any(lab == "result" for lab, _ in a.parts)]
    assert len(handed) > 50 and len(lasted) > 100
    for a in handed:
        task = next((t for lab, t in a.parts if lab == "task"), "")
        first = task.split(". ")[0]
        if len(first.split()) >= 6:
            assert not any(s.startswith(first) for s in assigned), a.id
    kept = [a for a in lasted if any(
        s.startswith(t.split(". ")[0]) for lab, t in a.parts if lab == "result"
        and len(t.split(". ")[0].split()) >= 6 for s in lasting)]
    assert not kept, [a.id for a in kept[:3]]
    assert assigned < every and lasting < every
    assert len(every - assigned) > 200 and len(every - lasting) > 200

def test_the_model_carries_a_paraphrase_the_rules_miss() -> None:
    text = "It sat with the night crew, it was never part of my role."
    assert not detectors.RULES["scope_boundary"](text)
    assert detectors.states_scope_boundary(text)


def test_each_check_is_rules_or_a_sure_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sentence_model, "says", lambda check, t: True)
    assert detectors.is_assigned("We had lunch.")
    assert detectors.states_lasting_effect("We had lunch.")
    assert detectors.states_scope_boundary("That one was sort of their area.")
    # The scope model's vote needs a word that can name a remit.
    assert not detectors.states_scope_boundary("When I got there it wasn't the tank.")
    monkeypatch.setattr(sentence_model, "says", lambda check, t: False)
    assert detectors.is_assigned("My manager asked me to take over the rota.")  # the rules
    assert not detectors.is_assigned("I asked my manager for the day off.")


@pytest.mark.parametrize(("check", "text"), [
    # Ordinary story sentences the model once flagged, before it learned from answer sentences.
    ("scope_boundary", "When I got there, it wasn't the tank, it was the relief valve."),
    ("scope_boundary", "It was hard but we did it."),
    ("lasting_effect", "We kept every other listing."),
    ("lasting_effect", "Forty-one containers and all the vehicles made it by the deadline."),
    ("assigned", "I stopped having him read aloud to me."),
])
def test_ordinary_story_sentences_stay_negative(check: str, text: str) -> None:
    assert not detectors.CHECKS[check](text)


@pytest.mark.parametrize("name", ["findings-test.jsonl", "findings-test2.jsonl"])
def test_assignment_meets_the_bar_on_both_blind_sets(name: str) -> None:
    r = detectors.evaluate_file(sentence_model.CORPUS / name)["assigned"]
    assert r["precision"] >= 0.9 and r["recall"] >= 0.9
