"""The report's voice strip and the Transcript tab's replay, with a fake player.

The analysis comes from the real coaching engine, given a pitch and loudness track (flat in the
Action, lively elsewhere); hedges and pet phrases are the language module's marks. Clicking a word
plays the recording from that word's start (off the UI thread); the player's position moves the
highlight; Space plays and pauses; fillers, hedges and pet phrases carry their colours and the
legend names them. Screenshots in light and dark.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from coach_helpers import speak
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from ui_fakes import FakePlayer, dark_palette, shoot

from mockinterviewer.audio.recorder import WavRecorder
from mockinterviewer.coach.engine import analyze
from mockinterviewer.coach.word_marks import WordMark, filler_marks, word_at, word_kinds
from mockinterviewer.content.library import load_library
from mockinterviewer.transcript import Word
from mockinterviewer.ui.report.report_view import ReportView
from mockinterviewer.ui.report.transcript_replay import mark_colors
from mockinterviewer.ui.services import Services

PARTS = [
    ("situation", "While I was working on the checkout team I noticed that, um, the payment "
                  "webhook kept dropping about three percent of the deliveries every night."),
    ("task", "I think I sort of owned the fix because basically it touched my service and "
             "nobody else did."),
    ("action", "I pulled a week of logs, basically traced the missing retry path, wrote a fix "
               "with a dead letter queue, and, uh, basically shipped it behind a flag."),
    ("result", "The dropped deliveries went from three percent to zero within a week and the "
               "support tickets stopped."),
    ("reflection", "Looking back I think I should have added the alert first, so now I add "
                   "alerting before any fix."),
]


@dataclass(frozen=True)
class Track:
    times: np.ndarray
    f0: np.ndarray
    level_db: np.ndarray


def _track(words: list[Word], flat: tuple[float, float]) -> Track:
    """Lively pitch (12 semitones) except a flat stretch (1.5) over ``flat`` seconds."""
    rng = np.random.default_rng(3)
    times = np.arange(int((words[-1].end + 1) / 0.01)) * 0.01 + 0.005
    spread = np.where((times >= flat[0]) & (times < flat[1]), 1.5, 12.0)
    f0 = 130.0 * 2 ** (rng.uniform(-0.5, 0.5, len(times)) * spread / 12)
    level = np.full(len(times), -21.0)
    level[times > flat[1]] = -27.0
    return Track(times, f0, level)


@pytest.fixture(scope="module")
def answer():
    words, starts = speak(PARTS)
    marks = [starts[k] for k in ("task", "action", "result", "reflection")]
    scenario = load_library().by_id("ownership")
    a = analyze(words, scenario, "sde2", marks=marks,
                prosody=_track(words, (starts["action"], starts["result"])))
    return a


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    path = tmp_path / "answer.wav"
    with WavRecorder(path) as rec:
        rec.write(np.zeros(5 * 16000, dtype=np.float32))
    return path


def _view(qtbot, analysis, recording: Path, player: FakePlayer) -> ReportView:
    view = ReportView(Services(player=player, library=load_library()))
    qtbot.addWidget(view)
    view.resize(1150, 800)
    with qtbot.waitSignal(view.filled, timeout=10000):
        view.show_analysis(analysis, recordings={"answer": recording})
    with qtbot.waitExposed(view):
        view.show()
    view.tabs.setCurrentWidget(view.replay)
    return view


def _word_point(view: ReportView, index: int) -> QPoint:
    from PySide6.QtGui import QTextCursor

    start, end = view.replay._ranges[index]
    cursor = QTextCursor(view.transcript.document())
    cursor.setPosition((start + end) // 2)
    return view.transcript.cursorRect(cursor).center()


def test_word_marks_helpers() -> None:
    words = [Word("um", 0, .2), Word("I", .3, .4), Word("think", .4, .6), Word("so.", .6, .9)]
    assert filler_marks(words) == (WordMark("filler", 0, 0),)
    kinds = word_kinds(4, [WordMark("hedge", 0, 2), WordMark("filler", 0, 0),
                           WordMark("pet_phrase", 3, 9), WordMark("other", 1, 1)])
    assert kinds == ["filler", "hedge", "hedge", "pet_phrase"]
    assert [word_at(words, t) for t in (-1, 0.0, 0.25, 0.45, 5)] == [None, 0, 0, 2, 3]


def test_voice_strip_sits_beside_the_timeline(qtbot, answer, recording) -> None:
    analysis = answer
    view = _view(qtbot, answer, recording, FakePlayer())
    strip = view.voice_strip
    assert strip.isVisible()
    assert [r.label for r in strip.rows] == [b.label for b in view.chart.bars]
    action = next(r for r in strip.rows if r.label == "action")
    assert action.semitones is not None and action.semitones < 4.5
    assert "Action: pitch range" in strip.accessibleDescription()
    assert "(flat)" in strip.accessibleDescription().split("Action:")[1].split(";")[0]
    assert strip.geometry().left() >= view.chart.geometry().right()
    assert abs(strip.geometry().top() - view.chart.geometry().top()) <= 2, "rows line up"
    # one flat part of five shows in the strip but is not yet a monotone voice
    assert "delivery.monotone" not in analysis.finding_ids
    # a report without voice metrics hides the strip
    view.show_analysis(analysis.__class__(**{**analysis.__dict__, "voice": None}),
                       recordings={"answer": recording})
    assert not view.voice_strip.isVisible()
    # without the recording the words still show, but nothing plays
    view.show_analysis(analysis, recordings={})
    assert not view.replay.play_button.isEnabled() and view.replay.words
    view.tabs.setCurrentWidget(view.replay)
    view.transcript.setFocus()
    qtbot.waitUntil(view.transcript.hasFocus, timeout=5000)
    qtbot.keyClick(view.transcript, Qt.Key.Key_Space)
    assert view.replay.state == "idle" and "answer cannot be played" in view.status.text()


def test_click_a_word_plays_from_it_and_the_highlight_follows(qtbot, answer, recording,
                                                            artifacts) -> None:
    analysis = answer
    player = FakePlayer()
    view = _view(qtbot, answer, recording, player)
    replay = view.replay
    words = analysis.words
    # marks are highlighted inline, each kind in its colour, and the legend names them
    html = view.transcript.toHtml().lower()
    colors = mark_colors(view.palette())
    for kind in ("filler", "hedge", "pet_phrase"):
        assert colors[kind].lower() in html, kind
    assert all(t in replay.legend.text() for t in ("filler", "hedge", "pet phrase", "playing now"))
    kinds = [(w.word.strip(",.").lower(), replay.kinds[i]) for i, w in enumerate(words)]
    assert [k for t, k in kinds if t in ("um", "uh")] == ["filler", "filler"]
    assert [k for t, k in kinds if t in ("think", "sort")] == ["hedge", "hedge", None], (
        "the Reflection's hindsight 'I think' is not held against the user")
    assert [k for t, k in kinds if t == "basically"] == ["pet_phrase"] * 3
    # click a word: the recording plays from that word's start, off the UI thread
    target = next(i for i, w in enumerate(words) if w.word.startswith("traced"))
    with qtbot.waitSignal(replay.state_changed, check_params_cb=lambda s: s == "playing"):
        qtbot.mouseClick(view.transcript.viewport(), Qt.MouseButton.LeftButton,
                         pos=_word_point(view, target))
    qtbot.waitUntil(lambda: len(player.played) == 1, timeout=5000)
    assert player.played[0] == (recording, pytest.approx(words[target].start))
    assert replay.current == target
    # the player's position moves the highlight
    later = target + 5
    with qtbot.waitSignal(replay.current_word_changed, timeout=5000,
                          check_params_cb=lambda i: i == later):
        player.advance(words[later].start - words[target].start + 0.01)
    assert replay.clock.text().startswith(f"0:{int(words[later].start):02d}")
    shoot(view, artifacts, "report-replay")
    # Space pauses; Space again resumes from where it paused
    with qtbot.waitSignal(replay.state_changed, check_params_cb=lambda s: s == "paused"):
        qtbot.keyClick(view.transcript, Qt.Key.Key_Space)
    assert not player.is_playing and player.stops >= 1
    with qtbot.waitSignal(replay.state_changed, check_params_cb=lambda s: s == "playing"):
        qtbot.keyClick(view.transcript, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(player.played) == 2, timeout=5000)
    assert player.played[1][1] == pytest.approx(words[later].start + 0.01, abs=0.02)
    # the end of the recording ends the replay; the next Space starts from the top
    with qtbot.waitSignal(replay.state_changed, timeout=5000,
                          check_params_cb=lambda s: s == "idle"):
        player.finish()
    with qtbot.waitSignal(replay.state_changed, check_params_cb=lambda s: s == "playing"):
        replay.play_button.click()
    qtbot.waitUntil(lambda: len(player.played) == 3, timeout=5000)
    assert player.played[2][1] == 0.0
    # Space on the focused Play button toggles once, not twice
    replay.play_button.setFocus()
    with qtbot.waitSignal(replay.state_changed, check_params_cb=lambda s: s == "paused"):
        qtbot.keyClick(replay.play_button, Qt.Key.Key_Space)
    QApplication.processEvents()
    assert replay.state == "paused"
    with qtbot.waitSignal(replay.state_changed, check_params_cb=lambda s: s == "playing"):
        qtbot.keyClick(replay.play_button, Qt.Key.Key_Space)
    # Space on the tab bar (the Transcript tab chosen from the keyboard) pauses too
    view.tabs.tabBar().setFocus()
    qtbot.waitUntil(view.tabs.tabBar().hasFocus, timeout=5000)
    with qtbot.waitSignal(replay.state_changed, check_params_cb=lambda s: s == "paused"):
        qtbot.keyClick(view.tabs.tabBar(), Qt.Key.Key_Space)
    with qtbot.waitSignal(replay.state_changed, check_params_cb=lambda s: s == "playing"):
        qtbot.keyClick(view.tabs.tabBar(), Qt.Key.Key_Space)
    # leaving the tab pauses
    with qtbot.waitSignal(replay.state_changed, check_params_cb=lambda s: s == "paused"):
        view.tabs.setCurrentIndex(0)


def test_replay_screenshots_light_and_dark(qtbot, answer, recording, artifacts) -> None:
    analysis = answer
    player = FakePlayer()
    view = _view(qtbot, answer, recording, player)
    target = next(i for i, w in enumerate(analysis.words) if w.word.startswith("pulled"))
    with qtbot.waitSignal(view.replay.current_word_changed,
                          check_params_cb=lambda i: i == target):
        view.replay.play_word(target)
    shoot(view, artifacts, "report-voice-replay")
    with dark_palette():
        view.show_analysis(analysis, recordings={"answer": recording})
        view.tabs.setCurrentWidget(view.replay)
        with qtbot.waitSignal(view.replay.current_word_changed,
                              check_params_cb=lambda i: i == target):
            view.replay.play_word(target)
        shoot(view, artifacts, "report-voice-replay-dark")
    view.replay.stop()
