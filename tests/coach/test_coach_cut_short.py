"""Answers a fault cut short: only the part reached is judged (issue 17: a disk that filled 29 s
in gave "Leaning No Hire" and "critical: no Result" for an answer the user never finished)."""

from __future__ import annotations

import json

from coach_helpers import STRONG, ids, speak

from mockinterviewer.coach import Analysis, analyze
from mockinterviewer.coach.cut_short import describe, minutes, unreached
from mockinterviewer.content import Scenario
from mockinterviewer.transcript import CutShort


def _cut_after_task(ownership: Scenario) -> tuple[list, float]:
    words, starts = speak(STRONG)
    cut_at = starts["action"] + 3.0  # the disk filled three seconds into the Action
    return [w for w in words if w.end <= cut_at], cut_at


def test_the_same_words_judged_whole_show_the_defect(ownership: Scenario) -> None:
    kept, cut_at = _cut_after_task(ownership)
    whole = analyze(kept, ownership, duration=cut_at)
    assert "segment.missing.result" in ids(whole)
    assert whole.verdict in ("Leaning No Hire", "No Hire")


def test_a_cut_answer_holds_back_the_parts_never_reached(ownership: Scenario) -> None:
    kept, cut_at = _cut_after_task(ownership)
    cut = CutShort(cut_at, "disk", "Recording stopped because the disk is full.")
    a = analyze(kept, ownership, duration=cut_at, cut_short=cut)
    assert a.cut_short == cut
    assert not {i for i in ids(a) if i.startswith("segment.missing.")}
    assert not {i for i in ids(a) if i.startswith(("timing.result", "timing.reflection"))}
    assert "timing.action.under" not in ids(a), "the cut part was stopped, not too short"
    assert a.verdict == ""
    assert a.verdict_reasons[0].startswith("cut short: ")
    assert "result" in a.verdict_reasons[0] and "reflection" in a.verdict_reasons[0]
    assert not any(r.startswith("critical:") for r in a.verdict_reasons)
    assert unreached(a.segments) == ("result", "reflection")
    later = {p for label in ("result", "reflection") for p in
             ownership.segment(label).signal_phrases}
    assert later and not later & set(a.phrases_missed), "their phrases were not 'missed'"


def test_a_cut_in_the_last_part_keeps_a_verdict(ownership: Scenario) -> None:
    words, starts = speak(STRONG)
    cut_at = starts["reflection"] + 2.0
    kept = [w for w in words if w.end <= cut_at]
    a = analyze(kept, ownership, duration=cut_at, cut_short=CutShort(cut_at, "microphone"))
    assert a.verdict in ("Strong Hire", "Hire", "Leaning No Hire", "No Hire")
    assert a.verdict_reasons[0].startswith("cut short: ")


def test_cut_short_round_trips_and_old_json_still_reads(ownership: Scenario) -> None:
    kept, cut_at = _cut_after_task(ownership)
    a = analyze(kept, ownership, duration=cut_at, cut_short=CutShort(cut_at, "microphone", "x"))
    data = json.loads(json.dumps(a.to_dict()))
    assert data["cut_short"] == {"seconds": round(cut_at, 2), "reason": "microphone",
                                 "detail": "x"}
    assert Analysis.from_dict(data).cut_short == CutShort(round(cut_at, 2), "microphone", "x")
    data.pop("cut_short")  # an attempt saved before this field existed
    assert Analysis.from_dict(data).cut_short is None
    whole = analyze(kept, ownership, duration=cut_at)
    assert whole.to_dict()["cut_short"] is None


def test_the_sentence_says_where_and_why() -> None:
    assert minutes(29.4) == "0:29" and minutes(75) == "1:15"
    assert describe(CutShort(29.4, "disk", "Recording stopped because the disk is full.")) == (
        "Your answer was cut short at 0:29 because the disk was full.")
    assert describe(CutShort(61, "microphone")) == (
        "Your answer was cut short at 1:01 because the microphone stopped working.")
