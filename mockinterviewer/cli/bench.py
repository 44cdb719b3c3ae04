"""``mockinterviewer bench``: streaming vs whole-file transcription, speed, memory and accuracy.

Each file goes through the very pipeline a live answer uses (``FileSource`` -> ``RecordingSession``
-> ``StreamingTranscriber``) at one or more speeds (times real time), and through whole-file
transcription, and once through plain faster-whisper (its defaults, no prompt, no voice filter)
as the yardstick. Where a ``transcripts.tsv`` lies beside the files, word error rate (fillers scored
apart) and filler recall are reported too. With no arguments it uses ``../shared/speech`` (when
present) and a 3-minute answer it synthesizes with the TTS engine.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockinterviewer.errors import UserError

if TYPE_CHECKING:
    import numpy as np

    from mockinterviewer.stt.session import SessionResult
    from mockinterviewer.stt.whisper import WhisperTranscriber

log = logging.getLogger(__name__)

AUDIO_EXTENSIONS = (".wav", ".flac", ".mp3", ".ogg", ".m4a", ".opus")
SYNTH_NAME = "synthesized-3min-answer.wav"
# The speech engine's bar for an answer of a few minutes streamed at real time.
ANSWER_SECONDS = 120.0  # files at least this long count as an answer
BAR_TAIL_SECONDS = 1.0
BAR_TAIL_SHARE = 0.15

_ANSWER = [
    "Situation. Last spring I was the on call engineer for our payments service, and customers "
    "in two regions started seeing failed checkouts during the evening peak.",
    "Our error budget for the quarter was almost gone, and the support team was getting dozens "
    "of tickets every hour.",
    "Task. My job was to find the cause, stop the failures, and make sure the same problem "
    "could not come back without us noticing.",
    "I also had to keep the support team and two product managers informed, because they were "
    "answering angry customers directly.",
    "Action. First I looked at the dashboards and saw that the failures lined up with a "
    "deployment of a new retry library earlier that day.",
    "I rolled the deployment back in one region as an experiment, and the error rate there "
    "dropped to normal within ten minutes.",
    "Then I rolled it back everywhere, wrote a short status note for support, and opened an "
    "incident review for the next morning.",
    "The next day I paired with the author of the retry change. We found that it retried "
    "requests that were not safe to repeat, so some customers were charged twice.",
    "I wrote a script that found every double charge, and worked with finance to refund "
    "about four hundred customers before the end of the week.",
    "I also added an alarm on duplicate payment identifiers, and a test that fails whenever a "
    "retry policy touches an operation without an idempotency key.",
    "Result. Checkout failures went back below one tenth of a percent the same evening, and "
    "every affected customer was refunded within five days.",
    "We have not had a duplicate charge since then, and the new alarm caught a similar "
    "mistake in another team's service two months later.",
    "Reflection. What I learned is to treat retries as a product decision, not just a "
    "technical detail, because the customer pays for our mistakes.",
    "If I did it again, I would have asked for a canary release of the retry library, so that "
    "one percent of traffic would have shown the problem before everyone saw it.",
    "I now review every change to retry behaviour in our team, and I wrote a one page guide "
    "that new engineers read in their first week.",
    "Overall, the incident cost us a stressful evening, but it left the service safer and "
    "the team more careful about how we talk to customers during an outage.",
]


@dataclass(frozen=True)
class BenchRow:
    """One file at one streaming speed."""

    file: str
    audio_seconds: float
    speed: float
    tail_latency: float
    whole_seconds: float
    rtf: float
    tail_share: float
    peak_mb: float
    overflows: int
    wer_plain: float | None
    plain_seconds: float
    wer_whole: float | None
    wer_stream: float | None
    fillers_ref: int | None
    fillers_whole: int
    fillers_stream: int


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Adds the ``bench`` command."""
    p = sub.add_parser(name, help="benchmark streaming and whole-file transcription")
    p.add_argument("paths", nargs="*", type=Path, metavar="AUDIO|DIR")
    p.add_argument("--speeds", default="1,4", help="streaming speeds, times real time (0: max)")
    p.add_argument("--model", default="tiny.en")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    p.add_argument("--no-synth", action="store_true", help="skip the synthesized answer")
    p.add_argument("--answers", default="", metavar="SET[,SET]",
                   help="also the evaluation answers of these sets, synthesized (espeak, "
                   "natural, natural-dev): a larger corpus for the word error rates")
    p.add_argument("--repeat", type=int, default=1, metavar="N",
                   help="stream each file N times per speed; the tail is their median")
    p.add_argument("--json", dest="json_out", type=Path, metavar="OUT")
    p.set_defaults(func=run)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def synthesize_answer(folder: Path) -> tuple[Path, str]:
    """Renders the 3-minute sample answer with the TTS engine; returns (wav, reference text)."""
    import numpy as np

    from mockinterviewer.audio.player import load_audio, resample
    from mockinterviewer.audio.recorder import WavRecorder
    from mockinterviewer.tts import Pyttsx3Speaker

    speaker = Pyttsx3Speaker(rate=150)
    out = folder / SYNTH_NAME
    gap = np.zeros(int(0.7 * 16000), dtype=np.float32)
    with WavRecorder(out) as rec:
        for sentence in _ANSWER:
            audio, rate = load_audio(speaker.render(sentence))
            rec.write(resample(audio, rate, 16000) * 0.8)
            rec.write(gap)
    return out, " ".join(_ANSWER)


