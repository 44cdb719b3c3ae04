"""The Rehearse flow behind the screen: saving the attempt, analysing the answer, the follow-ups.

:class:`RehearseSession` is a :class:`QObject` that
:class:`mockinterviewer.ui.rehearse.rehearse_view.RehearseView` owns. It holds the state of one
rehearsal (scenario, level, question, attempt, analysis, follow-up answers) and the steps that
follow a captured answer (each long step runs as a one-shot job, off the UI thread), and keeps
the history store up to date. It touches no widget: it tells the view what happened through its
signals, and the view drives the microphone and the layout. So it can be tested on its own.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject, Signal

from mockinterviewer.coach.engine import analyze, with_probe_answers
from mockinterviewer.coach.probes import analyze_probe_answer
from mockinterviewer.content.model import Scenario
from mockinterviewer.paths import app_paths, ensure
from mockinterviewer.settings import Settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.ui.capture.answer_capture import Capture
from mockinterviewer.ui.services import Services
from mockinterviewer.workers import run_job

log = logging.getLogger(__name__)

RehearsePhase = Literal["idle", "answer", "analysing", "probe", "probe_analysing", "done"]
"""Where a rehearsal is: the main answer, its analysis, a follow-up, its reading, the report."""

PHASES: tuple[RehearsePhase, ...] = ("idle", "answer", "analysing", "probe", "probe_analysing",
                                     "done")


def recordings_dir(settings: Settings) -> Path:
    """The folder for recorded answers (the chosen data folder's, else the app's)."""
    if settings.data_dir:
        return ensure(Path(settings.data_dir) / "recordings")
    return ensure(app_paths().recordings)


class RehearseSession(QObject):
    """One rehearsal: the question, then after "Done" analysis, saving, follow-up probes, and
    ``report_ready``.

    Signals:
        phase_changed: the new phase (a :data:`RehearsePhase`).
        probe_asked: (number from 1, count, question, recording path) when a follow-up is to be
            asked; the view shows it and records the answer to that path.
        report_ready: (analysis, attempt_id or None, recordings by kind) when the flow is done.
        warning: a message for the user (the flow goes on).
        analysis_failed: a message when the answer could not be analysed (the flow is idle).
    """

    phase_changed = Signal(str)
    probe_asked = Signal(int, int, str, object)
    report_ready = Signal(object, object, dict)
    warning = Signal(str)
    analysis_failed = Signal(str)

    def __init__(self, services: Services, settings: Settings, max_probes: int = 3,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.max_probes = max_probes
        self.scenario: Scenario | None = None
        self.level = settings.level
        self.prompt = ""
        self.phase: RehearsePhase = "idle"
        self.attempt_id: int | None = None
        self.analysis: Any = None
        self.recordings: dict[str, Path] = {}
        self.probe_index = 0
        self.probe_answers: list[Any] = []
        self._stamp = ""

    # -- public -----------------------------------------------------------------------------------

    def begin(self, scenario: Scenario, level: str | None = None,
              prompt: str | None = None) -> None:
        """Starts a rehearsal: forgets the last one and enters the ``answer`` phase.

        Args:
            scenario: what to rehearse.
            level: sde1, sde2 or senior (default: the settings').
            prompt: the question to ask (default: one of the scenario's, least practised first).
        """
        self.scenario = scenario
        self.level = level or self.settings.level
        self.prompt = prompt or self._choose_prompt(scenario)
        self.attempt_id = None
        self.analysis = None
        self.recordings = {}
        self.probe_index = 0
        self.probe_answers = []
        self._stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.set_phase("answer")

    def answer_path(self) -> Path:
        """Where the main answer of this rehearsal is recorded."""
        scenario_id = self.scenario.id if self.scenario else "none"
        return recordings_dir(self.settings) / f"{self._stamp}-{scenario_id}-answer.wav"

    def set_phase(self, phase: RehearsePhase) -> None:
        """Moves to ``phase`` and emits :attr:`phase_changed`."""
        self.phase = phase
        self.phase_changed.emit(phase)

    def start_attempt(self, recording: Path | None) -> None:
        """Saves the attempt as unfinished (before the first sample is written), once."""
        store = self._store()
        if store is None or self.scenario is None or self.attempt_id is not None:
            return
        transcriber = self.services.transcriber
        model = transcriber.model_name if transcriber is not None else ""
        try:
            self.attempt_id = store.start_attempt(
                self.scenario.id, self.scenario.principle, self.level, "rehearse", self.prompt,
                recording, str(model))
        except Exception as exc:
            log.warning("could not save the attempt", exc_info=True)
            self.warning.emit(f"This attempt cannot be saved to your history ({exc}); the "
                              f"recording is still kept in {recording}.")

    def take_answer(self, cap: Capture) -> None:
        """A captured answer: the main one is analysed, a follow-up one read."""
        if self.phase == "answer":
            self.recordings["answer"] = cap.path
            self._analyse(cap)
        elif self.phase == "probe":
            self._analyse_probe(cap)

    def abandon(self) -> None:
        """Marks the attempt abandoned in the history (the recording is kept); back to idle."""
        store = self._store()
        if self.attempt_id is not None and store is not None:
            try:
                store.abandon(self.attempt_id)
            except Exception:
                log.warning("could not mark attempt %s abandoned", self.attempt_id, exc_info=True)
        self.set_phase("idle")

    def finish(self) -> None:
        """Ends the flow (also when the user skips the remaining follow-ups): adds the follow-up
        answers to the analysis, saves it and emits :attr:`report_ready`."""
        if self.phase == "done":
            return
        if self.analysis is None:
            self.set_phase("idle")
            return
        if self.probe_answers:
            self.analysis = with_probe_answers(self.analysis, self.probe_answers)
            self._save(self.analysis)
        self.probe_answers = []
        self.set_phase("done")
        self.report_ready.emit(self.analysis, self.attempt_id, dict(self.recordings))

    # -- steps ------------------------------------------------------------------------------------

    def _store(self) -> HistoryStore | None:
        return self.services.store

    def _choose_prompt(self, scenario: Scenario) -> str:
        prompts = list(scenario.prompts) or [scenario.title]
        store = self._store()
        try:
            stats = store.prompt_stats() if store is not None else {}
        except Exception:  # noqa: BLE001
            stats = {}
        fresh = [p for p in prompts if p not in stats]
        return random.choice(fresh or prompts)

    def _analyse(self, cap: Capture) -> None:
        scenario, level, tolerance = self.scenario, self.level, self.settings.tolerance
        assert scenario is not None
        self.set_phase("analysing")

        def work(_progress: Any) -> Any:
            from mockinterviewer.audio.prosody import measure_recording

            return analyze(cap.words, scenario, level, marks=list(cap.marks) or None,
                           tolerance=tolerance, duration=cap.seconds,
                           prosody=measure_recording(cap.path), cut_short=cap.cut_short)

        run_job(work, on_done=lambda a: self._analysed(a, cap), on_error=self._analysis_failed,
                name="analysing the answer", owner=self)

    def _analysed(self, analysis: Any, cap: Capture) -> None:
        if self.phase != "analysing":  # abandoned or restarted meanwhile
            return
        self.analysis = analysis
        self._save(analysis)
        probes = list(analysis.probes[: self.max_probes])
        if cap.error or not probes:
            self.finish()
            return
        self.probe_index = 0
        self._ask_probe()

    def _analysis_failed(self, message: str) -> None:
        self.set_phase("idle")
        self.analysis_failed.emit(message)

    def _save(self, analysis: Any) -> None:
        store = self._store()
        if store is None or self.attempt_id is None:
            return
        try:
            store.finish_attempt(self.attempt_id, analysis)
        except Exception as exc:
            log.warning("could not save the analysis", exc_info=True)
            self.warning.emit(f"The report could not be saved to your history ({exc}).")

    def _ask_probe(self) -> None:
        assert self.scenario is not None
        probes = list(self.analysis.probes[: self.max_probes])
        probe = probes[self.probe_index]
        self.set_phase("probe")
        path = recordings_dir(self.settings) / (f"{self._stamp}-{self.scenario.id}-probe-"
                                                f"{probe.id}.wav")
        store = self._store()
        if store is not None and self.attempt_id is not None:
            try:
                store.add_recording(self.attempt_id, path, f"probe:{probe.id}")
            except Exception:
                log.warning("could not register the probe recording", exc_info=True)
        self.recordings[f"probe:{probe.id}"] = path
        self.probe_asked.emit(self.probe_index + 1, len(probes), probe.question, path)

    def _analyse_probe(self, cap: Capture) -> None:
        scenario = self.scenario
        assert scenario is not None
        choice = self.analysis.probes[self.probe_index]
        probe = scenario.probe(choice.id)
        self.set_phase("probe_analysing")

        def done(answer: Any) -> None:
            if self.phase != "probe_analysing":  # the user skipped to the report meanwhile
                return
            self.probe_answers.append(answer)
            self.probe_index += 1
            if cap.error or self.probe_index >= min(self.max_probes, len(self.analysis.probes)):
                self.finish()
            else:
                self._ask_probe()

        def failed(message: str) -> None:
            self.warning.emit(message)
            self.finish()

        if probe is None:
            self.probe_index += 1
            self.finish()
            return

        def work(_progress: Any) -> Any:
            return analyze_probe_answer(cap.words, probe, scenario)

        run_job(work, on_done=done, on_error=failed, name="analysing the follow-up answer",
                owner=self)
