"""``mockinterviewer analyze``: analyse a spoken (AUDIO) or written (--text FILE) answer.

Prints a readable report (segments timed against their targets, findings with the user's own
words, metrics, verdict and follow-up probes) and optionally writes the JSON form.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from mockinterviewer.coach import (
    Analysis,
    ProbeAnalysis,
    analyze,
    analyze_probe_answer,
    analyze_text,
    with_probe_answers,
)
from mockinterviewer.coach.reason_text import plain_reasons
from mockinterviewer.coach.text import words_from_text
from mockinterviewer.coach.voice_types import VoiceMetrics
from mockinterviewer.content import LEVELS, Scenario
from mockinterviewer.content.library import find_scenario
from mockinterviewer.errors import UserError
from mockinterviewer.transcript import Transcript

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md", ".text")
MAX_ANSWER_SECONDS = 20 * 60  # an answer to one question takes minutes; longer is not an answer


class FileTranscriber(Protocol):
    """Anything that turns an audio file into a transcript."""

    def transcribe_file(self, path: Path) -> Transcript:
        """Transcribes a file."""
        ...


def _default_transcriber() -> FileTranscriber:
    from mockinterviewer.settings import load_settings
    from mockinterviewer.stt.whisper import WhisperTranscriber

    s = load_settings()
    return WhisperTranscriber(model=s.model, device=s.stt_device, compute_type=s.compute_type,
                              capture_fillers=s.capture_fillers)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Adds the ``analyze`` command."""
    p = sub.add_parser(name, help="analyse a spoken or written answer",
                       description="Analyse an answer: STAR segments timed against their targets, "
                       "findings quoting your words, a verdict and follow-up probes.")
    p.add_argument("audio", nargs="?", type=Path, metavar="AUDIO", help="the recorded answer")
    p.add_argument("--text", type=Path, metavar="FILE",
                   help="analyse a written answer instead (no timing)")
    p.add_argument("--scenario", required=True, metavar="ID", help="scenario or principle id")
    p.add_argument("--level", choices=LEVELS, default=None, help="level (default: settings)")
    p.add_argument("--marks", metavar="T1,T2,...",
                   help='seconds at which you pressed "next segment"')
    p.add_argument("--probe-answer", action="append", default=[], metavar="PROBE_ID=AUDIO",
                   help="the answer to a follow-up probe (repeatable; a .txt file is read as text)")
    p.add_argument("--json", type=Path, metavar="OUT", help="also write the analysis as JSON")
    p.set_defaults(func=run)


def parse_marks(value: str | None) -> tuple[float, ...] | None:
    """Parses ``--marks``: comma-separated seconds, non-negative and increasing.

    Raises:
        UserError: a mark is not a number, is negative, or goes backwards.
    """
    if value is None or not value.strip():
        return None
    marks: list[float] = []
    for part in value.split(","):
        try:
            m = float(part.strip())
        except ValueError:
            raise UserError(f"--marks: '{part.strip()}' is not a number of seconds "
                            "(use e.g. --marks 12.5,30,95)") from None
        if not m >= 0 or m == float("inf"):
            raise UserError(f"--marks: {part.strip()} must be a time of at least 0 seconds")
        if marks and m < marks[-1]:
            raise UserError("--marks must be in increasing order")
        marks.append(m)
    return tuple(marks)


def _read_text(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a text file") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text; save it as plain text and try again") from None
    except OSError as exc:
        raise UserError(f"{path} cannot be read ({exc.strerror})") from None
    if not text.strip():
        raise UserError(f"{path} is empty: there is no answer to analyse")
    return text


def _audio_seconds(path: Path) -> float | None:
    """The length an audio file's header gives (None when unknown or unreadable)."""
    try:
        import av

        with av.open(str(path)) as container:
            return None if container.duration is None else container.duration / 1_000_000
    except Exception:
        log.debug("no duration for %s", path, exc_info=True)
        return None


def _transcribe(engine: FileTranscriber, path: Path) -> Transcript:
    if not path.exists():
        raise UserError(f"{path}: no such file")
    seconds = _audio_seconds(path) if path.is_file() else None
    if seconds is not None and seconds > MAX_ANSWER_SECONDS:
        raise UserError(f"{path} is {seconds / 60:.0f} minutes long, but an answer to one question "
                        "takes a few minutes. Cut your answer out of the recording (for example "
                        "sox IN.wav OUT.wav trim START LENGTH) and analyse that.")
    transcript = engine.transcribe_file(path)
    if not any(w.word.strip() for w in transcript.words):
        raise UserError(f"no speech was recognised in {path}: the recording is silent or too "
                        "quiet. Check the microphone level and record again.")
    return transcript


def _probe_args(values: Sequence[str], scenario: Scenario) -> list[tuple[str, Path]]:
    out = []
    for v in values:
        pid, sep, path = v.partition("=")
        if not sep or not pid.strip() or not path.strip():
            raise UserError(f"--probe-answer '{v}': use PROBE_ID=FILE")
        if scenario.probe(pid.strip()) is None:
            known = ", ".join(p.id for p in scenario.probes) or "none"
            raise UserError(f"--probe-answer: scenario {scenario.id} has no probe '{pid.strip()}'"
                            f"; its probes are: {known}")
        out.append((pid.strip(), Path(path.strip())))
    return out


