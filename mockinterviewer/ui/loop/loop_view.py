"""The loop's question screen: each principle's question, its answer and its follow-ups in turn.

As in a real interview there is no report between questions: only "Question 2 of 4", the question,
the live STAR strip and the clock. Keys: Space starts answering or marks the next segment, Enter
ends the answer, R repeats the question, P pauses, Esc offers to end the loop early (what was
answered is kept and debriefed). Each answer is saved as it ends (a normal attempt inside the
loop's history row); when the last follow-up is answered the debrief is computed off the UI
thread and :attr:`LoopView.finished` hands it on. The capture, its clock and the keys are the
shared :class:`~mockinterviewer.ui.capture.capture_controls.CaptureScreen`'s, as in Rehearse.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime
from typing import Any, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mockinterviewer.coach.engine import analyze, with_probe_answers
from mockinterviewer.coach.loop import ANSWER_MODE, LoopPlan, probe_count
from mockinterviewer.coach.probes import analyze_probe_answer
from mockinterviewer.content.model import LEVEL_NAMES, Scenario
from mockinterviewer.settings import Settings
from mockinterviewer.store.loops import debrief_answers
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.capture.answer_capture import Capture
from mockinterviewer.ui.capture.capture_controls import CaptureScreen
from mockinterviewer.ui.loop.loop_controls import status_text
from mockinterviewer.ui.rehearse.rehearse_session import recordings_dir
from mockinterviewer.ui.widgets.star_strip import format_seconds
from mockinterviewer.workers import run_job

log = logging.getLogger(__name__)

Phase = Literal["idle", "answer", "analysing", "probe", "probe_analysing", "debriefing", "done"]


class LoopView(CaptureScreen, QWidget):
    """Asks a loop's questions in turn.

    Signals:
        finished: (loop id or None, the :class:`~mockinterviewer.coach.loop.LoopDebrief`).
        cancelled: the loop ended before any answer (nothing to debrief).
    """

    finished = Signal(object, object)
    cancelled = Signal()

    def __init__(self, services: Any, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.plan: LoopPlan | None = None
        self.scenarios: list[Scenario] = []
        self.index = 0
        self.phase: Phase = "idle"
        self.loop_id: int | None = None
        self.attempt_id: int | None = None
        self.analysis: Any = None
        self.probes: list[Any] = []
        self.probe_index = 0
        self.probe_answers: list[Any] = []
        self.answered: list[tuple[Scenario, Any, int | None]] = []
        self._stamp = ""
        self.transcript = None  # no transcript: as in an interview, only the STAR strip
        self._make_capture(services, settings)
        self._build()
        self._wire_capture(self._warn, self._on_failed)
        self._follow_live_answer()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 8)
        self.progress = QLabel()
        self.progress.setProperty("role", "muted")
        self.progress.setAccessibleName("Loop progress")
        root.addWidget(self.progress)
        self.clock = QLabel()
        self.clock.setAccessibleName("Elapsed time")
        self._add_answer_area(root, (self.clock,))
        root.addStretch(1)
        root.addLayout(self._key_buttons((
            ("next", "Next segment", Qt.Key.Key_Space, self.next_segment),
            ("done", "Done", Qt.Key.Key_Return, self.done),
            ("repeat", "Repeat question", Qt.Key.Key_R, self.repeat_question),
            ("pause", "Pause", Qt.Key.Key_P, self.toggle_pause),
            ("end", "End loop early", Qt.Key.Key_Escape, self.end_early)), enter=self.done))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- public -----------------------------------------------------------------------------------

    def start(self, plan: LoopPlan, scenarios: list[Scenario]) -> None:
        """Starts a loop: saves its row and asks the first question.

        Args:
            plan: the plan.
            scenarios: the plan's scenarios, in order.
        """
        from mockinterviewer.store.loops import start_loop

        self.capture.cancel()
        self.plan, self.scenarios = plan, list(scenarios)
        self.index, self.answered, self.loop_id = 0, [], None
        self.banner.hide()
        store = self.services.store
        if store is not None:
            model = self.services.transcriber.model_name if self.services.transcriber else ""
            try:
                self.loop_id = start_loop(store, plan, [s.principle for s in scenarios],
                                          str(model))
            except Exception as exc:
                log.warning("could not save the loop", exc_info=True)
                self._warn(f"This loop cannot be saved to your history ({exc}).")
        self._ask_question()

    def end_early(self) -> None:
        """Esc: after asking, ends the loop; what was answered is kept and debriefed."""
        if self.phase in ("idle", "debriefing", "done"):
            return
        n = len(self.answered)
        kept = (f"The {n} answered question{'s are' if n > 1 else ' is'} kept and debriefed."
                if n else "Nothing has been answered yet, so there is nothing to debrief.")
        if not dialogs.confirm(self, "End the loop early", f"End this loop now? {kept}",
                               "End the loop", "Keep going"):
            return
        self.capture.cancel()
        if self.attempt_id is not None and self.phase == "answer":
            self._store_call("abandon", self.attempt_id)
        if self.phase.startswith("probe") and self.analysis is not None:
            self._keep_answer()
        self._debrief()

    # -- the flow ---------------------------------------------------------------------------------

    def _scenario(self) -> Scenario:
        return self.scenarios[self.index]

    def _ask_question(self) -> None:
        scenario, level = self._scenario(), self._level()
        self.attempt_id, self.analysis, self.probes = None, None, []
        self.probe_index, self.probe_answers = 0, []
        self._stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.prompt = random.choice(list(scenario.prompts) or [scenario.title])
        self.progress.setText(f"Question {self.index + 1} of {len(self.scenarios)} · "
                              f"{LEVEL_NAMES.get(level, level)} loop")
        self.question.setText(self.prompt)
        self.strip.show()
        self.strip.set_targets(scenario.targets_for(level), self.settings.tolerance)
        self.live.reset(scenario.targets_for(level))
        self.meter.reset()
        self._set_phase("answer")
        self.capture.ask(self.prompt, recordings_dir(self.settings) /
                         f"{self._stamp}-loop-{scenario.id}-answer.wav")
        self._tick()
        self.setFocus()

    def _level(self) -> str:
        return self.plan.level if self.plan else self.settings.level

    def _capture_phase(self) -> str:
        return self.phase

    def _recording_starts(self) -> None:
        """Saves the answer's attempt before its first sample is written."""
        store, scenario = self.services.store, self._scenario()
        if store is None or self.phase != "answer" or self.attempt_id is not None:
            return
        model = self.services.transcriber.model_name if self.services.transcriber else ""
        try:
            self.attempt_id = store.start_attempt(
                scenario.id, scenario.principle, self._level(), ANSWER_MODE, self.prompt,
                self.capture.path, str(model), loop_id=self.loop_id)
        except Exception as exc:
            log.warning("could not save the loop's answer", exc_info=True)
            self._warn(f"This answer cannot be saved to your history ({exc}).")

    def _on_captured(self, cap: Capture) -> None:
        if self._nothing_said(cap):
            return
        if cap.error:
            self._warn(cap.error)
        if self.phase == "answer":
            self._analyse(cap)
        elif self.phase == "probe":
            self._analyse_probe(cap)

    def _analyse(self, cap: Capture) -> None:
        scenario, level, tolerance = self._scenario(), self._level(), self.settings.tolerance
        self._set_phase("analysing")

        def work(_progress: Any) -> Any:
            return analyze(cap.words, scenario, level, marks=list(cap.marks) or None,
                           tolerance=tolerance, duration=cap.seconds)

        run_job(work, on_done=self._analysed, on_error=self._analysis_failed,
                name="analysing a loop answer")

    def _analysed(self, analysis: Any) -> None:
        if self.phase != "analysing":
            return
        self.analysis = analysis
        self._save(analysis)
        fixed = self.plan.probes if self.plan else None
        self.probes = list(analysis.probes[: probe_count(analysis, fixed)])
        if self.probes:
            self._ask_probe()
        else:
            self._next()

    def _analysis_failed(self, message: str) -> None:
        self._warn(f"This answer could not be analysed ({message}); its recording is kept.")
        self._next()

    def _ask_probe(self) -> None:
        probe = self.probes[self.probe_index]
        self.strip.hide()
        self.question.setText(f"Follow-up: {probe.question}")
        self._set_phase("probe")
        path = recordings_dir(self.settings) / (f"{self._stamp}-loop-{self._scenario().id}-"
                                                 f"probe-{probe.id}.wav")
        if self.attempt_id is not None:
            self._store_call("add_recording", self.attempt_id, path, f"probe:{probe.id}")
        self.capture.ask(probe.question, path)
        self._tick()

    def _analyse_probe(self, cap: Capture) -> None:
        scenario = self._scenario()
        probe = scenario.probe(self.probes[self.probe_index].id)
        self._set_phase("probe_analysing")
        if probe is None:
            self._probe_done(None)
            return
        run_job(lambda _p: analyze_probe_answer(cap.words, probe, scenario),
                on_done=self._probe_done, on_error=lambda _m: self._probe_done(None),
                name="reading a loop follow-up answer")

    def _probe_done(self, answer: Any) -> None:
        if self.phase != "probe_analysing":
            return
        if answer is not None:
            self.probe_answers.append(answer)
        self.probe_index += 1
        if self.probe_index < len(self.probes):
            self._ask_probe()
            return
        self._keep_answer()
        self._next()

    def _keep_answer(self) -> None:
        """Folds the follow-up answers into the analysis and saves it."""
        if self.probe_answers:
            self.analysis = with_probe_answers(self.analysis, self.probe_answers)
            self._save(self.analysis)
            self.probe_answers = []

    def _save(self, analysis: Any) -> None:
        if not self.answered or self.answered[-1][0] is not self._scenario():
            self.answered.append((self._scenario(), analysis, self.attempt_id))
        else:
            self.answered[-1] = (self._scenario(), analysis, self.attempt_id)
        if self.attempt_id is not None:
            self._store_call("finish_attempt", self.attempt_id, analysis)

    def _next(self) -> None:
        self.index += 1
        if self.index < len(self.scenarios):
            self._ask_question()
        else:
            self._debrief()

    def _debrief(self) -> None:
        if not self.answered:
            if self.loop_id is not None:
                self._store_call("abandon", self.loop_id)
            self._set_phase("idle")
            self.cancelled.emit()
            return
        self._set_phase("debriefing")
        answered, loop_id, store = list(self.answered), self.loop_id, self.services.store
        planned, level = len(self.scenarios), self._level()
        library = list(self.services.scenarios)

        run_job(lambda _p: debrief_answers(store, loop_id, answered, level, planned, library),
                on_done=self._debriefed, on_error=self._debrief_failed, name="debriefing the loop")

    def _debriefed(self, d: Any) -> None:
        self._set_phase("done")
        self.finished.emit(self.loop_id, d)

    def _debrief_failed(self, message: str) -> None:
        self._set_phase("idle")
        dialogs.show_error(self, "The debrief failed", message,
                           "Your answers are kept in History; open them from there.")

    # -- display ----------------------------------------------------------------------------------

    def _store_call(self, name: str, *args: Any) -> None:
        store = self.services.store
        if store is None:
            return
        try:
            {"abandon": store.abandon, "add_recording": store.add_recording,
             "finish_attempt": store.finish_attempt}[name](*args)
        except Exception as exc:
            log.warning("history: %s failed", name, exc_info=True)
            self._warn(f"Your history could not be updated ({exc}).")

    def _tick(self) -> None:
        elapsed = self.capture.elapsed
        if self.phase == "probe":
            self.clock.setText(f"Follow-up answer {format_seconds(elapsed)}")
            return
        if not self.scenarios or self.phase != "answer":
            return
        live = self.live.state(self.capture.marks)
        recording = self.capture.state in ("recording", "paused")
        self.strip.set_times(live.seconds(elapsed), live.current if recording else None)
        budget = self._scenario().budget_for(self._level())
        self.clock.setText(f"{format_seconds(elapsed)} / {format_seconds(budget)}")

    def _warn(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()

    def _on_failed(self, message: str) -> None:
        dialogs.show_error(self, "Cannot record", message,
                           "Check the microphone in Settings, then press Space to try again.")

    def _set_phase(self, phase: Phase) -> None:
        self.phase = phase
        self._update_status()

    def _update_status(self) -> None:
        state, phase = self.capture.state, self.phase
        self.status.setText(status_text(state, phase))
        self._refresh_answer_keys()
        self.buttons["end"].setEnabled(phase not in ("idle", "debriefing", "done"))
