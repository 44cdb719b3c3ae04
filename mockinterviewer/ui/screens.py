"""Builders for the screens made on their first visit (history, progress, coverage, compare,
question bank, story editor, loop). Each is imported when first shown, so start-up stays quick; a
screen that needs the history shows a note when the history cannot be opened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mockinterviewer.settings import Settings
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


def unavailable(title: str, why: str) -> QWidget:
    """The note shown in place of a screen that cannot work now (e.g. no history)."""
    return notice_page(title, why)


StoreViewKind = Literal["history", "progress", "compare"]


def store_view(services: Services, kind: StoreViewKind,
               open_attempt: Callable[[int], None] | None = None) -> QWidget:
    """Builds a screen that reads the history store (History, Progress or Compare).

    Args:
        services: the engines; without a store the screen is a note saying why.
        kind: which screen.
        open_attempt: where History's "Open report" requests go.
    """
    title = kind.title()
    if services.store is None:
        return unavailable(title, NO_HISTORY)
    if kind == "history":
        from mockinterviewer.ui.history.history_view import HistoryView

        history = HistoryView(services.store)
        if open_attempt is not None:
            history.open_attempt.connect(open_attempt)
        return history
    if kind == "progress":
        from mockinterviewer.ui.history.progress_view import ProgressView

        return ProgressView(services.store)
    from mockinterviewer.ui.history.compare_view import CompareView

    return CompareView(services.store)


def coverage_view(services: Services, practise: Callable[[str], None]) -> QWidget:
    """Builds the Coverage screen; its "practise" requests go to ``practise``."""
    if services.store is None:
        return unavailable("Coverage", NO_HISTORY)
    from mockinterviewer.ui.history.coverage_view import CoverageView

    view = CoverageView(services.store, list(services.scenarios))
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


def due_schedule(store: Any) -> dict[str, Any]:
    """Per question phrasing: when it is due for review (``store.due``), for the question bank."""
    if store is None:
        return {}
    from mockinterviewer.store.due import due_from_store

    try:
        return dict(due_from_store(store))
    except Exception:
        log.warning("review schedule unavailable", exc_info=True)
        return {}


def question_bank(services: Services, stats: Callable[[], Any],
                  rehearse: Callable[[str, str], None]) -> QWidget:
    """Builds the question bank; its "rehearse" requests go to ``rehearse``."""
    from mockinterviewer.ui.question_bank import QuestionBankView

    view = QuestionBankView(list(services.scenarios), stats,
                            due_provider=lambda: due_schedule(services.store))
    view.rehearse.connect(rehearse)
    return view


def story_editor(services: Services, saved: Callable[[str], None]) -> QWidget:
    """Builds the story editor; ``saved`` runs after a story was saved or imported."""
    from mockinterviewer.ui.stories.story_editor import StoryEditor

    view = StoryEditor(list(services.scenarios))
    view.saved.connect(saved)
    return view


def loop_screen(services: Services, settings: Settings, open_attempt: Callable[[int], None],
                saved: Callable[[], None]) -> QWidget:
    """Builds the Loop screen (choose, answer, debrief).

    Args:
        services: the engines.
        settings: the user's settings.
        open_attempt: where the debrief's requests for an answer's report go.
        saved: runs after a loop was saved.
    """
    from mockinterviewer.ui.loop.loop_screen import LoopScreen

    view = LoopScreen(services, settings)
    view.report_requested.connect(open_attempt)
    view.loop_saved.connect(saved)
    return view
