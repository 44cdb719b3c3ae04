"""The report's finding cards, built a few at a time so a long report never stalls the window.

A mixin for :class:`~mockinterviewer.ui.report.report_view.ReportView`: :meth:`FindingCardsMixin.
show_cards` queues the cards, each event-loop turn builds as many as fit in a few milliseconds,
and cards built while the page was hidden are shown a few a turn once it appears.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from mockinterviewer.ui.report.finding_card import FindingCard

log = logging.getLogger(__name__)

# UI-thread time one event-loop turn may spend building finding cards (a card with its word-wrapped
# labels and style sheet costs a few milliseconds; a long report is built over several turns).
_CARD_BUDGET_S = 0.008
_CARDS_PER_TURN = 3  # cards shown per turn once the page is visible


class FindingCardsMixin:
    """Builds and reveals the finding cards of a report page over several event-loop turns.

    The host is a QWidget that provides ``findings_box`` (the cards' parent), ``findings_layout``
    (its layout), ``tabs`` (tab 0 is the findings tab), the ``filled`` signal and the ``play``
    slot (seconds, recording kind), and calls :meth:`_init_cards` before showing any.
    """

    cards: list[FindingCard]
    findings_box: QWidget
    findings_layout: QVBoxLayout
    tabs: QTabWidget
    filled: Any
    filling: bool

    def _init_cards(self) -> None:
        """Starts with no cards (call from the host's constructor)."""
        self.cards = []
        #: True while finding cards are still being built (see ``filled``).
        self.filling = False
        self._pending: list[tuple[Any, str, bool]] = []
        self._empty_text = ""
        self._fill_token = 0

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Shows the finding cards built while the page was hidden, from the next event-loop
        turn on, a few a turn (see :meth:`_reveal_cards`)."""
        super().showEvent(event)  # type: ignore[misc]
        if any(card.isHidden() for card in self.cards):
            token = self._fill_token
            QTimer.singleShot(0, self, lambda: self._reveal_cards(token, wait=True))

    def _reveal_cards(self, token: int, wait: bool = False) -> None:
        """Shows the next few hidden cards, top down: showing, laying out and painting a dozen
        at once, with the rest of the page, would stall the window. With ``wait``, first lets
        one event-loop turn pass, in which the page itself is painted."""
        assert isinstance(self, QWidget)
        if token != self._fill_token or not self.isVisible():
            return
        if wait:
            QTimer.singleShot(0, self, lambda: self._reveal_cards(token))
            return
        hidden = [card for card in self.cards if card.isHidden()]
        for card in hidden[:_CARDS_PER_TURN]:
            card.show()
        if len(hidden) > _CARDS_PER_TURN:
            QTimer.singleShot(0, self, lambda: self._reveal_cards(token))

    def show_cards(self, pending: list[tuple[Any, str, bool]],
                   empty: str = "No findings: nothing to fix in this answer.") -> None:
        """Clears the old cards and queues new ones (built by :meth:`_build_cards`).

        Args:
            pending: (finding, recording kind, playable) per card, in order.
            empty: what the tab says when there are none.
        """
        assert isinstance(self, QWidget)
        self.cards = []
        while self.findings_layout.count():
            item = self.findings_layout.takeAt(0)
            old = item.widget()
            if old is not None:  # hidden now (out of the layout), deleted at the next turn
                old.hide()
                old.deleteLater()
        self._pending = list(pending)
        self._empty_text = empty
        self.tabs.setTabText(0, f"&Findings ({len(pending)})")
        self._fill_token += 1
        self.filling = True
        token = self._fill_token
        QTimer.singleShot(0, self, lambda: self._build_cards(token))

    def _build_cards(self, token: int) -> None:
        """Builds queued finding cards for up to :data:`_CARD_BUDGET_S`, then yields the turn."""
        assert isinstance(self, QWidget)
        if token != self._fill_token:  # another report replaced this one meanwhile
            return
        start = time.perf_counter()
        while self._pending and time.perf_counter() - start < _CARD_BUDGET_S:
            finding, kind, playable = self._pending.pop(0)
            card = FindingCard(finding, kind, playable, parent=self.findings_box)
            card.play_requested.connect(self.play)  # type: ignore[attr-defined]
            card.ensurePolished()  # styled now, in this turn, not all at once when shown
            if not self.isVisible():
                card.hide()  # shown a few a turn once the page is (see showEvent)
            self.findings_layout.addWidget(card)
            self.cards.append(card)
        if self._pending:
            QTimer.singleShot(0, self, lambda: self._build_cards(token))
            return
        if not self.cards:
            note = QLabel(self._empty_text)
            note.setWordWrap(True)
            self.findings_layout.addWidget(note)
        self.findings_layout.addStretch(1)
        self.filling = False
        self.filled.emit()
