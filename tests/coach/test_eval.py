"""The labelled spoken evaluation set, its scoring, a known gap, and a real subset
(espeak-ng speech transcribed by the real Whisper tiny.en model) through ``mockinterviewer
evaluate``. The full set runs with ``mockinterviewer evaluate``."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from mockinterviewer.cli import main
from mockinterviewer.coach.evaluation import (
    AnswerScore,
    is_scored,
    load_evalset,
    score_labels,
    summarize,
    true_labels,
)
from mockinterviewer.content import SEGMENT_LABELS
from mockinterviewer.content.library import load_library
from mockinterviewer.transcript import Word

SUBSET = ["strong-customer-tax-rates", "weak-we-checkout", "mixed-bias-rollback",
          "weak-no-task-no-result-import"]


def test_evalset_is_broad_and_labelled() -> None:
    answers = load_evalset()
    assert len(answers) >= 12
    assert len({a.scenario for a in answers}) >= 6
    assert {a.kind for a in answers} == {"strong", "weak", "mixed"}
    assert len({a.voice for a in answers}) >= 4
    assert min(a.speed for a in answers) <= 155 and max(a.speed for a in answers) >= 185
    for a in answers:
        labels = [label for label, _ in a.segments]
        assert labels == [lb for lb in SEGMENT_LABELS if lb in labels]
        assert all(is_scored(e) for e in a.expected), a.id
        missing = {f"segment.missing.{lb}" for lb in SEGMENT_LABELS if lb not in labels}
        assert missing <= set(a.expected), a.id
        if a.kind == "strong":  # at most: the work came with the role (labelled at stop 25)
            assert set(a.expected) <= {"initiation.assigned"}, a.id


def _shingles(text: str, n: int = 9) -> set[str]:
    toks = re.findall(r"[a-z0-9']+", text.lower())
    return {" ".join(toks[i: i + n]) for i in range(len(toks) - n + 1)}


def test_evalset_does_not_reuse_library_sentences() -> None:
    library_text = set()
    for s in load_library().scenarios:
        parts = [seg.strong_example for seg in s.segments] + [lv.reflection for lv in s.levels]
        parts += [p.strong_answer for p in s.probes] + [p.weak_answer for p in s.probes]
        if s.weak_answer:
            parts.append(s.weak_answer.text)
        for p in parts:
            library_text |= _shingles(p)
    for a in load_evalset():
        shared = _shingles(a.text) & library_text
        assert not shared, (a.id, sorted(shared)[:3])


def test_scoring_of_a_labelling() -> None:
    words = [Word(f"w{i}", float(i), i + 0.8) for i in range(10)]
    cuts = [3.0, 6.0]
    idx = true_labels(words, cuts)
    assert idx == [0, 0, 0, 1, 1, 1, 2, 2, 2, 2]
    truth = ["situation"] * 3 + ["task"] * 3 + ["action"] * 4
    pred = ["situation"] * 4 + ["task"] * 2 + ["action"] * 4
    errors, correct = score_labels(words, truth, pred, {"task": 3.0, "action": 6.0})
    assert errors == (1.0, 0.0)
    assert correct == pytest.approx(0.9)


def test_summary_precision_recall() -> None:
    a = AnswerScore("a", "weak", 50, (0.5,), 0.9, ("x", "y"), ("x", "z"), (), "No Hire")
    b = AnswerScore("b", "strong", 50, (1.5,), 1.0, (), (), ("c",), "Hire")
    t = summarize([a, b])
    assert t["precision"] == pytest.approx(0.5) and t["recall"] == pytest.approx(0.5)
    assert t["median_boundary_error"] == pytest.approx(1.0)
    assert t["time_correct"] == pytest.approx(0.95)
    assert t["strong_false_critical"] == 1


# Known gaps of the engine on this set, each pinned by a strict xfail test below so that the
# suite says so the day it is fixed.
KNOWN_GAPS = {"weak-no-task-no-result-import": {"segment.missing.result"}}
# Answers below the 75 % time bar, with the floor they are held to: none since stop 27.
# weak-no-task-no-result-import has no Result, and its last Action sentence is still read as one
# (the known gap pinned below). At stop 25, when the second layer learned to weigh a clause cut
# from its sentence with the part before it, "after that, and we checked the dashboards"
# followed "We kept an eye on it for a while" into the Result (76 % -> 68 %). Since stop 27 a
# marker followed by a comma and a joiner ("after that, and") closes the clause before it, so
# only "We also wrote a short page in the runbook" is read as the Result: 78 %.
KNOWN_TIME_GAPS: dict[str, float] = {}


@pytest.mark.slow
def test_spoken_set_meets_the_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's bar on the whole spoken set (synthesized, transcribed by the real model):
    >= 90 % of speaking time labelled correctly overall, median boundary error <= 1.5 s, no
    answer below 75 %, no critical finding on a strong answer; on the SUBSET's weak answers,
    every expected finding (known gaps listed).

    The whole set, not the subset: the subset's time figure (four answers) moves by several
    points with the wording of one transcript (0.935 with the hesitation-prompted word pass,
    0.896 without it), while the bar is defined on the set.
    """
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    out = tmp_path / "eval.json"
    rc = main(["evaluate", "--spoken-only", "--json", str(out)])
    printed = capsys.readouterr().out
    assert "overall:" in printed and rc in (0, 1)
    d = json.loads(out.read_text(encoding="utf-8"))
    assert set(SUBSET) <= {a["id"] for a in d["answers"]}
    for a in d["answers"]:
        assert a["time_correct"] >= KNOWN_TIME_GAPS.get(a["id"], 0.75), a
        if a["kind"] == "weak" and a["id"] in SUBSET:
            assert set(a["expected"]) - set(a["found"]) <= KNOWN_GAPS.get(a["id"], set()), a
        if a["kind"] == "strong":
            assert a["critical"] == [], a
    assert d["overall"]["time_correct"] >= 0.90
    assert d["overall"]["median_boundary_error"] <= 1.5
    # The natural set (written blind, three synthesizers) is measured, never tuned on: 92.4 % of
    # time on 2026-12-06, worst answer 75 %; at stop 25 95.4 %, worst 82 % (nat-09; nat-19, opened
    # at stop 25, 84 %: see the closing note), so it is held to the bar.
    assert d["natural_overall"]["time_correct"] >= 0.90
    assert min(a["time_correct"] for a in d["natural_answers"]) >= 0.75


