"""The written part of ``mockinterviewer evaluate``: the frozen test split, the measure-only
answer sets from outside the app's registers (``wild-*.jsonl``), leave-one-out runs, per-finding
precision and recall, and the finding sentence sets (no audio, no Whisper)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from mockinterviewer.coach import evallanguage
from mockinterviewer.coach.corpus import WrittenAnswer, load_corpus, load_wild, split
from mockinterviewer.coach.evalwritten import FINDING_SETS, Tally, answer_findings, check_sets
from mockinterviewer.coach.segmodel import default_model
from mockinterviewer.coach.train import WordScore, leave_one_out, score_written, summary
from mockinterviewer.content.model import Scenario

# The bar for answers nobody on the team wrote.
WRITTEN_BAR = {"word_accuracy": 0.85, "false_missing": 0, "worst": 0.5}


def _row(name: str, scores: Sequence[WordScore], answers: Sequence[WrittenAnswer]) -> str:
    s = summary(scores, answers)
    low = sum(1 for x in scores if x.accuracy < 0.75)
    return (f"  {name:<24} {int(s['answers']):>4}  {s['word_accuracy']:>7.1%}  {s['worst']:>6.0%}"
            f"  {low:>8}  {int(s['false_missing']):>12}  {int(s['invented']):>8}")


_HEAD = (f"  {'':<24} {'n':>4}  {'words':>7}  {'worst':>6}  {'<75% ans':>8}  "
         f"{'false missing':>12}  {'invented':>8}")


def _tallies(title: str, tallies: dict[str, Tally]) -> list[str]:
    lines = [title]
    for k, t in tallies.items():
        if t.tp + t.fp + t.fn == 0:
            continue
        lines.append(f"  {k:<28} precision {t.precision:>5.0%}  recall {t.recall:>5.0%}  "
                     f"(tp {t.tp}, fp {t.fp}, fn {t.fn})")
    return lines


def run_written(scenario: Scenario, leave_out: bool = True,
                progress: Callable[[str], None] | None = None
                ) -> tuple[list[str], dict[str, Any], bool]:
    """Runs the written evaluation.

    Args:
        scenario: the scenario written answers are analysed against.
        leave_out: also run leave-one-register-out and leave-one-author-out (trains models).
        progress: told what runs.

    Returns:
        (printed lines, JSON payload, whether the frozen test split meets the bar).
    """
    answers = load_corpus()
    train, test = split(answers)
    model = default_model()
    lines = [f"written answers: {len(answers)} ({len(train)} training, {len(test)} frozen test), "
             f"{len({a.register for a in answers})} registers, "
             f"{len({a.author for a in answers})} writers", _HEAD]
    payload: dict[str, Any] = {}
    test_scores = [score_written(a, model) for a in test]
    lines.append(_row("frozen test", test_scores, test))
    by_reg: dict[str, list[WordScore]] = {}
    for s in test_scores:
        by_reg.setdefault(s.register, []).append(s)
    for reg, sc in sorted(by_reg.items()):
        lines.append(_row(f"  test: {reg}", sc, test))
    payload["test"] = summary(test_scores, test)
    payload["test_answers"] = [
        {"id": s.id, "register": s.register, "accuracy": round(s.accuracy, 3),
         "false_missing": list(s.false_missing), "invented": list(s.invented)}
        for s in test_scores]
    wild_sets = load_wild()
    for name, wild in wild_sets.items():
        wild_scores = [score_written(a, model) for a in wild]
        lines.append(_row(f"wild {name}", wild_scores, wild))
        by_wild: dict[str, list[WordScore]] = {}
        for s in wild_scores:
            by_wild.setdefault(s.register, []).append(s)
        for reg, sc in sorted(by_wild.items()):
            lines.append(_row(f"  {name}: {reg}", sc, wild))
        payload[f"wild_{name}"] = summary(wild_scores, wild)
    if leave_out:
        for name, key in (("register", lambda a: a.register), ("author", lambda a: a.author)):
            if progress:
                progress(f"leave-one-{name}-out")
            loo = leave_one_out(train, key)
            allsc = [s for sc in loo.values() for s in sc]
            lines.append(_row(f"left-out {name}", allsc, train))
            for g, sc in loo.items():
                lines.append(_row(f"  without {g}", sc, train))
            payload[f"leave_one_{name}_out"] = {
                "all": summary(allsc, train),
                **{g: summary(sc, train) for g, sc in loo.items()}}
    fin = answer_findings(test, scenario, model)
    lines += _tallies("findings on the frozen test answers (authors' expected findings):", fin)
    payload["findings_test"] = {k: vars(t) | {"precision": t.precision, "recall": t.recall}
                                for k, t in fin.items()}
    for name, wild in wild_sets.items():
        fin = answer_findings(wild, scenario, model)
        lines += _tallies(f"findings on the wild {name} answers (authors' expected findings):", fin)
        payload[f"findings_wild_{name}"] = {
            k: vars(t) | {"precision": t.precision, "recall": t.recall} for k, t in fin.items()}
    for name, path in FINDING_SETS.items():
        sets = check_sets(path)
        lines += _tallies(f"finding detectors on the {name} sentence set ({path.name}):", sets)
        payload[f"detectors_{name}"] = {k: vars(t) | {"precision": t.precision,
                                                      "recall": t.recall}
                                        for k, t in sets.items()}
    language_ok = True
    for name in evallanguage.SPLITS:
        score = evallanguage.score_split(name)
        if score is not None:
            lines += evallanguage.report_lines(name, score)
            payload[f"language_{name}"] = evallanguage.payload(score)
            language_ok = language_ok and (name != "test" or score.meets_bar())
    t = payload["test"]
    ok = language_ok and (t["word_accuracy"] >= WRITTEN_BAR["word_accuracy"]
          and t["false_missing"] <= WRITTEN_BAR["false_missing"]
          and t["worst"] >= WRITTEN_BAR["worst"])
    lines.append(f"written bar (frozen test: >= {WRITTEN_BAR['word_accuracy']:.0%} of words, no "
                 f"false missing part, no answer under {WRITTEN_BAR['worst']:.0%}): "
                 + ("met" if ok else "NOT met"))
    return lines, payload, ok
