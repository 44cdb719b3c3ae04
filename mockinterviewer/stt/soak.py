"""Soak test of the streaming path: a long recording must stay within bounded memory.

``python -m mockinterviewer.stt.soak --minutes 30`` feeds 30 minutes of speech (synthesized with
espeak-ng, or any recording given with ``--audio``, looped) through the same path a live answer
takes: each 0.1 s chunk is written to a WAV file on disk and fed to the
:class:`StreamingTranscriber` with the real Whisper model (the audio layer's RecordingSession does
the same with its crash-safe recorder; this tool stays inside ``stt`` so that it depends on no
layer above it). It samples the resident memory once a minute of audio and reports the peak and
the growth.

Feeding is as fast as the transcriber keeps up (each pass over the open region is waited for), so
a 30-minute recording takes minutes, not half an hour, while memory behaves as in a live session
on a machine that keeps up with the speaker.

Measured on 2026-11-28 (2 shared, busy CPU cores; tiny.en int8; 30 minutes of looped espeak-ng
speech, about 4750 words in 283 utterances each time):

- streaming with partials and background block refinement (streaming.py of 03:37 UTC): 154 MB
  with the model loaded, per-minute samples 337-448 MB, medians of the six 5-minute spans 357,
  392, 410, 394, 425 and 396 MB (flat after the first five minutes), peak (getrusage) 526 MB;
  611 s wall time (an intermediate version of 03:26 gave medians 368-434 MB, peak 568 MB);
- the earlier streaming without partials: samples 281-365 MB, medians of minutes 1-5 and 26-30
  303 and 313 MB, peak 399 MB; 781 s.

The 57.6 MB recording goes to disk, not memory.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from mockinterviewer.errors import UserError
from mockinterviewer.stt.base import SAMPLE_RATE, Transcriber

log = logging.getLogger(__name__)

_SENTENCES = (
    "Our checkout service started timing out for about one in twenty customers every evening.",
    "Nobody owned the shared cache layer, so the alerts bounced between three teams.",
    "I took it on myself to find the root cause, even though it was not my team's code.",
    "I traced the slow requests and found that a cache key included the session identifier.",
    "I wrote a fix, added a load test, and rolled it out behind a flag to five percent of traffic.",
    "Timeouts dropped from five percent to well under a tenth of a percent within a week.",
    "We then removed the flag and I wrote a short guide so the next on-call engineer would know.",
    "What I learned is to measure first and to make ownership explicit when a system is shared.",
)


def rss_mb() -> float:
    """Current resident memory of this process in MB (Linux /proc; else the peak so far)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (``getrusage``)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6


def synthesize_speech(folder: Path, rate: int = 160) -> np.ndarray:
    """Renders a spoken answer (about 40 s, with pauses) at 16 kHz with espeak-ng.

    Args:
        folder: where the temporary WAV files go.
        rate: words per minute.

    Returns:
        Mono float32 samples.

    Raises:
        UserError: espeak-ng is not installed.
    """
    from mockinterviewer.stt.whisper import decode_file

    exe = shutil.which("espeak-ng") or shutil.which("espeak")
    if exe is None:
        raise UserError("espeak-ng is not installed; give a recording with --audio instead.")
    parts: list[np.ndarray] = []
    rng = np.random.default_rng(7)
    for i, sentence in enumerate(_SENTENCES):
        wav = folder / f"s{i}.wav"
        subprocess.run([exe, "-s", str(rate), "-w", str(wav), "--", sentence], check=True,
                       capture_output=True, timeout=60)
        parts.append(decode_file(wav) * 0.8)  # resampled to 16 kHz
        parts.append(np.zeros(int(rng.uniform(0.6, 1.4) * SAMPLE_RATE), dtype=np.float32))
    speech = np.concatenate(parts).astype(np.float32)
    speech += rng.standard_normal(len(speech)).astype(np.float32) * 0.002  # a quiet room
    return speech


