"""The report's list of finding cards, built a few at a time so a long report never stalls.

:class:`FindingList` is a scroll area the report owns (its Findings tab). :meth:`FindingList.
show_cards` queues the cards, each event-loop turn builds as many as fit in a few milliseconds,
and cards built while the list was hidden are shown a few a turn once it appears.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from mockinterviewer.ui.report.finding_card import FindingCard

if TYPE_CHECKING:
    from mockinterviewer.coach.types import Finding

log = logging.getLogger(__name__)

# UI-thread time one event-loop turn may spend building finding cards (a card with its word-wrapped
# labels and style sheet costs a few milliseconds; a long report is built over several turns).
_CARD_BUDGET_S = 0.008
_CARDS_PER_TURN = 3  # cards shown per turn once the list is visible

PendingCard = tuple["Finding", str, bool]
"""(finding, recording kind, playable) for one card."""


class FindingList(QScrollArea):
    """The finding cards of one report, built and revealed over several event-loop turns.

    Attributes:
        cards: the cards built so far, in order.
        filling: True while cards are still being built (``filled`` follows).

    Signals:
        filled: every card of the current report is built.
        play_requested: (seconds, recording kind) from a card.
        count_changed: how many cards the current report has (for the tab's title).
    """

    filled = Signal()
    play_requested = Signal(float, str)
    count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[FindingCard] = []
        self.filling = False
        self._pending: list[PendingCard] = []
        self._empty_text = ""
        self._fill_token = 0
        self.box = QWidget()
        self.box_layout = QVBoxLayout(self.box)
        self.box_layout.setContentsMargins(0, 0, 0, 0)
        self.setWidgetResizable(True)
        # a scroll bar that comes and goes changes the cards' width, and laying them all out
        # again at the new width costs a visible stall: keep it (disabled when all fits)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWidget(self.box)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Findings")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Shows the cards built while the list was hidden, from the next event-loop turn on,
        a few a turn (see :meth:`_reveal`)."""
        super().showEvent(event)
        if any(card.isHidden() for card in self.cards):
            token = self._fill_token
            QTimer.singleShot(0, self, lambda: self._reveal(token, wait=True))

    def _reveal(self, token: int, wait: bool = False) -> None:
        """Shows the next few hidden cards, top down: showing, laying out and painting a dozen
        at once, with the rest of the page, would stall the window. With ``wait``, first lets
        one event-loop turn pass, in which the page itself is painted."""
        if token != self._fill_token or not self.isVisible():
            return
        if wait:
            QTimer.singleShot(0, self, lambda: self._reveal(token))
            return
        hidden = [card for card in self.cards if card.isHidden()]
        for card in hidden[:_CARDS_PER_TURN]:
            card.show()
        if len(hidden) > _CARDS_PER_TURN:
            QTimer.singleShot(0, self, lambda: self._reveal(token))

    def show_cards(self, pending: list[PendingCard],
                   empty: str = "No findings: nothing to fix in this answer.") -> None:
        """Clears the old cards and queues new ones (built by :meth:`_build`).

        Args:
            pending: (finding, recording kind, playable) per card, in order.
            empty: what the list says when there are none.
        """
        self.cards = []
        while self.box_layout.count():
            item = self.box_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:  # hidden now (out of the layout), deleted at the next turn
                old.hide()
                old.deleteLater()
        self._pending = list(pending)
        self._empty_text = empty
        self.count_changed.emit(len(pending))
        self._fill_token += 1
        self.filling = True
        token = self._fill_token
        QTimer.singleShot(0, self, lambda: self._build(token))

    def _build(self, token: int) -> None:
        """Builds queued cards for up to :data:`_CARD_BUDGET_S`, then yields the turn."""
        if token != self._fill_token:  # another report replaced this one meanwhile
            return
        start = time.perf_counter()
        while self._pending and time.perf_counter() - start < _CARD_BUDGET_S:
            finding, kind, playable = self._pending.pop(0)
            card = FindingCard(finding, kind, playable, parent=self.box)
            card.play_requested.connect(self.play_requested)
            card.ensurePolished()  # styled now, in this turn, not all at once when shown
            if not self.isVisible():
                card.hide()  # shown a few a turn once the list is (see showEvent)
            self.box_layout.addWidget(card)
            self.cards.append(card)
        if self._pending:
            QTimer.singleShot(0, self, lambda: self._build(token))
            return
        if not self.cards:
            note = QLabel(self._empty_text)
            note.setWordWrap(True)
            self.box_layout.addWidget(note)
        self.box_layout.addStretch(1)
        self.filling = False
        self.filled.emit()
