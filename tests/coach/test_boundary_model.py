"""The learned boundary model that cuts answers typed without a single sentence end."""

from __future__ import annotations

from mockinterviewer.coach import split_story
from mockinterviewer.coach.boundary_model import (
    MODEL_PATH,
    BoundaryModel,
    choose_cuts,
    default_boundaries,
)
from mockinterviewer.coach.corpus import corpus_files, load_corpus, split
from mockinterviewer.coach.segmodel import data_hash
from mockinterviewer.coach.text import clean, words_from_text
from mockinterviewer.coach.units import annotate

# Written for this test: a site supervisor's notes, no punctuation at all.
NOTES = ("school kitchen refit over the summer holidays six weeks to do eight weeks of work "
         "the head asked me to get it finished before the new term started i split the trades "
         "into two shifts so the electricians worked evenings and i ordered the extraction hood "
         "a month early from a second supplier the kitchen opened on the first day of term with "
         "two days to spare next time id book the gas safety check before the plasterers not "
         "after it")


def test_shipped_model_is_trained_on_the_current_corpus() -> None:
    model = default_boundaries()
    assert model is not None, f"missing {MODEL_PATH}"
    assert model.info["data"] == data_hash(corpus_files()), (
        "the corpus changed: rebuild with python -m mockinterviewer.coach.train")
    train, _ = split(load_corpus())
    assert model.info["answers"] == len(train)


def test_round_trip(tmp_path) -> None:
    model = default_boundaries()
    assert model is not None
    path = tmp_path / "b.json.gz"
    model.save(path)
    assert BoundaryModel.load(path) == model


def test_an_unpunctuated_note_is_cut_where_its_steps_change() -> None:
    units = annotate(words_from_text(NOTES))
    texts = [u.text for u in units]
    assert len(units) >= 6, texts
    assert max(u.last - u.first for u in units) <= 25, texts
    # the duty, the doing, the outcome and the lesson each open a unit of their own
    for opener in ("the head asked me", "i split the trades", "the kitchen opened",
                   "next time id book"):
        assert any(t.startswith(opener) for t in texts), (opener, texts)


def test_an_unpunctuated_note_is_split_into_its_parts() -> None:
    parts = split_story(NOTES)
    assert "get it finished" in parts["task"], parts
    assert "two shifts" in parts["action"], parts
    assert "two days to spare" in parts["result"], parts
    assert "gas safety check" in parts["reflection"], parts


def test_it_learns_from_the_answers_it_is_given() -> None:
    train, _ = split(load_corpus())
    model = BoundaryModel.train(train[:60])
    text = "we missed the date. i rang the client the same day"
    low = [clean(w) for w in text.split(" ")]
    probs = model.probabilities(low)
    assert len(probs) == len(low) - 1
    assert probs[3] > 0.5  # after "date."
    assert probs[3] > 5 * probs[1]  # not inside "the date"


def test_cuts_respect_fixed_cuts_and_the_shortest_unit() -> None:
    probs = [0.9, 0.01, 0.8, 0.01, 0.01, 0.5, 0.01, 0.01, 0.01]
    assert choose_cuts(probs, [0, 10], 10, 3) == [0, 3, 6, 10]
    assert choose_cuts(probs, [0, 10], 10, 3, threshold=0.95) == [0, 10]
    assert choose_cuts(probs, [0, 2, 10], 10, 3) == [0, 2, 6, 10]
