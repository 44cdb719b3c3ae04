"""Rehearse screen parts: the STAR strip, the level meter, the clocks, and the keys.

The widgets are checked directly; the keys are driven on a real recording session (the file
audio source playing espeak-ng speech, the real tiny.en model, the real history database).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_fakes import dark_palette, shoot
from ui_flow_support import FileSources, InstantSpeaker, require_tools, spoken_text

from mockinterviewer.content import SEGMENT_LABELS
from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.rehearse.rehearse_view import RehearseView
from mockinterviewer.ui.services import Services
from mockinterviewer.ui.widgets.level_meter import FLOOR_DB, LevelMeter, db_fraction
from mockinterviewer.ui.widgets.star_strip import NEAR_FRACTION, StarStrip, segment_widths, zone

SCENARIO = "customer-obsession"


def test_zone_turns_amber_near_and_red_past_the_tolerance() -> None:
    assert zone(10, 30, 0.2) == "normal"
    assert zone(30 * NEAR_FRACTION - 0.1, 30, 0.2) == "normal"
    assert zone(30 * NEAR_FRACTION, 30, 0.2) == "near"
    assert zone(36, 30, 0.2) == "near"  # exactly target * (1 + tolerance) is still on time
    assert zone(36.1, 30, 0.2) == "over"
    assert zone(5, 0, 0.2) == "normal"


def test_widths_follow_targets_with_a_floor() -> None:
    targets = {"situation": 30, "task": 20, "action": 90, "result": 20, "reflection": 15}
    labels = tuple(targets)
    widths = segment_widths(targets, labels, 1000)
    assert sum(widths) == pytest.approx(1000)
    assert widths[2] == max(widths)
    assert widths[0] > widths[1] >= widths[4]
    assert min(widths) >= 1000 * 0.11 - 1e-6  # every label stays readable
    assert segment_widths({}, labels, 500) == [100.0] * 5


def test_segment_seconds_follow_the_marks() -> None:
    from mockinterviewer.coach.live import LiveSegmenter

    live = LiveSegmenter()
    spent = live.state([10.0, 18.0]).seconds(50.0)
    assert spent == {"situation": 10.0, "task": 8.0, "action": 32.0, "result": 0.0,
                     "reflection": 0.0}
    assert LiveSegmenter().state(()).seconds(5.0)["situation"] == 5.0
    assert sum(live.state([5, 10, 20, 30, 40, 50]).seconds(100.0).values()) == pytest.approx(100)


def test_strip_shows_current_segment_and_colours(qtbot, artifacts) -> None:
    strip = StarStrip()
    qtbot.addWidget(strip)
    strip.resize(900, strip.sizeHint().height())
    scenario = load_library().by_id(SCENARIO)
    targets = scenario.targets_for("sde2")
    strip.set_targets(targets, 0.2)
    rects = strip.segment_rects()
    assert rects["action"].width() > rects["situation"].width() > rects["reflection"].width()
    strip.set_times({"situation": 40, "task": 17, "action": 12}, "action")
    assert strip.zone_of("situation") == "over"
    assert strip.zone_of("task") == "near"
    assert strip.zone_of("action") == "normal"
    desc = strip.accessibleDescription()
    assert "situation 40 of 30 seconds, over target" in desc
    assert "task 17 of 20 seconds, near target" in desc
    assert "action 12 of 90 seconds, current" in desc
    strip.show()
    shoot(strip, artifacts, "star-strip")
    with dark_palette():
        strip.setPalette(strip.palette())
        shoot(strip, artifacts, "star-strip-dark")


def test_level_meter_proves_the_microphone_hears(qtbot) -> None:
    meter = LevelMeter()
    qtbot.addWidget(meter)
    assert db_fraction(FLOOR_DB) == 0.0 and db_fraction(0.0) == 1.0
    assert db_fraction(-30.0) == pytest.approx(0.5)
    assert not meter.hearing
    meter.set_level(-70.0, -60.0)
    assert not meter.hearing and "silent" in meter.accessibleDescription()
    meter.set_level(-25.0, -10.0)
    assert meter.hearing and meter.ever_heard
    assert "hearing you" in meter.accessibleDescription()
    meter.set_level(-8.0, -1.0)
    assert "too loud" in meter.accessibleDescription()
    meter.reset()
    assert not meter.ever_heard


@pytest.fixture
def rehearse(qtbot, whisper_tiny):
    """A Rehearse screen on a real session: 16 s of speech at 2x, the real model and store."""
    require_tools()
    text = ("I noticed the webhook drops while I was working on another project. It was not my "
            "team, and nobody asked me. I traced the root cause and I wrote the fix myself.")
    speaker = InstantSpeaker()
    store = HistoryStore()
    services = Services(transcriber=whisper_tiny, speaker=speaker,
                        source_factory=FileSources([spoken_text(text, tail=6.0)], speed=2.0),
                        store=store, library=load_library())
    view = RehearseView(services, Settings(), max_probes=0)
    qtbot.addWidget(view)
    view.resize(1000, 640)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    yield view, speaker, store
    view.shutdown()


def test_keys_pause_repeat_and_abandon(rehearse, qtbot, monkeypatch) -> None:
    view, speaker, store = rehearse
    view.start(load_library().by_id(SCENARIO))
    qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=20000)
    assert speaker.spoken == [view.session.prompt]
    qtbot.waitUntil(lambda: view.capture.elapsed > 1.0, timeout=10000)
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.capture.state == "paused"
    frozen = view.capture.elapsed
    source = view.capture._source
    qtbot.waitUntil(lambda: source.paused_samples > 8000, timeout=10000)
    assert view.capture.elapsed == pytest.approx(frozen), "the clock stops while paused"
    assert "Resume" in view.buttons["pause"].text()
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.capture.state == "recording"
    qtbot.keyClick(view, Qt.Key.Key_R)  # the question again; recording pauses meanwhile
    qtbot.waitUntil(lambda: len(speaker.spoken) == 2 and view.capture.state == "recording",
                    timeout=10000)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert len(view.capture.marks) == 1
    assert view.strip.current == "task"
    assert view.segment_clock.text().startswith("Task")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: asked.append(a[2]) or False)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert asked and view.capture.state == "recording", "Esc asks first; No keeps going"
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(view.abandoned, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    attempt = store.get(view.session.attempt_id)
    assert attempt.status == "abandoned"
    assert attempt.recordings[0].exists() and attempt.recordings[0].stat().st_size > 16000


def test_strip_follows_the_answer_without_marks(qtbot, whisper_tiny, artifacts,
                                                caplog) -> None:
    """Answering without Space: the strip and the live transcript follow the decoder, and each
    change of the live segment is logged as the issue asks."""
    import logging

    require_tools()
    text = ("Last spring I was the shift lead at a parcel depot, and our vans kept leaving late "
            "every morning. My goal was to get every van out of the yard by six. I re-sequenced "
            "the loading lanes by postcode and I briefed every driver at the start of the shift. "
            "I also moved the drivers' break to after loading. As a result, late departures fell "
            "from twelve a week to two within a month.")
    services = Services(transcriber=whisper_tiny, speaker=InstantSpeaker(),
                        source_factory=FileSources([spoken_text(text, tail=5.0)], speed=1.5),
                        store=HistoryStore(), library=load_library())
    view = RehearseView(services, Settings(), max_probes=0)
    qtbot.addWidget(view)
    view.resize(1000, 640)
    view.show()
    seen: list[str] = []
    shots: list[str] = []
    caplog.set_level(logging.INFO, logger="mockinterviewer.coach.live")
    try:
        view.start(load_library().by_id(SCENARIO))
        qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=20000)

        def reached_result() -> bool:
            cur = view.strip.current
            if cur and (not seen or seen[-1] != cur):
                seen.append(cur)
            if cur == "action" and not shots:
                shoot(view, artifacts, "rehearse-live-inferred")
                with dark_palette():
                    view.setPalette(view.palette())
                    shoot(view, artifacts, "rehearse-live-inferred-dark")
                shots.append(cur)
            return cur == "result" or view.capture.state not in ("recording", "paused")

        qtbot.waitUntil(reached_result, timeout=60000)
        assert not view.capture.marks  # no Space pressed
        assert "action" in seen, seen
        order = [SEGMENT_LABELS.index(s) for s in seen]
        assert order[0] == 0
        assert max(order) >= SEGMENT_LABELS.index("action")
        assert view.transcript.marks, "the live transcript is coloured by the inferred parts"
        logged = [r.getMessage() for r in caplog.records
                  if r.getMessage().startswith("live segment:")]
        assert any(m.startswith("live segment: action at ") and m.endswith("s (inferred)")
                   for m in logged), logged
    finally:
        view.shutdown()