def soak(
    minutes: float = 30.0,
    audio: np.ndarray | None = None,
    transcriber: Transcriber | None = None,
    chunk_seconds: float = 0.1,
    max_backlog: int = 0,
    on_minute: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Feeds ``minutes`` of looped speech through the recording and streaming path.

    Args:
        minutes: length of the simulated recording.
        audio: 16 kHz mono speech to loop (default: synthesized with espeak-ng).
        transcriber: the engine (default: the bundled tiny.en on the CPU).
        chunk_seconds: size of each captured chunk, as from the microphone.
        max_backlog: passes allowed to run before feeding pauses (0: wait for each, as real time
            would on a machine that keeps up).
        on_minute: called with each per-minute sample (``{"minute", "rss_mb", "words"}``).

    Returns:
        ``audio_minutes``, ``wall_seconds``, ``words``, ``utterances``, ``rss_loaded_mb`` (after
        the model loaded), ``rss_first_minute_mb``, ``rss_end_mb``, ``rss_max_sampled_mb``,
        ``peak_rss_mb`` (getrusage), ``growth_mb`` (median of the last five per-minute samples minus
        that of the first five), ``recording_mb``,
        ``tail_seconds`` (end of audio to final transcript) and ``samples``.
    """
    from mockinterviewer.stt.streaming import StreamingTranscriber

    if transcriber is None:
        from mockinterviewer.stt.whisper import WhisperTranscriber

        transcriber = WhisperTranscriber("tiny.en", device="cpu")
    transcriber.load()
    with tempfile.TemporaryDirectory(prefix="mi-soak-") as tmp:
        folder = Path(tmp)
        if audio is None:
            audio = synthesize_speech(folder)
        audio = np.asarray(audio, dtype=np.float32).reshape(-1)
        if audio.size < SAMPLE_RATE:
            raise UserError("the speech to loop is shorter than a second")
        rss_loaded = rss_mb()
        total = int(minutes * 60 * SAMPLE_RATE)
        block = max(1, int(chunk_seconds * SAMPLE_RATE))
        stream = StreamingTranscriber(transcriber)
        samples: list[dict[str, Any]] = []
        t0 = time.monotonic()
        fed = 0
        next_sample = 60 * SAMPLE_RATE
        with wave.open(str(folder / "soak.wav"), "wb") as recording:
            recording.setnchannels(1)
            recording.setsampwidth(2)
            recording.setframerate(SAMPLE_RATE)
            while fed < total:
                start = fed % audio.size
                chunk = audio[start : start + min(block, total - fed)]
                recording.writeframes((np.clip(chunk, -1, 1) * 32767).astype("<i2").tobytes())
                stream.feed(chunk)
                fed += chunk.size
                # a live speaker never runs ahead of the transcriber by more than a pass or
                # two: wait for it as real time would
                if stream.backlog > max_backlog:
                    stream.wait_idle()
                if fed >= next_sample:
                    sample = {"minute": round(fed / SAMPLE_RATE / 60, 2),
                              "rss_mb": round(rss_mb(), 1), "words": len(stream.words),
                              "held_audio_s": round(stream.held_seconds, 1),
                              "wall_s": round(time.monotonic() - t0, 1)}
                    samples.append(sample)
                    log.info("soak: %s", sample)
                    if on_minute is not None:
                        on_minute(sample)
                    next_sample += 60 * SAMPLE_RATE
        recording_mb = (folder / "soak.wav").stat().st_size / 1e6
        end_of_audio = time.monotonic()
        transcript = stream.finish()
        tail = time.monotonic() - end_of_audio
    rss_end = rss_mb()
    first = samples[0]["rss_mb"] if samples else rss_loaded
    sampled_max = max([s["rss_mb"] for s in samples] + [rss_end])
    # one sample swings by tens of MB with whether Whisper is busy at that moment: compare the
    # medians of the first and the last few minutes instead
    series = [s["rss_mb"] for s in samples] or [rss_end]
    k = max(1, min(5, len(series) // 2))
    growth = float(np.median(series[-k:]) - np.median(series[:k]))
    return {
        "audio_minutes": round(fed / SAMPLE_RATE / 60, 2),
        "wall_seconds": round(time.monotonic() - t0, 1),
        "words": len(transcript.words),
        "utterances": len(stream.utterances),
        "rss_loaded_mb": round(rss_loaded, 1),
        "rss_first_minute_mb": round(first, 1),
        "rss_end_mb": round(rss_end, 1),
        "rss_max_sampled_mb": round(sampled_max, 1),
        # the kernel updates the high-water mark lazily: never report it below a sample
        "peak_rss_mb": round(max(peak_rss_mb(), sampled_max), 1),
        "growth_mb": round(growth, 1),
        "recording_mb": round(recording_mb, 1),
        "tail_seconds": round(tail, 2),
        "samples": samples,
    }


def main(argv: list[str] | None = None) -> int:
    """Runs the soak test and prints the numbers (``--json`` writes them too).

    Returns:
        0 on success, 2 on an error (one ``error:`` line).
    """
    parser = argparse.ArgumentParser(prog="python -m mockinterviewer.stt.soak",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--audio", type=Path, help="speech to loop (default: espeak-ng)")
    parser.add_argument("--json", dest="json_out", type=Path, metavar="OUT")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        speech = None
        if args.audio is not None:
            from mockinterviewer.stt.whisper import decode_file

            speech = decode_file(args.audio)

        def show(sample: dict[str, Any]) -> None:
            print(f"  minute {sample['minute']:6.1f}: RSS {sample['rss_mb']:7.1f} MB, "
                  f"{sample['words']} words, {sample['wall_s']:.0f} s", flush=True)

        result = soak(args.minutes, audio=speech, on_minute=show)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    summary = {k: v for k, v in result.items() if k != "samples"}
    print(json.dumps(summary, indent=2))
    if args.json_out:
        args.json_out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
