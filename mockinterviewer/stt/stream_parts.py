"""Parts of the streaming transcriber: the incremental VAD, the passes and their time lines, and
the rules for words at the edges of a pass (invented closers, where the final pass starts).

No state of its own: :mod:`mockinterviewer.stt.streaming` drives these.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mockinterviewer.stt.base import SAMPLE_RATE, Transcriber
from mockinterviewer.transcript import Word

WINDOW = 512
_CONTEXT = 64
TAIL_SLACK = 0.15  # seconds after the end of voice activity where a word may still start
# seconds: the final pass transcribes at most about this much again. A cut inside a phrase can
# lose the words after it: JFK's "... can do for | you, ask what you can do for your country",
# prompted with the words before the cut, came back as "your country." (8 s); the open region is
# rarely longer than ``commit_seconds`` (16 s), so it is usually transcribed whole.
FINAL_SPAN = 16.0
CUT_SLACK = 0.1  # a final-pass word starting this much before the cut is new, not the lead-in's
# seconds of silence after the final pass's audio. When the speaker is still talking as the
# recording stops, Whisper drops the last words of a clip that ends on voice: the bench's echo
# test file lost "pound key." ("... or by pressing the"), which 0.5 s of silence brings back
# (0.3 s did not). The encoder reads a 30-s window whatever the clip's length, so it costs
# nothing there.
FINAL_PAD = 0.5


class SileroStream:
    """The Silero VAD run window by window, with its recurrent state kept between calls."""

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        self._session = get_vad_model().session
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(_CONTEXT, dtype=np.float32)

    def probabilities(self, windows: np.ndarray) -> np.ndarray:
        """Speech probability of each 512-sample window (rows of ``windows``)."""
        if not len(windows):
            return np.zeros(0, dtype=np.float32)
        contexts = np.concatenate([self._context[None, :], windows[:-1, -_CONTEXT:]], axis=0)
        batch = np.concatenate([contexts, windows], axis=1).astype(np.float32)
        out, self._h, self._c = self._session.run(
            None, {"input": batch, "h": self._h, "c": self._c}
        )
        self._context = windows[-1, -_CONTEXT:].copy()
        return np.asarray(out, dtype=np.float32).reshape(-1)


_CLOSERS = ("thank you", "thanks for watching", "thanks for listening", "bye", "see you",
            "please subscribe", "you")


def drop_tail_hallucination(words: list[Word], speech_end: float) -> list[Word]:
    """Drops a short sentence Whisper appends at the very end of a clip that nobody said.

    Tiny models often close a clip with "Thank you." or "Thank you so much." in the silence
    after the last word: a run of at most four words after a sentence end, starting in the last
    0.8 s of speech, whose first word is unconfident (probability below 0.3), or below 0.6 when
    the run is one of the well-known closing phrases.
    """
    for k in range(max(1, len(words) - 4), len(words)):
        first, before = words[k], words[k - 1]
        if not before.word.rstrip().endswith((".", "?", "!")) or first.filler:
            continue
        if first.start < speech_end - 0.8:
            continue
        tail = " ".join(w.word.strip(" .,!?").lower() for w in words[k:])
        limit = 0.6 if tail.startswith(_CLOSERS) else 0.3
        if first.probability < limit:
            return words[:k]
    return words


def final_cut(settled: list[Word], start: float, end: float) -> float:
    """Where the final pass starts: the recording time after which settled words are heard again.

    A boundary inside a phrase costs words (a short word beside the cut is easily lost), so the
    whole open region is transcribed again when it is short (at most :data:`FINAL_SPAN`; a
    decode costs about the same up to there), else the cut is at the widest gap between settled
    words within that span of the end.
    """
    if not settled or end - start <= FINAL_SPAN:
        return start
    pairs = [(b.start - a.end, (a.end + b.start) / 2)
             for a, b in zip(settled, settled[1:], strict=False) if a.end >= end - FINAL_SPAN]
    if not pairs:
        return settled[-1].end
    return max(pairs)[1]


def same_word(a: Word, b: Word) -> bool:
    return a.word.strip(" .,!?;:").lower() == b.word.strip(" .,!?;:").lower()


@dataclass(frozen=True)
class Utterance:
    """A stretch of speech cut from the stream (sample indices from the recording start)."""

    start: int
    end: int


class UtteranceCutter:
    """Cuts the stream into utterances from the VAD's window probabilities.

    An utterance starts at a window of at least ``threshold``, ``pad`` samples early, and ends
    ``pad`` samples after its last speech window once ``min_silence`` samples of non-speech
    followed (below ``threshold - 0.15``). One longer than ``max_utterance`` samples is cut at its
    quietest window seen after the first third. All positions are samples from the recording
    start; a closed utterance is clipped to the samples still held (``lo`` to ``hi``).

    Attributes:
        utterances: the closed utterances, in order.
        speech_start: where the utterance still open started (None: in a pause).
        last_speech: end of the last window judged speech.
    """

    def __init__(self, threshold: float, min_silence: int, pad: int, max_utterance: int) -> None:
        self.threshold = threshold
        self.neg_threshold = max(threshold - 0.15, 0.01)
        self.min_silence = min_silence
        self.pad = pad
        self.max_utterance = max_utterance
        self.utterances: list[Utterance] = []
        self.speech_start: int | None = None
        self.last_speech = 0
        self._split_at: int | None = None  # quietest window end seen in the open utterance
        self._split_prob = 1.0

    def _close(self, start: int, end: int, lo: int, hi: int) -> None:
        start, end = max(start, lo), min(end, hi)
        if end - start >= SAMPLE_RATE // 10:
            self.utterances.append(Utterance(start, end))

    def close_open(self, lo: int, hi: int) -> None:
        """Closes the utterance still open at ``hi`` (the end of the stream)."""
        if self.speech_start is not None:
            self._close(self.speech_start, hi, lo, hi)
            self.speech_start = None

    def step(self, pos: int, prob: float, lo: int, hi: int) -> None:
        """Takes the speech probability of the window starting at sample ``pos``."""
        end = pos + WINDOW
        if self.speech_start is None:
            if prob >= self.threshold:
                self.speech_start = max(0, pos - self.pad)
                self.last_speech = end
                self._split_at, self._split_prob = None, 1.0
            return
        if prob >= self.threshold:
            self.last_speech = end
        elif prob < self.neg_threshold and end - self.last_speech >= self.min_silence:
            self._close(self.speech_start, self.last_speech + self.pad, lo, hi)
            self.speech_start = None
            return
        if end - self.speech_start >= self.max_utterance // 3 and prob <= self._split_prob:
            self._split_at, self._split_prob = end - WINDOW // 2, prob
        if end - self.speech_start >= self.max_utterance:
            cut = self._split_at if self._split_at is not None else end
            self._close(self.speech_start, cut, lo, hi)
            self.speech_start = cut
            self._split_at, self._split_prob = None, 1.0


@dataclass(frozen=True, eq=False)
class Pass:
    """One transcription of the open region.

    Attributes:
        spans: recording sample ranges joined into ``audio``.
        audio: the samples.
        first: index of the region's first utterance.
        closed: how many utterances were closed when the pass was made.
        end: recording sample where the pass ends.
        speech_end: end of the last voice activity in it (samples).
        open_start: where the speech still going on at the pass started (None: a pause).
        final: the last pass, made by :meth:`StreamingTranscriber.finish`.
        cut: recording time before which words were already settled (final pass only).
        voice_end: end of the latest voice activity in the whole stream when the pass was made.
        anchor: a pass asked for at a point fixed by the audio alone (a pause, a commit, every
            few seconds of speech) and never skipped: the final words are built from these
            passes only, so they do not depend on how fast the machine ran the others.
        commit_at: recording time before which the pass's words are committed (None: none).
        commit_first: the first utterance after ``commit_at`` (the next region's first).
        kept: settled words before ``cut`` that the final pass continues (final pass only).
    """

    spans: tuple[tuple[int, int], ...]
    audio: np.ndarray
    first: int
    closed: int
    end: int
    speech_end: int
    open_start: int | None = None
    final: bool = False
    cut: float = 0.0
    voice_end: int = 0
    anchor: bool = False
    commit_at: float | None = None
    commit_first: int | None = None
    kept: tuple[Word, ...] = ()

    def to_clip(self, t: float) -> float:
        """Maps a recording time to the joined audio's time line (the inverse of
        :meth:`to_recording`)."""
        pos, done = t * SAMPLE_RATE, 0
        for a, b in self.spans:
            if pos <= b:
                return (done + max(0.0, pos - a)) / SAMPLE_RATE
            done += b - a
        return done / SAMPLE_RATE

    def to_recording(self, t: float) -> float:
        """Maps a time in the joined audio to the recording's time line."""
        pos = t * SAMPLE_RATE
        for a, b in self.spans:
            if pos <= b - a:
                return (a + pos) / SAMPLE_RATE
            pos -= b - a
        a, b = self.spans[-1]
        return (b + pos) / SAMPLE_RATE


