"""Drill: short, focused practice.

(a) Segment timing: pick one STAR segment, answer just that part against its target with a big
countdown and a soft cue sound when the target is reached, then see seconds against target.
(b) Rapid follow-ups: probes from across the scenarios, each spoken, answered and read at once
(``coach.analyze_probe_answer``), with the strong answer to compare.

Keys: Space starts (or moves to the next probe), Enter ends the answer, Esc stops without a
result. Recordings are kept under the recordings folder like every other answer.
"""

from __future__ import annotations

import html
import logging
import random
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.coach.probes import analyze_probe_answer
from mockinterviewer.coach.segment import timing_status
from mockinterviewer.content.model import LEVEL_NAMES, SEGMENT_LABELS, Probe, Scenario
from mockinterviewer.settings import Settings
from mockinterviewer.transcript import Word, is_filler
from mockinterviewer.ui import audio_out, theme
from mockinterviewer.ui.answer_capture import AnswerCapture, Capture
from mockinterviewer.ui.finding_card import hint_text
from mockinterviewer.ui.level_meter import LevelMeter
from mockinterviewer.ui.rehearse_flow import recordings_dir
from mockinterviewer.ui.star_strip import format_seconds, zone
from mockinterviewer.ui.transcript_view import LiveTranscript
from mockinterviewer.workers import run_job

log = logging.getLogger(__name__)

_KEY_NAMES = {Qt.Key.Key_Space: "Space", Qt.Key.Key_Return: "Enter", Qt.Key.Key_R: "R",
              Qt.Key.Key_P: "P", Qt.Key.Key_Escape: "Esc"}

_STATUS_TEXT = {"ok": "on time", "under": "too short", "over": "too long"}


def countdown_text(target: float, elapsed: float) -> str:
    """The countdown: time left as ``m:ss``, then ``+m:ss`` once past the target."""
    left = target - elapsed
    return format_seconds(left) if left >= 0 else "+" + format_seconds(-left)


def speaking_rate(words: tuple[Word, ...] | list[Word], seconds: float) -> tuple[float, int]:
    """Words per minute (fillers excluded) and the number of fillers."""
    fillers = sum(1 for w in words if w.filler or is_filler(w.word))
    spoken = len(words) - fillers
    return (spoken / seconds * 60.0 if seconds > 0 else 0.0), fillers


