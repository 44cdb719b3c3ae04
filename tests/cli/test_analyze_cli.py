"""``mockinterviewer analyze``: report, JSON, and one ``error:`` line (exit 2) for bad input."""

from __future__ import annotations

import json
import shutil
import wave
from pathlib import Path

import pytest
from coach_helpers import STRONG, WEAK, speak

from mockinterviewer.cli import main
from mockinterviewer.transcript import Transcript

ANSWER_KEYS = {"scenario", "level", "transcript", "words", "segments", "findings", "metrics",
               "verdict", "verdict_reasons", "probes", "probe_answers"}


class FakeTranscriber:
    """Returns fixed words for any file (the real engine is tested in test_eval and below)."""

    def find_fillers(self, audio, words, offset=0.0) -> list:
        return []

    def __init__(self, words: list) -> None:
        self.words = words
        self.calls: list[Path] = []

    def transcribe_file(self, path: Path) -> Transcript:
        self.calls.append(Path(path))
        return Transcript(tuple(self.words), self.words[-1].end if self.words else 3.0, "fake")


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeTranscriber:
    words, _ = speak(WEAK)
    engine = FakeTranscriber(words)
    monkeypatch.setattr("mockinterviewer.cli.analyze._default_transcriber", lambda: engine)
    return engine


def _err_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error:")]


def test_text_answer_report_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(t for _, t in STRONG), encoding="utf-8")
    out = tmp_path / "out.json"
    rc = main(["analyze", "--scenario", "ownership", "--text", str(story), "--json", str(out)])
    printed = capsys.readouterr().out
    assert rc == 0
    assert "Verdict:" in printed and "situation" in printed and "Findings" in printed
    d = json.loads(out.read_text(encoding="utf-8"))
    assert set(d) >= ANSWER_KEYS
    assert d["scenario"] == "ownership" and d["metrics"]["timed"] is False
    assert [s["label"] for s in d["segments"]] == ["situation", "task", "action", "result",
                                                   "reflection"]
    assert d["segments"][2]["text"].startswith("I pulled")


