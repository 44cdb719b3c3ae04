"""The language detectors measured on the blind labelled sets (dev for tuning, test once)."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from mockinterviewer.coach import evallanguage
from mockinterviewer.coach.evallanguage import BAR, load_jsonl, score_split
from mockinterviewer.coach.language_baseline import (
    BASELINE_FILE,
    baseline,
    compute_baseline,
    corpus_texts,
)
from mockinterviewer.coach.text import clean


@pytest.mark.parametrize("split", ["dev", "test"])
def test_files_are_there_with_both_classes(split: str) -> None:
    hedging = load_jsonl(evallanguage.language_file(split, "hedging"))
    pets = load_jsonl(evallanguage.language_file(split, "pet"))
    labels = [r["label"] for r in hedging]
    assert sum(lab == "hedge" for lab in labels) >= 40
    assert sum(lab in ("no_hedge", "reflective") for lab in labels) >= 40
    assert labels.count("reflective") >= 10
    assert labels.count("hedgy") >= 20 and labels.count("confident") >= 20
    assert [r["label"] for r in pets].count("pet") >= 40
    assert [r["label"] for r in pets].count("no_pet") >= 40


def test_blind_test_set_meets_the_bar() -> None:
    score = score_split("test")
    assert score is not None
    lines = "\n".join(evallanguage.report_lines("test", score))
    h = score.hedges
    for tally in (h.sentences, h.answers, score.pets):
        assert tally.precision >= BAR, lines
        assert tally.recall >= BAR, lines
    assert score.meets_bar()
    # the trade-off rule is what keeps hindsight hedges out: without it most would count
    n, flagged, without_rule = h.reflective
    assert n >= 10 and flagged <= 0.1 * n < without_rule, lines
    hits, wanted = score.phrase_hits
    assert hits >= 0.8 * wanted, lines


def _every_hedge(words: Sequence[str], labels: Sequence[str] | None = None
                 ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """A keyword spotter: every hedge word counts, whatever its sense or sentence."""
    keys = {"think", "guess", "maybe", "probably", "perhaps", "kind", "sort", "believe"}
    spans = [(i, i) for i, w in enumerate(words) if clean(w) in keys]
    return spans, []


def _every_repeat(words: Sequence[str]) -> dict[str, list[int]]:
    """Any word said four times is a pet phrase."""
    at: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        at.setdefault(clean(w), []).append(i)
    return {w: v for w, v in at.items() if w and len(v) >= 4}


def test_the_measure_fails_a_naive_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evallanguage, "find_hedges", _every_hedge)
    monkeypatch.setattr(evallanguage, "find_pet_phrases", _every_repeat)
    score = score_split("dev")
    assert score is not None
    assert not score.meets_bar()
    assert score.hedges.sentences.precision < BAR  # reflective sentences and word senses
    assert score.pets.precision < BAR  # content words repeat too
    assert score.hedges.reflective[1] > score.hedges.reflective[0] // 2


def test_report_lines_and_payload() -> None:
    score = score_split("dev")
    assert score is not None
    lines = evallanguage.report_lines("dev", score)
    assert lines[0].startswith("language detectors on the dev set")
    assert any("reflective sentences counted as hedging" in line for line in lines)
    data = json.loads(json.dumps(evallanguage.payload(score)))
    assert set(data) >= {"sentences", "answers", "pets", "reflective", "meets_bar"}


def test_shipped_baseline_is_built_from_the_corpus() -> None:
    assert BASELINE_FILE.exists()
    assert baseline() == compute_baseline(corpus_texts())
    assert baseline()["the"] > baseline().get("basically", 0.0)
