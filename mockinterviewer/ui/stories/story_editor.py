"""The story editor: the user writes (or pastes and splits) their own story for a principle."""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.content import stories
from mockinterviewer.content.model import SEGMENT_LABELS, Scenario, kebab
from mockinterviewer.content.stories import StoryDraft, StoryError
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.stories.story_segment_box import SegmentBox, action_button, text_box

log = logging.getLogger(__name__)


class StoryEditor(QWidget):
    """Write, split, save, import and export the user's own stories.

    Args:
        scenarios: the library (built-in scenarios give principles and default targets).
        parent: the parent widget.

    Signals:
        saved(story_id): a story was saved or imported into the stories folder.
    """

    saved = Signal(str)

    def __init__(self, scenarios: Iterable[Scenario], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Story editor")
        self.scenarios = [s for s in scenarios if s.kind == "scenario"]
        self.story_id = ""
        self.message_box: QMessageBox | None = None
        self._defaults = stories.DEFAULT_TARGETS

        self.story_combo = QComboBox()
        self.story_combo.setAccessibleName("Your stories")
        self.story_combo.activated.connect(self._open_chosen)
        self.new_button = action_button("&New story", "New story", self._new_clicked)
        self.delete_button = action_button("&Delete", "Delete story", self._delete)
        self.principle = QComboBox()
        self.principle.setAccessibleName("Principle")
        names = [s.principle for s in self.scenarios]
        known = {kebab(n) for n in names}
        names += [p for p in stories.PRINCIPLES if kebab(p) not in known]
        order = {kebab(p): i for i, p in enumerate(stories.PRINCIPLES)}
        self.principle.addItems(sorted(names, key=lambda n: order.get(kebab(n), len(order))))
        self.principle.currentTextChanged.connect(self._principle_changed)
        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("A short name, e.g. \"Retry storm I stopped on call\"")
        self.prompts = text_box(3, "Questions this story answers",
                                "One question per line, as an interviewer would ask it")
        self.paste = text_box(6, "Whole answer",
                              "Optional: paste your whole answer here, then split it")
        self.split_button = action_button("Split into se&gments", "Split into segments",
                                          self.split_pasted, "Let the coach split your answer "
                                          "into situation, task, action, result and reflection")
        self.segments = {lb: SegmentBox(lb) for lb in SEGMENT_LABELS}
        for box in self.segments.values():
            box.propose.clicked.connect(lambda _=False, b=box: self.propose_phrases(b.label))

        pick = QHBoxLayout()
        pick.addWidget(self.story_combo, 1)
        pick.addWidget(self.new_button)
        pick.addWidget(self.delete_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        stories_label = QLabel("&Your stories:")
        stories_label.setBuddy(self.story_combo)
        form.addRow(stories_label, pick)
        fields: tuple[tuple[str, QWidget], ...] = (
            ("&Principle:", self.principle), ("&Title:", self.title), ("&Questions:", self.prompts))
        for text, field in fields:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        paste_group = QGroupBox("Paste a whole answer (optional)")
        paste_lay = QVBoxLayout(paste_group)
        paste_lay.addWidget(self.paste)
        paste_lay.addWidget(self.split_button, 0, Qt.AlignmentFlag.AlignRight)
        body = QWidget()
        body_lay = QVBoxLayout(body)
        body_lay.addLayout(form)
        body_lay.addWidget(paste_group)
        for box in self.segments.values():
            body_lay.addWidget(box)
        body_lay.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Story editor status")
        self.import_button = action_button("&Import…", "Import story", self._import,
                                           "Add a story file (.toml) to your stories")
        self.export_button = action_button("E&xport…", "Export story", self._export,
                                           "Save the story, then copy its file where you choose")
        self.save_button = action_button("&Save", "Save story", self.save)
        self.save_button.setDefault(True)
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_key.activated.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.import_button, self.export_button, self.save_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.scroll_area, 1)
        lay.addLayout(buttons)
        self.refresh_stories()
        self.new_story()

    # -- helpers the tests and the main window use ---------------------------------------------

    def refresh_stories(self) -> None:
        """Re-reads the stories folder into the "Your stories" list."""
        report = stories.list_stories()
        self.story_combo.clear()
        self.story_combo.addItem("(new story)", "")
        for s in report.scenarios:
            self.story_combo.addItem(f"{s.principle}: {s.title}", s.id)
        index = self.story_combo.findData(self.story_id)
        self.story_combo.setCurrentIndex(max(index, 0))
        self.delete_button.setEnabled(bool(self.story_id))
        if report.errors:
            self.status.setText(f"{len(report.errors)} story file(s) could not be read: "
                                + "; ".join(report.errors))

    def set_scenarios(self, scenarios: Iterable[Scenario]) -> None:
        """Takes a reloaded library (built-in scenarios give default targets and the splitter)."""
        self.scenarios = [s for s in scenarios if s.kind == "scenario"]

    def has_unsaved_changes(self) -> bool:
        """Whether the form differs from the story as last opened or saved."""
        return self.draft() != self._clean

    def _may_discard(self) -> bool:
        return not self.has_unsaved_changes() or self.confirm(
            "Discard your changes?", "This story has unsaved changes. Discard them?")

    def draft(self) -> StoryDraft:
        """What the form holds now."""
        return StoryDraft(
            principle=self.principle.currentText(), title=self.title.text(),
            prompts=tuple(self.prompts.toPlainText().splitlines()),
            segments=stories.segment_drafts(
                {lb: b.text.toPlainText() for lb, b in self.segments.items()},
                {lb: b.target.value() for lb, b in self.segments.items()},
                {lb: b.phrase_list() for lb, b in self.segments.items()}),
            story_id=self.story_id)

    def new_story(self) -> None:
        """Clears the form for a new story."""
        self.story_id = ""
        self.title.clear()
        self.prompts.clear()
        self.paste.clear()
        for box in self.segments.values():
            box.text.clear()
            box.phrases.clear()
        self._set_targets(stories.default_targets(self.principle.currentText(), self.scenarios),
                          force=True)
        self.refresh_stories()
        self._clean = self.draft()
        self.status.setText("New story: choose a principle, then write or paste your answer.")

    def load(self, story: Scenario) -> None:
        """Puts a stored story into the form for editing."""
        self.story_id = story.id
        if self.principle.findText(story.principle) < 0:
            self.principle.addItem(story.principle)
        self.principle.blockSignals(True)  # the story's own targets, not the defaults
        self.principle.setCurrentText(story.principle)
        self.principle.blockSignals(False)
        self._defaults = stories.default_targets(story.principle, self.scenarios)
        self.title.setText(story.title)
        self.prompts.setPlainText("\n".join(story.prompts))
        self.paste.clear()
        for seg in story.segments:
            box = self.segments[seg.label]
            box.text.setPlainText(seg.strong_example)
            box.target.setValue(seg.target_seconds)
            box.phrases.setText("; ".join(seg.signal_phrases))
        self.refresh_stories()
        self._clean = self.draft()
        self.status.setText(f"Editing \u201c{story.title}\u201d ({story.id}).")

    def _set_targets(self, targets: dict[str, float], force: bool = False) -> None:
        for lb, box in self.segments.items():
            if force or box.target.value() == self._defaults.get(lb):
                box.target.setValue(targets[lb])
        self._defaults = targets

    def _principle_changed(self, name: str) -> None:
        self._set_targets(stories.default_targets(name, self.scenarios))

    def _open_chosen(self, index: int) -> None:
        story_id = self.story_combo.itemData(index)
        if story_id == self.story_id:
            return
        if not self._may_discard():
            self.story_combo.setCurrentIndex(max(self.story_combo.findData(self.story_id), 0))
            return
        if not story_id:
            self.new_story()
            return
        try:
            self.load(stories.load_story(story_id))
        except StoryError as exc:
            self.show_error("This story cannot be opened", exc)

    # -- coaching engine ---------------------------------------------------------------------

    def split_pasted(self) -> None:
        """Splits the pasted answer into the segment boxes and proposes phrases for each."""
        text = self.paste.toPlainText().strip()
        if not text:
            self.show_message("Nothing to split", "The answer box is empty.",
                              "Paste your whole answer into the box, then split it.")
            return
        if any(b.text.toPlainText().strip() for b in self.segments.values()) and not self.confirm(
                "Replace the segments?",
                "Splitting replaces what is in the segment boxes. Your pasted answer stays."):
            return
        try:
            from mockinterviewer.coach import split_story

            # the built-in scenario's proportions guide the split (generic ones without it)
            parts = split_story(text, stories.builtin_for(self.principle.currentText(),
                                                          self.scenarios))
        except Exception as exc:
            log.exception("split_story failed")
            self.show_message("The answer could not be split", str(exc),
                              "Copy each part into its box by hand instead.")
            return
        for lb, box in self.segments.items():
            box.text.setPlainText(str(parts.get(lb, "")).strip())
            self.propose_phrases(lb, quiet=True)
        empty = [lb.title() for lb, b in self.segments.items() if not b.text.toPlainText()]
        note = f" Nothing was found for: {', '.join(empty)}; write those yourself." if empty else ""
        self.status.setText("Split into segments: check each part and correct it." + note)

    def propose_phrases(self, label: str, quiet: bool = False) -> None:
        """Fills a segment's signal phrases with ones proposed from its text."""
        box = self.segments[label]
        text = box.text.toPlainText().strip()
        if not text:
            box.phrases.clear()
            if not quiet:
                self.show_message("Nothing to propose from", f"The {label} box is empty.",
                                  f"Write the {label} part first, then propose phrases.")
            return
        try:
            from mockinterviewer.coach import propose_signal_phrases

            phrases = [p for p in propose_signal_phrases(text, label) if p.strip()]
        except Exception as exc:
            log.exception("propose_signal_phrases failed")
            if not quiet:
                self.show_message("No phrases proposed", str(exc), "Type the phrases yourself.")
            return
        box.phrases.setText("; ".join(phrases))

    # -- saving, importing, exporting ----------------------------------------------------------

    def save(self) -> bool:
        """Validates the form and saves the story; problems are shown in a dialog.

        Returns:
            Whether the story was saved.
        """
        try:
            story = stories.build_story(self.draft())
            path = stories.save_story(story, overwrite=bool(self.story_id))
        except StoryError as exc:
            self.show_error("The story is not saved yet", exc)
            return False
        self.story_id = story.id
        self.refresh_stories()
        self._clean = self.draft()
        self.status.setText(f"Saved \u201c{story.title}\u201d to {path}.")
        self.saved.emit(story.id)
        return True

    def import_file(self, path: Path) -> bool:
        """Imports a story file, asking what to do when its id is taken, and opens it."""
        try:
            story = stories.read_story_file(path)
            conflict = "error"
            if story.id in stories.reserved_ids():
                conflict = "rename"
            elif story.id in stories.story_ids():
                conflict = self.ask_conflict(story.id)
                if conflict == "cancel":
                    return False
            stored = stories.import_story(path, on_conflict=conflict)
        except StoryError as exc:
            self.show_error("The story was not imported", exc)
            return False
        self.load(stored)
        self.status.setText(f"Imported \u201c{stored.title}\u201d as {stored.id}.")
        self.saved.emit(stored.id)
        return True

    def export_to(self, path: Path) -> bool:
        """Copies the saved story's file to ``path`` (save it first)."""
        try:
            target = stories.export_story(self.story_id, path, overwrite=True)
        except StoryError as exc:
            self.show_error("The story was not exported", exc)
            return False
        self.status.setText(f"Exported to {target}.")
        return True

    def _import(self) -> None:
        path = self.ask_open_path()
        if path:
            self.import_file(path)

    def _export(self) -> None:
        if not self.save():
            return
        path = self.ask_save_path(f"{self.story_id}.toml")
        if path:
            self.export_to(path)

    def _delete(self) -> None:
        if not self.story_id or not self.confirm(
                "Delete this story?", f"Delete \u201c{self.title.text()}\u201d for good?"):
            return
        try:
            stories.delete_story(self.story_id)
        except StoryError as exc:
            self.show_error("The story was not deleted", exc)
            return
        self.new_story()
        self.status.setText("Story deleted.")

    # -- dialogs (separate methods so tests and the main window can replace them) --------------

    def ask_open_path(self) -> Path | None:
        """Asks for a story file to import."""
        name, _ = QFileDialog.getOpenFileName(self, "Import a story", "", "Stories (*.toml)")
        return Path(name) if name else None

    def ask_save_path(self, suggested: str) -> Path | None:
        """Asks where to export the story."""
        name, _ = QFileDialog.getSaveFileName(self, "Export the story", suggested,
                                              "Stories (*.toml)")
        return Path(name) if name else None

    def _new_clicked(self) -> None:
        """New story: starts an empty story once unsaved changes may be discarded."""
        if self._may_discard():
            self.new_story()

    def ask_conflict(self, story_id: str) -> str:
        """Asks what to do when an imported story's id is taken: rename, replace or cancel."""
        text = f"You already have a story with the id \u201c{story_id}\u201d."
        box = QMessageBox(QMessageBox.Icon.Question, "Story already exists", text, parent=self)
        keep = box.addButton("Keep both", QMessageBox.ButtonRole.AcceptRole)
        repl = box.addButton("Replace mine", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return "rename"
        return "replace" if clicked is repl else "cancel"

    def confirm(self, title: str, text: str) -> bool:
        """Asks a yes/no question (No is the default)."""
        return dialogs.confirm(self, title, text)

    def show_error(self, title: str, exc: StoryError) -> None:
        """Shows a story error: its summary, then every problem as a list."""
        todo = "Fix what is listed below, then try again." if exc.errors else ""
        self.show_message(title, exc.summary[:1].upper() + exc.summary[1:] + ".", todo)
        if exc.errors and self.message_box is not None:
            items = "".join(f"<li>{html.escape(e)}</li>" for e in exc.errors)
            self.message_box.setInformativeText(self.message_box.informativeText()
                                                + f"<ul>{items}</ul>")

    def show_message(self, title: str, what: str, todo: str = "") -> None:
        """Shows a problem without blocking (the box is kept in ``message_box``)."""
        self.message_box = dialogs.show_error(self, title, what, todo)
        self.status.setText(f"{title}. {what}")