def test_audio_answer_with_marks_and_probe_answer(tmp_path: Path, fake: FakeTranscriber,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from mockinterviewer.content.library import find_scenario

    scenario = find_scenario("customer-obsession")
    probe = scenario.probes[0]
    audio = tmp_path / "a.wav"
    audio.write_bytes(b"not used by the fake")
    follow = tmp_path / "follow.txt"
    follow.write_text("I messaged their channel and they dealt with it.", encoding="utf-8")
    out = tmp_path / "o.json"
    _, starts = speak(WEAK)
    marks = ",".join(f"{starts[k]:.2f}" for k in ("task", "action", "result", "reflection"))
    rc = main(["analyze", "--scenario", scenario.principle_id, "--level", "senior", str(audio),
               "--marks", marks, "--probe-answer", f"{probe.id}={follow}", "--json", str(out)])
    assert rc == 0, capsys.readouterr().err
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["level"] == "senior"
    assert d["segments"][1]["text"] == "My manager asked me to make it faster."
    ids = {f["id"] for f in d["findings"]}
    assert {"initiation.assigned", "action.we_language", "result.not_quantified"} <= ids
    assert d["probe_answers"][0]["probe_id"] == probe.id
    assert d["probe_answers"][0]["verdict_hint"] == "weaker"
    assert d["verdict"] == "No Hire"
    assert fake.calls == [audio]
    assert 2 <= len(d["probes"]) <= 3 and all(p["reason"] for p in d["probes"])


@pytest.mark.parametrize("argv, needle", [
    (["analyze", "--scenario", "ownership"], "either an AUDIO"),
    (["analyze", "--scenario", "no-such-principle", "--text", "{story}"], "no-such-principle"),
    (["analyze", "--scenario", "ownership", "{audio}", "--marks", "3,x"], "--marks"),
    (["analyze", "--scenario", "ownership", "{audio}", "--marks", "9,3"], "increasing"),
    (["analyze", "--scenario", "ownership", "{audio}", "--probe-answer", "nope={audio}"],
     "no probe 'nope'"),
    (["analyze", "--scenario", "ownership", "{audio}", "--probe-answer", "junk"], "PROBE_ID"),
    (["analyze", "--scenario", "ownership", "--text", "{empty}"], "empty"),
    (["analyze", "--scenario", "ownership", "--text", "{binary}"], "not UTF-8"),
    (["analyze", "--scenario", "ownership", "--text", "{missing}"], "no such file"),
    (["analyze", "--scenario", "ownership", "{missing}"], "no such file"),
    (["analyze", "--scenario", "ownership", "{audio}", "--text", "{story}"], "exactly one"),
])
def test_bad_arguments_give_one_error_line(argv: list[str], needle: str, tmp_path: Path,
                                           fake: FakeTranscriber,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    files = {"story": tmp_path / "s.txt", "audio": tmp_path / "a.wav", "empty": tmp_path / "e.txt",
             "binary": tmp_path / "b.txt", "missing": tmp_path / "nope.wav"}
    files["story"].write_text("I fixed it.", encoding="utf-8")
    files["audio"].write_bytes(b"RIFF")
    files["empty"].write_text("  \n", encoding="utf-8")
    files["binary"].write_bytes(b"\xff\xfe\x00\x81\x82")
    rc = main([a.format(**{k: str(v) for k, v in files.items()}) for a in argv])
    err = capsys.readouterr().err
    assert rc == 2
    lines = _err_lines(err)
    assert len(lines) == 1 and needle in lines[0], err
    assert "Traceback" not in err


def test_silent_recording_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    engine = FakeTranscriber([])
    monkeypatch.setattr("mockinterviewer.cli.analyze._default_transcriber", lambda: engine)
    audio = tmp_path / "quiet.wav"
    audio.write_bytes(b"x")
    rc = main(["analyze", "--scenario", "ownership", str(audio)])
    lines = _err_lines(capsys.readouterr().err)
    assert rc == 2 and len(lines) == 1 and "no speech was recognised" in lines[0]


def _wav(path: Path, samples: bytes, rate: int = 16000) -> Path:
    with wave.open(str(path), "wb") as wf:
        wf.setnchannels(1)
        wf.setsampwidth(2)
        wf.setframerate(rate)
        wf.writeframes(samples)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["empty", "text", "truncated", "silent", "folder"])
def test_bad_audio_files_with_the_real_engine(kind: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    if kind == "empty":
        path = tmp_path / "empty.wav"
        path.write_bytes(b"")
    elif kind == "text":
        path = tmp_path / "notes.mp3"
        path.write_text("this is not audio at all\n" * 50, encoding="utf-8")
    elif kind == "truncated":
        full = _wav(tmp_path / "full.wav", b"\x10\x00" * 16000)
        path = tmp_path / "truncated.wav"
        path.write_bytes(full.read_bytes()[:30])
    elif kind == "silent":
        path = _wav(tmp_path / "silent.wav", b"\x00\x00" * 16000 * 3)
    else:
        path = tmp_path / "folder.wav"
        path.mkdir()
    rc = main(["analyze", "--scenario", "ownership", str(path)])
    err = capsys.readouterr().err
    lines = _err_lines(err)
    assert rc == 2, err
    assert len(lines) == 1 and str(path.name) in lines[0], err
    assert "Traceback" not in err and "unexpected failure" not in err


@pytest.mark.slow
def test_real_spoken_answer_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    from mockinterviewer.cli.evaluate import synthesize
    from mockinterviewer.coach.evaluation import load_evalset

    answer = next(a for a in load_evalset() if a.id == "weak-assigned-export")
    spoken = synthesize(answer)
    out = tmp_path / "real.json"
    rc = main(["analyze", "--scenario", answer.scenario, str(spoken.path), "--json", str(out)])
    assert rc == 0, capsys.readouterr().err
    d = json.loads(out.read_text(encoding="utf-8"))
    assert "manager" in d["transcript"].lower()
    assert {"initiation.assigned", "reflection.generic"} <= {f["id"] for f in d["findings"]}
    task = next(s for s in d["segments"] if s["label"] == "task")
    assert "manager asked me" in task["text"].lower()
    action = next(s for s in d["segments"] if s["label"] == "action")
    assert abs(action["start"] - spoken.starts["action"]) < 1.5


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng missing")
def test_audio_answer_gets_voice_metrics_and_a_monotone_finding(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from synth_voices import RATE, STORY, render

    from mockinterviewer.audio.recorder import WavRecorder
    from mockinterviewer.transcript import Word

    audio = render(STORY, pitch_range="x-low")  # espeak-ng at its narrowest pitch range
    path = tmp_path / "flat.wav"
    with WavRecorder(path) as rec:
        rec.write(audio)
    toks = STORY.split()
    step = len(audio) / RATE / len(toks)
    engine = FakeTranscriber([Word(t, i * step, (i + 1) * step) for i, t in enumerate(toks)])
    monkeypatch.setattr("mockinterviewer.cli.analyze._default_transcriber", lambda: engine)
    out = tmp_path / "o.json"
    assert main(["analyze", "--scenario", "customer-obsession", str(path), "--marks", "4,8",
                 "--json", str(out)]) == 0
    assert "pitch range 1." in capsys.readouterr().out
    d = json.loads(out.read_text(encoding="utf-8"))
    voice = d["voice"]
    assert voice["pitch_range_semitones"] < 2.0 and -30 < voice["loudness_db"] < -10
    measured = [s for s in voice["segments"] if s["pitch_range_semitones"] is not None]
    assert measured and {s["label"] for s in voice["segments"]} <= {
        s["label"] for s in d["segments"]}
    assert "delivery.monotone" in {f["id"] for f in d["findings"]}
    # a written answer has no voice
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert main(["analyze", "--scenario", "customer-obsession", "--text", str(story), "--json",
                 str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["voice"] is None
