"""The story editor widget: write, validate, save, open, import, export, delete, screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mockinterviewer.content import SEGMENT_LABELS, load_all, stories
from mockinterviewer.content.library import find_scenario
from mockinterviewer.paths import content_dir
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.stories.story_editor import StoryEditor

BUILTIN = load_all([content_dir()]).scenarios
MINE = {
    "situation": "Our Android app's crash rate doubled after a release, and support tickets "
                 "piled up over a weekend.",
    "task": "I was not on call, but I knew the image cache code best, so I took it on.",
    "action": "I bisected the release, I found an unbounded bitmap cache, and I shipped a "
              "size-capped cache behind a flag after testing on three low-memory devices.",
    "result": "Crashes fell from 1.8% to 0.2% of sessions within two days.",
    "reflection": "I now add memory budgets to every cache review.",
}


@pytest.fixture
def editor(qtbot) -> Iterator[StoryEditor]:
    w = StoryEditor(BUILTIN)
    qtbot.addWidget(w)
    w.resize(900, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    for box in dialogs.open_boxes():  # close messages before their parent goes
        box.done(0)


def _fill(qtbot, w: StoryEditor, principle: str = "Ownership") -> None:
    w.principle.setCurrentText(principle)
    qtbot.keyClicks(w.title, "Crash spike I chased")
    w.prompts.setPlainText("Tell me about a time you took on something outside your role.\n"
                           "Describe a problem you owned end to end.")
    for lb, text in MINE.items():
        w.segments[lb].text.setPlainText(text)
    w.segments["action"].phrases.setText("I bisected; I found; I shipped")


def _shot(w: StoryEditor, artifacts: Path, name: str) -> None:
    QApplication.processEvents()
    assert w.grab().save(str(artifacts / name))


def test_empty_editor_defaults_and_screenshot(editor: StoryEditor, artifacts: Path) -> None:
    first = editor.principle.currentText()
    builtin = stories.builtin_for(first, BUILTIN)
    expected = {g.label: g.target_seconds for g in builtin.segments} if builtin else \
        stories.DEFAULT_TARGETS
    assert {lb: b.target.value() for lb, b in editor.segments.items()} == expected
    assert editor.principle.count() == 16, "all sixteen principles can be chosen"
    assert not editor.delete_button.isEnabled()
    _shot(editor, artifacts, "story_editor_empty.png")


def test_principle_change_updates_only_untouched_targets(editor: StoryEditor) -> None:
    editor.set_scenarios([])  # no built-ins: the fallback targets
    editor.principle.setCurrentText("Think Big")
    assert editor.segments["action"].target.value() == stories.DEFAULT_TARGETS["action"]
    editor.set_scenarios(BUILTIN)
    editor.segments["task"].target.setValue(42)
    editor.principle.setCurrentText("Frugality")
    want = stories.default_targets("Frugality", BUILTIN)
    assert editor.segments["action"].target.value() == want["action"]
    assert editor.segments["task"].target.value() == 42, "a target the user set is kept"


def test_fill_save_and_rehearse_as_a_scenario(qtbot, editor: StoryEditor,
                                              artifacts: Path) -> None:
    _fill(qtbot, editor)
    with qtbot.waitSignal(editor.saved) as sig:
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sig.args == ["crash-spike-i-chased"]
    story = find_scenario("crash-spike-i-chased")
    assert story.kind == "story" and story.principle == "Ownership"
    assert len(story.prompts) == 2
    assert {s.label: s.strong_example for s in story.segments} == MINE
    assert story.segment("action").signal_phrases == ("I bisected", "I found", "I shipped")
    assert editor.delete_button.isEnabled() and editor.story_combo.currentData() == story.id
    editor.resize(1000, 1500)
    _shot(editor, artifacts, "story_editor_filled.png")
    # editing keeps the id and overwrites in place
    editor.title.setText("Crash spike, retold")
    with qtbot.waitSignal(editor.saved) as sig:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert sig.args == [story.id]
    assert [s.title for s in stories.list_stories().scenarios] == ["Crash spike, retold"]


def test_validation_errors_shown_in_a_dialog(qtbot, editor: StoryEditor,
                                             artifacts: Path) -> None:
    editor.segments["action"].text.setPlainText(MINE["action"])
    with qtbot.assertNotEmitted(editor.saved):
        assert not editor.save()
    box = editor.message_box
    assert box is not None and box.isVisible()
    details = box.informativeText()
    assert "Title:" in details and "Questions:" in details and "Situation:" in details
    assert "Action:" not in details
    box.adjustSize()
    assert box.grab().save(str(artifacts / "story_editor_errors.png"))
    assert not stories.stories_dir().exists() or not any(stories.stories_dir().iterdir())
    box.close()


def test_open_existing_story_from_the_list(qtbot, editor: StoryEditor) -> None:
    _fill(qtbot, editor)
    assert editor.save()
    editor.new_story()
    assert editor.title.text() == "" and editor.story_id == ""
    index = editor.story_combo.findData("crash-spike-i-chased")
    editor.story_combo.setCurrentIndex(index)
    editor.story_combo.activated.emit(index)
    assert editor.title.text() == "Crash spike I chased"
    assert editor.segments["result"].text.toPlainText() == MINE["result"]
    assert editor.delete_button.isEnabled()


def test_export_import_and_conflicts(qtbot, editor: StoryEditor, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(qtbot, editor)
    target = tmp_path / "mine.toml"
    monkeypatch.setattr(editor, "ask_save_path", lambda suggested: target)
    qtbot.mouseClick(editor.export_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == stories.story_path("crash-spike-i-chased").read_bytes()

    monkeypatch.setattr(editor, "ask_open_path", lambda: target)
    monkeypatch.setattr(editor, "ask_conflict", lambda story_id: "cancel")
    with qtbot.assertNotEmitted(editor.saved):
        qtbot.mouseClick(editor.import_button, Qt.MouseButton.LeftButton)
    assert stories.story_ids() == {"crash-spike-i-chased"}
    monkeypatch.setattr(editor, "ask_conflict", lambda story_id: "rename")
    with qtbot.waitSignal(editor.saved) as sig:
        qtbot.mouseClick(editor.import_button, Qt.MouseButton.LeftButton)
    assert sig.args == ["crash-spike-i-chased-2"] and editor.story_id == "crash-spike-i-chased-2"

    bad = tmp_path / "bad.toml"
    bad.write_text('id = "half"\nkind = "story"\nprinciple = "Ownership"\n', encoding="utf-8")
    monkeypatch.setattr(editor, "ask_open_path", lambda: bad)
    with qtbot.assertNotEmitted(editor.saved):
        assert not editor.import_file(bad)
    assert "not a valid story file" in editor.message_box.informativeText()
    assert "segments: missing required field" in editor.message_box.informativeText()
    assert "half" not in stories.story_ids(), "nothing half-imported"


@pytest.mark.parametrize(("button", "answer"), [("Keep both", "rename"),
                                               ("Replace mine", "replace"), ("Cancel", "cancel")])
def test_import_conflict_answer_follows_the_button_pressed(editor: StoryEditor, button: str,
                                                           answer: str) -> None:
    pressed: list[str] = []

    def press() -> None:  # runs inside the question's own event loop
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        assert "crash-spike" in box.text()
        choice = next(b for b in box.buttons() if b.text().replace("&", "") == button)
        pressed.append(button)
        choice.click()

    QTimer.singleShot(0, press)
    assert editor.ask_conflict("crash-spike") == answer
    assert pressed == [button]


def test_unsaved_changes_are_not_dropped_silently(qtbot, editor: StoryEditor,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(qtbot, editor)
    assert editor.save() and not editor.has_unsaved_changes()
    editor.segments["result"].text.setPlainText("Crashes fell to 0.1%.")
    assert editor.has_unsaved_changes()
    asked = []
    monkeypatch.setattr(editor, "confirm", lambda title, text: asked.append(title) or False)
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.story_combo.setCurrentIndex(0)
    editor.story_combo.activated.emit(0)
    assert len(asked) == 2, "both New and switching stories ask before discarding"
    assert editor.segments["result"].text.toPlainText() == "Crashes fell to 0.1%."
    assert editor.story_combo.currentData() == "crash-spike-i-chased"
    monkeypatch.setattr(editor, "confirm", lambda title, text: True)
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    assert editor.story_id == "" and editor.title.text() == ""


def test_delete_asks_first(qtbot, editor: StoryEditor, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(qtbot, editor)
    assert editor.save()
    monkeypatch.setattr(editor, "confirm", lambda title, text: False)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert stories.story_ids() == {"crash-spike-i-chased"}
    monkeypatch.setattr(editor, "confirm", lambda title, text: True)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert stories.story_ids() == set() and editor.story_id == ""


def test_every_control_named_and_keyboard_reachable(editor: StoryEditor) -> None:
    controls = [editor.story_combo, editor.new_button, editor.principle, editor.title,
                editor.prompts, editor.paste, editor.split_button, editor.import_button,
                editor.export_button, editor.save_button]
    for box in editor.segments.values():
        controls += [box.text, box.target, box.phrases, box.propose]
    for c in controls:
        assert c.accessibleName(), c
        assert c.focusPolicy() & Qt.FocusPolicy.TabFocus, c.accessibleName()
    editor.title.setFocus()
    seen = [editor.title]
    w = editor.title
    while (w := w.nextInFocusChain()) is not editor.title:
        seen.append(w)
    for c in controls:
        assert c in seen, f"{c.accessibleName()} not in the tab order"
    assert editor.prompts.tabChangesFocus(), "Tab leaves text boxes instead of typing a tab"


def test_large_system_font_does_not_clip(qtbot, artifacts: Path) -> None:
    w = StoryEditor(BUILTIN)
    qtbot.addWidget(w)
    font = w.font()
    font.setPointSize(16)
    w.setFont(font)
    w.resize(900, 1000)
    w.show()
    qtbot.waitExposed(w)
    for b in (w.save_button, w.import_button, w.split_button, w.new_button):
        assert b.width() >= b.fontMetrics().horizontalAdvance(b.text().replace("&", "")), b.text()
    _shot(w, artifacts, "story_editor_16pt.png")


def test_split_pasted_answer_into_segments_with_real_coach(qtbot, editor: StoryEditor,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           artifacts: Path) -> None:
    editor.principle.setCurrentText("Ownership")
    editor.paste.setPlainText(" ".join(MINE[lb] for lb in SEGMENT_LABELS))
    editor.split_pasted()
    parts = {lb: b.text.toPlainText() for lb, b in editor.segments.items()}
    assert " ".join(p for p in parts.values() if p).split() == " ".join(MINE.values()).split(), (
        "splitting keeps every word, in order")
    assert sum(1 for p in parts.values() if p) >= 3
    assert "bisected" in parts["action"] and "1.8%" in parts["result"]
    assert any(b.phrases.text() for b in editor.segments.values()), "phrases proposed"
    editor.resize(1000, 1300)
    _shot(editor, artifacts, "story_editor_split.png")
    # splitting again over the user's corrections asks first
    editor.segments["task"].text.setPlainText("my correction")
    monkeypatch.setattr(editor, "confirm", lambda title, text: False)
    editor.split_pasted()
    assert editor.segments["task"].text.toPlainText() == "my correction"


def test_propose_button_fills_phrases_with_real_coach(qtbot, editor: StoryEditor) -> None:
    box = editor.segments["result"]
    box.text.setPlainText(MINE["result"])
    qtbot.mouseClick(box.propose, Qt.MouseButton.LeftButton)
    phrases = box.phrase_list()
    assert phrases and all(p.lower() in MINE["result"].lower() for p in phrases)
