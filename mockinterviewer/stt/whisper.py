"""faster-whisper transcription with word timestamps.

Load the model once, off the UI thread (:meth:`WhisperTranscriber.load` is slow and idempotent).
A model that cannot be loaded on the GPU falls back to the CPU and says so in ``load_warning``.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from mockinterviewer.audio.decode import decode_file
from mockinterviewer.errors import UserError
from mockinterviewer.stt import models
from mockinterviewer.stt.base import SAMPLE_RATE, Transcriber, lower_thread_priority
from mockinterviewer.stt.fillers import (
    FILLER_PROMPT,
    filler_gaps,
    fillers_in_gaps,
    gap_clip,
    mark_fillers,
    merge,
)
from mockinterviewer.transcript import Transcript, Word

log = logging.getLogger(__name__)

__all__ = ["Transcriber", "WhisperTranscriber", "decode_file"]

MAX_NEW_TOKENS = 220  # per 30-second window; the prompt must fit beside it in 448
_REST = 0.3  # seconds after a window's last word too short to hold another word


def _default_threads() -> int:
    """CTranslate2 threads per decode: every core, up to 4 (more only adds overhead)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def pin_blas_threads() -> None:
    """Runs NumPy's BLAS on one thread, so that the same audio gives the same words anywhere.

    faster-whisper computes the log-mel features with a NumPy matrix product. OpenBLAS splits that
    product over as many threads as the process may use, and a different split adds the same
    numbers in another order: on one core (``taskset -c 0``) word times moved by 20 ms and words
    could change. One thread makes the features bit-identical on any machine and costs nothing
    measurable (the product is 80 x 201 by 201 x 3000 per window); CTranslate2's own threads
    were checked to give identical words on 1, 2 and 4 threads.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def _in_background_thread(build: Callable[[], Any]) -> Any:
    """Runs ``build`` on a thread of lower priority and returns its result.

    CTranslate2 and ONNX Runtime start their worker threads when a model is built, and threads
    inherit the priority of the thread that starts them: so transcription then never takes the
    CPU from the user interface.
    """
    box: dict[str, Any] = {}

    def run() -> None:
        lower_thread_priority()
        try:
            box["value"] = build()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            box["error"] = exc

    thread = threading.Thread(target=run, name="stt-load", daemon=True)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def gpu_failure_message(exc: BaseException) -> str:
    """What to tell the user when the model could not run on the GPU.

    Args:
        exc: what CTranslate2 raised.

    Returns:
        One or two sentences: what happened and, where known, what to install.
    """
    text = str(exc)
    if any(lib in text.lower() for lib in ("cublas", "cudnn", "libcuda")):
        return (
            f"The GPU could not be used because a CUDA library is missing ({text.strip()[:120]}); "
            "transcribing on the CPU instead. Install NVIDIA's CUDA 12 cuBLAS and cuDNN 9 "
            "libraries (for example: pip install nvidia-cublas-cu12 nvidia-cudnn-cu12) to "
            "transcribe on the GPU."
        )
    return (
        f"The speech model could not run on the GPU ({type(exc).__name__}); "
        "transcribing on the CPU instead."
    )


def _preload_vad() -> None:
    """Loads the Silero VAD now, on a background thread of lower priority.

    Importing ONNX Runtime and building the VAD session holds the interpreter lock for tens of
    milliseconds; done here (at start-up, with the model) it never happens when an answer starts.
    """
    try:
        from faster_whisper.vad import get_vad_model

        _in_background_thread(get_vad_model)
    except Exception:
        log.warning("preloading the voice detector failed", exc_info=True)


class WhisperTranscriber:
    """The real speech-to-text engine (faster-whisper / CTranslate2).

    Args:
        model: a name from ``models.MODEL_CHOICES`` or a CTranslate2 model folder.
        device: ``auto``, ``cpu`` or ``cuda``.
        compute_type: ``auto`` (int8 on CPU, float16 on GPU) or a CTranslate2 compute type.
        download_root: where downloaded models live (default: the app's model cache).
        capture_fillers: find "um"s and "uh"s in a second, small pass (:meth:`find_fillers`).
        beam_size: decoder beam width (1 is fastest).
        cpu_threads: CTranslate2 threads per decode (0: every core, up to 4).
    """

    def __init__(
        self,
        model: str = "tiny.en",
        device: str = "auto",
        compute_type: str = "auto",
        download_root: Path | None = None,
        capture_fillers: bool = True,
        beam_size: int = 5,
        cpu_threads: int = 0,
    ) -> None:
        self._requested_model = model
        self._requested_device = device
        self._requested_compute = compute_type
        self._root = download_root
        self.capture_fillers = capture_fillers
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads or _default_threads()
        self._model: Any = None
        self._device = "cpu"
        self._warning: str | None = None
        self._lock = threading.Lock()

    @property
    def model_name(self) -> str:
        """The model name (or folder) requested."""
        return self._requested_model

    @property
    def device(self) -> str:
        """``cpu`` or ``cuda``: the device actually used once loaded."""
        return self._device

    @property
    def load_warning(self) -> str | None:
        """Why loading fell back (e.g. no CUDA), for the user; None when it went as asked."""
        return self._warning

    @property
    def loaded(self) -> bool:
        """Whether :meth:`load` has succeeded."""
        return self._model is not None

    def load(self) -> None:
        """Loads the model once (slow: call it off the UI thread).

        Raises:
            UserError: the model is missing or corrupt, with what to do.
        """
        with self._lock:
            if self._model is not None:
                return
            path = models.resolve(self._requested_model, self._root)
            device, warning = models.auto_device(self._requested_device)
            pin_blas_threads()
            from faster_whisper import WhisperModel

            if device == "cuda":
                try:
                    model = _in_background_thread(lambda: WhisperModel(
                        str(path),
                        device="cuda",
                        compute_type=models.auto_compute_type("cuda", self._requested_compute),
                        num_workers=2,
                    ))
                    # cuBLAS/cuDNN problems often show only at the first inference: try one now
                    segments, _ = model.transcribe(
                        np.zeros(SAMPLE_RATE // 2, dtype=np.float32), language="en"
                    )
                    list(segments)
                    self._model = model
                    self._device = "cuda"
                    self._warning = warning
                    _preload_vad()
                    return
                except Exception as exc:
                    log.warning("loading %s on CUDA failed", path, exc_info=True)
                    warning = gpu_failure_message(exc)
            compute = (
                models.auto_compute_type("cpu", self._requested_compute)
                if self._requested_compute in ("auto", "float16")
                else self._requested_compute
            )
            try:
                self._model = _in_background_thread(lambda: WhisperModel(
                    str(path),
                    device="cpu",
                    compute_type=compute,
                    cpu_threads=self.cpu_threads,
                    num_workers=2,  # a live answer and a whole-file job may overlap
                ))
            except Exception as exc:
                log.error("loading %s failed", path, exc_info=True)
                raise UserError(
                    f"The speech model in {path} could not be loaded; it may be damaged or "
                    "incomplete. Download it again or choose another model in Settings."
                ) from exc
            self._device = "cpu"
            self._warning = warning
            if warning:
                log.warning("%s", warning)
            _preload_vad()

    def _options(self, context: str | None = None) -> dict[str, Any]:
        """Decoding options of the word pass: no hesitation prompt (it costs words)."""
        return {
            "language": "en",
            "beam_size": self.beam_size,
            "word_timestamps": True,
            "initial_prompt": context or None,
            "condition_on_previous_text": False,
        }

    def find_fillers(self, audio: np.ndarray, words: list[Word],
                     offset: float = 0.0) -> list[Word]:
        """The filler pass: decodes only the voiced stretches the word pass left uncovered.

        Args:
            audio: the audio the words came from.
            words: the word pass's words (recording time), fillers included.
            offset: recording time of ``audio[0]``.

        Returns:
            The fillers found, recording time, not yet merged into ``words`` (none when filler
            capture is off).
        """
        from faster_whisper.vad import VadOptions, get_speech_timestamps

        if not self.capture_fillers or audio.size < SAMPLE_RATE // 10:
            return []
        self.load()
        chunks = get_speech_timestamps(audio, VadOptions(
            threshold=0.5, min_silence_duration_ms=100, speech_pad_ms=0))
        speech = [(offset + c["start"] / SAMPLE_RATE, offset + c["end"] / SAMPLE_RATE)
                  for c in chunks]
        gaps = filler_gaps(words, speech, audio.size / SAMPLE_RATE, offset)
        clip = gap_clip(audio, gaps, offset, SAMPLE_RATE)
        if clip is None:
            return []
        segments, _ = self._model.transcribe(
            clip.audio, language="en", beam_size=self.beam_size, word_timestamps=True,
            initial_prompt=FILLER_PROMPT, condition_on_previous_text=False,
            without_timestamps=True, temperature=0.0, vad_filter=False,
            max_new_tokens=min(MAX_NEW_TOKENS, 24 + int(8 * clip.audio.size / SAMPLE_RATE)))
        decoded = self._words(segments, 0.0, None)
        found = fillers_in_gaps(clip, decoded, words)
        log.debug("filler pass: %d stretches, %.1f s clip, %d fillers", len(clip.pieces),
                  clip.audio.size / SAMPLE_RATE, len(found))
        return found

    def _words(self, segments: Any, offset: float, on_segment: Callable[[float], None] | None,
               speech_end: float | None = None) -> list[Word]:
        """Collects the words of faster-whisper's segments.

        With ``speech_end`` (seconds into the clip where voice ends), decoding stops after a
        segment whose last word ends within :data:`_REST` of it: the rest holds no word. Otherwise
        faster-whisper decodes the audio after the last word again, in a new window.
        """
        words: list[Word] = []
        for seg in segments:
            for w in seg.words or ():
                text = w.word.strip()
                if not text:
                    continue
                start = offset + float(w.start)
                end = max(start, offset + float(w.end))
                words.append(Word(text, start, end, False, float(w.probability)))
            if on_segment is not None:
                on_segment(float(seg.end))
            if speech_end is not None:
                last = float(seg.words[-1].end) if seg.words else float(seg.end)
                if last >= speech_end - _REST:
                    break
        return words

    def transcribe_array(
        self, audio: np.ndarray, offset: float = 0.0, prompt: str | None = None,
        fast: bool = False, speech_end: float | None = None,
    ) -> list[Word]:
        """Transcribes one utterance.

        Args:
            audio: 16 kHz mono float32 samples.
            offset: recording time of ``audio[0]``, added to every word time.
            prompt: text said just before (improves accuracy across utterance cuts).
            fast: decode once, without the retries at higher temperatures that Whisper makes
                when a decoding looks unreliable (used when the user is waiting).
            speech_end: seconds into ``audio`` where the voice ends, if known (from the VAD):
                once the words reach it, the audio after them is not decoded again (default:
                the end of the clip).

        Returns:
            The words in time order; fillers Whisper wrote are marked (the filler pass is
            :meth:`find_fillers`).
        """
        self.load()
        audio = np.asarray(audio, dtype=np.float32).reshape(-1)
        if audio.size < SAMPLE_RATE // 10:
            return []
        options = self._options(prompt)
        # Nobody says more than about eight tokens a second: a clip decoding to many more is
        # Whisper repeating itself, which on a short clip can take seconds.
        options["max_new_tokens"] = min(MAX_NEW_TOKENS, 24 + int(8 * audio.size / SAMPLE_RATE))
        if fast:
            options["temperature"] = 0.0
        # Without timestamp tokens a window is one segment; with word timestamps faster-whisper
        # then decodes the audio after its last word again, in a second window with a second
        # encoder run, even when that audio is the silence after the answer. Stopping once the
        # words reach the end of the voice saves that run (measured: a 3-s clip 1.26 s -> 0.70
        # s, a 16-s clip 1.99 s -> 1.15 s); when Whisper stopped early, the rest is decoded.
        options["without_timestamps"] = True
        clip = audio.size / SAMPLE_RATE
        end = clip if speech_end is None else min(clip, max(0.0, speech_end))
        segments, _info = self._model.transcribe(audio, vad_filter=False, **options)
        # Words only: the streaming transcriber asks for the fillers of a region once its words
        # are final (find_fillers), not on every pass over it.
        return mark_fillers(self._words(segments, offset, None, end))

    def transcribe_plain(self, audio: np.ndarray) -> list[Word]:
        """Transcribes with faster-whisper's own defaults: the yardstick for the app's words.

        Beam 5, no prompt, no voice filter, no filler pass, the whole clip: what a user of
        plain faster-whisper would get from the same model (``mockinterviewer bench`` prints its
        word error rate beside the app's).

        Args:
            audio: 16 kHz mono float32 samples.

        Returns:
            The words, fillers marked.
        """
        self.load()
        segments, _info = self._model.transcribe(
            np.asarray(audio, dtype=np.float32), language="en", beam_size=5,
            word_timestamps=True)
        return mark_fillers(self._words(segments, 0.0, None))

    def transcribe_file(
        self, path: Path, progress: Callable[[float], None] | None = None
    ) -> Transcript:
        """Transcribes a whole file at once.

        Args:
            path: any audio file PyAV can decode.
            progress: called with 0..1 as the transcription advances.

        Returns:
            The transcript.

        Raises:
            UserError: the file is missing, empty or not audio; the model cannot be loaded.
        """
        audio = decode_file(Path(path))
        return self.transcribe_audio(audio, progress)

    def transcribe_audio(
        self, audio: np.ndarray, progress: Callable[[float], None] | None = None
    ) -> Transcript:
        """Transcribes a whole recording held in memory (16 kHz mono float32)."""
        self.load()
        duration = len(audio) / SAMPLE_RATE

        def on_segment(end: float) -> None:
            if progress is not None and duration > 0:
                progress(min(1.0, end / duration))

        segments, _info = self._model.transcribe(audio, vad_filter=True, **self._options())
        words = mark_fillers(self._words(segments, 0.0, on_segment))
        words = merge(words, self.find_fillers(audio, words, 0.0))
        if progress is not None:
            progress(1.0)
        return Transcript(tuple(words), duration, self.model_name, self.device)