def join_spans(spans: list[tuple[int, int]], keep_gap: int = 0) -> list[tuple[int, int]]:
    """Merges sample ranges that overlap or lie less than ``keep_gap`` samples apart.

    Short pauses stay in the audio (Whisper reads them as punctuation and breath); only longer
    silences are left out.
    """
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if out and a <= out[-1][1] + keep_gap:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def commit_point(job: Pass, utterances: list[Utterance], stable: float) -> tuple[float, int] | None:
    """Where a long region is committed: the last pause between utterances inside the stable
    part of the pass (``stable``: recording time before which its words are settled).

    Returns:
        ``(boundary, first)``: the recording time in the middle of that pause and the first
        utterance after it; None when there is no such pause yet.
    """
    for k in range(job.closed - 1, job.first - 1, -1):
        if k + 1 < job.closed:
            nxt = utterances[k + 1].start
        elif job.open_start is not None:
            nxt = job.open_start
        else:
            continue  # nothing follows the last utterance yet
        boundary = (utterances[k].end + nxt) / 2 / SAMPLE_RATE
        if boundary <= stable:
            return boundary, k + 1
    return None


LIVE_OVERLAP = 0.15  # seconds a word shown live may move between passes


class LiveFeed:
    """What the live view has been given, so that each word is given once.

    A later pass hears the same audio again, and its word times move by a few hundredths of a
    second: a word already shown can come back starting a little later. So a word counts as new
    only once it starts past the last shown word (less :data:`LIVE_OVERLAP`), and the last shown
    word said again right after it is skipped.
    """

    def __init__(self) -> None:
        self._until = -1.0
        self._last: Word | None = None

    def take(self, words: list[Word]) -> list[Word]:
        """The words not given yet (marked as given now)."""
        fresh = [w for w in words if w.start > self._until]
        last = self._last
        if last is not None:
            fresh = [w for w in fresh if w.start >= last.end - LIVE_OVERLAP]
            if fresh and same_word(fresh[0], last) and fresh[0].start < last.end + LIVE_OVERLAP:
                fresh = fresh[1:]
        if fresh:
            self._until, self._last = fresh[-1].start, fresh[-1]
        return fresh