def evaluation_answers(names: str) -> list[tuple[Path, str | None]]:
    """The labelled evaluation answers of the named sets, synthesized (cached), with their text.

    The bench's default corpus is a few short recordings and one 3-minute answer, too few words
    to tell streaming from whole-file apart by half a point: these sets add about half an hour
    of answers in the natural register (fillers, restarts), in three speech engines' voices.

    Args:
        names: comma-separated set names: ``espeak``, ``natural``, ``natural-dev``.

    Returns:
        (audio file, reference text) per answer.

    Raises:
        UserError: an unknown set, or a speech engine missing or failing.
    """
    from mockinterviewer.cli.evaluate import synthesize
    from mockinterviewer.coach.evaluation import EVALSET, NATURAL, NATURAL_DEV, load_evalset
    from mockinterviewer.tts.render import plain_text

    sets = {"espeak": EVALSET, "natural": NATURAL, "natural-dev": NATURAL_DEV}
    chosen = [n.strip() for n in names.split(",") if n.strip()]
    for name in chosen:
        if name not in sets:
            raise UserError(f"--answers: no set {name!r}; choose from {', '.join(sets)}.")
    out: list[tuple[Path, str | None]] = []
    for name in chosen:
        for answer in load_evalset(sets[name]):
            text = plain_text(" ".join(part for _label, part in answer.segments))
            out.append((synthesize(answer).path, text))
    return out


def _collect(paths: list[Path]) -> list[tuple[Path, str | None]]:
    from mockinterviewer.stt.scoring import load_references

    out: list[tuple[Path, str | None]] = []
    for p in paths:
        if p.is_dir():
            refs = load_references(p)
            for f in sorted(p.iterdir()):
                if f.suffix.lower() in AUDIO_EXTENSIONS:
                    out.append((f, refs.get(f.name)))
        elif p.exists():
            out.append((p, load_references(p.parent).get(p.name)))
        else:
            raise UserError(f"{p}: no such file or folder.")
    return out


def _stream(transcriber: WhisperTranscriber, audio: np.ndarray, speed: float) -> SessionResult:
    from mockinterviewer.audio.sources import FileSource
    from mockinterviewer.stt.session import RecordingSession

    with tempfile.TemporaryDirectory() as tmp:
        session = RecordingSession(
            FileSource(None, speed=speed, audio=audio),
            Path(tmp) / "rec.wav",
            transcriber,
        )
        return session.run(threading.Event())


