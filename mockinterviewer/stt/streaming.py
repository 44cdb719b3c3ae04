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

**The same audio gives the same words**, however the audio is chunked and however busy the machine
is. The audio is taken in fixed steps (:data:`STEP`), so every decision falls on the same sample.
Passes come in two kinds: *anchor* passes, asked for at points fixed by the audio alone (a pause
after speech, a commit, every ``anchor_every`` seconds of audio), queued and never skipped; and
*preview* passes in between, made only when the thread is free, for the live view alone. Commits,
the prompts of every pass, and the words :meth:`StreamingTranscriber.finish` returns come from
anchor passes only. (Before, a pass was skipped whenever the thread was busy, and whichever pass
happened to run committed the words: on a busy machine the same file gave other words.)
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import weakref
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from mockinterviewer.stt.base import (
    BACKGROUND_NICE,
    SAMPLE_RATE,
    Transcriber,
    lower_thread_priority,
)
from mockinterviewer.stt.fillers import merge
from mockinterviewer.stt.stream_audio import StreamAudio
from mockinterviewer.stt.stream_parts import (
    CUT_SLACK,
    WINDOW,
    LiveFeed,
    Pass,
    Utterance,
    UtteranceCutter,
    commit_point,
    final_cut,
    pass_fillers,
    same_word,
    transcribe_pass,
)
from mockinterviewer.transcript import Transcript, Word

log = logging.getLogger(__name__)

_PROMPT_WORDS = 40  # words of context given to each pass
_LEAD_IN = 0.2  # seconds of audio before the final pass's cut
_HOLD = 2 * WINDOW  # samples of quiet after which no regular pass starts (a pause may follow)
STEP = 3 * WINDOW  # samples the stream is taken in: decisions fall on the same samples whatever
# size the captured chunks have (96 ms)
# Seconds of audio between anchor passes on the CPU, by model. Anchor passes are never skipped, so
# a pass over the open region (up to about 16 s of speech) must take well under this long or the
# queue grows through the answer: tiny.en takes 0.3-0.8 s on two cores; the larger models are
# spaced by their size (base about 2x the work, small 6x, medium and large 20x; not timed here).
# With CUDA every model keeps up with the shortest spacing.
ANCHOR_EVERY = {"tiny.en": 3.0, "base.en": 5.0, "small.en": 10.0}
ANCHOR_EVERY_LARGE = 20.0


def anchor_spacing(model_name: str, device: str) -> float:
    """Seconds of audio between anchor passes for a model on a device (the same settings give
    the same spacing, hence the same words)."""
    if device == "cuda":
        return ANCHOR_EVERY["tiny.en"]
    return ANCHOR_EVERY.get(model_name, ANCHOR_EVERY_LARGE)


