"""Builders for the screens other modules provide (history, progress, coverage, compare, question
bank, story editor), each guarded so that a missing or broken module shows a note instead of
stopping the window.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mockinterviewer.ui import theme
from mockinterviewer.ui.services import Services

log = logging.getLogger(__name__)

NO_HISTORY = ("Your practice history cannot be opened, so this screen is empty. Restart the app "
              "to try again.")


def notice_page(title: str, text: str) -> QWidget:
    """A page with a heading and a note (for a screen that cannot be shown)."""
    page = QWidget()
    lay = QVBoxLayout(page)
    lay.setContentsMargins(32, 32, 32, 32)
    lay.addWidget(theme.style_heading(QLabel(title), 1.6))
    body = QLabel(text)
    body.setWordWrap(True)
    lay.addWidget(body)
    lay.addStretch(1)
    page.setAccessibleName(title)
    return page


def unavailable(title: str, why: str = "") -> QWidget:
    """The note shown in place of a screen that is missing."""
    return notice_page(title, why or f"{title} is not available in this version.")


def optional_class(module: str, cls: str) -> type | None:
    """Imports ``mockinterviewer.ui.<module>.<cls>``; None when it is missing or broken."""
    try:
        return getattr(importlib.import_module(f"mockinterviewer.ui.{module}"), cls)
    except ModuleNotFoundError:
        log.info("screen %s.%s not installed", module, cls)
    except Exception:
        log.warning("screen %s.%s unavailable", module, cls, exc_info=True)
    return None


def store_view(services: Services, module: str, cls_name: str,
               open_attempt: Callable[[int], None] | None = None) -> QWidget:
    """Builds a history screen taking the store (HistoryView, ProgressView, CompareView)."""
    cls = optional_class(module, cls_name)
    title = cls_name.removesuffix("View")
    if cls is None:
        return unavailable(title)
    if services.store is None:
        return unavailable(title, NO_HISTORY)
    view = cls(services.store)
    if open_attempt is not None and hasattr(view, "open_attempt"):
        view.open_attempt.connect(open_attempt)
    return view


def coverage_view(services: Services, practise: Callable[[str], None]) -> QWidget:
    """Builds the Coverage screen; its "practise" requests go to ``practise``."""
    cls = optional_class("coverage_view", "CoverageView")
    if cls is None:
        return unavailable("Coverage")
    if services.store is None:
        return unavailable("Coverage", NO_HISTORY)
    view = cls(services.store, list(services.scenarios))
    if hasattr(view, "practise"):
        view.practise.connect(practise)
    return view


def prompt_stats(store: Any) -> dict[str, tuple[int, str | None]]:
    """Per question phrasing: (times practised, best verdict), for the question bank."""
    if store is None:
        return {}
    try:
        return {p: (s.count, s.best_verdict) for p, s in store.prompt_stats().items()}
    except Exception:
        log.warning("prompt stats unavailable", exc_info=True)
        return {}


def question_bank(services: Services, stats: Callable[[], Any],
                  rehearse: Callable[[str, str], None]) -> QWidget:
    """Builds the question bank; its "rehearse" requests go to ``rehearse``."""
    cls = optional_class("question_bank", "QuestionBankView")
    if cls is None:
        return unavailable("Question bank")
    view = cls(list(services.scenarios), stats)
    view.rehearse.connect(rehearse)
    return view


def story_editor(services: Services, saved: Callable[[str], None]) -> QWidget:
    """Builds the story editor; ``saved`` runs after a story was saved or imported."""
    cls = optional_class("story_editor", "StoryEditor")
    if cls is None:
        return unavailable("My stories")
    view = cls(list(services.scenarios))
    view.saved.connect(saved)
    return view
