"""Pitch and loudness from recordings (``audio.prosody``) and the voice findings they drive.

Synthetic tones check the pitch tracker's accuracy; speech synthesized with controlled pitch
(espeak-ng's base pitch and pitch range, flite, festival) checks that a monotone rendering is
flagged and a lively one is not; a faded copy of the same speech trails off; a scaled-down copy is
too quiet. Real recordings in ../shared/speech are used when present (skipped otherwise).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from synth_voices import RATE, STORY, fade_sentence_ends, lively, render

from mockinterviewer.audio.prosody import analyse, analyse_file
from mockinterviewer.coach.types import SegmentResult
from mockinterviewer.coach.voice import (
    MONOTONE_SEMITONES,
    monotone_finding,
    quiet_finding,
    trailing_off_finding,
    voice_metrics,
)
from mockinterviewer.transcript import Word

SHARED_SPEECH = Path(__file__).resolve().parents[2].parent / "shared" / "speech"
needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng missing")


def _harmonic(f0: np.ndarray) -> np.ndarray:
    phase = 2 * np.pi * np.cumsum(f0) / RATE
    return (0.2 * sum(np.sin(k * phase) / k for k in range(1, 6))).astype(np.float32)


def _halves(seconds: float) -> list[SegmentResult]:
    h = seconds / 2
    return [SegmentResult("action", 0.0, h, h, 30.0, "ok", "", 0.0, 0),
            SegmentResult("result", h, seconds, h, 30.0, "ok", "", 0.0, 0)]


def _monotone(audio: np.ndarray) -> tuple[float | None, bool]:
    track = analyse(audio, RATE)
    segments = _halves(len(audio) / RATE)
    voice = voice_metrics(track, segments, [])
    return voice.pitch_range_semitones, monotone_finding(voice, segments, []) is not None


@pytest.mark.parametrize("hz", [80.0, 150.0, 320.0])
def test_steady_tone_pitch_is_exact(hz: float) -> None:
    track = analyse(_harmonic(np.full(RATE * 2, hz)), RATE)
    assert track.voiced.mean() > 0.95
    assert abs(float(np.nanmedian(track.f0)) - hz) < 0.01 * hz


def test_glide_spans_its_semitones_and_silence_is_unvoiced() -> None:
    t = np.arange(RATE * 2) / RATE
    glide = _harmonic(110.0 * 2 ** (t * 8 / 12 / 2))  # up 8 semitones in 2 s
    audio = np.concatenate([glide, np.zeros(RATE, dtype=np.float32)])
    track = analyse(audio, 48000 // 3)
    f = track.f0[track.voiced]
    assert 7.5 < 12 * np.log2(f.max() / f.min()) < 8.5
    assert not track.voiced[track.times > 2.1].any(), "silence has no pitch"
    # resampled input gives the same track
    again = analyse(np.repeat(audio, 3), 48000)
    assert abs(float(np.nanmedian(again.f0)) - float(np.nanmedian(track.f0))) < 1.0


def test_short_or_empty_audio_gives_empty_tracks() -> None:
    track = analyse(np.zeros(100, dtype=np.float32), RATE)
    assert len(track.times) == len(track.f0) == len(track.level_db) == 0


@needs_espeak
@pytest.mark.parametrize("kwargs", [{"pitch_range": "x-low"}, {"pitch_range": "low"},
                                    {"pitch": 50}, {"voice": "en+f3", "pitch_range": "x-low"},
                                    {"engine": "flite"}, {"engine": "festival"}])
def test_monotone_synthesized_voice_fires(kwargs: dict) -> None:
    spread, fired = _monotone(render(STORY, **kwargs))
    assert fired, (kwargs, spread)


@needs_espeak
@pytest.mark.parametrize("voice", [None, "en+f3"])
def test_lively_synthesized_voice_does_not_fire(voice: str | None) -> None:
    spread, fired = _monotone(lively(STORY, voice=voice))
    assert not fired, spread
    assert spread is not None and spread > 2 * MONOTONE_SEMITONES


@needs_espeak
def test_narrow_pitch_swings_read_as_less_lively() -> None:
    narrow, _ = _monotone(lively(STORY, pitches=(45, 55)))
    wide, _ = _monotone(lively(STORY))
    flat, _ = _monotone(render(STORY, pitch_range="x-low"))
    assert flat is not None and narrow is not None and wide is not None
    assert flat < narrow < wide


def _trim(audio: np.ndarray) -> np.ndarray:
    """Cuts the synthesizer's silence before and after the speech."""
    loud = np.flatnonzero(np.abs(audio) > 0.02 * np.abs(audio).max())
    return audio[loud[0]: loud[-1] + 1]