# Passes left running by close() (their result is not needed); joined at exit, so that no decode
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
        anchor_every: seconds of audio after which a pass is made even when the thread is busy
            (queued): the final pass continues from the words of the latest such pass. Default:
            :func:`anchor_spacing` for the transcriber's model and device.
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
        anchor_every: float | None = None,
    ) -> None:
        self.transcriber = transcriber
        self.on_words = on_words
        self.pad = int(pad * SAMPLE_RATE)
        self._audio = StreamAudio(
            UtteranceCutter(threshold, int(min_silence * SAMPLE_RATE), self.pad,
                            int(max_utterance * SAMPLE_RATE)),
            int(keep_pause * SAMPLE_RATE))
        self.pass_every = int(pass_every * SAMPLE_RATE)
        self.stable_margin = stable_margin
        self.commit_samples = int(commit_seconds * SAMPLE_RATE)
        self.end_of_speech = int(end_of_speech * SAMPLE_RATE)
        if anchor_every is None:
            anchor_every = anchor_spacing(transcriber.model_name, transcriber.device)
        self.anchor_every = int(anchor_every * SAMPLE_RATE)
        self._nice = nice
        # written by the worker under _lock
        self._committed: list[Word] = []
        self._found: set[Word] = set()  # fillers the filler pass added to the committed words
        self._first = 0  # first utterance of the open region (moved when a commit is asked for)
        self._settled: list[Word] = []  # settled, uncommitted words of the latest pass
        # the latest anchor pass: its region's first utterance, the pass, its words after any
        # commit, and those of them that are settled
        self._anchor: tuple[int, Pass, list[Word], list[Word]] | None = None
        self._live = LiveFeed()
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        # written by the feeding thread
        self._pass_at = 0  # sample count when the last pass was asked for
        self._anchor_at = 0  # the same for the latest anchor pass,
        self._anchor_voice = 0  # last_speech then,
        self._anchor_whole = True  # and whether it was made in a pause (it heard the speech end)
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

    def _prompt(self, before: float, kept: tuple[Word, ...] = ()) -> str | None:
        # The committed words (and the final pass's kept ones), which come from anchor passes
        # only. Without the filler pass's fillers (a window of the last words that counted them
        # would hold fewer words, and the next passes would decode other words): the words
        # never depend on the filler pass.
        with self._lock:
            words = [w for w in self._committed if w.start < before and w not in self._found]
        words += kept
        text = " ".join(w.word for w in words[-_PROMPT_WORDS:] if not w.filler)
        return text or None

    def _run(self, job: Pass) -> None:
        prompt = (self._prompt(job.cut, job.kept) if job.final
                  else self._prompt(job.spans[0][0] / SAMPLE_RATE))
        words = transcribe_pass(self.transcriber, job, prompt)
        if job.final:
            new = [w for w in words if w.start >= job.cut - CUT_SLACK]
            kept = list(job.kept)
            if kept and new and same_word(kept[-1], new[0]):
                new = new[1:]  # the lead-in's word, heard again
            with self._lock:
                self._settled = kept + new
            return
        # settled: followed by at least stable_margin seconds of the pass's own audio
        stable = job.to_recording(len(job.audio) / SAMPLE_RATE - self.stable_margin)
        commit: list[Word] = []
        found: list[Word] = []
        shown: list[Word] = []  # the committed words as the live view knows them (times unmoved)
        rest = words  # the pass's words not committed
        if job.commit_at is not None:
            # by start time: Whisper's word ends drift into what follows
            commit = [w for w in words if w.start < job.commit_at]
            rest = [w for w in words if w.start >= job.commit_at]
            if commit:  # these words are final now: look once for their fillers
                found = pass_fillers(self.transcriber, job, commit, job.commit_at)
                shown = sorted(commit + found, key=lambda w: (w.start, w.end))
                commit = merge(commit, found)
        # (the filler pass may have moved committed words' times: pick by the list, not by value)
        if job.end - job.speech_end >= min(self.pad, self.end_of_speech):
            stable = job.end / SAMPLE_RATE  # made in a pause: the speaker had finished every word
        settled = [w for w in rest if w.end <= stable]
        with self._lock:
            if job.anchor:
                first = job.first if job.commit_first is None else job.commit_first
                self._anchor = (first, job, rest, settled)
            self._committed.extend(commit)
            self._found.update(found)
            self._settled = settled
            fresh = self._live.take(shown + settled)
        if fresh and self.on_words is not None:
            try:
                self.on_words(list(fresh))
            except Exception:
                log.exception("on_words listener failed")

    # --- the open region ------------------------------------------------------------------------
    def _submit(self, job: Pass) -> None:
        with self._idle:
            self._in_flight += 1
        self._jobs.put(job)

    def _maybe_pass(self) -> None:
        if self.pass_every <= 0:
            return
        if self._maybe_commit():
            return
        audio = self._audio
        quiet = audio.quiet
        paused = quiet >= self.end_of_speech
        if paused:
            # once per pause: unless the last anchor already heard all the speech and the pause
            due = not (audio.cut.last_speech <= self._anchor_voice and self._anchor_whole)
        else:
            due = audio.vad_pos - self._anchor_at >= self.anchor_every and quiet <= _HOLD
        if due:
            self._ask(audio.region(self._first, audio.vad_pos), anchor=True, whole=paused)
            return
        if paused or audio.vad_pos - self._pass_at < self.pass_every or quiet > _HOLD:
            # in a pause that has just begun, wait: the speaker goes on, or the pause's anchor
            # pass starts instead of a preview that misses the last words
            return
        with self._idle:
            if self._in_flight:
                return  # previews take a free thread only: the next one starts from fresher audio
        self._ask(audio.region(self._first, audio.vad_pos), anchor=False, whole=False)

    def _maybe_commit(self) -> bool:
        """Asks for a commit pass when the open region is long and has a pause safely inside."""
        spans = self._audio.region(self._first, self._audio.vad_pos)
        if sum(b - a for a, b in spans) < self.commit_samples:
            return False
        job = self._audio.make_pass(spans, self._first)
        if job is None:
            return False
        stable = job.to_recording(len(job.audio) / SAMPLE_RATE - self.stable_margin)
        point = commit_point(job, self.utterances, stable)
        if point is None:
            return False
        boundary, first = point
        self._remember(anchor=True, whole=self._audio.quiet >= self.end_of_speech)
        with self._lock:
            self._first = first
        self._submit(replace(job, anchor=True, commit_at=boundary, commit_first=first))
        return True

    def _ask(self, spans: list[tuple[int, int]], anchor: bool, whole: bool) -> None:
        job = self._audio.make_pass(spans, self._first, anchor=anchor)
        if job is not None:
            self._remember(anchor, whole)
            self._submit(job)

    def _remember(self, anchor: bool, whole: bool) -> None:
        self._pass_at = self._audio.vad_pos
        if anchor:
            self._anchor_at, self._anchor_voice, self._anchor_whole = (
                self._audio.vad_pos, self._audio.cut.last_speech, whole)

    def _covers_all(self, job: Pass | None) -> bool:
        """Whether a pass holds every word: no voice came after it was made, and it includes
        the padding after the last voice, so its last word is complete."""
        return (job is not None and not job.final and job.voice_end >= self._audio.cut.last_speech
                and job.end - job.speech_end >= min(self.pad, self.end_of_speech))

    def _trim(self) -> None:
        with self._lock:
            first = self._first
        self._audio.trim(first, self.pad)

    # --- feeding ---------------------------------------------------------------------------------
    @property
    def words(self) -> list[Word]:
        """The words so far: committed, then the settled words of the latest pass."""
        with self._lock:
            return sorted(self._committed + self._settled, key=lambda w: (w.start, w.end))

    @property
    def utterances(self) -> list[Utterance]:
        """The utterances the voice detector has closed, in order."""
        return self._audio.utterances

    @property
    def seconds(self) -> float:
        """Seconds of audio fed."""
        return self._audio.total / SAMPLE_RATE

    @property
    def held_seconds(self) -> float:
        """Seconds of audio the transcriber still holds (the open region and its padding)."""
        return len(self._audio.buffer) / SAMPLE_RATE

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
        self._audio.append(chunk)
        while self._audio.total - self._audio.vad_pos >= STEP:
            self._audio.listen(STEP // WINDOW)
            self._maybe_pass()
        self._trim()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Waits until no pass is queued or running; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._in_flight == 0, timeout)

    def finish(self) -> Transcript:
        """Transcribes what is left and returns the whole transcript.

        Every pass asked for is waited for (passes run in order, and after a pause only its
        anchor pass is asked for). When the latest anchor pass was made after the speaker's last
        words (see ``end_of_speech``), its words are final and nothing is transcribed. Otherwise
        only the audio after that pass's settled words is transcribed (all of the open region
        when there are none).

        Returns:
            Words in time order, times from the recording start.

        Raises:
            Exception: the transcriber's error, if a pass failed.
        """
        if not self._finished:
            self._finished = True
            self._audio.close()
            self.wait_idle()
            with self._lock:
                anchor = self._anchor
                first = self._first
            if self._error is None and anchor is not None and self._covers_all(anchor[1]):
                with self._lock:
                    self._settled = list(anchor[2])
                log.debug("finish: the pause's pass holds every word")
            elif self._error is None:
                kept = anchor[3] if anchor is not None and anchor[0] == first else []
                start = (self.utterances[first].start / SAMPLE_RATE
                         if first < len(self.utterances) else 0.0)
                cut = final_cut(kept, start, self._audio.total / SAMPLE_RATE)
                kept = [w for w in kept if w.start < cut]
                # a little audio before the cut, so that a word starting right at it is heard
                # whole (Whisper drops a clipped first word)
                since = cut - _LEAD_IN if cut > start else 0.0
                audio = self._audio
                job = audio.make_pass(audio.region(first, audio.total, since=since),
                                      first, final=True, cut=cut, kept=tuple(kept))
                with self._lock:
                    self._settled = kept
                if job is not None:
                    self._submit(job)
                    self.wait_idle()
            self._jobs.put(None)
            self._add_last_fillers()
        self._worker.join()
        if self._error is not None:
            raise self._error
        return Transcript(
            tuple(self.words),
            self._audio.total / SAMPLE_RATE,
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
        job = self._audio.make_pass(self._audio.region(first, self._audio.total), first)
        if job is None:
            return
        try:
            extra = pass_fillers(self.transcriber, job, settled)
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
        if self._worker.is_alive():
            _LEFT_RUNNING.add(self._worker)