def run(args: argparse.Namespace) -> int:
    """Runs the benchmark and prints the table."""
    from mockinterviewer.paths import project_root
    from mockinterviewer.stt.scoring import filler_score, wer
    from mockinterviewer.stt.whisper import WhisperTranscriber, decode_file

    try:
        speeds = [float(s) for s in str(args.speeds).split(",") if s.strip()]
    except ValueError as exc:
        raise UserError(f"--speeds must be numbers separated by commas: {args.speeds!r}") from exc
    paths = list(args.paths)
    tmp = tempfile.TemporaryDirectory(prefix="mi-bench-")
    items: list[tuple[Path, str | None]] = []
    if not paths:
        shared = project_root().parent / "shared" / "speech"
        if shared.is_dir():
            paths.append(shared)
    items = _collect(paths)
    if not args.paths and not args.no_synth:
        try:
            items.append(synthesize_answer(Path(tmp.name)))
        except UserError as exc:
            print(f"warning: no synthesized answer ({exc})", file=sys.stderr)
    items += evaluation_answers(args.answers)
    if not items:
        raise UserError("No audio files to benchmark; give files or folders.")

    transcriber = WhisperTranscriber(model=args.model, device=args.device)
    t0 = time.perf_counter()
    transcriber.load()
    load_s = time.perf_counter() - t0
    if transcriber.load_warning:
        print(f"warning: {transcriber.load_warning}", file=sys.stderr)
    rows: list[BenchRow] = []
    totals: dict[str, list[Any]] = {"ref": [], "whole": [], "stream": [], "plain": []}
    filler_totals: dict[str, float] = {"ref": 0, "matched": 0, "false": 0, "minutes": 0.0,
                                       "matched_whole": 0, "false_whole": 0}
    for path, ref in items:
        audio = decode_file(path)
        seconds = len(audio) / 16000
        t0 = time.perf_counter()
        whole = transcriber.transcribe_audio(audio)
        whole_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        plain = transcriber.transcribe_plain(audio)
        plain_s = time.perf_counter() - t0
        for speed in speeds:
            runs = [_stream(transcriber, audio, speed) for _ in range(max(1, args.repeat))]
            result = runs[0]
            tail = statistics.median(r.tail_latency for r in runs)
            if len(runs) > 1:
                print(f"{path.name} at {speed:g}x: tails "
                      + ", ".join(f"{r.tail_latency:.2f}" for r in runs) + " s", file=sys.stderr)
            words = result.transcript.words
            fs = filler_score(ref, words, seconds) if ref is not None else None
            fw = filler_score(ref, whole.words, seconds) if ref is not None else None
            rows.append(
                BenchRow(
                    file=path.name,
                    audio_seconds=round(seconds, 2),
                    speed=speed,
                    tail_latency=round(tail, 3),
                    whole_seconds=round(whole_s, 3),
                    rtf=round(whole_s / seconds, 4),
                    tail_share=round(tail / whole_s, 4) if whole_s else 0.0,
                    peak_mb=round(_peak_mb(), 1),
                    overflows=sum(r.overflows for r in runs),
                    wer_plain=round(wer(ref, plain), 4) if ref is not None else None,
                    plain_seconds=round(plain_s, 3),
                    wer_whole=round(wer(ref, whole.words), 4) if ref is not None else None,
                    wer_stream=round(wer(ref, words), 4) if ref is not None else None,
                    fillers_ref=fs.reference if fs else None,
                    fillers_whole=sum(1 for w in whole.words if w.filler),
                    fillers_stream=sum(1 for w in words if w.filler),
                )
            )
            if ref is not None and speed == speeds[0] and fs is not None and fw is not None:
                totals["ref"].append(ref)
                totals["whole"].append(whole.words)
                totals["plain"].append(plain)
                totals["stream"].append(words)
                filler_totals["ref"] += fs.reference
                filler_totals["matched"] += fs.matched
                filler_totals["false"] += fs.false
                filler_totals["minutes"] += fs.minutes
                filler_totals["matched_whole"] += fw.matched
                filler_totals["false_whole"] += fw.false
    summary = _summary(rows, totals, filler_totals, transcriber, load_s, speeds)
    _print(rows, summary)
    if args.json_out:
        doc = {"rows": [asdict(r) for r in rows], "summary": summary}
        try:
            args.json_out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise UserError(f"Cannot write {args.json_out}: {exc.strerror}.") from exc
    tmp.cleanup()
    return 0


def _corpus_wer(refs: list[str], hyps: list[Any]) -> float | None:
    import jiwer

    from mockinterviewer.stt.scoring import normalize, split_fillers

    if not refs:
        return None
    r = [" ".join(split_fillers(normalize(x))[0]) for x in refs]
    h = [
        " ".join(split_fillers(normalize(" ".join(w.word for w in ws if not w.filler)))[0])
        for ws in hyps
    ]
    return round(float(jiwer.wer(r, h)), 4)


