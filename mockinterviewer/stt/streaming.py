"""Live transcription: utterances cut by the Silero VAD, each transcribed as soon as it ends.

:meth:`StreamingTranscriber.feed` runs the Silero voice-activity model (bundled with faster-whisper)
incrementally on each chunk, 512 samples at a time, carrying its state across chunks exactly as the
batch version does. When the speaker pauses for ``min_silence`` seconds the utterance (with a little
padding) goes to a single background thread that transcribes it, so capture never waits for
Whisper and the words arrive in order. :meth:`finish` flushes the last utterance and returns the
stitched transcript; only that last utterance is left to transcribe after the speaker stops.

Two things keep that last step short. While an utterance is still open, its audio so far is
transcribed now and then as a *partial* (when the live thread is idle); words of the partial that
ended at least ``stable_margin`` seconds before its end are taken as settled, so when the utterance
closes only the audio after them is left to transcribe. And the accuracy refinements run on their
own thread: :meth:`finish` never waits for one.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mockinterviewer.stt.base import SAMPLE_RATE, Transcriber
from mockinterviewer.transcript import Transcript, Word

log = logging.getLogger(__name__)

WINDOW = 512
_CONTEXT = 64
_TAIL_SLACK = 0.15  # seconds after the end of voice activity where a word may still start


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


def _drop_tail_hallucination(words: list[Word], speech_end: float) -> list[Word]:
    """Drops a short, unconfident sentence Whisper appends at the very end of a clip.

    Tiny models often close a clip with "Thank you." or "Okay." that nobody said: a run of at most
    three words after a sentence end, starting in the last 0.8 s of speech, whose first word has
    a probability below 0.3.
    """
    for k in range(max(1, len(words) - 3), len(words)):
        first, before = words[k], words[k - 1]
        if (
            before.word.rstrip().endswith((".", "?", "!"))
            and first.probability < 0.3
            and first.start >= speech_end - 0.8
            and not first.filler
        ):
            return words[:k]
    return words


@dataclass(frozen=True, eq=False)
class _Job:
    """Audio to transcribe: one utterance (first == last) or a refinement block."""

    audio: np.ndarray
    offset: float
    speech_end: float
    first: int
    last: int
    kind: str = "utterance"  # "utterance", "partial" or "block"
    key: int = -1  # the sample where the utterance started (links partials to it)

    def __lt__(self, other: _Job) -> bool:  # ties never reach here (sequence numbers differ)
        return self.first < other.first


@dataclass(frozen=True)
class Utterance:
    """A stretch of speech cut from the stream (sample indices from the recording start)."""

    start: int
    end: int


class StreamingTranscriber:
    """Transcribes a live stream utterance by utterance.

    Args:
        transcriber: the engine (loaded on first use if needed).
        on_words: called from the background thread with each utterance's words, in order.
        threshold: VAD speech probability that starts an utterance.
        min_silence: seconds of non-speech that end an utterance.
        pad: seconds of audio kept around each utterance.
        max_utterance: seconds after which a long utterance is cut at its quietest point.
        min_utterance: an utterance shorter than this is only ended by a pause of
            ``long_silence`` seconds (a short phrase alone gives Whisper too little context).
        long_silence: seconds of non-speech that end even a short utterance.
        block_seconds: utterances are transcribed again in blocks of up to this many seconds,
            in the background while the user keeps talking, so that the final transcript has
            whole-file accuracy; 0 turns this off.
        partial_every: seconds of new speech after which an open utterance is transcribed
            again as a partial (0: never).
        stable_margin: partial words that end this many seconds before the partial's end are
            settled and not transcribed again.
        partial_min: seconds an utterance must have run before partials are made (short ones
            are cheap to transcribe whole, and whole is more accurate).
    """

    def __init__(
        self,
        transcriber: Transcriber,
        on_words: Callable[[list[Word]], None] | None = None,
        threshold: float = 0.5,
        min_silence: float = 0.5,
        pad: float = 0.25,
        max_utterance: float = 12.0,
        min_utterance: float = 3.0,
        long_silence: float = 1.5,
        block_seconds: float = 25.0,
        partial_every: float = 1.5,
        stable_margin: float = 1.5,
        partial_min: float = 6.0,
    ) -> None:
        self.transcriber = transcriber
        self.on_words = on_words
        self.threshold = threshold
        self.neg_threshold = max(threshold - 0.15, 0.01)
        self.min_silence = int(min_silence * SAMPLE_RATE)
        self.pad = int(pad * SAMPLE_RATE)
        self.max_utterance = int(max_utterance * SAMPLE_RATE)
        self.min_utterance = int(min_utterance * SAMPLE_RATE)
        self.long_silence = int(long_silence * SAMPLE_RATE)
        self._vad: SileroStream | None = None
        self._buffer = np.zeros(0, dtype=np.float32)  # samples from _base on
        self._base = 0  # recording sample index of _buffer[0]
        self._total = 0  # samples fed
        self._vad_pos = 0  # samples already run through the VAD
        self._speech_start: int | None = None
        self._speech_key = -1  # start sample of the utterance partials belong to
        self._last_speech = 0  # end of the last window judged speech
        self._split_at: int | None = None  # quietest window end seen in the current utterance
        self._split_prob = 1.0
        self.block = int(block_seconds * SAMPLE_RATE)
        self._utt_words: dict[int, list[Word]] = {}
        self._utt_speech_end: list[int] = []
        self._blocks: dict[int, tuple[int, list[Word]]] = {}  # first -> (last, words)
        self._latest_block: dict[int, int] = {}
        self._block_first: int | None = None
        self._seq = 0
        self._pending = 0
        self._idle = threading.Condition()
        self.partial_every = int(partial_every * SAMPLE_RATE)
        self.stable_margin = stable_margin
        self.partial_min = int(partial_min * SAMPLE_RATE)
        self._partials: dict[int, list[Word]] = {}  # utterance key -> settled words
        self._started_keys: set[int] = set()  # utterances whose own job has started
        self._partial_at = 0  # sample count when the last partial was requested
        self._live_pending = 0
        self._jobs: queue.PriorityQueue[tuple[int, int, _Job | None]] = queue.PriorityQueue()
        self._refine_jobs: queue.Queue[_Job | None] = queue.Queue()
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        self._worker = threading.Thread(target=self._work, name="stt-stream", daemon=True)
        self._worker.start()
        self._refiner = threading.Thread(target=self._refine_work, name="stt-refine", daemon=True)
        self._refiner.start()
        self._finished = False
        self.utterances: list[Utterance] = []

    # --- background transcription -------------------------------------------------------------
    def _work(self) -> None:
        while True:
            _prio, _seq, job = self._jobs.get()
            if job is None:
                return
            try:
                self._run(job)
            finally:
                with self._idle:
                    self._pending -= 1
                    if job.kind != "block":
                        self._live_pending -= 1
                    self._idle.notify_all()

    def _refine_work(self) -> None:
        while True:
            job = self._refine_jobs.get()
            if job is None:
                return
            try:
                self._run(job)
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()

    def _run(self, job: _Job) -> None:
        refine = job.kind == "block"
        if self._error is not None or (
            refine and (self._finished or job.last < self._latest_block.get(job.first, 0))
        ):
            return  # stale refinements, and any after finish(), are skipped
        if job.kind == "partial" and (self._finished or job.key in self._started_keys):
            return  # the utterance's own job already ran: nothing left to save
        prefix: tuple[Word, ...] = ()
        if job.kind == "utterance":
            job, prefix = self._use_partial(job)
        try:
            words = self.transcriber.transcribe_array(job.audio, job.offset)
        except BaseException as exc:  # noqa: BLE001 - reported by finish()
            if refine or job.kind == "partial":
                log.warning("background re-transcription failed", exc_info=True)
                return  # only accuracy is lost: the utterance's own words stand
            log.error("streaming transcription failed", exc_info=True)
            self._error = exc
            return
        if job.kind == "partial":
            # settled words: those that ended well before the partial's (possibly mid-word) end
            cutoff = job.speech_end - self.stable_margin
            settled = [w for w in words if w.end <= cutoff]
            with self._lock:
                if job.key not in self._started_keys and settled:
                    self._partials[job.key] = settled
            return
        if prefix:
            words = [w for w in words if w.start >= job.offset - 0.05]
        # Whisper likes to invent "Thank you." in the silent tail of a clip: drop words that
        # start after the voice activity ended
        words = _drop_tail_hallucination(
            [w for w in words if w.start < job.speech_end + _TAIL_SLACK], job.speech_end
        )
        words = list(prefix) + words
        with self._lock:
            if refine and self._finished:
                return
            if not refine:
                self._utt_words[job.first] = words
            elif job.last > self._blocks.get(job.first, (-1, []))[0]:
                self._blocks[job.first] = (job.last, words)
        if not refine and self.on_words is not None and words:
            try:
                self.on_words(list(words))
            except Exception:  # noqa: BLE001 - a listener bug must not stop transcription
                log.exception("on_words listener failed")

    def _submit(self, job: _Job) -> None:
        with self._idle:
            self._pending += 1
            if job.kind != "block":
                self._live_pending += 1
        self._seq += 1
        if job.kind == "block":
            self._refine_jobs.put(job)
        else:
            self._jobs.put((0 if job.kind == "utterance" else 1, self._seq, job))

    def _use_partial(self, job: _Job) -> tuple[_Job, tuple[Word, ...]]:
        """Shortens an utterance job to the audio after its partial's settled words."""
        with self._lock:
            self._started_keys.add(job.key)
            settled = self._partials.pop(job.key, [])
        end = job.offset + len(job.audio) / SAMPLE_RATE
        settled = [w for w in settled if w.end <= end - 0.25]
        if not settled:
            return job, ()
        cut = int(round((settled[-1].end - job.offset) * SAMPLE_RATE))
        if cut <= 0 or len(job.audio) - cut < SAMPLE_RATE // 4:
            return job, ()
        short = _Job(job.audio[cut:], job.offset + cut / SAMPLE_RATE, job.speech_end, job.first,
                     job.last, key=job.key)
        return short, tuple(settled)

    def _maybe_partial(self) -> None:
        """Transcribes the open utterance so far when the live thread has nothing better to do."""
        start = self._speech_start
        if (
            start is None
            or self.partial_every <= 0
            or self._total - start < self.partial_min
            or self._total - max(self._partial_at, start) < self.partial_every
            or self._live_pending > 0
        ):
            return
        self._partial_at = self._total
        audio = self._buffer[start - self._base : self._total - self._base].copy()
        index = len(self.utterances)
        self._submit(_Job(audio, start / SAMPLE_RATE, self._total / SAMPLE_RATE, index, index,
                          kind="partial", key=start))

    def _emit(self, start: int, end: int, speech_end: int | None = None) -> None:
        start = max(start, self._base)
        end = min(end, self._total)
        speech_end = end if speech_end is None else min(speech_end, end)
        if end - start < SAMPLE_RATE // 10:
            return
        index = len(self.utterances)
        if (
            self._block_first is not None
            and end - self.utterances[self._block_first].start > self.block
        ):
            self._block_first = None  # the open block is full: this utterance starts the next
        if self._block_first is None:
            self._block_first = index
        audio = self._buffer[start - self._base : end - self._base].copy()
        self.utterances.append(Utterance(start, end))
        self._submit(_Job(audio, start / SAMPLE_RATE, speech_end / SAMPLE_RATE, index, index,
                          key=self._speech_key))
        first = self._block_first
        if self.block > 0 and index > first:
            # rolling refinement: the open block (up to block_seconds) is transcribed again with
            # this utterance added, in the background, with the context a whole-file pass has
            b_start = self.utterances[first].start
            self._latest_block[first] = index
            self._submit(
                _Job(
                    self._buffer[b_start - self._base : end - self._base].copy(),
                    b_start / SAMPLE_RATE,
                    speech_end / SAMPLE_RATE,
                    first,
                    index,
                    kind="block",
                )
            )

    def _trim(self, keep_from: int) -> None:
        if self._block_first is not None and self.block > 0:
            keep_from = min(keep_from, self.utterances[self._block_first].start)
        keep_from = min(max(keep_from, self._base), self._total)
        if keep_from > self._base:
            self._buffer = self._buffer[keep_from - self._base :]
            self._base = keep_from

    # --- feeding ---------------------------------------------------------------------------------
    @property
    def words(self) -> list[Word]:
        """The words transcribed so far (refined blocks replace their utterances), in order."""
        with self._lock:
            covered: set[int] = set()
            out: list[Word] = []
            for first, (last, words) in self._blocks.items():
                covered.update(range(first, last + 1))
                out.extend(words)
            for index, words in self._utt_words.items():
                if index not in covered:
                    out.extend(words)
        return sorted(out, key=lambda w: (w.start, w.end))

    @property
    def seconds(self) -> float:
        """Seconds of audio fed."""
        return self._total / SAMPLE_RATE

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
        if self._speech_start is None:
            self._trim(self._vad_pos - self.pad)
        else:
            self._maybe_partial()

    def _step(self, pos: int, prob: float) -> None:
        end = pos + WINDOW
        if self._speech_start is None:
            if prob >= self.threshold:
                self._speech_start = max(0, pos - self.pad)
                self._speech_key = self._speech_start
                self._last_speech = end
                self._split_at, self._split_prob = None, 1.0
            return
        if prob >= self.threshold:
            self._last_speech = end
        elif prob < self.neg_threshold and end - self._last_speech >= (
            self.min_silence
            if self._last_speech - self._speech_start >= self.min_utterance
            else self.long_silence
        ):
            self._emit(self._speech_start, self._last_speech + self.pad, self._last_speech)
            self._speech_start = None
            self._trim(self._last_speech)
            return
        if end - self._speech_start >= self.max_utterance // 3 and prob <= self._split_prob:
            self._split_at, self._split_prob = end - WINDOW // 2, prob
        if end - self._speech_start >= self.max_utterance:
            cut = self._split_at if self._split_at is not None else end
            self._emit(self._speech_start, cut)
            self._speech_start = cut
            self._speech_key = cut
            self._trim(cut)
            self._split_at, self._split_prob = None, 1.0

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Waits until every submitted utterance and refinement is done; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def finish(self) -> Transcript:
        """Transcribes what is left and returns the whole transcript.

        Returns:
            Words in time order, times from the recording start.

        Raises:
            Exception: the transcriber's error, if any utterance failed.
        """
        if not self._finished:
            self._finished = True
            if self._speech_start is not None:
                self._emit(self._speech_start, self._total)
                self._speech_start = None
            self._seq += 1
            self._jobs.put((2, self._seq, None))
            self._refine_jobs.put(None)
        self._worker.join()
        if self._error is not None:
            raise self._error
        words = sorted(self.words, key=lambda w: (w.start, w.end))
        return Transcript(
            tuple(words),
            self._total / SAMPLE_RATE,
            self.transcriber.model_name,
            self.transcriber.device,
        )

    def close(self) -> None:
        """Abandons pending work (used when a session is cancelled)."""
        self._finished = True
        while True:
            try:
                self._jobs.get_nowait()
            except queue.Empty:
                break
        self._seq += 1
        self._jobs.put((2, self._seq, None))
        self._refine_jobs.put(None)
