"""The Task needs positive evidence: a goal, duty, decision, boundary or assignment statement.

An answer without such a statement has no Task (and is told so), however Task-like its other
sentences sound to the learned model; a Task phrased in less usual words is still found; a manual
mark opens a Task whatever its words.
"""

from __future__ import annotations

import pytest
from coach_helpers import STRONG, ids, speak

from mockinterviewer.coach import analyze, segment_words
from mockinterviewer.coach.cues import cue_scores
from mockinterviewer.coach.segment import score_unit
from mockinterviewer.coach.segmodel import SegmentModel, default_model
from mockinterviewer.coach.units import split_units
from mockinterviewer.content import Scenario

NO_TASK = [
    STRONG[0],
    ("action", "We talked it over at standup and we thought it was probably the template. We "
     "changed the template and we added a test for accented names. We deployed the fix and we "
     "watched the send rate for a day."),
    *STRONG[3:],
]


def test_answer_without_a_task_says_so(ownership: Scenario) -> None:
    words, starts = speak(NO_TASK)
    a = analyze(words, ownership)
    task = next(s for s in a.segments if s.label == "task")
    assert task.status == "missing" and task.text == ""
    assert "segment.missing.task" in ids(a)
    action = next(s for s in a.segments if s.label == "action")
    assert action.text.startswith("We talked it over") and action.start == pytest.approx(
        starts["action"])


@pytest.mark.parametrize("task", [
    "What had to happen was that every rider got a readable receipt before the tax deadline.",
    "The thing I owned was getting those receipts out to every rider in Brazil.",
    "My part in this was making sure riders with accented names got their receipts too.",
    "Getting those receipts working again landed on me, since I had noticed the failures first.",
    "I promised the support lead that riders would have their receipts by the end of the month.",
])
def test_task_in_less_usual_words_is_found(ownership: Scenario, task: str) -> None:
    parts = [STRONG[0], ("task", task), *STRONG[2:]]
    words, starts = speak(parts)
    segs = segment_words(words, ownership.targets_for("sde2"))
    seg = next(s for s in segs if s.label == "task")
    assert seg.status != "missing", task
    assert abs(seg.start - starts["task"]) < 1.0
    assert seg.text.split()[:3] == task.split()[:3]


def test_a_mark_opens_a_task_without_cue_words(ownership: Scenario) -> None:
    parts = [STRONG[0], ("task", "Riders in Brazil were my focus for the next week."), *STRONG[2:]]
    words, starts = speak(parts)
    segs = segment_words(words, ownership.targets_for("sde2"), marks=[starts["task"] - 0.2])
    assert segs[1].label == "task" and segs[1].status != "missing"
    assert segs[1].text.startswith("Riders in Brazil")


@pytest.mark.parametrize("parts", [STRONG, NO_TASK], ids=["strong", "no-task"])
@pytest.mark.parametrize("gap", [0.0, 0.8])
def test_every_task_segment_holds_task_evidence(ownership: Scenario,
                                                parts: list[tuple[str, str]], gap: float) -> None:
    words, _ = speak(parts, gap=gap)
    for seg in segment_words(words, ownership.targets_for("sde2")):
        if seg.label == "task" and seg.status != "missing":
            units = split_units(seg.words)
            assert any(score_unit(u.text, default_model())[1] for u in units), seg.text


@pytest.mark.parametrize("said", [
    "My goal was to cut the bill in half.",  # a goal
    "Nobody had asked me to fix it.",  # a boundary
    "I was asked to migrate the service.",  # an assignment
    "It was my call whether to ship.",  # a decision
    "The question in front of me was whether to keep the old API for another quarter.",
    "I was on the hook for getting payroll out on time.",
    "Our director gave me two weeks to come back with a migration plan.",
    "What the business wanted was a single view of every order.",
    "we had to get the warehouse app working offline before peak season",
])
def test_statements_of_a_task_are_evidence(said: str) -> None:
    assert score_unit(said, default_model())[1]


@pytest.mark.parametrize("said", [
    "We talked about it and we thought it was probably the network.",
    "Everyone kind of agreed the database was the bottleneck.",
    "Our best guess was a race in the retry logic.",
    "Last year I worked on the billing team.",
    "Failures dropped to zero within a week.",
    "I learned that communication is really important.",
])
def test_guesses_and_other_segments_are_not_evidence(said: str) -> None:
    assert not score_unit(said, default_model())[1]


def test_a_sure_model_is_evidence_on_its_own() -> None:
    texts = [("situation", "the office was busy that spring"),
             ("task", "quarterly numbers for the board had to be right"),
             ("action", "I pulled the ledger and checked every line"),
             ("result", "errors fell to zero"), ("reflection", "looking back I would start sooner")]
    model = SegmentModel.train(texts * 3)
    said = "the quarterly numbers for the board"
    assert cue_scores(said)["task"] == 0
    assert score_unit(said, model)[1]
    assert not score_unit("the office was busy", model)[1]
