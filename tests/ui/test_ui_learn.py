"""Learn: every part of a scenario laid out, signal phrases highlighted, palette-aware."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from ui_fakes import dark_palette, shoot

from mockinterviewer.content.library import load_library
from mockinterviewer.ui import theme
from mockinterviewer.ui.learn_view import LearnView, highlight_phrases, scenario_html


def test_highlight_phrases_marks_case_insensitively_and_escapes() -> None:
    out = highlight_phrases("I noticed <x> & I Noticed again; not noticeD-ly",
                            ["i noticed", "noticed again"], "#ff0")
    assert out.count("background-color:#ff0") == 2  # the overlapping pair merges into one
    assert "&lt;x&gt; &amp;" in out
    assert "noticeD-ly" in out  # a phrase inside another word is not marked
    assert highlight_phrases("plain", [], "#ff0") == "plain"


def test_every_section_of_every_scenario_is_rendered() -> None:
    colors = theme.colors()
    for s in load_library().scenarios:
        page = scenario_html(s, "senior", colors)
        for seg in s.segments:
            assert seg.coaching.split()[0] in page
            found = [p for p in seg.signal_phrases
                     if re.search(re.escape(p), seg.strong_example, re.IGNORECASE)]
            assert page.count(f"background-color:{colors.mark}") >= len(found) > 0 or not found
        for p in s.probes:
            assert p.question.replace("'", "&#x27;")[:30] in page
        assert s.weak_answer is None or "bar raiser" in page
        assert "(you)" in page  # the chosen level is marked in the level table
        for r in s.related:
            assert r.principle.replace("'", "&#x27;") in page


def test_learn_view_switches_scenarios_and_jumps_to_sections(qtbot, artifacts) -> None:
    lib = load_library().scenarios
    view = LearnView(lib, "sde2")
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    assert view.show_scenario("customer-obsession")
    text = view.browser.toPlainText()
    for heading in ("Questions you may be asked", "Overview", "The strong answer", "How the levels "
                    "differ", "A weak answer", "Follow-up probes", "Telling it for other"):
        assert heading in text, heading
    assert "0.3% to zero" in text and "$8,000" in text
    shoot(view, artifacts, "learn")
    view.browser.anchorClicked.emit(QUrl("#probes"))
    assert view.browser.verticalScrollBar().value() > 0
    shoot(view, artifacts, "learn-probes")
    view.browser.anchorClicked.emit(QUrl("#levels"))
    shoot(view, artifacts, "learn-levels")
    assert not view.show_scenario("nope")
    view.combo.setCurrentIndex(view.combo.findData("ownership"))
    assert view.scenario.id == "ownership"
    assert view.browser.verticalScrollBar().value() == 0
    with qtbot.waitSignal(view.mode_requested) as sig:
        view.rehearse_button.click()
    assert sig.args == ["rehearse", "ownership"]
    view.set_level("senior")
    assert "Senior SDE (you)" in view.browser.toPlainText()


def test_learn_view_rerenders_for_dark_palette(qtbot, artifacts) -> None:
    view = LearnView(load_library().scenarios, "sde2")
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    view.show_scenario("customer-obsession")
    light_mark = theme.colors().mark
    assert light_mark in view.browser.toHtml()
    with dark_palette():
        view.setPalette(theme.dark_palette())
        dark_mark = theme.colors(view.palette()).mark
        assert dark_mark != light_mark
        assert dark_mark in view.browser.toHtml()
        shoot(view, artifacts, "learn-dark")
