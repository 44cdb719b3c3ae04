"""``mockinterviewer transcribe AUDIO``: print what was said; ``--json`` writes words and times."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from mockinterviewer.errors import UserError

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction, name: str) -> None:
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


def run(args: argparse.Namespace) -> int:
    """Transcribes one file and prints its text.

    Raises:
        UserError: unreadable, empty, silent or non-audio file; model not available.
    """
    from mockinterviewer.stt.whisper import WhisperTranscriber, decode_file

    path: Path = args.audio
    audio = decode_file(path)
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
    transcript = transcriber.transcribe_audio(audio)
    seconds = time.perf_counter() - t0
    if not transcript.words:
        raise UserError(
            f"No speech was found in {path} ({len(audio) / 16000:.1f} s of audio): it is silent, "
            "too quiet or not speech."
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
