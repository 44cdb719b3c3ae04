"""Voice findings: a monotone pitch, sentences that trail off, a recording that is too quiet.

Pure functions over a pitch and loudness track (``voice_types.ProsodyTrack``; the audio layer's
``audio.prosody`` makes one from a recording) and the answer's words and segments. Thresholds were
set on synthesized speech with controlled pitch (espeak-ng's pitch and pitch-range settings,
flite, festival) and on recordings of real people; the README gives the measured table.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np

from mockinterviewer.coach.types import Finding, SegmentResult
from mockinterviewer.coach.voice_types import ProsodyTrack, SegmentVoice, SentenceEnd, VoiceMetrics
from mockinterviewer.transcript import Word

log = logging.getLogger(__name__)

MONOTONE_SEMITONES = 4.5
"""Pitch spread (10th to 90th percentile) below which a segment sounds flat. Measured: human
speech 4.9 to 14.7 semitones in 5 to 12 s windows; espeak-ng at its narrowest pitch range 1.1,
flite 2.9, festival 4.5."""
FLAT_SEMITONES = 3.0  # the whole answer this flat: a warning rather than a note
MIN_VOICED_SECONDS = 1.5  # voiced speech a segment needs before its pitch range is judged
TAIL_SECONDS = 0.4  # the end of a sentence compared with its body
MIN_BODY_SECONDS = 0.6  # voiced speech a sentence body needs to be compared
TRAIL_DB = 6.0  # a sentence end this much quieter than its body trails off
TRAIL_SHARE = 0.5  # share of the measured sentence ends that must trail off
MIN_SENTENCES = 3
SENTENCE_GAP = 0.5  # seconds of silence that end a sentence even without punctuation
QUIET_DB = -36.0
"""Median level of voiced speech (dBFS) below which the input is too quiet. Measured: real
recordings -27 to -13 dBFS, the synthesized voices about -19 dBFS."""
VERY_QUIET_DB = -45.0
_DEFAULT_HOP = 0.01


def _hop(times: np.ndarray) -> float:
    if len(times) < 2:
        return _DEFAULT_HOP
    return float(np.median(np.diff(times)))


def pitch_range_semitones(f0: np.ndarray, min_frames: int = 1) -> float | None:
    """The spread of a pitch track between its 10th and 90th percentiles, in semitones.

    Args:
        f0: pitch in Hz, NaN (or 0 or less) where unvoiced.
        min_frames: fewest voiced frames needed for an answer.

    Returns:
        The spread, or None with fewer voiced frames than ``min_frames``.
    """
    f = np.asarray(f0, dtype=np.float64)
    f = f[np.isfinite(f) & (f > 0)]
    if len(f) < max(1, min_frames):
        return None
    st = 12.0 * np.log2(f)
    return float(np.percentile(st, 90) - np.percentile(st, 10))


def _median(values: np.ndarray) -> float | None:
    return float(np.median(values)) if len(values) else None


def sentence_spans(words: Sequence[Word], gap: float = SENTENCE_GAP) -> list[tuple[int, int]]:
    """Splits words into sentences: after terminal punctuation, or at a silence of ``gap`` s.

    Args:
        words: the answer's words in time order.
        gap: a silence this long ends a sentence.

    Returns:
        (first, last) word indexes, inclusive, of each sentence.
    """
    spans: list[tuple[int, int]] = []
    first = 0
    for i, w in enumerate(words):
        last = i == len(words) - 1
        ends = w.word.strip().endswith((".", "?", "!"))
        pause = not last and words[i + 1].start - w.end >= gap
        if last or ends or pause:
            spans.append((first, i))
            first = i + 1
    return spans


def sentence_ends(track: ProsodyTrack, words: Sequence[Word]) -> tuple[SentenceEnd, ...]:
    """The loudness drop at the end of each sentence long enough to measure.

    The last ``TAIL_SECONDS`` of voiced speech before each sentence end is compared with the
    voiced speech before it (median levels).

    Args:
        track: the recording's pitch and loudness.
        words: the answer's words.

    Returns:
        One entry per measured sentence.
    """
    times, level = np.asarray(track.times), np.asarray(track.level_db)
    voiced = np.isfinite(np.asarray(track.f0, dtype=np.float64))
    hop = _hop(times)
    n_tail = max(1, int(round(TAIL_SECONDS / hop)))
    n_body = max(1, int(round(MIN_BODY_SECONDS / hop)))
    out: list[SentenceEnd] = []
    for first, last in sentence_spans(words):
        a, b = words[first].start, words[last].end + 0.1
        idx = np.flatnonzero(voiced & (times >= a) & (times <= b))
        if len(idx) < n_tail + n_body:
            continue
        body, tail = level[idx[:-n_tail]], level[idx[-n_tail:]]
        out.append(SentenceEnd(end=float(words[last].end), first_word=first, last_word=last,
                               drop_db=float(np.median(body) - np.median(tail))))
    return tuple(out)


def voice_metrics(track: ProsodyTrack, segments: Sequence[SegmentResult],
                  words: Sequence[Word]) -> VoiceMetrics:
    """Measures the voice over the answer and per STAR segment.

    Args:
        track: the recording's pitch and loudness.
        segments: ``SegmentResult`` values (label, start, end, status).
        words: the answer's words (for the sentence ends).

    Returns:
        The metrics.
    """
    times = np.asarray(track.times, dtype=np.float64)
    f0 = np.asarray(track.f0, dtype=np.float64)
    level = np.asarray(track.level_db, dtype=np.float64)
    voiced = np.isfinite(f0)
    hop = _hop(times)
    min_frames = int(MIN_VOICED_SECONDS / hop)
    per_segment = []
    for seg in segments:
        if seg.status == "missing" or seg.end <= seg.start:
            continue
        m = voiced & (times >= seg.start) & (times < seg.end)
        per_segment.append(SegmentVoice(
            label=seg.label, pitch_range_semitones=pitch_range_semitones(f0[m], min_frames),
            loudness_db=_median(level[m]), voiced_seconds=float(m.sum()) * hop))
    return VoiceMetrics(
        pitch_range_semitones=pitch_range_semitones(f0, min_frames),
        median_pitch_hz=_median(f0[voiced]),
        loudness_db=_median(level[voiced]),
        voiced_seconds=float(voiced.sum()) * hop,
        segments=tuple(per_segment),
        sentence_ends=sentence_ends(track, words),
    )


def _quote(words: Sequence[Word], first: int, last: int, most: int = 8) -> str:
    span = words[max(first, last - most + 1): last + 1] if last >= first else []
    return " ".join(w.word.strip() for w in span)


def _segment_start(segments: Sequence[SegmentResult], label: str) -> float | None:
    return next((float(s.start) for s in segments if s.label == label), None)


def _words_from(words: Sequence[Word], t: float | None, most: int = 8) -> str:
    if t is None:
        return ""
    i = next((k for k, w in enumerate(words) if w.end > t), len(words))
    return " ".join(w.word.strip() for w in words[i: i + most])


def _names(labels: Sequence[str]) -> str:
    names = [label.title() for label in labels]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def monotone_finding(voice: VoiceMetrics, segments: Sequence[SegmentResult],
                     words: Sequence[Word]) -> Finding | None:
    """``delivery.monotone``: at least half the measured segments keep a narrow pitch range."""
    measured = [s for s in voice.segments if s.pitch_range_semitones is not None]
    flat = [s for s in measured if (s.pitch_range_semitones or 0.0) < MONOTONE_SEMITONES]
    if not flat or 2 * len(flat) < len(measured):
        return None
    flattest = min(flat, key=lambda s: s.pitch_range_semitones or 0.0)
    whole = voice.pitch_range_semitones
    severity = "warning" if len(flat) == len(measured) and whole is not None and (
        whole < FLAT_SEMITONES) else "info"
    start = _segment_start(segments, flattest.label)
    spread = flattest.pitch_range_semitones or 0.0
    where = f"the {_names([s.label for s in flat])}" if len(flat) < len(measured) else (
        "every part of the answer")
    return Finding(
        "delivery.monotone", flattest.label if len(flat) == 1 else None, severity,
        _words_from(words, start), start,
        f"Your pitch stayed within a narrow band in {where} (as little as {spread:.1f} "
        f"semitones; a lively voice moves {MONOTONE_SEMITONES:.1f} or more). Let your voice rise "
        "on what mattered, stress the numbers, and fall at the end of each point.")


def trailing_off_finding(voice: VoiceMetrics, words: Sequence[Word]) -> Finding | None:
    """``delivery.trailing_off``: most measured sentence ends drop well below their body."""
    ends = voice.sentence_ends
    trailing = [e for e in ends if e.drop_db >= TRAIL_DB]
    if len(ends) < MIN_SENTENCES or len(trailing) < TRAIL_SHARE * len(ends):
        return None
    first = trailing[0]
    typical = float(np.median([e.drop_db for e in trailing]))
    start = words[first.first_word].start if first.first_word < len(words) else None
    return Finding(
        "delivery.trailing_off", None,
        "warning" if len(trailing) >= 0.75 * len(ends) else "info",
        _quote(words, first.first_word, first.last_word), start,
        f"Your voice faded at the end of {len(trailing)} of {len(ends)} sentences (about "
        f"{typical:.0f} dB quieter than the rest of the sentence). The end of a sentence often "
        "carries the result: keep enough breath to finish it at full voice.")


def quiet_finding(voice: VoiceMetrics) -> Finding | None:
    """``delivery.quiet``: the voiced speech of the whole answer is recorded too low."""
    if voice.loudness_db is None or voice.voiced_seconds < MIN_VOICED_SECONDS:
        return None
    if voice.loudness_db >= QUIET_DB:
        return None
    return Finding(
        "delivery.quiet", None, "warning" if voice.loudness_db < VERY_QUIET_DB else "info",
        "", None,
        f"Your voice was recorded very quietly (about {voice.loudness_db:.0f} dB below full "
        "scale; clear speech sits around -20). Move closer to the microphone or raise its input "
        "level in your system's sound settings, and watch that the level meter stays green.")


def voice_findings(voice: VoiceMetrics, segments: Sequence[SegmentResult],
                   words: Sequence[Word]) -> list[Finding]:
    """The voice findings of an answer.

    Args:
        voice: its measured voice.
        segments: its ``SegmentResult`` values.
        words: its words.

    Returns:
        Monotone, trailing-off and quiet findings, those that apply.
    """
    found = (monotone_finding(voice, segments, words), trailing_off_finding(voice, words),
             quiet_finding(voice))
    return [f for f in found if f is not None]
