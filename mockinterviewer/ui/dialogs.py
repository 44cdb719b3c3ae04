"""Messages to the user: what happened and what to do, never a traceback.

Every screen reports failures through :func:`show_error`, which opens a window-modal message box
without blocking the caller (so the event loop, recordings and tests keep running). Questions that
need an answer before going on use :func:`confirm`.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mockinterviewer.paths import app_paths

log = logging.getLogger(__name__)

_open_boxes: list[QMessageBox] = []


def error_text(what: str, todo: str) -> str:
    """Formats an error as rich text: what happened, then what to do.

    Args:
        what: what happened, in the user's words.
        todo: what the user can do about it.

    Returns:
        HTML for a message box.
    """
    body = f"<p>{html.escape(what)}</p>"
    if todo:
        body += f"<p><b>What to do:</b> {html.escape(todo)}</p>"
    return body


def show_error(parent: QWidget | None, title: str, what: str, todo: str = "",
               details: str | None = None) -> QMessageBox:
    """Shows an error without blocking: what happened and what to do.

    Args:
        parent: the window it belongs to.
        title: a short title, e.g. "Microphone not found".
        what: what happened.
        todo: what to do about it.
        details: optional technical details (shown folded; never a traceback).

    Returns:
        The open message box (tests read its text; it deletes itself when closed).
    """
    log.info("error shown: %s: %s", title, what)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<b>{html.escape(title)}</b>")
    box.setInformativeText(error_text(what, todo))
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _track(box)
    box.open()
    return box


def show_message(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """Shows an informational note without blocking.

    Args:
        parent: the window it belongs to.
        title: a short title.
        message: the note (plain text).

    Returns:
        The open message box.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(message)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _track(box)
    box.open()
    return box


def _track(box: QMessageBox) -> None:
    """Keeps a box alive while open; forgets it when closed or deleted with its window."""
    _open_boxes.append(box)

    def forget(*_: object) -> None:
        if box in _open_boxes:
            _open_boxes.remove(box)

    box.finished.connect(forget)
    box.destroyed.connect(forget)


def open_boxes() -> list[QMessageBox]:
    """The message boxes shown by this module that are still open (for tests and shutdown)."""
    alive: list[QMessageBox] = []
    for box in list(_open_boxes):
        try:
            box.isVisible()  # raises once Qt has deleted the C++ object
        except RuntimeError:
            _open_boxes.remove(box)
            continue
        alive.append(box)
    return alive


def confirm(parent: QWidget | None, title: str, question: str, yes: str = "Yes",
            no: str = "No") -> bool:
    """Asks a yes/no question and waits for the answer (No is the default, Esc answers No).

    Args:
        parent: the window it belongs to.
        title: a short title.
        question: the question.
        yes: text of the accepting button.
        no: text of the refusing button.

    Returns:
        True when the user chose ``yes``.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    yes_btn = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_btn = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_btn)
    box.setEscapeButton(no_btn)
    box.exec()
    return box.clickedButton() is yes_btn


def unexpected_error(parent: QWidget | None, action: str, exc: BaseException) -> QMessageBox:
    """Reports an unexpected failure: the traceback goes to the log, the user gets words.

    Args:
        parent: the window it belongs to.
        action: what the app was doing, e.g. "saving the settings".
        exc: the exception.

    Returns:
        The open message box.
    """
    log.error("unexpected failure while %s", action, exc_info=exc)
    return show_error(
        parent,
        "Something went wrong",
        f"An unexpected problem happened while {action} ({type(exc).__name__}: {exc}).",
        f"Try again. If it keeps happening, the details are in {app_paths().log_file}; "
        "your recordings and history are kept.",
    )
