"""Live transcription with whole-file accuracy and a short wait after the speaker stops.

The Silero VAD (bundled with faster-whisper) runs on each captured chunk, 512 samples at a time,
and cuts the stream into *utterances* at pauses. Everything said since the last *commit point* is
the open *region*: its utterances are joined without the pauses between them (as faster-whisper's
whole-file VAD does) and transcribed again, on one background thread, whenever a little new speech
has arrived and the thread is free. Each pass is prompted with the words before the region, so it
has the context a whole-file pass has.

Words that ended well before the end of a pass (``stable_margin``) are *settled*; they go to the
live view. When the region holds ``commit_seconds`` of speech, the words before the last pause that
lies safely inside the pass are *committed* (final) and the region starts after that pause, so each
pass stays short. When the speaker stops, :meth:`finish` only has to transcribe the audio after the
latest settled word: typically a few seconds, prompted with everything before it.

Only one pass runs at a time, so the passes never compete with each other for the CPU; the thread
is started with a lower scheduling priority so the user interface always comes first.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mockinterviewer.stt.base import (
    BACKGROUND_NICE,
    SAMPLE_RATE,
    Transcriber,
    lower_thread_priority,
)
from mockinterviewer.transcript import Transcript, Word

log = logging.getLogger(__name__)

WINDOW = 512
_CONTEXT = 64
_TAIL_SLACK = 0.15  # seconds after the end of voice activity where a word may still start
_PROMPT_WORDS = 40  # words of context given to each pass
_FINAL_SPAN = 8.0  # seconds: the final pass transcribes at most about this much again
_LEAD_IN = 0.2  # seconds of audio before the final pass's cut
_CUT_SLACK = 0.1  # a final-pass word starting this much before the cut is new, not the lead-in's
_HOLD = 2 * WINDOW  # samples of quiet after which no regular pass starts (a pause may follow)


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


def _drop_tail_hallucination(words: list[Word], speech_end: float) -> list[Word]:
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


def _final_cut(settled: list[Word], start: float, end: float) -> float:
    """Where the final pass starts: the recording time after which settled words are heard again.

    A boundary inside a phrase costs words (a short word beside the cut is easily lost), so the
    whole open region is transcribed again when it is short (at most :data:`_FINAL_SPAN`; a
    decode costs about the same up to there), else the cut is at the widest gap between settled
    words within that span of the end.
    """
    if not settled or end - start <= _FINAL_SPAN:
        return start
    pairs = [(b.start - a.end, (a.end + b.start) / 2)
             for a, b in zip(settled, settled[1:], strict=False) if a.end >= end - _FINAL_SPAN]
    if not pairs:
        return settled[-1].end
    return max(pairs)[1]


def _same_word(a: Word, b: Word) -> bool:
    return a.word.strip(" .,!?;:").lower() == b.word.strip(" .,!?;:").lower()


@dataclass(frozen=True)
class Utterance:
    """A stretch of speech cut from the stream (sample indices from the recording start)."""

    start: int
    end: int


@dataclass(frozen=True, eq=False)
class _Pass:
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


def _join(spans: list[tuple[int, int]], keep_gap: int = 0) -> list[tuple[int, int]]:
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


class StreamingTranscriber:
    """Transcribes a live stream as it is captured.

    Args:
        transcriber: the engine (loaded on first use if needed).
        on_words: called from the background thread with newly settled words, in time order.
            They are provisional (for a live view); :meth:`finish` returns the final words.
        threshold: VAD speech probability that starts an utterance.
        min_silence: seconds of non-speech that end an utterance, where a region can be
            committed. Shorter pauses stay in the audio Whisper hears, as in faster-whisper's
            whole-file pass (measured on the 3-minute answer: 0.5 s gave 10.1 % word errors,
            2 s gave 8.6 %, whole-file 8.1 %).
        pad: seconds of audio kept around each utterance.
        keep_pause: pauses between utterances shorter than this are also kept in the joined
            audio (0: none; 2 s with 0.5-s utterances measured 10.6 %).
        max_utterance: seconds after which a long utterance is cut at its quietest point (so a
            region can always be committed somewhere).
        pass_every: seconds of new audio after which the open region is transcribed again.
        stable_margin: words that end this many seconds before the end of a pass are settled.
        commit_seconds: seconds of speech in the open region after which its settled part is
            committed.
        end_of_speech: seconds of silence after which the open region is transcribed at once
            (without waiting for ``pass_every``): if the speaker stops there, that pass already
            holds the final words and :meth:`finish` has nothing left to transcribe.
        nice: how much to lower the background thread's scheduling priority (0: not at all).
    """

    def __init__(
        self,
        transcriber: Transcriber,
        on_words: Callable[[list[Word]], None] | None = None,
        threshold: float = 0.5,
        min_silence: float = 2.0,
        pad: float = 0.4,
        max_utterance: float = 20.0,
        keep_pause: float = 0.0,
        pass_every: float = 1.5,
        stable_margin: float = 1.5,
        commit_seconds: float = 16.0,
        end_of_speech: float = 0.5,
        nice: int = BACKGROUND_NICE,
    ) -> None:
        self.transcriber = transcriber
        self.on_words = on_words
        self.threshold = threshold
        self.neg_threshold = max(threshold - 0.15, 0.01)
        self.min_silence = int(min_silence * SAMPLE_RATE)
        self.pad = int(pad * SAMPLE_RATE)
        self.max_utterance = int(max_utterance * SAMPLE_RATE)
        self.keep_gap = int(keep_pause * SAMPLE_RATE)
        self.pass_every = int(pass_every * SAMPLE_RATE)
        self.stable_margin = stable_margin
        self.commit_samples = int(commit_seconds * SAMPLE_RATE)
        self.end_of_speech = int(end_of_speech * SAMPLE_RATE)
        self._nice = nice
        self._vad: SileroStream | None = None
        self._buffer = np.zeros(0, dtype=np.float32)  # samples from _base on
        self._base = 0  # recording sample index of _buffer[0]
        self._total = 0  # samples fed
        self._vad_pos = 0  # samples already run through the VAD
        self._speech_start: int | None = None
        self._last_speech = 0  # end of the last window judged speech
        self._split_at: int | None = None  # quietest window end seen in the current utterance
        self._split_prob = 1.0
        self.utterances: list[Utterance] = []
        # written by the worker under _lock
        self._committed: list[Word] = []
        self._first = 0  # first utterance of the open region
        self._settled: list[Word] = []  # settled, uncommitted words of the latest pass
        self._latest: tuple[_Pass, list[Word]] | None = None  # that pass, all its new words
        self._frozen = False  # finish() has taken its words: later passes change nothing
        self._emitted_until = -1.0
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        # written by the feeding thread
        self._pass_at = 0  # sample count when the last pass was asked for
        self._pass_voice = 0  # _last_speech when the last pass was asked for
        self._pass_whole = True  # that pass was made in a pause (it heard the speech end)
        self._running: _Pass | None = None  # the pass queued or running
        self._in_flight = 0
        self._idle = threading.Condition()
        self._jobs: queue.Queue[_Pass | None] = queue.Queue()
        self._finished = False
        self._closed = False
        self._worker = threading.Thread(target=self._work, name="stt-stream", daemon=True)
        self._worker.start()

    # --- background transcription -------------------------------------------------------------
    def _work(self) -> None:
        lower_thread_priority(self._nice)
        while True:
            job = self._jobs.get()
            if job is None:
                return
            try:
                if not self._closed and self._error is None:
                    self._run(job)
            except BaseException as exc:  # noqa: BLE001 - reported by finish()
                log.error("streaming transcription failed", exc_info=True)
                self._error = exc
            finally:
                with self._idle:
                    self._in_flight -= 1
                    if self._running is job:
                        self._running = None
                    self._idle.notify_all()

    def _prompt(self, before: float) -> str | None:
        with self._lock:
            words = [w for w in self._committed + self._settled if w.start < before]
        text = " ".join(w.word for w in words[-_PROMPT_WORDS:] if not w.filler)
        return text or None

    def _transcribe(self, job: _Pass) -> list[Word]:
        prompt = self._prompt(job.cut if job.final else job.spans[0][0] / SAMPLE_RATE)
        engine = self.transcriber
        speech_end = job.speech_end / SAMPLE_RATE
        if getattr(engine, "supports_prompt", False):
            raw = engine.transcribe_array(job.audio, 0.0, prompt=prompt, fast=job.final,
                                          speech_end=job.to_clip(speech_end))
        else:
            raw = engine.transcribe_array(job.audio, 0.0)
        words = []
        for w in raw:
            start = job.to_recording(w.start)
            end = max(start, job.to_recording(w.end))
            if start < speech_end + _TAIL_SLACK:  # Whisper invents words in trailing silence
                words.append(Word(w.word, start, end, w.filler, w.probability))
        return _drop_tail_hallucination(words, speech_end)

    def _run(self, job: _Pass) -> None:
        words = self._transcribe(job)
        if job.final:
            with self._lock:
                self._latest = None
                kept = [w for w in self._settled if w.start < job.cut]
                new = [w for w in words if w.start >= job.cut - _CUT_SLACK]
                if kept and new and _same_word(kept[-1], new[0]):
                    new = new[1:]  # the lead-in's word, heard again
                self._settled = kept + new
            return
        # settled: followed by at least stable_margin seconds of the pass's own audio
        stable = job.to_recording(len(job.audio) / SAMPLE_RATE - self.stable_margin)
        commit: list[Word] = []
        first = job.first
        if len(job.audio) >= self.commit_samples:
            # commit up to the last pause between utterances that lies inside the stable part
            for k in range(job.closed - 1, job.first - 1, -1):
                if k + 1 < job.closed:
                    nxt = self.utterances[k + 1].start
                elif job.open_start is not None:
                    nxt = job.open_start
                else:
                    continue  # nothing follows the last utterance yet
                boundary = (self.utterances[k].end + nxt) / 2 / SAMPLE_RATE
                if boundary <= stable:
                    # by start time: Whisper's word ends drift into what follows
                    commit = [w for w in words if w.start < boundary]
                    first = k + 1
                    break
        settled = [w for w in words if w.end <= stable and w not in commit]
        with self._lock:
            if self._frozen:
                return
            self._latest = (job, [w for w in words if w not in commit])
            self._committed.extend(commit)
            self._first = first
            self._settled = settled
            fresh = [w for w in commit + settled if w.start > self._emitted_until]
            if fresh:
                self._emitted_until = fresh[-1].start
        if fresh and self.on_words is not None:
            try:
                self.on_words(list(fresh))
            except Exception:  # noqa: BLE001 - a listener bug must not stop transcription
                log.exception("on_words listener failed")

    # --- the open region ------------------------------------------------------------------------
    def _region(self, first: int, until: int, since: float = 0.0) -> list[tuple[int, int]]:
        spans = [(u.start, u.end) for u in self.utterances[first:]]
        if self._speech_start is not None:
            spans.append((self._speech_start, until))
        lo = max(self._base, int(since * SAMPLE_RATE))
        return _join([(max(a, lo), min(b, self._total)) for a, b in spans], self.keep_gap)

    def _make_pass(self, spans: list[tuple[int, int]], first: int, **kw: object) -> _Pass | None:
        if not spans or sum(b - a for a, b in spans) < SAMPLE_RATE // 10:
            return None
        audio = np.concatenate([self._buffer[a - self._base : b - self._base] for a, b in spans])
        speech_end = min(self._last_speech, spans[-1][1])
        if self._speech_start is None and self.utterances:
            speech_end = min(speech_end, self.utterances[-1].end)
        return _Pass(tuple(spans), audio, first, len(self.utterances), spans[-1][1],
                     max(speech_end, spans[0][0]), self._speech_start,
                     voice_end=self._last_speech, **kw)  # type: ignore[arg-type]

    def _submit(self, job: _Pass) -> None:
        with self._idle:
            self._in_flight += 1
            self._running = job
        self._jobs.put(job)

    def _maybe_pass(self) -> None:
        if self.pass_every <= 0:
            return
        quiet = self._vad_pos - self._last_speech
        paused = quiet >= self.end_of_speech
        if self._last_speech <= self._pass_voice and self._pass_whole:
            return  # the last pass already heard all the speech, and the pause after it
        if not paused and (self._total - self._pass_at < self.pass_every or quiet > _HOLD):
            # in a pause that has just begun, wait: the speaker goes on, or the pause pass
            # starts on an idle thread instead of behind a pass that misses the last words
            return
        with self._idle:
            if self._in_flight:
                return  # one pass at a time: the next one starts from fresher audio anyway
        with self._lock:
            first = self._first
        job = self._make_pass(self._region(first, self._vad_pos), first)
        if job is not None:
            self._pass_at = self._total
            self._pass_voice = self._last_speech
            self._pass_whole = paused
            self._submit(job)

    def _covers_all(self, job: _Pass | None) -> bool:
        """Whether a pass holds every word: no voice came after it was made, and it includes
        the padding after the last voice, so its last word is complete."""
        return (job is not None and not job.final and job.voice_end >= self._last_speech
                and job.end - job.speech_end >= min(self.pad, self.end_of_speech))

    def _trim(self) -> None:
        with self._lock:
            first = self._first
        keep = self._vad_pos - self.pad
        if first < len(self.utterances):
            keep = min(keep, self.utterances[first].start)
        if self._speech_start is not None:
            keep = min(keep, self._speech_start)
        keep = min(max(keep, self._base), self._total)
        if keep > self._base:
            self._buffer = self._buffer[keep - self._base :]
            self._base = keep

    # --- feeding ---------------------------------------------------------------------------------
    @property
    def words(self) -> list[Word]:
        """The words so far: committed, then the settled words of the latest pass."""
        with self._lock:
            return sorted(self._committed + self._settled, key=lambda w: (w.start, w.end))

    @property
    def seconds(self) -> float:
        """Seconds of audio fed."""
        return self._total / SAMPLE_RATE

    @property
    def backlog(self) -> int:
        """Passes queued or running (0 or 1)."""
        return self._in_flight

    def feed(self, chunk: np.ndarray) -> None:
        """Adds captured samples (16 kHz mono float32); cheap, never waits for Whisper."""
        if self._finished:
            raise RuntimeError("feed() after finish()")
        chunk = np.asarray(chunk, dtype=np.float32).reshape(-1)
        if not chunk.size:
            return
        if self._vad is None:
            self._vad = SileroStream()
        self._buffer = np.concatenate([self._buffer, chunk])
        self._total += chunk.size
        n = (self._total - self._vad_pos) // WINDOW
        if n <= 0:
            return
        a = self._vad_pos - self._base
        windows = self._buffer[a : a + n * WINDOW].reshape(n, WINDOW)
        probs = self._vad.probabilities(windows)
        for i, p in enumerate(probs):
            self._step(self._vad_pos + i * WINDOW, float(p))
        self._vad_pos += n * WINDOW
        self._maybe_pass()
        self._trim()

    def _close_utterance(self, start: int, end: int) -> None:
        start, end = max(start, self._base), min(end, self._total)
        if end - start >= SAMPLE_RATE // 10:
            self.utterances.append(Utterance(start, end))

    def _step(self, pos: int, prob: float) -> None:
        end = pos + WINDOW
        if self._speech_start is None:
            if prob >= self.threshold:
                self._speech_start = max(0, pos - self.pad)
                self._last_speech = end
                self._split_at, self._split_prob = None, 1.0
            return
        if prob >= self.threshold:
            self._last_speech = end
        elif prob < self.neg_threshold and end - self._last_speech >= self.min_silence:
            self._close_utterance(self._speech_start, self._last_speech + self.pad)
            self._speech_start = None
            return
        if end - self._speech_start >= self.max_utterance // 3 and prob <= self._split_prob:
            self._split_at, self._split_prob = end - WINDOW // 2, prob
        if end - self._speech_start >= self.max_utterance:
            cut = self._split_at if self._split_at is not None else end
            self._close_utterance(self._speech_start, cut)
            self._speech_start = cut
            self._split_at, self._split_prob = None, 1.0

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Waits until no pass is queued or running; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._in_flight == 0, timeout)

    def finish(self) -> Transcript:
        """Transcribes what is left and returns the whole transcript.

        When a pass made after the speaker's last words (see ``end_of_speech``) has finished,
        its words are final and nothing is transcribed; when that pass is still running, it is
        waited for. Otherwise only the audio after the latest settled word is transcribed, after
        the pass in progress, since it settles more of the answer.

        Returns:
            Words in time order, times from the recording start.

        Raises:
            Exception: the transcriber's error, if a pass failed.
        """
        if not self._finished:
            self._finished = True
            if self._speech_start is not None:
                self._close_utterance(self._speech_start, self._total)
                self._speech_start = None
            with self._idle:
                running = self._running
            if not self._covers_all(self._latest[0] if self._latest else None):
                self.wait_idle()  # the pass in progress settles more of the answer (or all)
            with self._lock:
                latest = self._latest
                if self._error is None and self._covers_all(latest[0] if latest else None):
                    self._settled = list(latest[1])  # type: ignore[index]
                    self._frozen = True  # a pass still running changes nothing now
            log.debug("finish: pass running=%s, reused=%s", running is not None, self._frozen)
            if self._error is None and not self._frozen:
                with self._lock:
                    first = self._first
                    start = (self.utterances[first].start / SAMPLE_RATE
                             if first < len(self.utterances) else 0.0)
                    cut = _final_cut(self._settled, start, self._total / SAMPLE_RATE)
                # a little audio before the cut, so that a word starting right at it is heard
                # whole (Whisper drops a clipped first word)
                since = cut - _LEAD_IN if cut > start else 0.0
                job = self._make_pass(self._region(first, self._total, since=since),
                                      first, final=True, cut=cut)
                if job is not None:
                    self._submit(job)
                    self.wait_idle()
            self._jobs.put(None)
        if self._frozen:  # a pass may still run; its result is not needed (nor its error)
            return Transcript(tuple(self.words), self._total / SAMPLE_RATE,
                              self.transcriber.model_name, self.transcriber.device)
        self._worker.join()
        if self._error is not None:
            raise self._error
        return Transcript(
            tuple(self.words),
            self._total / SAMPLE_RATE,
            self.transcriber.model_name,
            self.transcriber.device,
        )

    def close(self) -> None:
        """Abandons pending work (used when a session is cancelled)."""
        self._finished = True
        self._closed = True
        self._jobs.put(None)