def _spoken_sentences() -> tuple[np.ndarray, list[Word], list[float]]:
    """The story spoken sentence by sentence (lively), with evenly timed words and its ends."""
    parts, words, ends, t = [], [], [], 0.0
    gap = np.zeros(int(0.6 * RATE), dtype=np.float32)
    for sentence in STORY.split(". "):
        audio = _trim(lively(sentence.rstrip(".") + "."))
        toks = sentence.rstrip(".").split()
        step = len(audio) / RATE / len(toks)
        for i, tok in enumerate(toks):
            last = i == len(toks) - 1
            words.append(Word(tok + ("." if last else ""), t + i * step, t + (i + 1) * step))
        t += len(audio) / RATE
        ends.append(t)
        parts += [audio, gap]
        t += len(gap) / RATE
    return np.concatenate(parts), words, ends


@needs_espeak
def test_trailing_off_fires_on_faded_sentence_ends_only() -> None:
    audio, words, ends = _spoken_sentences()
    segments = _halves(len(audio) / RATE)
    steady = voice_metrics(analyse(audio, RATE), segments, words)
    assert len(steady.sentence_ends) >= 3
    assert trailing_off_finding(steady, words) is None, [e.drop_db for e in steady.sentence_ends]
    faded = voice_metrics(analyse(fade_sentence_ends(audio, ends), RATE), segments, words)
    finding = trailing_off_finding(faded, words)
    assert finding is not None, [e.drop_db for e in faded.sentence_ends]
    assert finding.evidence.endswith("deliveries.") and finding.start == 0.0


@needs_espeak
def test_quiet_fires_on_a_scaled_down_recording_only() -> None:
    audio = lively(STORY)
    segments = _halves(len(audio) / RATE)
    normal = voice_metrics(analyse(audio, RATE), segments, [])
    assert quiet_finding(normal) is None and normal.loudness_db is not None
    quiet = voice_metrics(analyse(audio * 10 ** (-30 / 20), RATE), segments, [])
    finding = quiet_finding(quiet)
    assert finding is not None and finding.severity == "warning"
    assert quiet.loudness_db is not None and abs(normal.loudness_db - 30 - quiet.loudness_db) < 1
    # pitch is found all the same: quiet speech is still speech
    assert abs(quiet.voiced_seconds - normal.voiced_seconds) < 0.1 * normal.voiced_seconds


@pytest.mark.skipif(not SHARED_SPEECH.is_dir(), reason="../shared/speech is not present")
@pytest.mark.parametrize("name", ["asterisk_demo-echotest", "jfk_inaugural", "mfa_acoustic_corpus",
                                  "pocketsphinx_librivox_sense_sensibility"])
def test_real_voices_are_not_monotone_or_quiet(name: str) -> None:
    path = SHARED_SPEECH / f"{name}.wav"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    track = analyse_file(path)
    segments = _halves(float(track.times[-1]))
    voice = voice_metrics(track, segments, [])
    assert voice.pitch_range_semitones is not None and voice.pitch_range_semitones > 6.0
    assert monotone_finding(voice, segments, []) is None
    assert quiet_finding(voice) is None


@needs_espeak
def test_room_noise_at_20_db_snr_changes_neither_verdict() -> None:
    rng = np.random.default_rng(0)

    def noisy(audio: np.ndarray) -> np.ndarray:
        rms = float(np.sqrt(np.mean(audio[np.abs(audio) > 0.01] ** 2)))
        return audio + rng.normal(0, rms / 10, len(audio)).astype(np.float32)

    flat_spread, flat_fired = _monotone(noisy(render(STORY, pitch_range="x-low")))
    lively_spread, lively_fired = _monotone(noisy(lively(STORY)))
    assert flat_fired and not lively_fired, (flat_spread, lively_spread)
