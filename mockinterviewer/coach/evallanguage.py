"""Measuring the language detectors on blind labelled sets (``coach/corpus/language-*.jsonl``).

Two files per split, written by people who never saw the detectors:

- ``language-{split}-hedging.jsonl``: sentences labelled ``hedge``, ``no_hedge`` or
  ``reflective`` (a hedge weighing a trade-off in hindsight: a negative), and whole answers
  labelled ``hedgy`` or ``confident``;
- ``language-{split}-pet.jsonl``: answers labelled ``pet`` or ``no_pet`` with their pet phrases
  (phrase -> count).

Figures: precision and recall of each decision (sentence hedge, answer hedgy, answer pet), the
reflective sentences wrongly counted, and how often the pet phrases found are the labelled ones.
The dev split is for tuning; the test split is measured once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mockinterviewer.coach.corpus import CORPUS_DIR
from mockinterviewer.coach.evalwritten import Tally
from mockinterviewer.coach.language import find_hedges, find_pet_phrases, is_hedgy
from mockinterviewer.coach.segment import label_answer
from mockinterviewer.coach.text import clean, words_from_text
from mockinterviewer.content.model import SEGMENT_LABELS

BAR = 0.90  # precision and recall of each detector
SPLITS = ("dev", "test")

Labeller = Callable[[Sequence[str]], Sequence[str] | None]


def language_file(split: str, kind: str) -> Path:
    """The labelled file of a split (``dev`` or ``test``) and kind (``hedging`` or ``pet``)."""
    return CORPUS_DIR / f"language-{split}-{kind}.jsonl"


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON-lines file (blank lines skipped)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def star_labels(text: str) -> tuple[str, ...]:
    """The STAR label of each word of a written answer, as ``analyze --text`` finds them."""
    lab = label_answer(words_from_text(text))
    return tuple(SEGMENT_LABELS[k] for k in lab.labels)


@dataclass(frozen=True)
class LanguageScore:
    """The language detectors on one split.

    Attributes:
        hedges: the hedge detector's figures.
        pets: answer-level pet vs no_pet.
        phrase_hits: (labelled pet phrases found, labelled pet phrases) on pet answers.
        phrase_exact: (pet answers whose phrases found are exactly the labelled ones, pet answers).
        errors: ids wrongly decided, per measure (for tuning on dev).
    """

    hedges: HedgeScore
    pets: Tally
    phrase_hits: tuple[int, int]
    phrase_exact: tuple[int, int]
    errors: dict[str, list[str]]

    def meets_bar(self, bar: float = BAR) -> bool:
        """Whether every decision has precision and recall of at least ``bar``."""
        return all(t.precision >= bar and t.recall >= bar
                   for t in (self.hedges.sentences, self.hedges.answers, self.pets))


def _norm(phrase: str) -> str:
    return " ".join(c for c in (clean(t) for t in phrase.split()) if c)


@dataclass(frozen=True)
class HedgeScore:
    """The hedge detector on one file.

    Attributes:
        sentences: sentence-level hedge vs not (``reflective`` counts as not).
        reflective: (reflective sentences, flagged, flagged were the hindsight rule off).
        answers: answer-level hedgy vs confident (STAR labels from the segmenter).
        answers_no_rule: the same with every hindsight hedge counted.
        answers_no_labels: the same without STAR labels (sentence words only).
        errors: ids wrongly decided, per level.
    """

    sentences: Tally
    reflective: tuple[int, int, int]
    answers: Tally
    answers_no_rule: Tally
    answers_no_labels: Tally
    errors: dict[str, list[str]]


def score_hedging(records: Sequence[dict[str, Any]], labeller: Labeller | None = None
                  ) -> HedgeScore:
    """Scores the hedge detector on sentence and answer records.

    Args:
        records: labelled records (see the module docstring).
        labeller: STAR labels for an answer's words (default: the segmenter on the text).

    Returns:
        The tallies.
    """
    sent, ans, raw, unlabelled = Tally(), Tally(), Tally(), Tally()
    refl = [0, 0, 0]
    errors: dict[str, list[str]] = {"sentence": [], "answer": []}
    for r in records:
        label = str(r.get("label", ""))
        words = str(r.get("text", "")).split()
        if label in ("hedge", "no_hedge", "reflective"):
            counted, excused = find_hedges(words)
            found = bool(counted)
            expected = label == "hedge"
            sent = sent.add(expected, found)
            if label == "reflective":
                refl[0] += 1
                refl[1] += int(found)
                refl[2] += int(bool(counted or excused))
            if found != expected:
                errors["sentence"].append(str(r.get("id", "")))
        elif label in ("hedgy", "confident"):
            labels = (labeller or _text_labels)(words)
            found = is_hedgy(words, labels)
            expected = label == "hedgy"
            ans = ans.add(expected, found)
            raw = raw.add(expected, is_hedgy(words, labels, excuse=False))
            unlabelled = unlabelled.add(expected, is_hedgy(words, None))
            if found != expected:
                errors["answer"].append(str(r.get("id", "")))
    return HedgeScore(sent, (refl[0], refl[1], refl[2]), ans, raw, unlabelled, errors)


def _text_labels(words: Sequence[str]) -> Sequence[str]:
    return star_labels(" ".join(words))


def score_pets(records: Sequence[dict[str, Any]]
               ) -> tuple[Tally, tuple[int, int], tuple[int, int], list[str]]:
    """Scores the pet-phrase detector.

    Returns:
        (answer tally, (labelled phrases found, labelled phrases), (exact sets, pet answers),
        error ids).
    """
    tally = Tally()
    hits = [0, 0]
    exact = [0, 0]
    errors: list[str] = []
    for r in records:
        label = str(r.get("label", ""))
        if label not in ("pet", "no_pet"):
            continue
        found = {_norm(p) for p in find_pet_phrases(str(r.get("text", "")).split())}
        expected = label == "pet"
        tally = tally.add(expected, bool(found))
        if bool(found) != expected:
            errors.append(str(r.get("id", "")))
        if expected:
            want = {_norm(p) for p in dict(r.get("pet_phrases") or {})}
            hits[0] += len(want & found)
            hits[1] += len(want)
            exact[0] += int(want == found)
            exact[1] += 1
            if want != found and str(r.get("id", "")) not in errors:
                errors.append(str(r.get("id", "")) + " (phrases)")
    return tally, (hits[0], hits[1]), (exact[0], exact[1]), errors


def score_split(split: str, labeller: Labeller | None = None) -> LanguageScore | None:
    """Scores both detectors on a split's files (None when the files are not there)."""
    hp, pp = language_file(split, "hedging"), language_file(split, "pet")
    if not hp.exists() or not pp.exists():
        return None
    hedges = score_hedging(load_jsonl(hp), labeller)
    pets, hits, exact, pet_errs = score_pets(load_jsonl(pp))
    return LanguageScore(hedges, pets, hits, exact, hedges.errors | {"pet": pet_errs})


