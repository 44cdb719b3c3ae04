"""Voice findings over plain pitch and loudness tracks (no audio): monotone, trailing off, quiet,
the ``voice`` JSON and the engine's use of a track."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from coach_helpers import WEAK, speak

from mockinterviewer.coach.engine import analyze
from mockinterviewer.coach.types import Analysis
from mockinterviewer.coach.voice import (
    MONOTONE_SEMITONES,
    QUIET_DB,
    pitch_range_semitones,
    sentence_spans,
    voice_findings,
    voice_metrics,
)
from mockinterviewer.content.library import load_library
from mockinterviewer.transcript import Word

HOP = 0.01


@dataclass(frozen=True)
class Track:
    times: np.ndarray
    f0: np.ndarray
    level_db: np.ndarray


def _track(seconds: float, spread: float, level: float = -20.0, seed: int = 0) -> Track:
    """Voiced speech at 120 Hz whose pitch wanders uniformly over ``spread`` semitones."""
    rng = np.random.default_rng(seed)
    times = np.arange(int(seconds / HOP)) * HOP + HOP / 2
    st = rng.uniform(-spread / 2, spread / 2, len(times))
    f0 = 120.0 * 2 ** (st / 12)
    f0[(times % 1.0) > 0.7] = np.nan  # a short unvoiced gap every second
    return Track(times, f0, np.full(len(times), level))


def test_pitch_range_is_the_10_to_90_percentile_spread() -> None:
    f0 = 100.0 * 2 ** (np.linspace(0, 10, 1001) / 12)
    assert abs((pitch_range_semitones(f0) or 0.0) - 8.0) < 0.05
    assert pitch_range_semitones(np.full(10, np.nan)) is None
    assert pitch_range_semitones(f0, min_frames=2000) is None


def test_monotone_fires_for_flat_segments_and_not_for_lively_ones() -> None:
    words, _ = speak(WEAK)
    scenario = load_library().by_id("customer-obsession")
    seconds = words[-1].end + 0.5
    flat = analyze(words, scenario, prosody=_track(seconds, 2.0))
    lively = analyze(words, scenario, prosody=_track(seconds, 12.0))
    assert flat.voice is not None and lively.voice is not None
    ranges = [s.pitch_range_semitones for s in flat.voice.segments]
    assert all(r is None or r < MONOTONE_SEMITONES for r in ranges) and any(ranges)
    finding = flat.finding("delivery.monotone")
    assert finding is not None and finding.start is not None and "semitones" in finding.message
    assert lively.finding("delivery.monotone") is None
    # the segments measured are the analysis's own
    assert [s.label for s in flat.voice.segments] == [
        s.label for s in flat.segments if s.status != "missing" and s.end > s.start]


def test_no_track_and_written_answers_have_no_voice() -> None:
    words, _ = speak(WEAK)
    scenario = load_library().by_id("customer-obsession")
    assert analyze(words, scenario).voice is None
    assert analyze(words, scenario, timed=False, prosody=_track(40, 2.0)).voice is None


def test_sentences_split_at_punctuation_and_pauses() -> None:
    ws = [Word("I", 0, .2), Word("did.", .2, .5), Word("Then", .6, .8), Word("it", .8, 1.0),
          Word("worked", 2.0, 2.3), Word("well", 2.3, 2.6)]
    assert sentence_spans(ws) == [(0, 1), (2, 3), (4, 5)]


def _sentences(drop: float) -> tuple[Track, list[Word]]:
    """Four 2.5 s sentences; the last 0.5 s of each is ``drop`` dB quieter."""
    times = np.arange(int(12 / HOP)) * HOP + HOP / 2
    level = np.full(len(times), -20.0)
    f0 = np.full(len(times), 120.0)
    words = []
    for k in range(4):
        a = k * 3.0
        f0[(times >= a + 2.5) & (times < a + 3.0)] = np.nan  # the pause after it
        level[(times >= a + 2.5) & (times < a + 3.0)] = -70.0
        level[(times >= a + 2.0) & (times < a + 2.5)] -= drop
        words += [Word("we", a, a + 1.0), Word("shipped", a + 1.0, a + 2.0),
                  Word("it.", a + 2.0, a + 2.5)]
    return Track(times, f0, level), words


def test_trailing_off_needs_most_sentence_ends_to_fade() -> None:
    steady_track, words = _sentences(0.0)
    faded_track, _ = _sentences(12.0)
    steady = voice_metrics(steady_track, [], words)
    faded = voice_metrics(faded_track, [], words)
    assert len(faded.sentence_ends) == 4
    assert all(abs(e.drop_db - 12.0) < 0.5 for e in faded.sentence_ends)
    ids = [f.id for f in voice_findings(faded, [], words)]
    assert ids == ["delivery.trailing_off"]
    assert voice_findings(steady, [], words) == []
    trailing = voice_findings(faded, [], words)[0]
    assert trailing.evidence == "we shipped it." and trailing.start == 0.0


def test_quiet_is_judged_on_the_voiced_speech() -> None:
    loud = voice_metrics(_track(20, 12.0, level=-22.0), [], [])
    quiet = voice_metrics(_track(20, 12.0, level=QUIET_DB - 4), [], [])
    very = voice_metrics(_track(20, 12.0, level=-55.0), [], [])
    assert [f.id for f in voice_findings(loud, [], [])] == []
    assert [(f.id, f.severity) for f in voice_findings(quiet, [], [])] == [
        ("delivery.quiet", "info")]
    assert [(f.id, f.severity) for f in voice_findings(very, [], [])] == [
        ("delivery.quiet", "warning")]


def test_voice_json_round_trips_and_old_json_reads() -> None:
    words, _ = speak(WEAK)
    scenario = load_library().by_id("customer-obsession")
    a = analyze(words, scenario, prosody=_track(words[-1].end + 0.5, 2.0))
    d = a.to_dict()
    assert d["voice"]["segments"][0]["pitch_range_semitones"] is not None
    back = Analysis.from_dict(d)
    assert back.voice is not None and back.voice.to_dict() == d["voice"]
    del d["voice"]
    assert Analysis.from_dict(d).voice is None
