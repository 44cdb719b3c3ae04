"""Regenerates the app's assets: the icon (SVG, rendered to PNG) and the soft cue sounds (WAV).

Run from the repository root: ``.venv/bin/python assets/generate.py``. The outputs are committed,
so the app never runs this; it exists so that every asset can be rebuilt and changed from source.
The sounds are synthesised with numpy (sine partials under smooth envelopes, no clicks); the PNGs
are rendered from the SVG with Qt's SVG renderer.
"""

from __future__ import annotations

import os
import wave
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
RATE = 44100

ICON_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Mock Interviewer</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#2f6fde"/>
      <stop offset="1" stop-color="#1c3f8f"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="52" fill="url(#bg)"/>
  <!-- speech bubble -->
  <path d="M58 62 h140 a22 22 0 0 1 22 22 v66 a22 22 0 0 1 -22 22 h-70 l-34 30 v-30 h-36
           a22 22 0 0 1 -22 -22 v-66 a22 22 0 0 1 22 -22 z" fill="#ffffff"/>
  <!-- five STAR segment bars, sized like the targets -->
  <rect x="62" y="104" width="24" height="18" rx="5" fill="#5b8def"/>
  <rect x="90" y="104" width="16" height="18" rx="5" fill="#7c5ce0"/>
  <rect x="110" y="104" width="50" height="18" rx="5" fill="#2fa36b"/>
  <rect x="164" y="104" width="16" height="18" rx="5" fill="#e0a030"/>
  <rect x="184" y="104" width="12" height="18" rx="5" fill="#d9534f"/>
  <!-- clock tick -->
  <circle cx="194" cy="196" r="30" fill="#ffffff" stroke="#1c3f8f" stroke-width="6"/>
  <path d="M194 178 v18 l12 8" fill="none" stroke="#1c3f8f" stroke-width="6"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def envelope(n: int, attack: float, decay: float) -> np.ndarray:
    """A smooth attack then exponential decay, ending exactly at zero (no click)."""
    t = np.arange(n) / RATE
    a = np.clip(t / attack, 0.0, 1.0)
    a = 0.5 - 0.5 * np.cos(np.pi * a)
    env = a * np.exp(-t / decay)
    fade = min(n, int(0.02 * RATE))
    env[-fade:] *= np.linspace(1.0, 0.0, fade)
    return env


def bell(freq: float, seconds: float, decay: float, level: float) -> np.ndarray:
    """A soft bell: a fundamental plus two quiet inharmonic partials."""
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    tone = (np.sin(2 * np.pi * freq * t) + 0.25 * np.sin(2 * np.pi * freq * 2.76 * t)
            + 0.08 * np.sin(2 * np.pi * freq * 5.4 * t))
    return level * tone * envelope(n, 0.008, decay)


def place(parts: list[tuple[float, np.ndarray]], seconds: float) -> np.ndarray:
    """Mixes sounds that start at the given offsets."""
    out = np.zeros(int(seconds * RATE))
    for start, sig in parts:
        i = int(start * RATE)
        j = min(len(out), i + len(sig))
        out[i:j] += sig[: j - i]
    return out


def cues() -> dict[str, np.ndarray]:
    """The cue sounds, quiet on purpose (peaks around -12 dBFS)."""
    return {
        # A segment's target time is reached: two gentle rising notes.
        "target": place([(0.0, bell(784.0, 0.9, 0.25, 0.18)),
                         (0.12, bell(1046.5, 0.9, 0.3, 0.16))], 1.05),
        # Past the target plus tolerance: one lower, softer note.
        "over": place([(0.0, bell(523.25, 0.8, 0.22, 0.2))], 0.8),
        # Recording starts: a short high tick.
        "start": place([(0.0, bell(1318.5, 0.3, 0.06, 0.16))], 0.3),
        # Answer done: three descending notes.
        "done": place([(0.0, bell(1046.5, 0.7, 0.2, 0.14)), (0.1, bell(784.0, 0.7, 0.2, 0.14)),
                       (0.2, bell(659.25, 0.9, 0.3, 0.14))], 1.1),
    }


def write_wav(path: Path, samples: np.ndarray) -> None:
    """Writes 16-bit mono PCM."""
    pcm = np.clip(samples, -1.0, 1.0)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((pcm * 32767).astype("<i2").tobytes())


def render_png(svg: Path, size: int, out: Path) -> None:
    """Renders the SVG to a square PNG with Qt (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    image.save(str(out))


def main() -> None:
    """Writes every asset next to this script."""
    svg = HERE / "icon.svg"
    svg.write_text(ICON_SVG, encoding="utf-8")
    for size in (256, 64):
        render_png(svg, size, HERE / f"icon-{size}.png")
    sounds = HERE / "sounds"
    sounds.mkdir(exist_ok=True)
    for name, samples in cues().items():
        write_wav(sounds / f"{name}.wav", samples)


if __name__ == "__main__":
    main()
