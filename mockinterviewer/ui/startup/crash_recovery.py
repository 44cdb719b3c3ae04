"""Start-up recovery: answers recorded before a crash are offered for analysis.

An attempt is saved as unfinished when its answer starts; if the app died before the analysis, its
recording is still on disk. At the next start the user is asked once: analyse them now (in the
background: transcription and coaching, then the attempt is finished in the history), leave them
for later, or set them aside (their recordings are kept).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from mockinterviewer.errors import UserError
from mockinterviewer.settings import Settings
from mockinterviewer.store import drill_records as drill_record
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.services import Services

log = logging.getLogger(__name__)


def answer_recording(attempt: Any) -> Path | None:
    """The attempt's main answer recording that is still on disk, if any."""
    kinds = tuple(getattr(attempt, "recording_kinds", ()) or ())
    paths = list(attempt.recordings)
    ordered = [p for p, k in zip(paths, kinds, strict=False) if k == "answer"] + paths
    return next((Path(p) for p in ordered if Path(p).is_file()), None)


def analyse_attempt(attempt: Any, services: Services, settings: Settings) -> Any:
    """Transcribes and analyses one unfinished attempt and stores the result (slow: off the UI).

    Raises:
        UserError: the scenario, the recording or the speech model is missing.
    """
    from mockinterviewer.coach import analyze

    store = services.store
    if store is None:
        raise UserError("the practice history cannot be opened")
    scenario = services.scenario(attempt.scenario_id)
    if scenario is None:
        raise UserError(f"the scenario {attempt.scenario_id!r} no longer exists")
    path = answer_recording(attempt)
    if path is None:
        raise UserError("its recording is no longer on disk")
    if services.transcriber is None:
        raise UserError("the speech recogniser is not available")
    services.transcriber.load()
    transcript = services.transcriber.transcribe_file(path)
    if drill_record.is_drill(attempt.mode):
        result = _drill_result(attempt, scenario, transcript.words, settings)
        store.finish_attempt(attempt.id, result)
        return result
    from mockinterviewer.audio.prosody import measure_recording

    analysis = analyze(transcript.words, scenario, attempt.level or settings.level,
                       tolerance=settings.tolerance, duration=transcript.duration,
                       prosody=measure_recording(path))
    store.finish_attempt(attempt.id, analysis)
    return analysis


def _drill_result(attempt: Any, scenario: Any, words: Any, settings: Settings) -> dict[str, Any]:
    """A drill try's stored result, rebuilt from its recording (what the Drill screen stores)."""
    from mockinterviewer.coach.probes import analyze_probe_answer

    kind, detail = drill_record.drill_detail(tuple(getattr(attempt, "recording_kinds", ())))
    words = tuple(words)
    if kind == "probe":
        probe = scenario.probe(detail)
        if probe is None:
            raise UserError(f"the follow-up question {detail!r} no longer exists")
        return drill_record.probe_result(words, analyze_probe_answer(words, probe, scenario))
    if kind != "segment":
        raise UserError("it does not say which part of the story was drilled")
    level = attempt.level or settings.level
    target = float(scenario.targets_for(level).get(detail, 0.0))
    return drill_record.segment_result(words, detail, target, settings.tolerance)


def debrief_loop(loop: Any, services: Services) -> int:
    """Debriefs a loop cut short from its finished answers and stores it; returns 1 if it was.

    Raises:
        UserError: the history is unavailable.
    """
    from mockinterviewer.store.loops import build_debrief, finish_loop

    store = services.store
    if store is None:
        raise UserError("the practice history cannot be opened")
    answers = store.loop_answers(loop.id)
    if not any(a.status == "done" for a in answers):
        return 0
    scenarios = list(services.scenarios)
    d = build_debrief(loop, answers, services.scenario,
                      [s for s in scenarios if s.kind == "story"], scenarios)
    finish_loop(store, loop.id, d)
    return 1


