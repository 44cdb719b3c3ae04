"""Helpers for the history tests: real ``Analysis`` values and a filled store."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mockinterviewer.coach import Analysis, Finding, Metrics, SegmentResult, analyze, analyze_text
from mockinterviewer.content.library import load_library
from mockinterviewer.content.model import Scenario
from mockinterviewer.store import HistoryStore
from mockinterviewer.transcript import Word, is_filler


def seed_scenario() -> Scenario:
    """The built-in customer-obsession scenario."""
    return next(s for s in load_library().scenarios if s.id == "customer-obsession")


def analysis_from_text(scenario: Scenario, text: str, level: str = "sde2") -> Analysis:
    """The coaching engine's analysis of a written answer."""
    return analyze_text(text, scenario, level)


def spoken_answer(scenario: Scenario, weak: bool = False,
                  wpm: float = 150.0) -> tuple[list[Word], list[float]]:
    """Timed words of the scenario's strong answer (or its weak answer) and segment marks.

    Returns:
        The words, spoken at ``wpm``, and the times the speaker moved to the next segment.
    """
    step = 60.0 / wpm
    words: list[Word] = []
    marks: list[float] = []
    t = 0.0
    parts = ([scenario.weak_answer.text] if weak and scenario.weak_answer else
             [s.strong_example for s in scenario.segments])
    for i, part in enumerate(parts):
        if i:
            marks.append(t)
        for tok in part.split():
            words.append(Word(tok, t, t + step * 0.85, is_filler(tok)))
            t += step
        t += 0.6
    return words, marks


def spoken_analysis(scenario: Scenario, weak: bool = False, level: str = "sde2") -> Analysis:
    """The real coaching engine's analysis of a spoken strong (or weak) answer."""
    words, marks = spoken_answer(scenario, weak)
    return analyze(words, scenario, level, marks=marks or None)


def timed_analysis(scenario: Scenario, seconds: dict[str, float], level: str = "sde2",
                   fillers: int = 2, verdict: str = "Hire", text: str = "",
                   finding_ids: tuple[str, ...] = ("action.we_language",)) -> Analysis:
    """A real ``Analysis`` with chosen segment times, fillers, verdict and findings.

    Words are spread evenly through each segment (the scenario's strong example, or ``text``).
    """
    targets = scenario.targets_for(level)
    words: list[Word] = []
    segments: list[SegmentResult] = []
    t = 0.0
    source = text.split() if text else []
    for spec in scenario.segments:
        secs = seconds.get(spec.label, 0.0)
        pool = source or spec.strong_example.split()
        count = int(secs * 2.3)  # about 140 words a minute
        toks = [pool[i % len(pool)] for i in range(count)] if secs else []
        if toks and fillers and spec.label == "action":
            toks = toks[:3] + ["um"] * fillers + toks[3:]
        step = secs / max(len(toks), 1)
        mine = [Word(tok, t + i * step, t + (i + 0.8) * step, is_filler(tok))
                for i, tok in enumerate(toks)]
        words += mine
        status = "missing" if not secs else (
            "over" if secs > targets[spec.label] * 1.2 else
            "under" if secs < targets[spec.label] * 0.8 else "ok")
        segments.append(SegmentResult(
            spec.label, t, t + secs, secs, targets[spec.label], status,
            " ".join(w.word for w in mine), 60 * len(mine) / secs if secs else 0.0,
            sum(w.filler for w in mine), tuple(mine)))
        t += secs
    total = t or 1.0
    n = len(words)
    findings = tuple(
        Finding(fid, fid.split(".")[0] if fid.split(".")[0] in targets else None,
                "critical" if "we_language" in fid else "warning",
                "we worked out the root cause together" if "we_language" in fid else "",
                12.5 if "we_language" in fid else None,
                f"Say what you did yourself ({fid}).")
        for fid in finding_ids)
    metrics = Metrics(
        words_per_minute=60 * n / total, fillers_per_minute=60 * fillers / total,
        filler_count=fillers, i_count=sum(w.word == "I" for w in words),
        we_count=sum(w.word.lower() == "we" for w in words), total_seconds=total,
        budget_seconds=scenario.budget_for(level), longest_pause=0.4)
    return Analysis(
        scenario_id=scenario.id, level=level, transcript=" ".join(w.word for w in words),
        words=tuple(words), segments=tuple(segments), findings=findings, metrics=metrics,
        verdict=verdict, verdict_reasons=(f"{verdict}: timing and ownership as shown",),
    )


def write_wav(path: Path, seconds: float = 0.5, finished: bool = True) -> Path:
    """Writes a 16 kHz mono 16-bit WAV (header sizes left at 0 when ``finished`` is False)."""
    frames = int(16000 * seconds)
    data = b"\x01\x00" * frames
    riff, size = (36 + len(data), len(data)) if finished else (0, 0)
    header = (b"RIFF" + struct.pack("<I", riff) + b"WAVEfmt " + struct.pack(
        "<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16) + b"data" + struct.pack("<I", size))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + data)
    return path


def backdate(store: HistoryStore, attempt_id: int, days: float) -> None:
    """Moves an attempt's start time ``days`` into the past (practice spread over weeks)."""
    when = datetime.now(UTC) - timedelta(days=days)
    store._conn.execute("UPDATE attempts SET created_at = ? WHERE id = ?",
                        (when.isoformat(timespec="microseconds"), attempt_id))


def filled_store(path: Path | None = None, recordings: Path | None = None) -> HistoryStore:
    """A store with five finished attempts of the seed scenario (improving over two weeks) and
    one unfinished (today)."""
    scenario = seed_scenario()
    store = HistoryStore(path)
    plans = [
        ({"situation": 70, "task": 5, "action": 60, "result": 10}, 9, "No Hire",
         ("action.we_language", "result.no_metrics", "segment.missing.reflection")),
        ({"situation": 50, "task": 12, "action": 75, "result": 15, "reflection": 8}, 6,
         "Leaning No Hire", ("action.we_language", "result.no_metrics")),
        ({"situation": 38, "task": 18, "action": 85, "result": 18, "reflection": 12}, 4, "Hire",
         ("result.no_second_order",)),
        ({"situation": 32, "task": 20, "action": 88, "result": 20, "reflection": 14}, 2, "Hire",
         ("delivery.fillers",)),
        ({"situation": 30, "task": 20, "action": 90, "result": 21, "reflection": 15}, 1,
         "Strong Hire", ()),
    ]
    for i, (secs, fillers, verdict, fids) in enumerate(plans):
        rec = None
        if recordings is not None:
            rec = write_wav(recordings / f"attempt-{i}.wav")
        aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse",
                                  scenario.prompts[i % len(scenario.prompts)], rec, "tiny.en")
        store.finish_attempt(aid, timed_analysis(scenario, secs, fillers=fillers, verdict=verdict,
                                                 finding_ids=fids))
        backdate(store, aid, 14 - 3 * i)
    store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", scenario.prompts[0],
                        None, "tiny.en")
    return store
