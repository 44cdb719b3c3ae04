"""``mockinterviewer transcribe AUDIO``: print what was said; ``--json`` writes words and times.

A long file is decoded block by block and transcribed in windows of :data:`WINDOW_SECONDS`, each
cut at the quietest moment near its end, so memory stays bounded whatever the file's length (an
hour of audio would otherwise be held as 230 MB of samples plus the voice detector's copies:
about 1.1 GB at the peak, against about 0.4 GB this way). A
file no longer than one window is transcribed in one piece, as before.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from mockinterviewer.stt.whisper import WhisperTranscriber

from mockinterviewer.errors import UserError
from mockinterviewer.transcript import Transcript, Word

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
WINDOW_SECONDS = 120.0
"""Audio transcribed at once; longer files are split at a quiet moment near each window's end."""
_CUT_SEARCH_SECONDS = 20.0  # the cut is at the quietest moment in the window's last 20 s
_BLOCK_SECONDS = 30.0  # decoded at a time
_FRAME = SAMPLE_RATE // 50
_SMOOTH_FRAMES = 15  # 300 ms


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Adds the ``transcribe`` command."""
    p = sub.add_parser(name, help="transcribe an audio file")
    p.add_argument("audio", type=Path, help="audio file (WAV, FLAC, MP3, OGG, M4A, ...)")
    p.add_argument(
        "--model",
        default="tiny.en",
        help="tiny.en (bundled), base.en, small.en, medium.en, large-v3-turbo, or a CTranslate2 "
        "model folder",
    )
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    p.add_argument("--compute-type", default="auto", help="auto: int8 on CPU, float16 on GPU")
    p.add_argument("--no-fillers", action="store_true", help="skip the filler-capture pass")
    p.add_argument("--json", dest="json_out", type=Path, metavar="OUT", help="write JSON here")
    p.set_defaults(func=run)


def quiet_cut(audio: np.ndarray, end: int, search: int) -> int:
    """Where to split ``audio`` near sample ``end``: inside its quietest stretch.

    The power of 20 ms frames is smoothed over 300 ms, so a pause between sentences wins over a
    short gap inside a word; among equally quiet frames the middle of the first quiet run is used.

    Args:
        audio: 16 kHz mono samples (at least ``end`` long).
        end: the latest cut.
        search: how far before ``end`` to look.

    Returns:
        A sample index in ``[end - search, end]``.
    """
    start = max(0, end - search)
    region = audio[start:end]
    frames = len(region) // _FRAME
    if frames < 1:
        return end
    power = np.square(region[: frames * _FRAME].reshape(frames, _FRAME), dtype=np.float64)
    power = power.mean(axis=1)
    span = min(frames, _SMOOTH_FRAMES)
    smooth = np.convolve(power, np.ones(span) / span, mode="same")
    quiet = smooth <= smooth.min() * (1 + 1e-6) + 1e-12
    first = int(np.argmax(quiet))
    run_end = first + (int(np.argmin(quiet[first:])) if not quiet[first:].all() else frames - first)
    middle = (first + run_end - 1) // 2
    return start + middle * _FRAME + _FRAME // 2


def windows(
    blocks: Iterator[np.ndarray], window_seconds: float = WINDOW_SECONDS
) -> Iterator[tuple[float, np.ndarray]]:
    """Regroups decoded blocks into windows cut at quiet moments.

    Args:
        blocks: 16 kHz mono float32 blocks, in order.
        window_seconds: the longest window.

    Yields:
        ``(offset_seconds, samples)``: each window and where it starts in the file. A stream no
        longer than one window comes out as one window.
    """
    size = max(_FRAME * 2, int(window_seconds * SAMPLE_RATE))
    search = min(size // 2, int(_CUT_SEARCH_SECONDS * SAMPLE_RATE))
    pending = np.empty(0, dtype=np.float32)
    offset = 0
    for block in blocks:
        pending = np.concatenate([pending, np.asarray(block, dtype=np.float32)])
        while len(pending) > size:
            cut = quiet_cut(pending, size, search)
            yield offset / SAMPLE_RATE, pending[:cut]
            offset += cut
            pending = pending[cut:].copy()
    if len(pending):
        yield offset / SAMPLE_RATE, pending


def _shifted(words: tuple[Word, ...], offset: float) -> list[Word]:
    if not offset:
        return list(words)
    return [Word(w.word, w.start + offset, w.end + offset, w.filler, w.probability) for w in words]


def transcribe_windows(
    transcriber: WhisperTranscriber, pieces: Iterator[tuple[float, np.ndarray]]
) -> Transcript:
    """Transcribes windows of one recording and joins them into one transcript.

    Args:
        transcriber: the engine (``transcribe_audio``, ``model_name``, ``device``).
        pieces: ``(offset_seconds, samples)`` from :func:`windows`.

    Returns:
        The words with times from the file's start; the duration of all windows.
    """
    words: list[Word] = []
    duration = 0.0
    for offset, audio in pieces:
        part = transcriber.transcribe_audio(audio)
        words.extend(_shifted(part.words, offset))
        duration = offset + len(audio) / SAMPLE_RATE
        log.debug("transcribed %.1f s at %.1f s: %d words", len(audio) / SAMPLE_RATE, offset,
                  len(part.words))
    return Transcript(tuple(words), duration, transcriber.model_name, transcriber.device)


def run(args: argparse.Namespace) -> int:
    """Transcribes one file and prints its text.

    Raises:
        UserError: unreadable, empty, silent or non-audio file; model not available.
    """
    from mockinterviewer.audio.decode import decode_blocks
    from mockinterviewer.stt.whisper import WhisperTranscriber

    path: Path = args.audio
    pieces = windows(decode_blocks(path, _BLOCK_SECONDS), WINDOW_SECONDS)
    first = next(pieces)  # bad input is reported before the model is loaded
    transcriber = WhisperTranscriber(
        model=args.model,
        device=args.device,
        compute_type=args.compute_type,
        capture_fillers=not args.no_fillers,
    )
    transcriber.load()
    if transcriber.load_warning:
        print(f"warning: {transcriber.load_warning}", file=sys.stderr)
    t0 = time.perf_counter()

    def all_pieces() -> Iterator[tuple[float, np.ndarray]]:
        yield first
        yield from pieces

    transcript = transcribe_windows(transcriber, all_pieces())
    seconds = time.perf_counter() - t0
    if not transcript.words:
        raise UserError(
            f"No speech was found in {path} ({transcript.duration:.1f} s of audio): it is "
            "silent, too quiet or not speech."
        )
    print(transcript.text)
    if args.json_out:
        doc = {
            "audio": str(path),
            "audio_seconds": round(transcript.duration, 3),
            "transcribe_seconds": round(seconds, 3),
            "model": transcript.model,
            "device": transcript.device,
            "text": transcript.text,
            "words": [w.to_dict() for w in transcript.words],
        }
        try:
            args.json_out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise UserError(f"Cannot write {args.json_out}: {exc.strerror}.") from exc
    return 0
