"""Verdict reasons are shown as sentences, never as finding ids with weights (issue 17)."""

from __future__ import annotations

import re

from coach_helpers import STRONG, WEAK, speak

from mockinterviewer.coach import analyze
from mockinterviewer.coach.reason_text import finding_sentence, plain_reason, plain_reasons
from mockinterviewer.content import Scenario
from mockinterviewer.transcript import CutShort

ID_OR_WEIGHT = re.compile(r"\b[a-z_]+\.[a-z_]+(\.[a-z_]+)?\b|\(\+[0-9.]+\)|->")


def test_the_reported_example_reads_as_a_sentence() -> None:
    text = plain_reason('timing.situation.under (+0.25) ("At my old job")')
    assert text == ("The Situation was too short for its target (a minor point). You said: "
                    "“At my old job”")
    assert plain_reason("critical: segment.missing.result") == (
        "Critical: The answer never told the Result.")


def test_every_reason_of_real_analyses_is_free_of_ids_and_weights(ownership: Scenario) -> None:
    for parts in (STRONG, WEAK, WEAK[:2]):
        words, starts = speak(parts)
        a = analyze(words, ownership)
        assert any(ID_OR_WEIGHT.search(r) for r in a.verdict_reasons), "JSON keeps the ids"
        for sentence in plain_reasons(a.verdict_reasons):
            assert not ID_OR_WEIGHT.search(sentence.split("You said:")[0]), sentence
            assert sentence[0].isupper(), sentence


def test_a_cut_answer_reason(ownership: Scenario) -> None:
    words, starts = speak(STRONG)
    kept = [w for w in words if w.end <= starts["action"] + 3]
    a = analyze(kept, ownership, cut_short=CutShort(starts["action"] + 3, "disk"))
    text = plain_reasons(a.verdict_reasons)[0]
    assert text.startswith("Your answer was cut short at 0:")
    assert "The Result and the Reflection were never reached" in text


def test_unknown_ids_from_newer_detectors_still_read_as_words() -> None:
    assert finding_sentence("loop.something_new") == "Loop: something new"
    assert plain_reason("story.reuse_odd (+1)") == "Story: reuse odd."
    assert plain_reason("language.hedging (+0.25)").startswith("Hedges (")
    assert plain_reason("Already a sentence.") == "Already a sentence."