def transcribe_pass(engine: Transcriber, job: Pass, prompt: str | None) -> list[Word]:
    """The words of one pass, on the recording's time line.

    The final pass hears :data:`FINAL_PAD` of silence after its audio. Words that start after
    the end of voice activity (plus :data:`TAIL_SLACK`) are dropped, as
    is a closing phrase Whisper invents in the trailing silence.

    Args:
        engine: the transcriber.
        job: the pass.
        prompt: the words before it, as context.

    Returns:
        The words, recording time.
    """
    speech_end = job.speech_end / SAMPLE_RATE
    audio = job.audio
    if job.final:
        audio = np.concatenate([audio, np.zeros(int(FINAL_PAD * SAMPLE_RATE), audio.dtype)])
    raw = engine.transcribe_array(audio, 0.0, prompt=prompt, fast=job.final,
                                  speech_end=job.to_clip(speech_end))
    words = []
    for w in raw:
        start = job.to_recording(w.start)
        end = max(start, job.to_recording(w.end))
        if start < speech_end + TAIL_SLACK:  # Whisper invents words in trailing silence
            words.append(Word(w.word, start, end, w.filler, w.probability))
    return drop_tail_hallucination(words, speech_end)


def pass_fillers(engine: Transcriber, job: Pass, words: list[Word],
                 until: float | None = None) -> list[Word]:
    """The engine's filler pass over a pass's audio, for words that are final.

    Args:
        engine: the transcriber.
        job: the pass whose audio holds the words.
        words: the words (recording time).
        until: recording time after which the audio is not searched (default: all of it).

    Returns:
        New filler words, recording time.
    """
    clip = [Word(w.word, job.to_clip(w.start), job.to_clip(w.end), w.filler, w.probability)
            for w in words]
    audio = job.audio
    if until is not None:
        audio = audio[: int(job.to_clip(until) * SAMPLE_RATE)]
    found = engine.find_fillers(audio, clip, 0.0)
    return [Word(f.word, job.to_recording(f.start), job.to_recording(f.end), True,
                 f.probability) for f in found]
