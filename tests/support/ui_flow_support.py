"""Helpers for the Rehearse/Report/Drill tests: spoken STAR answers synthesized with espeak-ng.

Each answer is synthesized one segment at a time (``espeak-ng -w``), resampled to 16 kHz with sox
and joined with short pauses, so the true segment boundaries are known: the tests press Space at
those moments, as a user would.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

RATE = 16000
PAUSE = 1.0

# A short STAR answer to the seed scenario (customer-obsession), one entry per segment. It has
# known weaknesses: "we" language in the action and no number in the result.
ANSWER: tuple[tuple[str, str], ...] = (
    ("situation", "While working on another project I noticed that the webhook service of the "
                  "platform team was dropping some deliveries, so customers got late "
                  "notifications."),
    ("task", "It was not my team and nobody asked me to fix it, but I decided to take ownership."),
    ("action", "We looked at the logs together and we found the missing retry path. Then we "
               "wrote a fix and we shipped it."),
    ("result", "After that things got a lot better and the customers were happy."),
    ("reflection", "Looking back, I learned that communication is important."),
)

# The same story, shorter: for the real-time (PortAudio) run.
SHORT_ANSWER: tuple[tuple[str, str], ...] = (
    ("situation", "I noticed the platform webhook service was dropping deliveries."),
    ("task", "It was not my team, but I took ownership."),
    ("action", "We looked at the logs, we found the missing retry path, and we shipped a fix."),
    ("result", "Things got better and customers were happy."),
    ("reflection", "I learned that communication is important."),
)

PROBE_ANSWERS: tuple[str, ...] = (
    "I sent a message to the platform team and they handled the rest of it.",
    "I checked the dashboards for a week and the drops stayed at zero.",
    "Next time I would write the alert first.",
)


def have_tools() -> bool:
    """True when espeak-ng and sox are installed."""
    return bool(shutil.which("espeak-ng") and shutil.which("sox"))


def require_tools() -> None:
    """Skips the test when the speech tools are missing."""
    if not have_tools():
        pytest.skip("espeak-ng and sox are needed to synthesize speech")


def synthesize(text: str, voice: str = "en-us", wpm: int = 165) -> np.ndarray:
    """Speaks text with espeak-ng and returns 16 kHz mono float32 samples."""
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw.wav", Path(tmp) / "out.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(raw), text],
                       check=True, capture_output=True, timeout=60)
        subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(out)],
                       check=True, capture_output=True, timeout=60)
        data = out.read_bytes()
    pcm = np.frombuffer(data[44:], dtype="<i2").astype(np.float32) / 32768.0
    return pcm


@dataclass(frozen=True)
class SpokenAnswer:
    """A synthesized answer.

    Attributes:
        audio: 16 kHz mono float32 samples.
        boundaries: the moment to press Space before each segment after the first: just after
            the previous segment's last word (a late key press still falls in the pause).
        starts: when each segment's first word starts.
        labels: the segment labels in order.
    """

    audio: np.ndarray
    boundaries: tuple[float, ...]
    labels: tuple[str, ...]
    starts: tuple[float, ...] = ()

    @property
    def seconds(self) -> float:
        """Length in seconds."""
        return len(self.audio) / RATE

    def save(self, path: Path) -> Path:
        """Writes the answer as a 16-bit WAV (for paplay)."""
        import wave

        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes((np.clip(self.audio, -1, 1) * 32767).astype("<i2").tobytes())
        return path


def spoken_answer(parts: tuple[tuple[str, str], ...] = ANSWER, lead: float = 0.4,
                  tail: float = 0.8) -> SpokenAnswer:
    """Synthesizes a STAR answer segment by segment and joins it with pauses.

    Args:
        parts: (label, text) per segment.
        lead: silence before the first word.
        tail: silence after the last word.

    Returns:
        The audio and the true boundaries.
    """
    pieces = [np.zeros(int(lead * RATE), np.float32)]
    bounds, starts, t = [], [], lead
    for i, (_label, text) in enumerate(parts):
        if i:
            bounds.append(round(t - PAUSE + 0.1, 2))
        starts.append(round(t, 2))
        speech = synthesize(text)
        pieces += [speech, np.zeros(int(PAUSE * RATE), np.float32)]
        t += len(speech) / RATE + PAUSE
    pieces.append(np.zeros(int(tail * RATE), np.float32))
    return SpokenAnswer(np.concatenate(pieces), tuple(bounds), tuple(p[0] for p in parts),
                        tuple(starts))


def spoken_text(text: str, lead: float = 0.3, tail: float = 0.6) -> np.ndarray:
    """Synthesizes one short reply with a little silence around it."""
    return np.concatenate([np.zeros(int(lead * RATE), np.float32), synthesize(text),
                           np.zeros(int(tail * RATE), np.float32)])


class FileSources:
    """A source factory handing out FileSources of prepared audio, one per recording, in turn."""

    def __init__(self, audios: list[np.ndarray], speed: float = 6.0) -> None:
        self.audios = list(audios)
        self.speed = speed
        self.made: list[object] = []

    def __call__(self, *_args: object) -> object:
        from mockinterviewer.audio.sources import FileSource

        audio = self.audios.pop(0) if self.audios else np.zeros(RATE, np.float32)
        source = FileSource(None, speed=self.speed, audio=audio)
        self.made.append(source)
        return source


class InstantSpeaker:
    """A speaker that 'says' each question instantly and remembers it (for flows where sound
    output is not what is tested)."""

    def __init__(self) -> None:
        self.spoken: list[str] = []
        self.stopped = 0
        self.error: str | None = None

    def voices(self) -> list:
        return []

    def available(self) -> bool:
        return True

    def speak(self, text: str) -> None:
        self.spoken.append(text)

    def wait(self, timeout: float | None = None) -> bool:
        return True

    def stop(self) -> None:
        self.stopped += 1


def close_boxes(_widget: object = None) -> None:
    """Closes the app's open message boxes (use as ``qtbot.addWidget(w, before_close_func=...)``:
    a box deleted together with its window would stay listed in ``dialogs.open_boxes()``)."""
    import contextlib

    from mockinterviewer.ui import dialogs

    for box in dialogs.open_boxes():
        with contextlib.suppress(RuntimeError):
            box.done(0)


class StallMeter:
    """Measures the longest gap between ticks of a 10 ms QTimer: how long the event loop stalled."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.max_gap = 0.0
        self.max_busy = 0.0
        self.last_cpu = 0.0
        self.last_proc = 0.0
        self.ticks = 0
        #: for gaps over 50 ms: (gap ms, UI thread CPU ms, whole process CPU ms, what was
        #: happening). Process CPU near the gap while the UI thread is idle means another thread
        #: held the interpreter lock; little process CPU means the OS gave the cores to others.
        self.gaps: list[tuple[int, int, int, str]] = []
        #: the longest gap as (gap ms, UI thread CPU ms, what was happening), whatever its size
        self.worst: tuple[int, int, str] = (0, 0, "")
        self.describe = lambda: ""

    def _tick(self) -> None:
        now, cpu, proc = time.perf_counter(), time.thread_time(), time.process_time()
        if self.last:
            gap = now - self.last
            busy = cpu - self.last_cpu
            if gap > self.max_gap:
                self.worst = (round(gap * 1000), round(busy * 1000), self.describe())
            self.max_gap = max(self.max_gap, gap)
            self.max_busy = max(self.max_busy, busy)
            if gap > 0.05:
                self.gaps.append((round(gap * 1000), round(busy * 1000),
                                  round((proc - self.last_proc) * 1000), self.describe()))
        self.last, self.last_cpu, self.last_proc = now, cpu, proc
        self.ticks += 1

    def start(self) -> None:
        """Starts measuring afresh (the maxima and gaps of an earlier run are forgotten)."""
        self.last = 0.0
        self.max_gap = self.max_busy = 0.0
        self.ticks = 0
        self.gaps = []
        self.worst = (0, 0, "")
        self.timer.start()

    def pause(self) -> None:
        """Stops measuring for a moment (while the test itself works, e.g. a screenshot)."""
        self.timer.stop()

    def resume(self) -> None:
        """Measures again after :meth:`pause`."""
        self.last = 0.0
        self.timer.start()

    @property
    def max_busy_ms(self) -> float:
        """The most CPU time the UI thread itself spent between two ticks, in milliseconds (the
        rest of a gap is time the thread waited for a CPU core or the interpreter lock)."""
        return self.max_busy * 1000.0

    def stop(self) -> float:
        """Stops and returns the longest gap in milliseconds."""
        self.timer.stop()
        return self.max_gap * 1000.0