@pytest.mark.xfail(strict=True, reason="known gap (#13 closing note): in an answer with no "
                   "Result, the last Action sentence is labelled Result")
def test_known_gap_last_action_is_not_a_result() -> None:
    from mockinterviewer.coach.segment import label_answer
    from mockinterviewer.coach.text import words_from_text

    answer = next(a for a in load_evalset() if a.id == "weak-no-task-no-result-import")
    lab = label_answer(words_from_text(answer.text))
    assert SEGMENT_LABELS.index("result") not in lab.labels


def test_evaluate_rejects_unknown_answer(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["evaluate", "--only", "no-such-answer"])
    err = capsys.readouterr().err
    assert rc == 2 and "no-such-answer" in err


def test_the_natural_sets_are_two_writers_and_three_voices() -> None:
    from mockinterviewer.coach.evaluation import NATURAL, NATURAL_DEV

    measure, dev = load_evalset(NATURAL), load_evalset(NATURAL_DEV)
    assert len(dev) >= 30 and not {a.id for a in measure} & {a.id for a in dev}
    for answers in (measure, dev):
        assert {a.engine for a in answers} == {"espeak-ng", "flite", "festival"}
        assert {a.kind for a in answers} == {"strong", "weak", "mixed"}
        assert sum("task" not in dict(a.segments) for a in answers) >= 8
        for a in answers:
            labels = [label for label, _ in a.segments]
            assert labels == [lb for lb in SEGMENT_LABELS if lb in labels], a.id
            assert all(is_scored(e) for e in a.expected), a.id
            missing = {f"segment.missing.{lb}" for lb in SEGMENT_LABELS if lb not in labels}
            assert missing <= set(a.expected), a.id


@pytest.mark.slow
def test_evaluate_scores_the_development_set_on_request(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    out = tmp_path / "eval.json"
    rc = main(["evaluate", "--dev-set", "--only", "nd-04-fence-posts", "--json", str(out)])
    printed = capsys.readouterr().out
    assert rc in (0, 1) and "The natural development set" in printed
    d = json.loads(out.read_text(encoding="utf-8"))
    [a] = d["natural_dev_answers"]
    assert a["id"] == "nd-04-fence-posts" and a["time_correct"] > 0.5
