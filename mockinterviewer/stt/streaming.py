"""Live transcription with whole-file accuracy and a short wait after the speaker stops.

The Silero VAD (bundled with faster-whisper) runs on each captured chunk, 512 samples at a time,
and cuts the stream into *utterances* at pauses. Everything said since the last *commit point* is
the open *region*: its utterances are joined without the pauses between them (as faster-whisper's
whole-file VAD does) and transcribed again, on one background thread, whenever a little new speech
has arrived and the thread is free, and at once when the speaker pauses. Each pass is prompted with
the words before the region, so it has the context a whole-file pass has.

Words that ended well before the end of a pass (``stable_margin``) are *settled*; they go to the
live view. When the region holds ``commit_seconds`` of speech, the words before the last pause
that lies safely inside the pass are *committed* (final) and the region starts after that pause,
so each pass stays short. When the speaker stops, the pass made in the pause after the last words
already holds them, and :meth:`StreamingTranscriber.finish` returns at once; only when speech ran
up to the stop does it transcribe the end of the region again.

Only one pass runs at a time, so the passes never compete with each other for the CPU; the thread
is started with a lower scheduling priority so the user interface always comes first.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import weakref
from collections.abc import Callable

import numpy as np

from mockinterviewer.stt.base import (
    BACKGROUND_NICE,
    SAMPLE_RATE,
    Transcriber,
    lower_thread_priority,
)
from mockinterviewer.stt.fillers import merge
from mockinterviewer.stt.stream_parts import (
    CUT_SLACK,
    TAIL_SLACK,
    WINDOW,
    Pass,
    SileroStream,
    Utterance,
    UtteranceCutter,
    drop_tail_hallucination,
    final_cut,
    join_spans,
    same_word,
)
from mockinterviewer.transcript import Transcript, Word

log = logging.getLogger(__name__)

_PROMPT_WORDS = 40  # words of context given to each pass
_LEAD_IN = 0.2  # seconds of audio before the final pass's cut
LIVE_OVERLAP = 0.15  # seconds a word shown live may move between passes
_HOLD = 2 * WINDOW  # samples of quiet after which no regular pass starts (a pause may follow)


# Passes left running by finish() (their result is not needed); joined at exit, so that no decode
# is still inside CTranslate2 while the interpreter tears down.
_LEFT_RUNNING: weakref.WeakSet[threading.Thread] = weakref.WeakSet()


@atexit.register
def _join_left_running(timeout: float = 10.0) -> None:
    for thread in list(_LEFT_RUNNING):
        thread.join(timeout)


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
        self.pad = int(pad * SAMPLE_RATE)
        self._cut = UtteranceCutter(threshold, int(min_silence * SAMPLE_RATE), self.pad,
                                    int(max_utterance * SAMPLE_RATE))
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
        self.utterances: list[Utterance] = self._cut.utterances
        # written by the worker under _lock
        self._committed: list[Word] = []
        self._found: set[Word] = set()  # fillers the filler pass added to the committed words
        self._first = 0  # first utterance of the open region
        self._settled: list[Word] = []  # settled, uncommitted words of the latest pass
        self._latest: tuple[Pass, list[Word]] | None = None  # that pass, all its new words
        self._frozen = False  # finish() has taken its words: later passes change nothing
        self._emitted_until = -1.0
        self._last_emitted: Word | None = None
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        # written by the feeding thread
        self._pass_at = 0  # sample count when the last pass was asked for
        self._pass_voice = 0  # last_speech when the last pass was asked for
        self._pass_whole = True  # that pass was made in a pause (it heard the speech end)
        self._in_flight = 0
        self._idle = threading.Condition()
        self._jobs: queue.Queue[Pass | None] = queue.Queue()
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
            except BaseException as exc:
                log.error("streaming transcription failed", exc_info=True)
                self._error = exc
            finally:
                with self._idle:
                    self._in_flight -= 1
                    self._idle.notify_all()

    def _prompt(self, before: float) -> str | None:
        # Without the filler pass's fillers (a window of the last words that counted them would
        # hold fewer words, and the next passes would decode other words): the words never
        # depend on the filler pass.
        with self._lock:
            words = [w for w in self._committed + self._settled
                     if w.start < before and w not in self._found]
        text = " ".join(w.word for w in words[-_PROMPT_WORDS:] if not w.filler)
        return text or None

    def _transcribe(self, job: Pass) -> list[Word]:
        prompt = self._prompt(job.cut if job.final else job.spans[0][0] / SAMPLE_RATE)
        engine = self.transcriber
        speech_end = job.speech_end / SAMPLE_RATE
        raw = engine.transcribe_array(job.audio, 0.0, prompt=prompt, fast=job.final,
                                      speech_end=job.to_clip(speech_end))
        words = []
        for w in raw:
            start = job.to_recording(w.start)
            end = max(start, job.to_recording(w.end))
            if start < speech_end + TAIL_SLACK:  # Whisper invents words in trailing silence
                words.append(Word(w.word, start, end, w.filler, w.probability))
        return drop_tail_hallucination(words, speech_end)

    def _run(self, job: Pass) -> None:
        words = self._transcribe(job)
        if job.final:
            with self._lock:
                self._latest = None
                kept = [w for w in self._settled if w.start < job.cut]
                new = [w for w in words if w.start >= job.cut - CUT_SLACK]
                if kept and new and same_word(kept[-1], new[0]):
                    new = new[1:]  # the lead-in's word, heard again
                self._settled = kept + new
            return
        # settled: followed by at least stable_margin seconds of the pass's own audio
        stable = job.to_recording(len(job.audio) / SAMPLE_RATE - self.stable_margin)
        commit: list[Word] = []
        found: list[Word] = []
        shown: list[Word] = []  # the committed words as the live view knows them (times unmoved)
        rest = words  # the pass's words not committed
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
                    rest = [w for w in words if w.start >= boundary]
                    first = k + 1
                    if commit:  # these words are final now: look once for their fillers
                        found = self._fillers_in(job, commit, boundary)
                        shown = sorted(commit + found, key=lambda w: (w.start, w.end))
                        commit = merge(commit, found)
                    break
        # (the filler pass may have moved committed words' times: pick by the list, not by value)
        settled = [w for w in rest if w.end <= stable]
        with self._lock:
            if self._frozen:
                return
            self._latest = (job, rest)
            self._committed.extend(commit)
            self._found.update(found)
            self._first = first
            self._settled = settled
            fresh = self._unseen(shown + settled)
            if fresh:
                self._emitted_until = fresh[-1].start
                self._last_emitted = fresh[-1]
        if fresh and self.on_words is not None:
            try:
                self.on_words(list(fresh))
            except Exception:
                log.exception("on_words listener failed")

    def _fillers_in(self, job: Pass, words: list[Word], until: float | None = None) -> list[Word]:
        """The engine's filler pass over a pass's audio, for words that are final.

        Args:
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
        found = self.transcriber.find_fillers(audio, clip, 0.0)
        return [Word(f.word, job.to_recording(f.start), job.to_recording(f.end), True,
                     f.probability) for f in found]

    def _unseen(self, words: list[Word]) -> list[Word]:
        """The words the live view has not been given yet.

        A later pass hears the same audio again, and its word times move by a few hundredths of
        a second: a word already shown can come back starting a little later. So a word counts
        as new only once it starts past the last shown word (less :data:`LIVE_OVERLAP`), and
        the last shown word said again right after it is skipped.
        """
        last = self._last_emitted
        fresh = [w for w in words if w.start > self._emitted_until]
        if last is None:
            return fresh
        fresh = [w for w in fresh if w.start >= last.end - LIVE_OVERLAP]
        if fresh and same_word(fresh[0], last) and fresh[0].start < last.end + LIVE_OVERLAP:
            fresh = fresh[1:]
        return fresh

    # --- the open region ------------------------------------------------------------------------
    def _region(self, first: int, until: int, since: float = 0.0) -> list[tuple[int, int]]:
        spans = [(u.start, u.end) for u in self.utterances[first:]]
        if self._cut.speech_start is not None:
            spans.append((self._cut.speech_start, until))
        lo = max(self._base, int(since * SAMPLE_RATE))
        return join_spans([(max(a, lo), min(b, self._total)) for a, b in spans], self.keep_gap)

    def _make_pass(self, spans: list[tuple[int, int]], first: int, **kw: object) -> Pass | None:
        if not spans or sum(b - a for a, b in spans) < SAMPLE_RATE // 10:
            return None
        audio = np.concatenate([self._buffer[a - self._base : b - self._base] for a, b in spans])
        speech_end = min(self._cut.last_speech, spans[-1][1])
        if self._cut.speech_start is None and self.utterances:
            speech_end = min(speech_end, self.utterances[-1].end)
        return Pass(tuple(spans), audio, first, len(self.utterances), spans[-1][1],
                     max(speech_end, spans[0][0]), self._cut.speech_start,
                     voice_end=self._cut.last_speech, **kw)  # type: ignore[arg-type]

    def _submit(self, job: Pass) -> None:
        with self._idle:
            self._in_flight += 1
        self._jobs.put(job)

    def _maybe_pass(self) -> None:
        if self.pass_every <= 0:
            return
        quiet = self._vad_pos - self._cut.last_speech
        paused = quiet >= self.end_of_speech
        if self._cut.last_speech <= self._pass_voice and self._pass_whole:
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
            self._pass_voice = self._cut.last_speech
            self._pass_whole = paused
            self._submit(job)

    def _covers_all(self, job: Pass | None) -> bool:
        """Whether a pass holds every word: no voice came after it was made, and it includes
        the padding after the last voice, so its last word is complete."""
        return (job is not None and not job.final and job.voice_end >= self._cut.last_speech
                and job.end - job.speech_end >= min(self.pad, self.end_of_speech))

    def _trim(self) -> None:
        with self._lock:
            first = self._first
        keep = self._vad_pos - self.pad
        if first < len(self.utterances):
            keep = min(keep, self.utterances[first].start)
        if self._cut.speech_start is not None:
            keep = min(keep, self._cut.speech_start)
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
    def held_seconds(self) -> float:
        """Seconds of audio the transcriber still holds (the open region and its padding)."""
        return len(self._buffer) / SAMPLE_RATE

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
            self._cut.step(self._vad_pos + i * WINDOW, float(p), self._base, self._total)
        self._vad_pos += n * WINDOW
        self._maybe_pass()
        self._trim()

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
            self._cut.close_open(self._base, self._total)
            if not self._covers_all(self._latest[0] if self._latest else None):
                self.wait_idle()  # the pass in progress settles more of the answer (or all)
            with self._lock:
                latest = self._latest
                if self._error is None and self._covers_all(latest[0] if latest else None):
                    self._settled = list(latest[1])  # type: ignore[index]
                    self._frozen = True  # a pass still running changes nothing now
            log.debug("finish: passes running=%d, reused=%s", self._in_flight, self._frozen)
            if self._error is None and not self._frozen:
                with self._lock:
                    first = self._first
                    start = (self.utterances[first].start / SAMPLE_RATE
                             if first < len(self.utterances) else 0.0)
                    cut = final_cut(self._settled, start, self._total / SAMPLE_RATE)
                # a little audio before the cut, so that a word starting right at it is heard
                # whole (Whisper drops a clipped first word)
                since = cut - _LEAD_IN if cut > start else 0.0
                job = self._make_pass(self._region(first, self._total, since=since),
                                      first, final=True, cut=cut)
                if job is not None:
                    self._submit(job)
                    self.wait_idle()
            self._jobs.put(None)
            self._add_last_fillers()
        if self._frozen:  # a pass may still run; its result is not needed (nor its error)
            if self._worker.is_alive():
                _LEFT_RUNNING.add(self._worker)
        else:
            self._worker.join()
            if self._error is not None:
                raise self._error
        return Transcript(
            tuple(self.words),
            self._total / SAMPLE_RATE,
            self.transcriber.model_name,
            self.transcriber.device,
        )

    def _add_last_fillers(self) -> None:
        """Looks once for fillers among the words not yet committed (the last region)."""
        if self._error is not None:
            return
        with self._lock:
            first = self._first
            settled = list(self._settled)
        if not settled:
            return
        job = self._make_pass(self._region(first, self._total), first)
        if job is None:
            return
        try:
            extra = self._fillers_in(job, settled)
        except Exception:
            log.warning("the filler pass over the last region failed", exc_info=True)
            return
        if extra:
            with self._lock:
                self._settled = merge(self._settled, extra)

    def close(self) -> None:
        """Abandons pending work (used when a session is cancelled)."""
        self._finished = True
        self._closed = True
        self._jobs.put(None)
