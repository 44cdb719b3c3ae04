"""Fillers with the real tiny.en model: synthesized answers in three voices and real recordings.

Each synthesized answer is rendered phrase by phrase, with "um" and "uh" said as phrases of their
own (all three engines voice those two spellings so that Whisper, prompted, writes them back) and
pauses of 0 to 0.6 s around them, as a hesitating speaker leaves. The same answer is transcribed
whole-file and streamed at keep-up pace; a filler-free answer in the same voice, with pauses
between clauses, measures false fillers. ``test_filler_table`` prints the table the README quotes.
"""

from __future__ import annotations

import numpy as np
import pytest
from streaming_support import feed
from synth_voices import render

from mockinterviewer.stt.scoring import FillerScore, filler_score
from mockinterviewer.stt.streaming import StreamingTranscriber
from mockinterviewer.transcript import Word

pytestmark = pytest.mark.slow

RATE = 16000
VOICES = ("espeak-ng", "flite", "festival")
# phrases and pauses (seconds); "um"/"uh" alone are the fillers
WITH_FILLERS: tuple[str | float, ...] = (
    "So last spring our checkout service started failing,", 0.3, "um", 0.2,
    "right during the evening peak.", 0.8, "I was on call,", 0.15, "uh", 0.35,
    "so it was my job to find the cause.", 1.0, "First I looked at the dashboards and", 0.0,
    "um", 0.5, "saw a new deployment that morning.", 0.9, "I rolled it back in one region,", 0.4,
    "uh", 0.1, "and the errors dropped.", 1.2, "Then", 0.25, "um", 0.3,
    "I rolled it back everywhere.", 0.7, "What I learned is,", 0.2, "uh", 0.6,
    "to ask for a canary release.", 1.0,
)
FLUENT: tuple[str | float, ...] = (
    "Last spring our warehouse missed its delivery targets for three weeks in a row.", 0.5,
    "I was the shift lead,", 0.3, "so it was my job to find out why the trucks left late.", 0.9,
    "I timed every step of the loading process for two days,", 0.4, "and wrote it all down.", 0.7,
    "The biggest delay came from pallets that were labelled by hand at the dock.", 1.1,
    "I asked the printing team to print labels at the packing station instead.", 0.6,
    "Within a month the trucks left on time on ninety five percent of days.", 1.0,
)


def answer(parts: tuple[str | float, ...], voice: str) -> tuple[np.ndarray, str]:
    """Renders the phrases with the pauses between them; returns (audio, reference text)."""
    out = [np.zeros(int(0.3 * RATE), dtype=np.float32)]
    for part in parts:
        if isinstance(part, float):
            out.append(np.zeros(int(part * RATE), dtype=np.float32))
        else:
            audio = render(part, voice)
            out.append((audio / max(1e-6, float(np.abs(audio).max())) * 0.5).astype(np.float32))
    out.append(np.zeros(RATE // 2, dtype=np.float32))
    return np.concatenate(out), " ".join(p for p in parts if isinstance(p, str))


def streamed(whisper_tiny, audio: np.ndarray) -> tuple[Word, ...]:
    stream = StreamingTranscriber(whisper_tiny)
    feed(stream, audio)
    return stream.finish().words


@pytest.fixture(scope="module")
def scores(whisper_tiny) -> dict[tuple[str, str, str], FillerScore]:
    """(voice, answer, path) -> filler score, for both answers in every installed voice."""
    out: dict[tuple[str, str, str], FillerScore] = {}
    for voice in VOICES:
        for name, parts in (("fillers", WITH_FILLERS), ("fluent", FLUENT)):
            try:
                audio, text = answer(parts, voice)
            except pytest.skip.Exception:
                continue  # this voice is not installed
            seconds = len(audio) / RATE
            out[(voice, name, "whole")] = filler_score(
                text, whisper_tiny.transcribe_audio(audio).words, seconds)
            out[(voice, name, "stream")] = filler_score(
                text, streamed(whisper_tiny, audio), seconds)
    if not out:
        pytest.skip("no speech synthesizer is installed")
    return out


def _pooled(scores: dict[tuple[str, str, str], FillerScore], path: str) -> tuple[float, float]:
    """(recall on the answers with fillers, false fillers a minute on the fluent ones)."""
    found = sum(s.matched for (_, n, p), s in scores.items() if p == path and n == "fillers")
    said = sum(s.reference for (_, n, p), s in scores.items() if p == path and n == "fillers")
    false = sum(s.false for (_, n, p), s in scores.items() if p == path and n == "fluent")
    minutes = sum(s.minutes for (_, n, p), s in scores.items() if p == path and n == "fluent")
    return found / said, false / minutes


def test_streamed_answers_keep_about_the_fillers_whole_file_transcription_keeps(scores) -> None:
    """Streaming at keep-up pace finds about as many fillers as the whole-file path.

    Measured over the three voices (18 fillers): before, streamed 1 against whole-file 5 (a
    streaming pass was one segment, its word times spread over the "uh" beside a word, and the
    filler pass found no gap there); after, 11 against 13. The two paths decode different clips,
    so they are not expected to agree filler for filler.
    """
    whole, _ = _pooled(scores, "whole")
    stream, _ = _pooled(scores, "stream")
    assert stream >= 0.5 and stream >= whole - 0.15, (stream, whole)


def test_filler_table(scores, capsys) -> None:
    """Recall and false fillers per voice and path; false fillers stay under the issue's bar."""
    lines = [f"{'voice':10} {'path':6} {'recall':>8} {'false/min':>10}"]
    for voice in VOICES:
        for path in ("whole", "stream"):
            w, f = scores.get((voice, "fillers", path)), scores.get((voice, "fluent", path))
            if w is None or f is None:
                continue
            lines.append(f"{voice:10} {path:6} {w.matched:>3}/{w.reference:<4} "
                         f"{f.false_per_minute:>10.2f}")
    for path in ("whole", "stream"):
        recall, false = _pooled(scores, path)
        lines.append(f"{'pooled':10} {path:6} {recall:>8.0%} {false:>10.2f}")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    for path in ("whole", "stream"):
        recall, false = _pooled(scores, path)
        assert false <= 0.3, lines
        # synthesized hesitations are harder than real ones (bar: recall >= 85% on real fillers,
        # see test_stt_whisper); this floor catches a filler pass that stopped working
        assert recall >= 0.5, lines
