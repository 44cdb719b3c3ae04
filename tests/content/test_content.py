"""The scenario loader and the ``content`` command, on valid and broken files."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from mockinterviewer.cli import main
from mockinterviewer.content import (
    ContentError,
    load_all,
    load_scenario,
    parse_scenario,
    scenario_to_toml,
)
from mockinterviewer.paths import content_dir

SEED = content_dir() / "customer-obsession.toml"


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_seed_scenario_keeps_every_fact() -> None:
    s = load_scenario(SEED)
    assert s.id == "customer-obsession"
    assert [seg.label for seg in s.segments] == [
        "situation", "task", "action", "result", "reflection"]
    assert [seg.target_seconds for seg in s.segments] == [30, 20, 90, 20, 15]
    result = s.segment("result")
    assert result is not None
    assert "0.3% to zero" in result.signal_phrases
    assert "$8,000" in result.strong_example
    assert len(s.probes) == 4 and all(p.tags for p in s.probes)
    assert len(s.practice) >= 5
    assert {lv.id for lv in s.levels} == {"sde1", "sde2", "senior"}
    assert s.budget_for("sde2") == s.total_target_seconds == 175
    sde1 = s.targets_for("sde1")
    assert abs(sum(sde1.values()) - 120) < 1
    assert s.practice[1].answer_letter == "C"


def test_round_trip_through_toml_writer() -> None:
    s = load_scenario(SEED)
    again = parse_scenario(tomllib.loads(scenario_to_toml(s)), where=s.source)
    assert again == s


def test_missing_field_named_with_path(tmp_path: Path) -> None:
    text = _seed_text().replace('title = "Silent webhook drops nobody owned"\n', "")
    with pytest.raises(ContentError) as exc:
        load_scenario(_write(tmp_path, "x.toml", text))
    assert any(e.endswith("x.toml: title: missing required field") for e in exc.value.errors)


def test_wrong_type_reports_value(tmp_path: Path) -> None:
    text = _seed_text().replace("target_seconds = 90", 'target_seconds = "ninety"', 1)
    with pytest.raises(ContentError) as exc:
        load_scenario(_write(tmp_path, "ownership.toml", text))
    assert (f"{tmp_path / 'ownership.toml'}: segments[2].target_seconds: expected a positive "
            'number, got "ninety"') in exc.value.errors


def test_bad_toml_syntax(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as exc:
        load_scenario(_write(tmp_path, "bad.toml", 'id = "x\nprinciple = '))
    assert "invalid TOML" in exc.value.errors[0]


def test_unknown_segment_label(tmp_path: Path) -> None:
    text = _seed_text().replace('label = "task"', 'label = "context"')
    with pytest.raises(ContentError) as exc:
        load_scenario(_write(tmp_path, "x.toml", text))
    assert any("segments[1].label: unknown segment label \"context\"" in e
               for e in exc.value.errors)


def test_segments_out_of_order(tmp_path: Path) -> None:
    text = _seed_text().replace('label = "task"', 'label = "TMP"').replace(
        'label = "situation"', 'label = "task"').replace('label = "TMP"', 'label = "situation"')
    with pytest.raises(ContentError) as exc:
        load_scenario(_write(tmp_path, "x.toml", text))
    assert any("segments must be in the order" in e for e in exc.value.errors)


def test_unknown_probe_tag_and_answer_letter(tmp_path: Path) -> None:
    text = _seed_text().replace('tags = ["reflection", "second_order", "customer"]',
                                'tags = ["vibes"]')
    text = text.replace('answer = "D"', 'answer = "Q"')
    with pytest.raises(ContentError) as exc:
        load_scenario(_write(tmp_path, "x.toml", text))
    joined = "\n".join(exc.value.errors)
    assert 'probes[3].tags[0]: unknown weakness tag "vibes"' in joined
    assert "practice[4].answer: expected an option letter" in joined


def test_unknown_probe_principle(tmp_path: Path) -> None:
    text = _seed_text().replace('principle = "Ownership"\ntags', 'principle = "Vibes"\ntags')
    with pytest.raises(ContentError) as exc:
        load_scenario(_write(tmp_path, "x.toml", text))
    assert 'probes[0].principle: unknown principle "Vibes"' in "\n".join(exc.value.errors)


def test_duplicate_id_and_broken_file_do_not_stop_others(tmp_path: Path) -> None:
    _write(tmp_path, "a.toml", _seed_text())
    _write(tmp_path, "b.toml", _seed_text())
    _write(tmp_path, "c.toml", "not = [valid")
    report = load_all([tmp_path])
    assert [s.id for s in report.scenarios] == ["customer-obsession"]
    assert any("b.toml: id: duplicate id" in e for e in report.errors)
    assert any("c.toml: invalid TOML" in e for e in report.errors)


def test_story_needs_only_segments_and_identity() -> None:
    data = {
        "id": "my-story", "kind": "story", "principle": "Ownership", "title": "Mine",
        "prompts": ["Tell me about ownership."],
        "segments": [{"label": lb, "target_seconds": 20, "strong_example": f"My {lb}."}
                     for lb in ("situation", "task", "action", "result", "reflection")],
    }
    s = parse_scenario(data)
    assert s.kind == "story" and s.principle_id == "ownership"


def test_cli_check_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "check"]) == 0
    assert "valid" in capsys.readouterr().out


def test_cli_check_reports_every_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _seed_text().replace('title = "Silent webhook drops nobody owned"\n', "")
    text = text.replace("target_seconds = 30", "target_seconds = -1")
    bad = _write(tmp_path, "bad.toml", text)
    assert main(["content", "check", str(bad), str(tmp_path / "nope.toml")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert all(line.startswith("error: ") for line in err)
    assert any("title: missing required field" in line for line in err)
    assert any("segments[0].target_seconds" in line for line in err)
    assert any("nope.toml: no such file" in line for line in err)
    assert "Traceback" not in "\n".join(err)


def test_cli_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["content", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    co = next(r for r in rows if r["id"] == "customer-obsession")
    assert co["principle"] == "Customer Obsession" and co["probes"] == 4


def test_cli_unknown_scenario_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rehearse", "--scenario", "no-such-thing"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: no scenario")