def _pct(a: int, b: int) -> str:
    return f"{a / b:.0%} ({a}/{b})" if b else "n/a"


def _row(name: str, t: Tally) -> str:
    return (f"  {name:<34} precision {t.precision:>5.0%}  recall {t.recall:>5.0%}  "
            f"(tp {t.tp}, fp {t.fp}, fn {t.fn})")


def report_lines(split: str, score: LanguageScore) -> list[str]:
    """The printed table of one split."""
    h = score.hedges
    return [
        f"language detectors on the {split} set (language-{split}-*.jsonl):",
        _row("hedge (sentences)", h.sentences),
        _row("hedgy (answers)", h.answers),
        _row("  hedgy, hindsight hedges counted", h.answers_no_rule),
        _row("  hedgy, without STAR labels", h.answers_no_labels),
        _row("pet phrase (answers)", score.pets),
        f"  reflective sentences counted as hedging: {_pct(h.reflective[1], h.reflective[0])}"
        f" (without the hindsight rule: {_pct(h.reflective[2], h.reflective[0])})",
        f"  labelled pet phrases found: {_pct(*score.phrase_hits)}; pet answers with exactly "
        f"the labelled phrases: {_pct(*score.phrase_exact)}",
        f"  bar (precision and recall >= {BAR:.0%} each for sentences, answers and pet "
        "phrases): " + ("met" if score.meets_bar() else "NOT met"),
    ]


def payload(score: LanguageScore) -> dict[str, Any]:
    """The JSON form of one split's figures."""
    def tally(t: Tally) -> dict[str, Any]:
        return vars(t) | {"precision": t.precision, "recall": t.recall}

    h = score.hedges
    return {"sentences": tally(h.sentences), "answers": tally(h.answers),
            "answers_no_rule": tally(h.answers_no_rule),
            "answers_no_labels": tally(h.answers_no_labels), "pets": tally(score.pets),
            "reflective": {"n": h.reflective[0], "flagged": h.reflective[1],
                           "flagged_without_rule": h.reflective[2]},
            "phrase_hits": list(score.phrase_hits), "phrase_exact": list(score.phrase_exact),
            "meets_bar": score.meets_bar()}
