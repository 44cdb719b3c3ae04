"""The audio a streaming transcriber still needs: a sliding buffer, the VAD over it, and passes.

:class:`StreamAudio` holds the captured samples from the start of the open region on, runs the
Silero VAD over them in fixed windows, cuts them into utterances, and builds a :class:`Pass`
(the joined utterances of a region) when the transcriber asks for one. It knows nothing of
Whisper, threads or words: :class:`~mockinterviewer.stt.streaming.StreamingTranscriber` decides
when to ask and what to do with the words.

Positions are samples from the start of the recording.
"""

from __future__ import annotations

import numpy as np

from mockinterviewer.stt.base import SAMPLE_RATE
from mockinterviewer.stt.stream_parts import (
    WINDOW,
    Pass,
    SileroStream,
    Utterance,
    UtteranceCutter,
    join_spans,
)


class StreamAudio:
    """Captured samples, their voice activity, and the passes built from them.

    Args:
        cutter: cuts the VAD's window probabilities into utterances.
        keep_gap: pauses shorter than this many samples are kept in a pass's joined audio.

    Attributes:
        cut: the utterance cutter (its ``speech_start`` and ``last_speech`` are read live).
        buffer: the samples held, from ``base`` on.
        base: recording sample index of ``buffer[0]``.
        total: samples fed so far.
        vad_pos: samples already run through the VAD.
    """

    def __init__(self, cutter: UtteranceCutter, keep_gap: int) -> None:
        self.cut = cutter
        self.keep_gap = keep_gap
        self.buffer = np.zeros(0, dtype=np.float32)
        self.base = 0
        self.total = 0
        self.vad_pos = 0
        self._vad: SileroStream | None = None

    @property
    def utterances(self) -> list[Utterance]:
        """The closed utterances, in order."""
        return self.cut.utterances

    @property
    def quiet(self) -> int:
        """Samples of non-speech since the last window judged speech."""
        return self.vad_pos - self.cut.last_speech

    def append(self, chunk: np.ndarray) -> None:
        """Adds captured samples (16 kHz mono float32, one dimension)."""
        if self._vad is None:
            self._vad = SileroStream()
        self.buffer = np.concatenate([self.buffer, chunk])
        self.total += chunk.size

    def listen(self, n: int) -> None:
        """Runs the voice detector over the next ``n`` windows."""
        assert self._vad is not None
        a = self.vad_pos - self.base
        windows = self.buffer[a : a + n * WINDOW].reshape(n, WINDOW)
        probs = self._vad.probabilities(windows)
        end = self.vad_pos + n * WINDOW
        for i, p in enumerate(probs):
            self.cut.step(self.vad_pos + i * WINDOW, float(p), self.base, end)
        self.vad_pos = end

    def close(self) -> None:
        """The stream ended: the last whole windows are heard and an open utterance is closed."""
        if self._vad is not None and (self.total - self.vad_pos) // WINDOW:
            self.listen((self.total - self.vad_pos) // WINDOW)
        self.cut.close_open(self.base, self.total)

    def region(self, first: int, until: int, since: float = 0.0) -> list[tuple[int, int]]:
        """The spans of speech from utterance ``first`` on (the open one up to ``until``).

        Args:
            first: the first utterance of the region.
            until: where the utterance still open is taken to end.
            since: recording seconds before which nothing is taken.

        Returns:
            Joined (start, end) sample spans.
        """
        spans = [(u.start, u.end) for u in self.utterances[first:]]
        if self.cut.speech_start is not None:
            spans.append((self.cut.speech_start, until))
        lo = max(self.base, int(since * SAMPLE_RATE))
        return join_spans([(max(a, lo), min(b, self.total)) for a, b in spans], self.keep_gap)

    def make_pass(self, spans: list[tuple[int, int]], first: int, **kw: object) -> Pass | None:
        """A pass over ``spans`` (None when they hold under 0.1 s of audio).

        Args:
            spans: from :meth:`region`.
            first: the region's first utterance.
            **kw: further :class:`Pass` fields (anchor, final, cut, kept...).
        """
        if not spans or sum(b - a for a, b in spans) < SAMPLE_RATE // 10:
            return None
        audio = np.concatenate([self.buffer[a - self.base : b - self.base] for a, b in spans])
        speech_end = min(self.cut.last_speech, spans[-1][1])
        if self.cut.speech_start is None and self.utterances:
            speech_end = min(speech_end, self.utterances[-1].end)
        return Pass(tuple(spans), audio, first, len(self.utterances), spans[-1][1],
                    max(speech_end, spans[0][0]), self.cut.speech_start,
                    voice_end=self.cut.last_speech, **kw)  # type: ignore[arg-type]

    def trim(self, first: int, pad: int) -> None:
        """Drops the samples no pass can need again: those before utterance ``first`` (the
        open region), before an utterance still open, and before ``pad`` samples of context."""
        keep = self.vad_pos - pad
        if first < len(self.utterances):
            keep = min(keep, self.utterances[first].start)
        if self.cut.speech_start is not None:
            keep = min(keep, self.cut.speech_start)
        keep = min(max(keep, self.base), self.total)
        if keep > self.base:
            self.buffer = self.buffer[keep - self.base :]
            self.base = keep