class Recovery(QObject):
    """Offers unfinished attempts for analysis and runs it.

    Signals:
        finished: (analysed, failed) counts once the background work ended.
    """

    finished = Signal(int, int)

    def __init__(self, parent: QWidget, services: Services, settings: Settings,
                 on_done: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.window = parent
        self.services = services
        self.settings = settings
        self.on_done = on_done
        self.attempts: list[Any] = []
        self.loops: list[Any] = []
        self.box: QMessageBox | None = None
        self.problems: list[str] = []

    def pending(self) -> list[Any]:
        """Unfinished attempts whose recording is still on disk."""
        store = self.services.store
        if store is None:
            return []
        try:
            return [a for a in store.unfinished() if a.has_audio]
        except Exception:
            log.warning("unfinished attempts unavailable", exc_info=True)
            return []

    def pending_loops(self) -> list[Any]:
        """Loops cut short with at least one answer recorded (their debrief is still owed)."""
        from mockinterviewer.store.loops import unfinished_loops

        store = self.services.store
        if store is None:
            return []
        try:
            return unfinished_loops(store)
        except Exception:
            log.warning("unfinished loops unavailable", exc_info=True)
            return []

    def offer(self) -> bool:
        """Asks the user (without blocking) when there is something to recover."""
        self.attempts = self.pending()
        self.loops = self.pending_loops()
        if not self.attempts and not self.loops:
            return False
        n = len(self.attempts)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unfinished answers")
        text = (f"{n} recorded answer{'s were' if n > 1 else ' was'} not analysed, probably "
                "because the app closed during the answer. Nothing was lost." if n else "")
        if self.loops:
            k = len(self.loops)
            their = "their" if k > 1 else "its"
            text += (f" {k} mock interview loop{'s' if k > 1 else ''} ended before {their} "
                     "debrief; the questions answered are kept and can be debriefed now.")
        box.setText(text.strip())
        box.setInformativeText("Analyse now in the background? “Later” asks again at the next "
                               "start; “Set aside” keeps the recordings but stops asking.")
        self.analyse_button = box.addButton("&Analyse now", QMessageBox.ButtonRole.AcceptRole)
        self.later_button = box.addButton("&Later", QMessageBox.ButtonRole.RejectRole)
        self.aside_button = box.addButton("&Set aside", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(self.analyse_button)
        box.setEscapeButton(self.later_button)
        box.finished.connect(lambda _r: self._chosen(box.clickedButton()))
        self.box = box
        box.open()
        return True

    def _chosen(self, button: Any) -> None:
        if button is self.analyse_button:
            self.analyse()
        elif button is self.aside_button:
            store = self.services.store
            for a in [*self.attempts, *self.loops]:
                try:
                    if store is not None:
                        store.abandon(a.id)
                except Exception:
                    log.warning("could not set attempt %s aside", a.id, exc_info=True)
            self.finished.emit(0, 0)
        else:
            self.finished.emit(0, 0)

    def analyse(self) -> None:
        """Analyses every pending attempt in the background."""
        from mockinterviewer.workers.jobs import run_job

        attempts, services, settings = list(self.attempts), self.services, self.settings
        loops = list(self.loops)

        def work(progress: Any) -> tuple[int, list[str]]:
            done, problems = 0, []
            for loop in loops:  # after its answers (below): a loop is debriefed last
                attempts.append(loop)
            for i, a in enumerate(attempts):
                if a in loops:
                    done += debrief_loop(a, services)
                    progress((i + 1) / len(attempts))
                    continue
                try:
                    analyse_attempt(a, services, settings)
                    done += 1
                except UserError as exc:
                    problems.append(f"{a.principle} ({a.created_at:%d %b %H:%M}): {exc}")
                except Exception as exc:
                    log.exception("recovering attempt %s failed", a.id)
                    problems.append(f"{a.principle}: unexpected problem ({type(exc).__name__})")
                progress((i + 1) / len(attempts))
            return done, problems

        run_job(work, self._analysed, lambda m: self._analysed((0, [m])),
                name="analysing unfinished answers")

    def _analysed(self, result: tuple[int, list[str]]) -> None:
        done, problems = result
        self.problems = list(problems)
        if self.on_done is not None:
            self.on_done()
        if problems:
            dialogs.show_error(self.window, "Some answers could not be analysed",
                               f"{done} analysed; {len(problems)} could not be: "
                               + "; ".join(problems),
                               "They stay in History as unfinished; their recordings are kept.")
        elif done:
            dialogs.show_message(self.window, "Answers analysed",
                                 f"{done} unfinished answer{'s' if done > 1 else ''} analysed: "
                                 "open History to read the reports.")
        self.finished.emit(done, len(problems))
