"""Story reuse measured on labelled pairs written blind by three other writers: the development
sets (``reuse-dev.jsonl``, ``reuse-dev2.jsonl``, which the model was fitted and its threshold
chosen on) and the test set (``reuse-test.jsonl``, never used for fitting). Bar: precision and
recall of "same story" both at least 90% on the test set. Trivial detectors score below the bar,
so the measure can fail.

Measured on the test set (2026-12-06): precision 0.896, recall 0.843 on 102 pairs trained on the
first development set; 0.953 and 0.804 trained on both (the shipped model). Below the bar: the
test that asserts it is a strict expected failure (it reports when a better detector passes) and
a second test holds the level reached."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mockinterviewer.coach.story_reuse import compare, tokenize
from mockinterviewer.coach.story_reuse_train import DEV_FILE, DEV_FILES, TEST_FILE, read_pairs

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
    dev, test = read_pairs(DEV_FILE), read_pairs(TEST_FILE)
    assert len(dev) >= 100 and len(test) >= 100
    for rows in (dev, test):
        same = sum(r["label"] == "same" for r in rows)
        assert 0.35 < same / len(rows) < 0.65
    assert {r["id"][:2] for r in dev} != {r["id"][:2] for r in test}


@pytest.mark.parametrize("path", DEV_FILES, ids=lambda p: p.name)
def test_story_reuse_on_the_development_sets(path: object) -> None:
    precision, recall, n = _score(path, _detector)
    print(f"dev: precision {precision:.3f} recall {recall:.3f} on {n} pairs")
    assert precision >= 0.7 and recall >= 0.8, (precision, recall)  # R1 0.96/0.88, R3 0.74/0.83


@pytest.mark.xfail(strict=True, reason="measured on the test set: precision 0.953, recall "
                   "0.804, below the 90% bar (the pairs share their setting: same job, people "
                   "and places, different incident)")
def test_story_reuse_meets_the_bar_on_the_test_set() -> None:
    precision, recall, n = _score(TEST_FILE, _detector)
    print(f"test: precision {precision:.3f} recall {recall:.3f} on {n} pairs")
    assert precision >= BAR and recall >= BAR, (precision, recall)


def test_story_reuse_holds_the_level_measured_on_the_test_set() -> None:
    precision, recall, _n = _score(TEST_FILE, _detector)
    assert precision >= 0.95 and recall >= 0.80, (precision, recall)


def _shares_a_name_or_number(a: str, b: str) -> bool:
    keys_a = {t.key for t in tokenize(a) if t.name or t.key.startswith("#")}
    return bool(keys_a & {t.key for t in tokenize(b) if t.name or t.key.startswith("#")})


@pytest.mark.parametrize("trivial", [lambda _a, _b: True, _shares_a_name_or_number],
                         ids=["always-same", "shares-a-name-or-number"])
def test_trivial_detectors_fall_below_the_bar(trivial: Callable[[str, str], bool]) -> None:
    precision, recall, _n = _score(TEST_FILE, trivial)
    assert precision < BAR or recall < BAR
