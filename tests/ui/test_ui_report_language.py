"""The report lists the hedging and pet-phrase findings of a spoken answer, each with a button
that plays the recording from the first hedge or pet phrase (screenshots, light and dark)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from coach_helpers import speak
from PySide6.QtCore import Qt
from ui_fakes import dark_palette, shoot

from mockinterviewer.audio.recorder import WavRecorder
from mockinterviewer.coach.engine import analyze
from mockinterviewer.content.library import load_library
from mockinterviewer.ui.report.report_view import ReportView
from mockinterviewer.ui.services import Services

PARTS = [
    ("situation", "So basically our checkout was sort of slow for some users, I think."),
    ("task", "Basically I guess I owned the service, so maybe it was on me."),
    ("action", "I think I profiled the queries and basically found two slow joins. I probably "
     "added an index, and basically I cached the prices."),
    ("result", "Checkout got faster, maybe by half, I think."),
    ("reflection", "Looking back, I think the better call would have been to add the dashboard "
     "first."),
]


class SpyPlayer:
    """Stands in for the sound device: records what it was asked to play."""

    def __init__(self) -> None:
        self.played: list[tuple[Path, float]] = []

    def play_file(self, path: Path, start: float = 0.0) -> None:
        self.played.append((Path(path), start))

    def play_array(self, audio: np.ndarray, sample_rate: int) -> None:
        self.played.append((Path("<array>"), 0.0))

    def stop(self) -> None:
        pass


def test_language_findings_play_from_their_moment(qtbot, tmp_path: Path, artifacts) -> None:
    library = load_library()
    scenario = next(s for s in library.scenarios if s.principle_id == "ownership")
    words, _ = speak(PARTS)
    analysis = analyze(words, scenario, "sde2")
    recording = tmp_path / "answer.wav"
    with WavRecorder(recording) as rec:
        rec.write(np.zeros(int((words[-1].end + 1) * 16000), dtype=np.float32))
    spy = SpyPlayer()
    view = ReportView(Services(player=spy, library=library))
    qtbot.addWidget(view)
    view.resize(1100, 760)
    with qtbot.waitSignal(view.filled, timeout=10000):
        view.show_analysis(analysis, recordings={"answer": recording})
    with qtbot.waitExposed(view):
        view.show()
    qtbot.waitUntil(lambda: all(c.isVisible() for c in view.cards), timeout=5000)
    cards = {c.finding.id: c for c in view.cards}
    hedging, pet = cards["language.hedging"], cards["language.pet_phrase"]
    assert "You hedged" in hedging.finding.message and "I think" in hedging.quote.text()
    assert 'You said "basically" 4 times' in pet.finding.message
    for card in (hedging, pet):
        assert card.play_button is not None and card.play_button.isVisible()
        assert "Play from" in card.play_button.text()
        assert "language." not in card.accessibleName()  # plain English for screen readers
    qtbot.mouseClick(pet.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(spy.played) == 1, timeout=5000)
    assert spy.played[0] == (recording, pytest.approx(pet.finding.start))
    first = next(w for w in analysis.words if w.word.lower().startswith("basically"))
    assert pet.finding.start == pytest.approx(first.start)
    view.finding_list.ensureWidgetVisible(pet)
    shoot(view, artifacts, "report-language-pet")
    view.finding_list.ensureWidgetVisible(hedging)
    shoot(view, artifacts, "report-language")
    with dark_palette():
        with qtbot.waitSignal(view.filled, timeout=10000):
            view.show_analysis(analysis, recordings={"answer": recording})
        qtbot.waitUntil(lambda: all(c.isVisible() for c in view.cards), timeout=5000)
        hedging = next(c for c in view.cards if c.finding.id == "language.hedging")
        view.finding_list.ensureWidgetVisible(hedging)
        shoot(view, artifacts, "report-language-dark")
        pet = next(c for c in view.cards if c.finding.id == "language.pet_phrase")
        view.finding_list.ensureWidgetVisible(pet)
        shoot(view, artifacts, "report-language-pet-dark")