def _summary(rows: list[BenchRow], totals: dict[str, list[Any]], fillers: dict[str, float],
             transcriber: WhisperTranscriber, load_s: float, speeds: list[float]) -> dict[str, Any]:
    by_speed = {}
    for speed in speeds:
        tails = [r.tail_latency for r in rows if r.speed == speed]
        shares = [r.tail_share for r in rows if r.speed == speed]
        by_speed[str(speed)] = {
            "median_tail_latency": round(statistics.median(tails), 3) if tails else None,
            "median_tail_share": round(statistics.median(shares), 4) if shares else None,
        }
    recall = fillers["matched"] / fillers["ref"] if fillers["ref"] else None
    recall_whole = fillers["matched_whole"] / fillers["ref"] if fillers["ref"] else None
    minutes = fillers["minutes"]
    return {
        "model": transcriber.model_name,
        "device": transcriber.device,
        "load_seconds": round(load_s, 2),
        "speeds": by_speed,
        "corpus_wer_plain": _corpus_wer(totals["ref"], totals["plain"]),
        "corpus_wer_whole": _corpus_wer(totals["ref"], totals["whole"]),
        "corpus_wer_stream": _corpus_wer(totals["ref"], totals["stream"]),
        "filler_reference": fillers["ref"],
        "filler_recall": round(recall, 3) if recall is not None else None,
        "false_fillers_per_minute": round(fillers["false"] / minutes, 3) if minutes else None,
        # the same for the whole-file transcript (what ``transcribe`` and the report use)
        "filler_recall_whole": round(recall_whole, 3) if recall_whole is not None else None,
        "false_fillers_per_minute_whole": round(fillers["false_whole"] / minutes, 3)
        if minutes else None,
        "peak_mb": max((r.peak_mb for r in rows), default=0.0),
        "overflows": sum(r.overflows for r in rows),
        "answers": answer_bar(rows),
    }


def answer_bar(rows: list[BenchRow]) -> list[dict[str, Any]]:
    """Checks each answer-length file streamed at real time against the tail-latency bar.

    Args:
        rows: the benchmark rows.

    Returns:
        One entry per file of at least :data:`ANSWER_SECONDS` at speed 1: its tail, the tail's
        share of whole-file time, and whether both are within the bar (at most
        :data:`BAR_TAIL_SECONDS` and :data:`BAR_TAIL_SHARE`).
    """
    return [
        {
            "file": r.file,
            "tail_latency": r.tail_latency,
            "tail_share": r.tail_share,
            "met": r.tail_latency <= BAR_TAIL_SECONDS and r.tail_share <= BAR_TAIL_SHARE,
        }
        for r in rows
        if r.speed == 1 and r.audio_seconds >= ANSWER_SECONDS
    ]


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:.1f}"


def _print(rows: list[BenchRow], summary: dict[str, Any]) -> None:
    head = (
        f"{'file':<44} {'audio s':>7} {'speed':>5} {'tail s':>6} {'tail/whole':>10} "
        f"{'whole s':>7} {'RTF':>6} {'peak MB':>7} {'WER plain':>9} {'WER whole':>9} "
        f"{'WER stream':>10} "
        f"{'fillers ref/whole/stream':>24}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        fill = f"{'-' if r.fillers_ref is None else r.fillers_ref}/{r.fillers_whole}/" + str(
            r.fillers_stream
        )
        print(
            f"{r.file[:44]:<44} {r.audio_seconds:>7.1f} {r.speed:>5g} {r.tail_latency:>6.2f} "
            f"{r.tail_share * 100:>9.1f}% {r.whole_seconds:>7.2f} {r.rtf:>6.3f} "
            f"{r.peak_mb:>7.0f} {_pct(r.wer_plain):>9} {_pct(r.wer_whole):>9} "
            f"{_pct(r.wer_stream):>10} {fill:>24}"
        )
    print()
    print(
        f"model {summary['model']} on {summary['device']} (loaded in {summary['load_seconds']} s); "
        f"peak memory {summary['peak_mb']:.0f} MB; input overflows {summary['overflows']}"
    )
    for speed, s in summary["speeds"].items():
        share = s["median_tail_share"]
        print(
            f"speed {speed}x: median tail latency {s['median_tail_latency']} s "
            f"({'-' if share is None else f'{share * 100:.1f}'}% of whole-file time)"
        )
    for a in summary["answers"]:
        print(
            f"{a['file']} at 1x: tail {a['tail_latency']:.2f} s, {a['tail_share'] * 100:.1f}% of "
            f"whole-file (bar: at most {BAR_TAIL_SECONDS:g} s and {BAR_TAIL_SHARE * 100:.0f}%): "
            + ("met" if a["met"] else "NOT met")
        )
    print(
        f"corpus WER: plain faster-whisper {_pct(summary['corpus_wer_plain'])}%, whole-file "
        f"{_pct(summary['corpus_wer_whole'])}%, streaming "
        f"{_pct(summary['corpus_wer_stream'])}%; filler recall of "
        f"{summary['filler_reference']}: whole-file {_pct(summary['filler_recall_whole'])}%, "
        f"streaming {_pct(summary['filler_recall'])}%; false fillers whole-file "
        f"{summary['false_fillers_per_minute_whole']}/min, streaming "
        f"{summary['false_fillers_per_minute']}/min"
    )
