"""Story reuse measured on labelled pairs written blind by eight other writers: the development
sets (``reuse-dev.jsonl`` .. ``reuse-dev4.jsonl``, which the model was fitted and its threshold
chosen on) and four test sets (``reuse-test.jsonl`` .. ``reuse-test4.jsonl``, never used for
fitting). Bar: precision and recall of "same story" both at least 90% on each
test set. Trivial detectors score below the bar, so the measure can fail.

Measured (2026-12-06):

| model | reuse-test (102) | reuse-test2 (110) | reuse-test3 (110) | reuse-test4 (100) |
|---|---|---|---|---|
| trained on dev (R1) | P 0.896 R 0.843 | - | - | - |
| + dev2 (R3) | P 0.953 R 0.804 | P 0.807 R 0.836 (first read) | - | - |
| + dev3 (R5) | P 0.952 R 0.784 | P 0.810 R 0.855 | P 0.771 R 0.491 (first read) | - |
| + dev4 (R6) | P 0.913 R 0.824 | P 0.758 R 0.909 | P 0.795 R 0.564 | P 0.724 R 0.840 (first read) |
| + w9..w11 rarities | P 0.915 R 0.843 | P 0.758 R 0.909 | P 0.795 R 0.564 | P 0.724 R 0.840 |

The sixth and seventh writers (dev4, test3) were briefed for the hardest pairs: a retelling that
shares no name and no number with the first telling, and different incidents in the same small
world. Their retellings share few content words at all (the event overlap of "same" pairs is 0.13
against 0.21 in the earlier sets), so recall there is about half.

A sentence-embedding feature (all-MiniLM-L6-v2, whole-answer cosine) raised the cross-validated
figure on the development sets from 0.85 to 0.89 but scored P 0.758 R 0.909 on reuse-test2: it
hears the shared domain as much as the shared event, so it was not shipped. Leaving one writer
out (``story_reuse_train --lowo``), about forty event, world and number features were tried (who
did what to what as word pairs, the trigger and the ending compared apart, the order of shared
events, the setting's words left out, close numbers with one unit). None moved the pooled figure
(P 0.790 R 0.802) by more than a handful of pairs; the best (the three closest sentence pairs)
was read once on the test sets at P/R 0.933/0.824, 0.746/0.909, 0.778/0.509 and 0.732/0.820,
worse on three of the four, so it was not shipped. Below the bar: the
test that asserts it is a strict expected failure (it reports when a better detector passes) and
a second test holds the level reached."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mockinterviewer.coach.story_reuse import compare, tokenize
from mockinterviewer.coach.story_reuse_train import (
    DEV_FILE,
    DEV_FILES,
    TEST_FILE,
    TEST_FILES,
    read_pairs,
)

BAR = 0.90


def _score(path: object, same: Callable[[str, str], bool]) -> tuple[float, float, int]:
    pairs = read_pairs(path)  # type: ignore[arg-type]
    tp = fp = fn = 0
    for p in pairs:
        said = same(p["a"]["text"], p["b"]["text"])
        truth = p["label"] == "same"
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
    return tp / max(1, tp + fp), tp / max(1, tp + fn), len(pairs)


def _detector(a: str, b: str) -> bool:
    return compare(a, b).same


def test_the_sets_are_balanced_and_written_by_different_writers() -> None:
    sets = [read_pairs(p) for p in (*DEV_FILES, *TEST_FILES)]
    for rows in sets:
        assert len(rows) >= 100
        same = sum(r["label"] == "same" for r in rows)
        assert 0.35 < same / len(rows) < 0.65
    writers = [{r["id"][:2] for r in rows} for rows in sets]
    assert all(len(w) == 1 for w in writers) and len(set.union(*writers)) == len(sets)
    assert read_pairs(DEV_FILE) == sets[0]


@pytest.mark.parametrize(("path", "floor"), [(DEV_FILES[0], (0.92, 0.89)),
                                             (DEV_FILES[1], (0.70, 0.84)),
                                             (DEV_FILES[2], (0.88, 0.91)),
                                             (DEV_FILES[3], (0.64, 0.48))],
                         ids=lambda v: getattr(v, "name", ""))
def test_story_reuse_on_the_development_sets(path: object, floor: tuple[float, float]) -> None:
    precision, recall, n = _score(path, _detector)
    print(f"dev: precision {precision:.3f} recall {recall:.3f} on {n} pairs")
    # measured: R1 0.930/0.914, R3 0.706/0.857, R5 0.887/0.917, R6 0.644/0.483 (rarities counted
    # over the w1..w11 answers; with w1..w8, R1 0.929/0.897, R3 0.709/0.871, R6 0.659/0.483)
    assert precision >= floor[0] and recall >= floor[1], (precision, recall)


@pytest.mark.xfail(strict=True, reason="measured on the test sets: precision 0.915 / 0.758 / "
                   "0.795 / 0.724, recall 0.843 / 0.909 / 0.564 / 0.840, below the 90% bar "
                   "(the pairs share their setting: same job, people and places, different "
                   "incident; retellings share no name or number)")
def test_story_reuse_meets_the_bar_on_the_test_sets() -> None:
    for path in TEST_FILES:
        precision, recall, n = _score(path, _detector)
        print(f"test: precision {precision:.3f} recall {recall:.3f} on {n} pairs")
        assert precision >= BAR and recall >= BAR, (precision, recall)


@pytest.mark.parametrize(("path", "floor"), [(TEST_FILE, (0.91, 0.84)),
                                             (TEST_FILES[1], (0.75, 0.90)),
                                             (TEST_FILES[2], (0.79, 0.56)),
                                             (TEST_FILES[3], (0.72, 0.84))],
                         ids=lambda v: getattr(v, "name", ""))
def test_story_reuse_holds_the_level_measured_on_the_test_sets(
        path: object, floor: tuple[float, float]) -> None:
    precision, recall, _n = _score(path, _detector)
    assert precision >= floor[0] and recall >= floor[1], (precision, recall)


def _shares_a_name_or_number(a: str, b: str) -> bool:
    keys_a = {t.key for t in tokenize(a) if t.name or t.key.startswith("#")}
    return bool(keys_a & {t.key for t in tokenize(b) if t.name or t.key.startswith("#")})


@pytest.mark.parametrize("trivial", [lambda _a, _b: True, _shares_a_name_or_number],
                         ids=["always-same", "shares-a-name-or-number"])
def test_trivial_detectors_fall_below_the_bar(trivial: Callable[[str, str], bool]) -> None:
    for path in TEST_FILES:
        precision, recall, _n = _score(path, trivial)
        assert precision < BAR or recall < BAR


def test_leaving_one_writer_out_reads_each_writer_as_new() -> None:
    """The honest measure: fitted on three writers' pairs, scored on the fourth's. The shipped
    features hold well above a detector that weighs only shared names (which hears the setting
    two stories share, not the event)."""
    from mockinterviewer.coach.story_reuse_train import leave_one_writer_out

    rows = leave_one_writer_out()
    assert [r[0] for r in rows] == [p.name for p in DEV_FILES] + ["pooled"]
    assert rows[-1][3] == sum(r[3] for r in rows[:-1])
    shipped = min(rows[-1][1], rows[-1][2])
    names_only = min(*leave_one_writer_out(("names",))[-1][1:3])
    # measured: pooled P 0.783 R 0.798 (shipped features), 0.570 / 0.871 (names only)
    assert shipped >= 0.77 and names_only < shipped - 0.1, (shipped, names_only)