class DrillView(QWidget):
    """The Drill screen: segment timing and rapid follow-ups."""

    def __init__(self, services: Any, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.scenario: Scenario | None = None
        self.level = settings.level
        self.cue_played = False
        #: cue sounds played: (name, seconds into the answer)
        self.cues: list[tuple[str, float]] = []
        self.results: list[dict[str, Any]] = []
        self.probe: tuple[Scenario, Probe] | None = None
        self.probe_results: list[Any] = []
        self._rng = random.Random()
        self._asked: set[tuple[str, str]] = set()
        self.capture = AnswerCapture(services, speak=settings.speak_questions, parent=self)
        self._build()
        self.capture.state_changed.connect(self._on_state)
        self.capture.level.connect(self.meter.set_level)
        self.capture.words.connect(self.transcript.append_words)
        self.capture.warning.connect(self._warn)
        self.capture.captured.connect(self._on_captured)
        self.capture.failed.connect(self._warn)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 8)
        self.context = QLabel("Choose a scenario on Home, then Drill (Alt+D).")
        self.context.setProperty("role", "muted")
        root.addWidget(self.context)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Drill kind")
        root.addWidget(self.tabs, 3)

        seg = QWidget()
        sl = QVBoxLayout(seg)
        row = QHBoxLayout()
        pick = QLabel("S&egment:")
        self.segment_combo = QComboBox()
        self.segment_combo.setAccessibleName("Segment to drill")
        self.segment_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        pick.setBuddy(self.segment_combo)
        row.addWidget(pick)
        row.addWidget(self.segment_combo)
        row.addStretch(1)
        sl.addLayout(row)
        self.segment_hint = QLabel()
        self.segment_hint.setWordWrap(True)
        self.segment_hint.setTextFormat(Qt.TextFormat.RichText)
        sl.addWidget(self.segment_hint)
        clock_row = QHBoxLayout()
        self.countdown = theme.style_heading(QLabel("0:00"), 3.0)
        self.countdown.setAccessibleName("Countdown to the target")
        clock_row.addWidget(self.countdown)
        self.segment_result = QLabel()
        self.segment_result.setWordWrap(True)
        self.segment_result.setTextFormat(Qt.TextFormat.RichText)
        self.segment_result.setAccessibleName("Result of the try")
        clock_row.addWidget(self.segment_result, 1)
        sl.addLayout(clock_row)
        sl.addStretch(1)
        self.tabs.addTab(seg, "&Segment timing")

        probe = QWidget()
        pl = QVBoxLayout(probe)
        self.probe_question = theme.style_heading(QLabel("Press Space for a follow-up "
                                                         "question."), 1.25)
        self.probe_question.setWordWrap(True)
        self.probe_question.setAccessibleName("Follow-up question")
        pl.addWidget(self.probe_question)
        self.probe_clock = QLabel()
        self.probe_clock.setFont(theme.scaled_font(None, 1.15))
        pl.addWidget(self.probe_clock)
        self.probe_result = QTextBrowser()
        self.probe_result.setAccessibleName("What your answer showed")
        self.probe_result.setFrameShape(QTextBrowser.Shape.NoFrame)
        pl.addWidget(self.probe_result, 1)
        self.tabs.addTab(probe, "Rapid &follow-ups")

        self.status = QLabel()
        self.status.setFont(theme.scaled_font(None, 1.05, True))
        self.status.setWordWrap(True)
        root.addWidget(self.status)
        meter_row = QHBoxLayout()
        mic = QLabel("Microphone")
        mic.setProperty("role", "muted")
        meter_row.addWidget(mic)
        self.meter = LevelMeter()
        meter_row.addWidget(self.meter, 1)
        root.addLayout(meter_row)
        self.transcript = LiveTranscript()
        root.addWidget(self.transcript, 2)
        keys = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, key, slot in (
            ("start", "Start", Qt.Key.Key_Space, self.start_try),
            ("done", "Done", Qt.Key.Key_Return, self.done),
            ("stop", "Stop", Qt.Key.Key_Escape, self.stop),
        ):
            btn = QPushButton(f"{text} ({_KEY_NAMES[key]})")
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # A QShortcut acts at once (a button's own shortcut clicks 100 ms later, which would
            # shift the segment marks) and only while this screen is visible.
            shortcut = QShortcut(QKeySequence(key), self, slot)
            shortcut.setAutoRepeat(False)
            btn.setAccessibleName(text)
            btn.clicked.connect(slot)
            keys.addWidget(btn)
            self.buttons[name] = btn
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self, self.done).setAutoRepeat(False)
        keys.addStretch(1)
        root.addLayout(keys)
        self.segment_combo.currentIndexChanged.connect(lambda _i: self._show_segment())
        self.tabs.currentChanged.connect(lambda _i: self._update_status())

    # -- public -----------------------------------------------------------------------------------

    def start(self, scenario: Scenario, level: str | None = None, kind: str = "segment") -> None:
        """Opens the drill for a scenario.

        Args:
            scenario: the scenario (the probe drill starts with its probes, then others).
            level: sde1, sde2 or senior (default: the settings').
            kind: ``segment`` or ``probe``.
        """
        self.capture.cancel()
        self.scenario = scenario
        self.level = level or self.settings.level
        self.context.setText(f"{scenario.principle} · {scenario.title} · "
                             f"{LEVEL_NAMES.get(self.level, self.level)}")
        targets = scenario.targets_for(self.level)
        self.segment_combo.blockSignals(True)
        self.segment_combo.clear()
        for label in SEGMENT_LABELS:
            if label in targets:
                self.segment_combo.addItem(f"{label.title()} ({targets[label]:.0f} s)", label)
        self.segment_combo.blockSignals(False)
        self.tabs.setCurrentIndex(1 if kind == "probe" else 0)
        self._show_segment()
        self.probe = None
        self.probe_question.setText("Press Space for a follow-up question.")
        self.probe_result.setText("")
        self._update_status()

    @property
    def kind(self) -> str:
        """``segment`` or ``probe``: the visible drill."""
        return "probe" if self.tabs.currentIndex() == 1 else "segment"

    @property
    def target(self) -> float:
        """The chosen segment's target seconds."""
        if self.scenario is None:
            return 0.0
        label = self.segment_combo.currentData()
        return float(self.scenario.targets_for(self.level).get(label, 0.0))

    def start_try(self) -> None:
        """Space: starts a try (or the next follow-up); skips a question being spoken."""
        if self.capture.state == "speaking":
            self.capture.skip_speech()
            return
        if self.capture.state == "waiting":
            self.capture.start_recording()
            return
        if self.scenario is None or self.capture.state != "idle":
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.transcript.clear_words("Your words appear here as you speak.")
        self.meter.reset()
        self.cue_played = False
        if self.kind == "segment":
            label = self.segment_combo.currentData()
            self.segment_result.setText("")
            path = recordings_dir(self.settings) / f"{stamp}-{self.scenario.id}-drill-{label}.wav"
            self.capture.speak_enabled = False
            self.capture.ask(f"Tell the {label} of your story in {self.target:.0f} seconds.", path)
            self.capture.start_recording()
        else:
            self.probe = self._next_probe()
            if self.probe is None:
                self._warn("No follow-up questions are available.")
                return
            scenario, probe = self.probe
            self.probe_question.setText(f"{probe.question}\n({scenario.principle})")
            self.probe_result.setText("")
            path = recordings_dir(self.settings) / f"{stamp}-{scenario.id}-drill-{probe.id}.wav"
            self.capture.speak_enabled = self.settings.speak_questions
            self.capture.ask(probe.question, path)

    def done(self) -> None:
        """Enter: ends the answer."""
        self.capture.finish()

    def stop(self) -> None:
        """Esc: stops the current try without a result (the recording is kept)."""
        if self.capture.state != "idle":
            self.capture.cancel()
            self.status.setText("Stopped. Press Space to try again.")

    def set_services(self, services: Any, settings: Settings | None = None) -> None:
        """Uses new engines (after the settings changed); takes effect from the next try."""
        self.services = services
        self.capture.services = services
        if settings is not None:
            self.settings = settings

    def shutdown(self) -> None:
        """Stops recording and waits for the recording thread (window closing)."""
        self.timer.stop()
        self.capture.shutdown()

    # -- helpers ----------------------------------------------------------------------------------

    def _next_probe(self) -> tuple[Scenario, Probe] | None:
        scenarios = list(getattr(self.services, "scenarios", ()) or ())
        pool = [(s, p) for s in scenarios for p in s.probes]
        if self.scenario is not None:
            own = [(self.scenario, p) for p in self.scenario.probes]
            pool = own + [x for x in pool if x[0].id != self.scenario.id]
        fresh = [x for x in pool if (x[0].id, x[1].id) not in self._asked]
        if not fresh:
            self._asked.clear()
            fresh = pool
        if not fresh:
            return None
        own_fresh = [x for x in fresh if self.scenario and x[0].id == self.scenario.id]
        choice = own_fresh[0] if own_fresh and not self._asked else self._rng.choice(fresh)
        self._asked.add((choice[0].id, choice[1].id))
        return choice

    def _show_segment(self) -> None:
        if self.scenario is None:
            return
        label = self.segment_combo.currentData()
        spec = self.scenario.segment(label) if label else None
        self.countdown.setText(format_seconds(self.target))
        if spec is not None:
            self.segment_hint.setText(f"<b>Coaching:</b> {html.escape(spec.coaching)}<br>"
                                      f"<b>Listen for:</b> "
                                      f"{html.escape(', '.join(spec.signal_phrases))}")

    def _warn(self, message: str) -> None:
        self.status.setText(message)

    def _on_state(self, state: str) -> None:
        if state == "recording":
            self.timer.start()
        else:
            self.timer.stop()
        self._tick()
        self._update_status()

    def _update_status(self) -> None:
        state = self.capture.state
        if self.scenario is None:
            text = "Choose a scenario on Home first."
        elif state == "starting":
            text = "Opening the microphone…"
        elif state == "recording":
            text = "Recording. Enter ends the answer."
        elif state == "speaking":
            text = "Listen to the question… (Space: answer now)"
        elif state == "waiting":
            text = "Read the question, then press Space to answer."
        elif state == "finishing":
            text = "Finishing the transcript…"
        else:
            text = ("Press Space to start; speak the segment, then press Enter."
                    if self.kind == "segment" else "Press Space for a follow-up question.")
        self.status.setText(text)
        self.buttons["start"].setEnabled(state in ("idle", "speaking", "waiting"))
        self.buttons["done"].setEnabled(state in ("recording", "paused"))
        self.buttons["stop"].setEnabled(state != "idle")

    def _tick(self) -> None:
        elapsed = self.capture.elapsed
        if self.kind == "segment":
            target = self.target
            if self.capture.state in ("recording", "paused", "finishing"):
                self.countdown.setText(countdown_text(target, elapsed))
                where = zone(elapsed, target, self.settings.tolerance)
                self.countdown.setProperty("role", {"near": "warn", "over": "bad"}.get(where, ""))
                self.countdown.style().unpolish(self.countdown)
                self.countdown.style().polish(self.countdown)
                if not self.cue_played and target > 0 and elapsed >= target:
                    self.cue_played = True
                    self.cues.append(("target", round(elapsed, 2)))
                    audio_out.play_cue(getattr(self.services, "player", None), "target",
                                       on_error=self._warn)
        else:
            self.probe_clock.setText(f"Answer {format_seconds(elapsed)}"
                                     if self.capture.state != "idle" else "")

    def _on_captured(self, cap: Capture) -> None:
        self.transcript.set_words(cap.words)
        if cap.error:
            self._warn(cap.error)
        if self.kind == "segment":
            self._segment_done(cap)
        else:
            self._probe_answered(cap)

    def _segment_done(self, cap: Capture) -> None:
        label = self.segment_combo.currentData()
        target, tol = self.target, self.settings.tolerance
        words = cap.words
        spoken = (words[-1].end - words[0].start) if words else 0.0
        status = timing_status(spoken, target, tol)
        wpm, fillers = speaking_rate(words, spoken)
        self.results.append({"label": label, "seconds": spoken, "target": target,
                             "status": status, "path": cap.path})
        c = theme.colors(self.palette())
        color = {"ok": c.good, "under": c.warn, "over": c.bad}.get(status, c.text)
        self.countdown.setText(format_seconds(spoken))
        tries = [r for r in self.results if r["label"] == label]
        history = " · ".join(f"{r['seconds']:.0f} s" for r in tries[-5:])
        self.segment_result.setText(
            f"<p style='color:{color}'><b>{spoken:.0f} s of {target:.0f} s: "
            f"{_STATUS_TEXT.get(status, status)}</b> (±{tol * 100:.0f}% counts as on time)</p>"
            f"<p>{wpm:.0f} words/min · {fillers} fillers</p>"
            f"<p style='color:{c.muted}'>Tries at the {html.escape(str(label))}: {history}</p>")
        self._update_status()

    def _probe_answered(self, cap: Capture) -> None:
        if self.probe is None:
            return
        scenario, probe = self.probe
        self.status.setText("Reading your answer…")

        def done(answer: Any) -> None:
            self.probe_results.append(answer)
            c = theme.colors(self.palette())
            hint = {"stronger": c.good, "weaker": c.bad}.get(answer.verdict_hint, c.muted)
            items = "".join(f"<li>{html.escape(f.message)}</li>" for f in answer.findings)
            self.probe_result.setText(
                f"<p style='color:{hint}'><b>{hint_text(answer.verdict_hint)}</b></p>"
                + (f"<ul>{items}</ul>" if items else "")
                + f"<p><b>A strong answer:</b> {html.escape(probe.strong_answer)}</p>"
                f"<p style='color:{c.muted}'>Key line: {html.escape(probe.key_line)}</p>")
            self._update_status()
            self.status.setText("Press Space for the next follow-up.")

        run_job(lambda _p: analyze_probe_answer(cap.words, probe, scenario), on_done=done,
                on_error=self._warn, name="reading the follow-up answer")
