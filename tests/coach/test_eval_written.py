"""The labelled written answers, the frozen split, the shipped model and the written evaluation.

The leave-one-register-out figures themselves come from ``mockinterviewer evaluate`` (minutes of
training); here the corpus is checked for breadth, the split for being frozen, the shipped model
for being trained on the current training split, and the scoring for catching a broken model.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

import pytest

from mockinterviewer.cli import main
from mockinterviewer.coach.corpus import (
    corpus_files,
    frozen_test_ids,
    load_corpus,
    load_wild,
    split,
)
from mockinterviewer.coach.segmodel import SegmentModel, data_hash, default_model
from mockinterviewer.coach.train import score_written, summary, trainer
from mockinterviewer.content import SEGMENT_LABELS


def test_corpus_is_broad() -> None:
    answers = load_corpus()
    assert len(answers) >= 400
    regs = Counter(a.register for a in answers)
    assert sum(1 for n in regs.values() if n >= 20) >= 8, regs  # eight registers of 20 or more
    assert min(regs.values()) >= 16, regs
    assert len({a.author for a in answers}) >= 5
    assert len({a.role for a in answers}) >= 150
    assert len({a.id for a in answers}) == len(answers)
    for a in answers:
        labels = [lb for lb, _ in a.parts]
        assert set(labels) <= set(SEGMENT_LABELS), a.id
        assert "action" in labels or "segment.missing.action" in a.expected, a.id
    # Parts may be absent; both kinds the issue names are common.
    assert sum(1 for a in answers if "task" not in [lb for lb, _ in a.parts]) >= 40
    assert sum(1 for a in answers if "reflection" not in [lb for lb, _ in a.parts]) >= 60
    assert sum(1 for a in answers if a.parts[0][0] == "result") >= 20  # result first


def test_split_is_frozen_by_its_rule() -> None:
    held = frozen_test_ids()
    rule = {a.id for a in load_corpus()
            if int(hashlib.sha1(a.id.encode()).hexdigest(), 16) % 4 == 0}
    assert held == rule
    train, test = split(load_corpus())
    assert not {a.id for a in train} & held
    assert len(test) >= 100


def test_shipped_model_is_trained_on_the_current_training_split() -> None:
    model = default_model()
    assert model.info["data"] == data_hash(corpus_files()), (
        "the corpus changed: rebuild with python -m mockinterviewer.coach.train")
    train, _ = split(load_corpus())
    assert model.info["train_answers"] == len(train)


def test_shipped_model_round_trips(tmp_path) -> None:
    model = default_model()
    path = tmp_path / "m.json.gz"
    model.save(path)
    again = SegmentModel.load(path)
    a = load_corpus()[0]
    assert score_written(a, again).accuracy == pytest.approx(score_written(a, model).accuracy)


def test_scoring_sees_a_broken_model() -> None:
    """A model trained on a sliver of one register must score far below the shipped one on
    answers it never saw: the measure can fail."""
    train, test = split(load_corpus())
    tiny = trainer()([a for a in train if a.register == "polished"][:3])
    sample = test[:25]
    good = summary([score_written(a, default_model()) for a in sample], sample)
    bad = summary([score_written(a, tiny) for a in sample], sample)
    assert good["word_accuracy"] >= 0.8
    assert bad["word_accuracy"] < good["word_accuracy"] - 0.1


def test_evaluate_written_prints_every_figure(tmp_path, capsys) -> None:
    out = tmp_path / "w.json"
    rc = main(["evaluate", "--written-only", "--no-leave-out", "--json", str(out)])
    printed = capsys.readouterr().out
    assert rc in (0, 1)
    for needle in ("frozen test", "false missing", "findings on the frozen test answers",
                   "wild w18", "w18: prep_notes", "findings on the wild w18 answers",
                   "findings-test.jsonl", "written bar", "language detectors on the test set",
                   "reflective sentences counted as hedging"):
        assert needle in printed, needle
    d = json.loads(out.read_text(encoding="utf-8"))["written"]
    assert d["test"]["answers"] >= 100
    assert d["wild_w17"]["answers"] == d["wild_w18"]["answers"] == 64
    assert 0.0 <= d["test"]["word_accuracy"] <= 1.0
    assert d["language_test"]["sentences"]["tp"] > 0 and "meets_bar" in d["language_dev"]
    assert set(d["detectors_test"]) == {"assigned", "scope_boundary", "lasting_effect",
                                        "quantified", "generic_reflection", "we_action"}


def test_wild_sets_are_measured_never_trained_on() -> None:
    """The answers written in the registers people use outside the app (careers-advice model
    answers, course assignments, prep notes, forum drafts) are a measure: no model sees them."""
    wild = load_wild()
    assert set(wild) >= {"w17", "w18", "w19", "w20"}
    corpus_ids = {a.id for a in load_corpus()}
    for name, answers in wild.items():
        assert len(answers) == 64, name
        assert {a.register for a in answers} == {"advice_site", "assignment", "prep_notes",
                                                 "forum"}, name
        assert not {a.id for a in answers} & corpus_ids, name
        assert all(a.author == name for a in answers), name


@pytest.mark.parametrize(("name", "words", "false_missing"), [
    # measured with the shipped model (stop 22: trained with the prep notes, forum drafts and
    # careers-advice answers of two more writers, w21 and w22, and the preview contrast): w17
    # 90.2 % of words and 3 false "missing" parts (first read 85.7 % and 12; it was read while
    # the cutter's arrow rule was written); w18 87.2 % and 6 (first read blind 83.5 % and 13);
    # w19 92.0 % and 4 (first read blind, stop-21 engine, 90.1 % and 5); w20 88.6 % and 7
    # (blind 86.7 % and 5). Stop 23 (a note's label opens the unit it heads; unpunctuated runs
    # cut by the learned boundary model; a likely Action or Result kept by the decoder): w17
    # 89.6 % and 3, w18 87.0 % and 6, w19 91.6 % and 4, w20 89.6 % and 7 (retraining moves single
    # answers either way; left out one register at a time the training answers went from 89.1 %
    # and 88 to 89.6 % and 68). Stop 24 (parts the writer names; one feature for duty words; two
    # more writers' 96 training answers): w17 89.6 % and 3, w18 87.6 % and 7, w19 92.0 % and 3,
    # w20 90.1 % and 6. Stop 25 (two more writers' training answers; a clause cut from its
    # sentence weighed with the part before it): w17 90.8 % and 2, w18 88.1 % and 4, w19 92.2 %
    # and 5, w20 91.0 % and 7 (18 false "missing" parts in all, 19 at stop 24; the frozen split
    # 22 -> 20 on its 293 earlier answers). The floors sum to 20 (21 at stop 24).
    ("w17", 0.89, 3), ("w18", 0.87, 5), ("w19", 0.91, 5), ("w20", 0.89, 7)])
def test_wild_sets_hold_their_level(name: str, words: float, false_missing: int) -> None:
    answers = load_wild()[name]
    s = summary([score_written(a, default_model()) for a in answers], answers)
    assert s["word_accuracy"] >= words, s
    assert s["false_missing"] <= false_missing, s
