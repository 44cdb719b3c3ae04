"""``mockinterviewer loop`` (bad plans: one error line, exit 2) and a loop in ``history``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from history_support import spoken_analysis

from mockinterviewer.cli import main
from mockinterviewer.coach.loop import ANSWER_MODE, LoopPlan
from mockinterviewer.content.library import load_library
from mockinterviewer.store import HistoryStore
from mockinterviewer.store.loops import start_loop


@pytest.mark.parametrize(("argv", "words"), [
    (["--scenarios", "ownership,nope", "--level", "sde2"], "no scenario called 'nope'"),
    (["--scenarios", "ownership,dive-deep", "--level", "staff"], "unknown level"),
    (["--scenarios", "ownership", "--level", "sde1"], "2 to 6"),
    (["--scenarios", "ownership,dive-deep", "--level", "sde1", "--probes", "5"], "0 to 2"),
])
def test_a_bad_loop_is_one_error_line(argv: list[str], words: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["loop", *argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and words in err[0]


def _retold_loop() -> int:
    lib = {s.id: s for s in load_library().scenarios}
    with HistoryStore() as store:
        loop_id = start_loop(store, LoopPlan(("ownership", "dive-deep"), "sde2"),
                             ["Ownership", "Dive Deep"], "tiny.en")
        for sid in ("ownership", "dive-deep"):  # the Ownership story told for both
            aid = store.start_attempt(sid, lib[sid].principle, "sde2", ANSWER_MODE, "q", None,
                                      "tiny.en", loop_id=loop_id)
            store.finish_attempt(aid, spoken_analysis(lib["ownership"]) if sid == "ownership"
                                 else _as(spoken_analysis(lib["ownership"]), "dive-deep"))
    return loop_id


def _as(analysis: object, scenario_id: str) -> object:
    from dataclasses import replace

    return replace(analysis, scenario_id=scenario_id)  # type: ignore[type-var]


def test_history_lists_and_shows_a_cut_short_loop(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    loop_id = _retold_loop()
    assert main(["history", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["mode"]) for r in rows] == [(loop_id, "loop")]
    assert main(["history", "show", str(loop_id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["scenario"] for a in data["answers"]] == ["ownership", "dive-deep"]
    assert all(a["analysis"]["verdict"] for a in data["answers"])
    (reuse,) = data["story_reuse"]
    assert reuse["scenarios"] == ["ownership", "dive-deep"] and reuse["evidence"]
    assert main(["history", "show", str(loop_id)]) == 0
    out = capsys.readouterr().out
    assert "Overall:" in out and "Dive Deep retold the Ownership story" in out
    md = tmp_path / "loop.md"
    assert main(["history", "export", str(loop_id), "--format", "md", "--out", str(md)]) == 0
    assert "## Story reuse" in md.read_text(encoding="utf-8")
