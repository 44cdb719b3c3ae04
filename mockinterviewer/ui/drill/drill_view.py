"""Drill: short, focused practice.

(a) Segment timing: pick one STAR segment, answer just that part against its target with a big
countdown and a soft cue sound when the target is reached, then see seconds against target.
(b) Rapid follow-ups: probes from across the scenarios, each spoken, answered and read at once
(``coach.analyze_probe_answer``), with the strong answer to compare.

Keys: Space starts (or moves to the next probe), Enter ends the answer, Esc stops without a
result. Recordings are kept under the recordings folder like every other answer, and every try is
saved to the practice history (mode ``drill-segment`` or ``drill-probe``): as ``unfinished`` before
recording starts, so a crash never loses it, then with its result (see
:mod:`mockinterviewer.store.drill_records`); a stopped try is marked abandoned.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.coach.probes import analyze_probe_answer
from mockinterviewer.content.model import LEVEL_NAMES, SEGMENT_LABELS, Probe, Scenario
from mockinterviewer.settings import Settings
from mockinterviewer.store import drill_records as drill_record
from mockinterviewer.store.drill_records import speaking_rate
from mockinterviewer.ui import theme
from mockinterviewer.ui.capture import audio_out
from mockinterviewer.ui.capture.answer_capture import Capture
from mockinterviewer.ui.capture.capture_controls import CAPTURE_STATUS, CaptureScreen
from mockinterviewer.ui.rehearse.rehearse_session import recordings_dir
from mockinterviewer.ui.report.report_html import (
    countdown_text,
    probe_result_html,
    rate_text,
    segment_hint_html,
    segment_try_html,
    set_role,
)
from mockinterviewer.ui.widgets.level_meter import LevelMeter
from mockinterviewer.ui.widgets.star_strip import format_seconds, zone
from mockinterviewer.ui.widgets.transcript_view import LiveTranscript
from mockinterviewer.workers import run_job

log = logging.getLogger(__name__)

__all__ = ["DrillView", "countdown_text", "speaking_rate"]


class DrillView(CaptureScreen, QWidget):
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
        #: the history attempt of the running try (None when not saved, or between tries)
        self.attempt_id: int | None = None
        #: (mode, prompt, detail, scenario) of the try being asked, saved once recording starts
        self._try: tuple[str, str, str, Scenario] | None = None
        self._make_capture(services, settings)
        self._build()
        self._wire_capture(self._warn, self._warn)
        self.capture.warning_cleared.connect(self._clear_warning)

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
        keys = self._key_buttons((
            ("start", "Start", Qt.Key.Key_Space, self.start_try),
            ("done", "Done", Qt.Key.Key_Return, self.done),
            ("stop", "Stop", Qt.Key.Key_Escape, self.stop),
        ), enter=self.done)
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
        if self.capture.state != "idle":
            self.capture.cancel()
            self._abandon_attempt()
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
        if self._start_answering():
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
            question = f"Tell the {label} of your story in {self.target:.0f} seconds."
            self._try = (drill_record.SEGMENT_MODE, question, str(label), self.scenario)
            self.capture.speak_enabled = False
            self.capture.ask(question, path)
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
            self._try = (drill_record.PROBE_MODE, probe.question, probe.id, scenario)
            self.capture.speak_enabled = self.settings.speak_questions
            self.capture.ask(probe.question, path)

    def done(self) -> None:
        """Enter: ends the answer."""
        self.capture.finish()

    def stop(self) -> None:
        """Esc: stops the current try without a result (the recording is kept)."""
        if self.capture.state != "idle":
            self.capture.cancel()
            self._abandon_attempt()
            self.status.setText("Stopped. Press Space to try again.")

    # -- helpers ----------------------------------------------------------------------------------

    def _next_probe(self) -> tuple[Scenario, Probe] | None:
        scenarios = list(self.services.scenarios)
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
            self.segment_hint.setText(segment_hint_html(spec))

    def _warn(self, message: str) -> None:
        self.status.setText(message)

    def _clear_warning(self, message: str) -> None:
        """Puts the usual status back when the warning it shows no longer holds."""
        if self.status.text() == message:
            self._update_status()

    def _on_state(self, state: str) -> None:
        if state == "starting" and self._try is not None:
            self._start_attempt()  # saved before the first sample is written
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
        elif state in CAPTURE_STATUS:
            text = CAPTURE_STATUS[state]
        elif state == "recording":
            text = "Recording. Enter ends the answer."
        elif state == "waiting":
            text = "Read the question, then press Space to answer."
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
                set_role(self.countdown, {"near": "warn", "over": "bad"}.get(where, ""))
                if not self.cue_played and target > 0 and elapsed >= target:
                    self.cue_played = True
                    self.cues.append(("target", round(elapsed, 2)))
                    audio_out.play_cue(self.services.player, "target",
                                       on_error=self._warn)
        else:
            self.probe_clock.setText(f"Answer {format_seconds(elapsed)}"
                                     if self.capture.state != "idle" else "")

    # -- history ----------------------------------------------------------------------------------

    def _history(self) -> drill_record.DrillHistory:
        return drill_record.DrillHistory(self.services.store)

    def _start_attempt(self) -> None:
        mode, prompt, detail, scenario = self._try or ("", "", "", self.scenario)
        if scenario is None:
            return
        model = (self.services.transcriber.model_name if self.services.transcriber else "")
        self.attempt_id, problem = self._history().start(
            mode, scenario, self.level, prompt, self.capture.path, detail, str(model))
        if problem:
            self._warn(problem)

    def _abandon_attempt(self) -> None:
        self._history().abandon(self.attempt_id)
        self.attempt_id, self._try = None, None

    def _finish_attempt(self, attempt_id: int | None, result: dict[str, Any]) -> None:
        problem = self._history().finish(attempt_id, result)
        if problem:
            self._warn(problem)

    # -- results ----------------------------------------------------------------------------------

    def _on_captured(self, cap: Capture) -> None:
        self.transcript.set_words(cap.words)
        if cap.error:
            self._warn(cap.error)
        mode = self._try[0] if self._try else ""
        if cap.error and not cap.words and cap.seconds < 1.0:
            self._abandon_attempt()  # the device failed before anything was said
        if mode == drill_record.PROBE_MODE or (not mode and self.kind == "probe"):
            self._probe_answered(cap)
        else:
            self._segment_done(cap)
        self.attempt_id, self._try = None, None

    def _segment_done(self, cap: Capture) -> None:
        label = self._try[2] if self._try else self.segment_combo.currentData()
        target, tol = self.target, self.settings.tolerance
        words = cap.words
        result = drill_record.segment_result(words, str(label), target, tol)
        self._finish_attempt(self.attempt_id, result)
        spoken, status = result["drill"]["seconds"], result["drill"]["status"]
        wpm, fillers = speaking_rate(words, spoken)
        self.results.append({"label": label, "seconds": spoken, "target": target,
                             "status": status, "path": cap.path})
        self.countdown.setText(format_seconds(spoken))
        tries = [r for r in self.results if r["label"] == label]
        self.segment_result.setText(segment_try_html(tries, tol, rate_text(wpm, fillers),
                                                     theme.colors(self.palette())))
        self._update_status()

    def _probe_answered(self, cap: Capture) -> None:
        if self.probe is None:
            return
        scenario, probe = self.probe
        attempt_id = self.attempt_id
        self.status.setText("Reading your answer…")

        def done(answer: Any) -> None:
            self.probe_results.append(answer)
            self._finish_attempt(attempt_id, drill_record.probe_result(cap.words, answer))
            self.probe_result.setText(probe_result_html(answer, probe,
                                                        theme.colors(self.palette())))
            self._update_status()
            self.status.setText("Press Space for the next follow-up.")

        run_job(lambda _p: analyze_probe_answer(cap.words, probe, scenario), on_done=done,
                on_error=self._warn, name="reading the follow-up answer")
