"""The Rehearse flow behind the screen: saving the attempt, analysing the answer, the follow-ups.

:class:`RehearseFlow` is mixed into
:class:`mockinterviewer.ui.rehearse.rehearse_view.RehearseView`; it holds
the steps that follow a captured answer (each long step runs as a one-shot job, off the UI
thread) and keeps the history store up to date, so the view file keeps to layout and keys.
"""

from __future__ import annotations

import logging
import random
from pathlib import Path
from typing import Any

from mockinterviewer.coach.engine import analyze, with_probe_answers
from mockinterviewer.coach.probes import analyze_probe_answer
from mockinterviewer.content.model import Scenario
from mockinterviewer.paths import app_paths, ensure
from mockinterviewer.settings import Settings
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.capture.answer_capture import Capture
from mockinterviewer.workers import run_job

log = logging.getLogger(__name__)


def recordings_dir(settings: Settings) -> Path:
    """The folder for recorded answers (the chosen data folder's, else the app's)."""
    if settings.data_dir:
        return ensure(Path(settings.data_dir) / "recordings")
    return ensure(app_paths().recordings)


class RehearseFlow:
    """The steps after "Done": analysis, saving, follow-up probes, then ``report_ready``.

    Expects the host view to provide ``services``, ``settings``, ``scenario``, ``level``,
    ``prompt``, ``capture``, ``attempt_id``, ``analysis``, ``recordings``, ``probe_index``,
    ``probe_answers``, ``max_probes``, ``_stamp``, the widgets ``strip``, ``transcript`` and
    ``question``, and the methods ``show_message`` and ``_set_phase``.
    """

    # attributes provided by the host view (declared for type checkers)
    services: Any
    settings: Any
    scenario: Scenario | None
    level: str
    prompt: str
    capture: Any
    attempt_id: int | None
    analysis: Any
    recordings: dict[str, Any]
    probe_index: int
    probe_answers: list[Any]
    max_probes: int
    phase: str
    _stamp: str

    def _store(self) -> Any:
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

    def _start_attempt(self) -> None:
        store = self._store()
        if store is None or self.scenario is None:
            return
        model = (self.services.transcriber.model_name if self.services.transcriber else "")
        try:
            self.attempt_id = store.start_attempt(
                self.scenario.id, self.scenario.principle, self.level, "rehearse", self.prompt,
                self.capture.path, str(model))
        except Exception as exc:
            log.warning("could not save the attempt", exc_info=True)
            self.show_message(f"This attempt cannot be saved to your history ({exc}); the "
                              f"recording is still kept in {self.capture.path}.")

    def _analyse(self, cap: Capture) -> None:
        scenario, level, tolerance = self.scenario, self.level, self.settings.tolerance
        self._set_phase("analysing")

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
            self._finish_flow()
            return
        self.probe_index = 0
        self._ask_probe()

    def _analysis_failed(self, message: str) -> None:
        self._set_phase("idle")
        dialogs.show_error(self, "Analysis failed", message,
                           "Your recording is kept in your history; try analysing it again "
                           "from the History screen.")

    def _save(self, analysis: Any) -> None:
        store = self._store()
        if store is None or self.attempt_id is None:
            return
        try:
            store.finish_attempt(self.attempt_id, analysis)
        except Exception as exc:
            log.warning("could not save the analysis", exc_info=True)
            self.show_message(f"The report could not be saved to your history ({exc}).")

    def _ask_probe(self) -> None:
        probes = list(self.analysis.probes[: self.max_probes])
        probe = probes[self.probe_index]
        self.strip.hide()
        self.transcript.clear_words("Your follow-up answer appears here.")
        self.question.setText(f"Follow-up {self.probe_index + 1} of {len(probes)}: "
                              f"{probe.question}")
        self._set_phase("probe")
        path = recordings_dir(self.settings) / f"{self._stamp}-{self.scenario.id}-probe-" \
                                              f"{probe.id}.wav"
        store = self._store()
        if store is not None and self.attempt_id is not None:
            try:
                store.add_recording(self.attempt_id, path, f"probe:{probe.id}")
            except Exception:
                log.warning("could not register the probe recording", exc_info=True)
        self.recordings[f"probe:{probe.id}"] = path
        self.capture.ask(probe.question, path)

    def _analyse_probe(self, cap: Capture) -> None:
        choice = self.analysis.probes[self.probe_index]
        probe = self.scenario.probe(choice.id)
        scenario = self.scenario
        self._set_phase("probe_analysing")

        def work(_progress: Any) -> Any:
            return analyze_probe_answer(cap.words, probe, scenario)

        def done(answer: Any) -> None:
            if self.phase != "probe_analysing":  # the user skipped to the report meanwhile
                return
            self.probe_answers.append(answer)
            self.probe_index += 1
            if cap.error or self.probe_index >= min(self.max_probes, len(self.analysis.probes)):
                self._finish_flow()
            else:
                self._ask_probe()

        if probe is None:
            self.probe_index += 1
            self._finish_flow()
            return
        run_job(work, on_done=done, on_error=lambda m: (self.show_message(m),
                                                          self._finish_flow()),
                name="analysing the follow-up answer", owner=self)

    def _finish_flow(self) -> None:
        if self.phase == "done":
            return
        if self.analysis is None:
            self._set_phase("idle")
            return
        if self.probe_answers:
            self.analysis = with_probe_answers(self.analysis, self.probe_answers)
            self._save(self.analysis)
        self.probe_answers = []
        self._set_phase("done")
        self.report_ready.emit(self.analysis, self.attempt_id, dict(self.recordings))