def run(args: argparse.Namespace,
        transcriber_factory: Callable[[], FileTranscriber] | None = None) -> int:
    """Runs the analysis and prints the report.

    Args:
        args: the parsed arguments.
        transcriber_factory: builds the speech-to-text engine (default: Whisper from settings);
            only called when there is audio to transcribe.

    Returns:
        0 on success.

    Raises:
        UserError: bad arguments, unreadable or silent files, unknown scenario or probe.
    """
    if (args.audio is None) == (args.text is None):
        raise UserError("give either an AUDIO file or --text FILE (exactly one)")
    scenario = find_scenario(args.scenario)
    level = args.level
    if level is None:
        from mockinterviewer.settings import load_settings

        level = load_settings().level
    level = level if level in LEVELS else "sde2"
    marks = parse_marks(args.marks)
    probes = _probe_args(args.probe_answer, scenario)
    engine: FileTranscriber | None = None

    def get_engine() -> FileTranscriber:
        nonlocal engine
        if engine is None:
            engine = (transcriber_factory or _default_transcriber)()
        return engine

    if args.text is not None:
        if marks:
            raise UserError("--marks needs an AUDIO answer; a written answer has no timing")
        analysis = analyze_text(_read_text(args.text), scenario, level)
    else:
        transcript = _transcribe(get_engine(), args.audio)
        from mockinterviewer.audio.prosody import measure_recording

        analysis = analyze(transcript.words, scenario, level, marks=marks,
                           duration=transcript.duration, prosody=measure_recording(args.audio))
    answers: list[ProbeAnalysis] = []
    for pid, path in probes:
        probe = scenario.probe(pid)
        assert probe is not None
        if path.suffix.lower() in TEXT_SUFFIXES:
            words = words_from_text(_read_text(path))
        else:
            words = _transcribe(get_engine(), path).words
        answers.append(analyze_probe_answer(words, probe, scenario))
    if answers:
        analysis = with_probe_answers(analysis, answers)
    warning = getattr(engine, "load_warning", None)
    if warning:  # e.g. CUDA asked for but not available: transcribed on the CPU
        print(f"warning: {warning}", file=sys.stderr)
    print(format_report(analysis, scenario))
    if args.json is not None:
        write_json(analysis, args.json)
        print(f"\nJSON written to {args.json}")
    return 0


def write_json(analysis: Analysis, path: Path) -> None:
    """Writes the analysis as JSON, atomically.

    Raises:
        UserError: the file cannot be written.
    """
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(analysis.to_dict(), indent=2, ensure_ascii=False),
                       encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {path} ({exc.strerror or exc})") from None


def _clock(t: float | None) -> str:
    if t is None:
        return ""
    return f"{int(t // 60)}:{t % 60:04.1f}"


def format_report(analysis: Analysis, scenario: Scenario) -> str:
    """The readable report printed by ``analyze``."""
    m = analysis.metrics
    timed = m.timed
    lines = [f"{scenario.principle}: {scenario.title}  (level {analysis.level})",
             f"Verdict: {analysis.verdict}", ""]
    lines.append("Segments" + ("" if timed else " (times estimated at 150 words a minute)"))
    for s in analysis.segments:
        if s.status == "missing":
            lines.append(f"  {s.label:<11} missing            target {s.target_seconds:>4.0f} s")
            continue
        lines.append(f"  {s.label:<11} {_clock(s.start):>6}-{_clock(s.end):<6} {s.seconds:>5.1f} s"
                     f" / target {s.target_seconds:>4.0f} s  {s.status:<5} \"{_cut(s.text, 60)}\"")
    lines.append(f"  total {m.total_seconds:.0f} s / budget {m.budget_seconds:.0f} s "
                 f"(on time within ±{m.tolerance:.0%})")
    lines += ["", "Findings"]
    order = {"critical": 0, "warning": 1, "info": 2}
    for f in sorted(analysis.findings, key=lambda f: order.get(f.severity, 3)):
        where = f" at {_clock(f.start)}" if f.start is not None and timed else ""
        lines.append(f"  [{f.severity}] {f.id}{where}")
        if f.evidence:
            lines.append(f"      you said: \"{_cut(f.evidence, 110)}\"")
        lines.append(f"      {f.message}")
    lines += ["", "Metrics"]
    if timed:
        lines.append(f"  {m.words_per_minute:.0f} words/min, {m.filler_count} fillers "
                     f"({m.fillers_per_minute:.1f}/min), longest pause {m.longest_pause:.1f} s")
    lines.append(f"  'I' {m.i_count} times, 'we' {m.we_count} times, {m.word_count} words")
    pets = ", ".join(f"'{p}' x{n}" for p, n in m.pet_phrases) or "none"
    lines.append(f"  {m.hedges_per_100_words:.1f} hedges per 100 words; pet phrases: {pets}")
    if analysis.voice is not None:
        lines.append(_voice_line(analysis.voice))
    lines += ["", "Why this verdict"]
    lines += [f"  - {r}" for r in plain_reasons(analysis.verdict_reasons)]
    if analysis.probes:
        lines += ["", "Follow-up probes to practise"]
        for p in analysis.probes:
            lines.append(f"  {p.id}: {p.question}")
            lines.append(f"      why: {p.reason}")
    for a in analysis.probe_answers:
        lines += ["", f"Follow-up {a.probe_id}: {a.verdict_hint}",
                  f"  \"{_cut(a.transcript, 110)}\""]
        for f in a.findings:
            lines.append(f"  [{f.severity}] {f.id}: {f.message}")
    return "\n".join(lines)


def _voice_line(voice: VoiceMetrics) -> str:
    """The voice metrics in one line: pitch range and loudness, overall and per segment."""
    def spread(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f}"

    parts = [f"{s.label} {spread(s.pitch_range_semitones)}" for s in voice.segments]
    level = "-" if voice.loudness_db is None else f"{voice.loudness_db:.0f} dBFS"
    return (f"  pitch range {spread(voice.pitch_range_semitones)} semitones"
            + (f" ({', '.join(parts)})" if parts else "") + f", voice level {level}")


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
