"""Report: the bar-raiser view of one answer.

Verdict and reasons, the timeline of actual against target seconds per STAR segment, pace and
filler metrics, then tabs: findings (each quoting the user's words, with a button that plays the
recording from that moment), the transcript coloured by segment, the scenario's strong example
side by side with the user's segment, and the follow-up answers. Retry and Next end the screen.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.content.model import LEVEL_NAMES, Scenario
from mockinterviewer.ui import audio_out, theme
from mockinterviewer.ui.finding_card import FindingCard, highlight_phrases, hint_text
from mockinterviewer.ui.star_strip import format_seconds
from mockinterviewer.ui.timeline_chart import TimelineChart, bars_from_segments
from mockinterviewer.ui.transcript_view import segments_html, word_html

log = logging.getLogger(__name__)

_SEVERITY_ROLE = {"critical": "bad", "warning": "warn", "info": "good"}
_VERDICT_ROLE = {"Strong Hire": "good", "Hire": "good", "Leaning No Hire": "warn",
                 "No Hire": "bad"}
_ORDER = {"critical": 0, "warning": 1, "info": 2}
# UI-thread time one event-loop turn may spend building finding cards (a card with its word-wrapped
# labels and style sheet costs a few milliseconds; a long report is built over several turns).
_CARD_BUDGET_S = 0.008
_CARDS_PER_TURN = 3  # cards shown per turn once the page is visible


class ReportView(QWidget):
    """The report screen.

    Finding cards are built a few at a time over the event-loop turns after :meth:`show_analysis`
    (so a long report never stalls the window); :attr:`filling` is True until they all are, and
    :attr:`filled` follows.

    Signals:
        retry_requested: scenario id, to answer the same scenario again.
        next_requested: scenario id of the report, to move on to another scenario.
        filled: every finding card of the current report is built.
    """

    retry_requested = Signal(str)
    next_requested = Signal(str)
    filled = Signal()

    def __init__(self, services: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.analysis: Any = None
        self.scenario: Scenario | None = None
        self.recordings: dict[str, Path] = {}
        self.attempt_id: int | None = None
        self.cards: list[FindingCard] = []
        self.played: list[tuple[str, float]] = []
        #: True while finding cards are still being built (see :attr:`filled`).
        self.filling = False
        #: the stored drill try shown (None for a whole answer's report)
        self.drill: Any = None
        self._pending: list[tuple[Any, str, bool]] = []
        self._empty_text = ""
        self._fill_token = 0

        # PySide builds QStyle's Python enums on the first style() call (tens of milliseconds):
        # pay that here, at start-up, rather than when the first report appears
        self.style()
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 8)
        self.title = theme.style_heading(QLabel(), 1.4)
        self.title.setWordWrap(True)
        root.addWidget(self.title)

        top = QHBoxLayout()
        verdict_card = QFrame()
        verdict_card.setObjectName("card")
        vl = QVBoxLayout(verdict_card)
        self.verdict = theme.style_heading(QLabel(), 1.6)
        self.verdict.setAccessibleName("Verdict")
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAccessibleName("Reasons for the verdict")
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        reasons_scroll = QScrollArea()
        reasons_scroll.setWidgetResizable(True)
        reasons_scroll.setFrameShape(QFrame.Shape.NoFrame)
        reasons_scroll.setWidget(self.reasons)
        reasons_scroll.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        reasons_scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                                     "{ background: transparent; }")
        vl.addWidget(self.verdict)
        vl.addWidget(reasons_scroll, 1)
        top.addWidget(verdict_card, 3)
        metrics_card = QFrame()
        metrics_card.setObjectName("card")
        self.metrics_grid = QGridLayout(metrics_card)
        self.metrics_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.metric_labels: dict[str, QLabel] = {}
        for i, (key, name) in enumerate((("pace", "Pace"), ("fillers", "Fillers"),
                                         ("total", "Total time"), ("pause", "Longest pause"),
                                         ("person", "I / we"), ("words", "Words"))):
            name_label = QLabel(name)
            name_label.setProperty("role", "muted")
            value = QLabel()
            value.setAccessibleName(name)
            self.metrics_grid.addWidget(name_label, i, 0)
            self.metrics_grid.addWidget(value, i, 1)
            self.metric_labels[key] = value
        top.addWidget(metrics_card, 2)
        root.addLayout(top)

        self.chart = TimelineChart()
        root.addWidget(self.chart)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Report details")
        self.findings_box = QWidget()
        self.findings_layout = QVBoxLayout(self.findings_box)
        self.findings_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # a scroll bar that comes and goes changes the cards' width, and laying them all out
        # again at the new width costs a visible stall: keep it (disabled when all fits)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(self.findings_box)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tabs.addTab(scroll, "&Findings")
        self.transcript = QTextBrowser()
        self.transcript.setAccessibleName("Transcript coloured by segment")
        self.tabs.addTab(self.transcript, "Tra&nscript")
        self.tabs.addTab(self._compare_tab(), "&Compare with a strong answer")
        self.probes = QTextBrowser()
        self.probes.setAccessibleName("Follow-up answers")
        self.tabs.addTab(self.probes, "F&ollow-ups")
        root.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        buttons.addWidget(self.status, 1)
        self.retry_button = QPushButton("&Retry this question")
        self.retry_button.setAccessibleName("Retry this scenario")
        self.retry_button.clicked.connect(
            lambda: self.retry_requested.emit(self.scenario.id if self.scenario else ""))
        self.next_button = QPushButton("Ne&xt scenario")
        self.next_button.setProperty("primary", "true")
        self.next_button.setAccessibleName("Next scenario")
        self.next_button.clicked.connect(
            lambda: self.next_requested.emit(self.scenario.id if self.scenario else ""))
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.next_button)
        root.addLayout(buttons)

    def _compare_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        row = QHBoxLayout()
        pick = QLabel("&Segment:")
        self.segment_combo = QComboBox()
        self.segment_combo.setAccessibleName("Segment to compare")
        pick.setBuddy(self.segment_combo)
        row.addWidget(pick)
        row.addWidget(self.segment_combo)
        row.addStretch(1)
        lay.addLayout(row)
        sides = QHBoxLayout()
        self.mine = QTextBrowser()
        self.mine.setAccessibleName("Your segment")
        self.strong = QTextBrowser()
        self.strong.setAccessibleName("Strong example")
        for title, box in (("You said", self.mine), ("A strong answer says", self.strong)):
            col = QVBoxLayout()
            head = QLabel(f"<b>{title}</b>")
            col.addWidget(head)
            col.addWidget(box, 1)
            sides.addLayout(col, 1)
        lay.addLayout(sides, 1)
        self.segment_combo.currentIndexChanged.connect(lambda _i: self._show_compare())
        return tab

    # -- public -----------------------------------------------------------------------------------

    def show_analysis(self, analysis: Any, scenario: Scenario | None = None,
                      recordings: Mapping[str, Path] | None = None,
                      attempt_id: int | None = None) -> None:
        """Fills the report.

        Args:
            analysis: the ``coach.Analysis``.
            scenario: its scenario (default: looked up in the services' library).
            recordings: audio by kind ("answer", "probe:<id>"); default: from the store.
            attempt_id: the stored attempt, if any.
        """
        self.analysis = analysis
        self.attempt_id = attempt_id
        self.drill = None
        self.prepare()
        if scenario is None and self.services is not None:
            scenario = self.services.scenario(analysis.scenario_id)
        self.scenario = scenario
        self.recordings = dict(recordings or self._stored_recordings(attempt_id))
        level = LEVEL_NAMES.get(analysis.level, analysis.level)
        name = f"{scenario.principle}: {scenario.title}" if scenario else analysis.scenario_id
        self.title.setText(f"Report · {name} · {level}")
        self.verdict.setText(analysis.verdict or "No verdict")
        self.verdict.setProperty("role", _VERDICT_ROLE.get(analysis.verdict, "muted"))
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.reasons.setText("<ul style='margin-left:-20px'>" + "".join(
            f"<li>{html.escape(r)}</li>" for r in analysis.verdict_reasons) + "</ul>")
        self._show_metrics(analysis.metrics)
        self.chart.set_bars(bars_from_segments(analysis.segments), analysis.metrics.tolerance)
        self._show_findings()
        self.transcript.setHtml(segments_html(analysis.segments, self.palette()))
        self.segment_combo.blockSignals(True)
        self.segment_combo.clear()
        for seg in analysis.segments:
            self.segment_combo.addItem(seg.label.title(), seg.label)
        self.segment_combo.blockSignals(False)
        self._show_compare()
        self._show_probes()
        self.status.setText("" if self.recordings.get("answer") else
                            "The recording is not available, so findings cannot be played.")
        self.tabs.setCurrentIndex(0)

    def prepare(self) -> None:
        """Readies the page for new content: sized as it will be shown, every part visible."""
        parent = self.parentWidget()
        if not self.isVisible() and parent is not None:
            self.setGeometry(parent.contentsRect())  # lay out at the size it will be shown at
        self.chart.show()
        self.tabs.setTabEnabled(3, True)

    def show_drill(self, attempt: Any, scenario: Scenario | None = None) -> None:
        """Fills the report with a stored drill try (see :mod:`mockinterviewer.ui.drill_report`).

        Args:
            attempt: the history's ``Attempt`` of a drill try.
            scenario: its scenario (default: looked up in the services' library).
        """
        from mockinterviewer.ui.drill_report import fill_drill_report

        if scenario is None and self.services is not None:
            scenario = self.services.scenario(attempt.scenario_id)
        self.analysis = None
        self.attempt_id = attempt.id
        self.scenario = scenario
        self.drill = attempt
        self.prepare()
        self.recordings = self._stored_recordings(attempt.id)
        fill_drill_report(self, attempt, scenario)
        self.tabs.setCurrentIndex(0)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Shows the finding cards built while the page was hidden, from the next event-loop
        turn on, a few a turn (see :meth:`_reveal_cards`)."""
        super().showEvent(event)
        if any(card.isHidden() for card in self.cards):
            token = self._fill_token
            QTimer.singleShot(0, self, lambda: self._reveal_cards(token, wait=True))

    def _reveal_cards(self, token: int, wait: bool = False) -> None:
        """Shows the next few hidden cards, top down: showing, laying out and painting a dozen
        at once, with the rest of the page, would stall the window. With ``wait``, first lets
        one event-loop turn pass, in which the page itself is painted."""
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

    def set_services(self, services: Any, _settings: Any = None) -> None:
        """Uses new engines (e.g. another output device for playback)."""
        self.services = services

    def play(self, seconds: float, kind: str = "answer") -> None:
        """Plays a recording from a moment (a finding's evidence).

        Args:
            seconds: where to start.
            kind: which recording ("answer" or "probe:<id>").
        """
        path = self.recordings.get(kind)
        self.played.append((kind, seconds))
        message = audio_out.play_file(getattr(self.services, "player", None), path, seconds,
                                      on_error=self.status.setText)
        self.status.setText(message)

    # -- helpers ----------------------------------------------------------------------------------

    def _stored_recordings(self, attempt_id: int | None) -> dict[str, Path]:
        store = getattr(self.services, "store", None)
        if attempt_id is None or store is None:
            return {}
        try:
            attempt = store.get(attempt_id)
        except Exception:  # noqa: BLE001 - a report without playback is still a report
            log.warning("cannot read attempt %s", attempt_id, exc_info=True)
            return {}
        kinds = attempt.recording_kinds or ("answer",) * len(attempt.recordings)
        return {k: Path(p) for k, p in zip(kinds, attempt.recordings, strict=False)}

    def _show_metrics(self, m: Any) -> None:
        ml = self.metric_labels
        ml["pace"].setText(f"{m.words_per_minute:.0f} words/min" if m.timed else "not timed")
        ml["fillers"].setText(f"{m.filler_count} ({m.fillers_per_minute:.1f}/min)")
        ml["total"].setText(f"{format_seconds(m.total_seconds)} of "
                            f"{format_seconds(m.budget_seconds)}")
        pause = f"{m.longest_pause:.1f} s"
        if m.longest_pause_start is not None:
            pause += f" at {format_seconds(m.longest_pause_start)}"
        ml["pause"].setText(pause)
        ml["person"].setText(f"I ×{m.i_count} · we ×{m.we_count}")
        ml["words"].setText(str(m.word_count))

    def _show_findings(self) -> None:
        """Queues the analysis's finding cards, the answer's first, then the follow-ups'."""
        findings = sorted(self.analysis.findings, key=lambda f: _ORDER.get(f.severity, 3))
        has_audio = bool(self.recordings.get("answer"))
        pending = [(f, "answer", has_audio) for f in findings]
        for pa in self.analysis.probe_answers:
            kind = f"probe:{pa.probe_id}"
            pending += [(f, kind, bool(self.recordings.get(kind))) for f in pa.findings]
        self.show_cards(pending)

    def show_cards(self, pending: list[tuple[Any, str, bool]],
                   empty: str = "No findings: nothing to fix in this answer.") -> None:
        """Clears the old cards and queues new ones (built by :meth:`_build_cards`).

        Args:
            pending: (finding, recording kind, playable) per card, in order.
            empty: what the tab says when there are none.
        """
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
        if token != self._fill_token:  # another report replaced this one meanwhile
            return
        start = time.perf_counter()
        while self._pending and time.perf_counter() - start < _CARD_BUDGET_S:
            finding, kind, playable = self._pending.pop(0)
            card = FindingCard(finding, kind, playable, parent=self.findings_box)
            card.play_requested.connect(self.play)
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

    def _show_compare(self) -> None:
        label = self.segment_combo.currentData()
        if self.analysis is None or label is None:
            return
        c = theme.colors(self.palette())
        seg = self.analysis.segment(label)
        spec = self.scenario.segment(label) if self.scenario else None
        phrases = tuple(spec.signal_phrases) if spec else ()
        if seg is not None and (seg.words or seg.text):
            body = (" ".join(word_html(w, c.mark) for w in seg.words) if seg.words
                    else html.escape(seg.text))
            said = [p for p in self.analysis.phrases_said if p in phrases]
            self.mine.setHtml(
                f"<p style='color:{c.muted}'>{seg.seconds:.0f} s of {seg.target_seconds:.0f} s"
                f" · {seg.words_per_minute:.0f} words/min · {seg.fillers} fillers</p><p>{body}</p>"
                + (f"<p style='color:{c.good}'>Signal phrases you said: "
                   f"{html.escape(', '.join(said))}</p>" if said else ""))
        else:
            self.mine.setHtml(f"<p style='color:{c.muted}'>You did not say this segment.</p>")
        if spec is None:
            self.strong.setHtml(f"<p style='color:{c.muted}'>No strong example for this "
                                "segment.</p>")
            return
        self.strong.setHtml(
            f"<p style='color:{c.muted}'>Target {spec.target_seconds:.0f} s (SDE 2)</p>"
            f"<p>{highlight_phrases(spec.strong_example, phrases, c.mark)}</p>"
            f"<p><b>Coaching:</b> {html.escape(spec.coaching)}</p>"
            f"<p><b>Common mistake:</b> {html.escape(spec.common_mistake)}</p>")

    def _show_probes(self) -> None:
        c = theme.colors(self.palette())
        a = self.analysis
        if not a.probe_answers and not a.probes:
            self.probes.setHtml(f"<p style='color:{c.muted}'>No follow-up questions were "
                                "asked.</p>")
            return
        parts = []
        answered = {pa.probe_id: pa for pa in a.probe_answers}
        later = [p for p in a.probes if p.id not in answered]
        for p in a.probes:
            pa = answered.get(p.id)
            if pa is None:
                continue
            parts.append(f"<h3>{html.escape(p.question)}</h3>"
                         f"<p style='color:{c.muted}'>Asked because: {html.escape(p.reason)}</p>")
            hint = {"stronger": c.good, "weaker": c.bad}.get(pa.verdict_hint, c.muted)
            parts.append(f"<p><i>“{html.escape(pa.transcript or '(nothing heard)')}”</i></p>"
                         f"<p style='color:{hint}'>{hint_text(pa.verdict_hint)}</p>")
            parts.extend(f"<p>• {html.escape(f.message)}</p>" for f in pa.findings)
        if later:
            parts.append("<h3>Also worth preparing</h3>" + "".join(
                f"<p>• {html.escape(p.question)} <span style='color:{c.muted}'>"
                f"({html.escape(p.reason)})</span></p>" for p in later))
        self.probes.setHtml("".join(parts))
