"""Report: the bar-raiser view of one answer.

Verdict and reasons, the timeline of actual against target seconds per STAR segment, pace and
filler metrics, then tabs: findings (each quoting the user's words, with a button that plays the
recording from that moment), the transcript coloured by segment, the scenario's strong example
side by side with the user's segment, and the follow-up answers. Retry and Next end the screen.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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

from mockinterviewer.coach.cut_short import explain, last_heard, unreached
from mockinterviewer.coach.language import language_marks, word_labels
from mockinterviewer.coach.reason_text import plain_reasons
from mockinterviewer.coach.word_marks import WordMarkLike
from mockinterviewer.content.model import LEVEL_NAMES, Scenario
from mockinterviewer.ui import theme
from mockinterviewer.ui.capture import audio_out
from mockinterviewer.ui.report.finding_card import FindingCard
from mockinterviewer.ui.report.finding_list import FindingList, PendingCard
from mockinterviewer.ui.report.report_html import (
    bullet_list_html,
    metric_texts,
    probes_html,
    said_segment_html,
    set_role,
    strong_example_html,
)
from mockinterviewer.ui.report.transcript_replay import TranscriptReplay
from mockinterviewer.ui.widgets.timeline_chart import Bar, TimelineChart, bars_from_segments
from mockinterviewer.ui.widgets.voice_strip import VoiceStrip, rows_from

log = logging.getLogger(__name__)

_VERDICT_ROLE = {"Strong Hire": "good", "Hire": "good", "Leaning No Hire": "warn",
                 "No Hire": "bad"}
_ORDER = {"critical": 0, "warning": 1, "info": 2}


def _bars(analysis: Any) -> list[Bar]:
    """The timeline rows; for a cut answer the part the cut fell in reads "cut short" and the
    parts after it "not reached" (not "too short" and "missing")."""
    bars = bars_from_segments(analysis.segments)
    if analysis.cut_short is None:
        return bars
    never, cut_in = set(unreached(analysis.segments)), last_heard(analysis.segments)
    return [dataclasses.replace(b, status="not_reached") if b.label in never else
            dataclasses.replace(b, status="cut") if b.label == cut_in else b for b in bars]


class ReportView(QWidget):
    """The report screen.

    Finding cards are built a few at a time over the event-loop turns after :meth:`show_analysis`
    by the :class:`FindingList` it owns (so a long report never stalls the window);
    :attr:`filling` is True until they all are, and :attr:`filled` follows.

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
        self.played: list[tuple[str, float]] = []
        #: the stored drill try shown (None for a whole answer's report)
        self.drill: Any = None

        # PySide builds QStyle's Python enums on the first style() call (tens of milliseconds):
        # pay that here, at start-up, rather than when the first report appears
        self.style()
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 8)
        self.title = theme.style_heading(QLabel(), 1.4)
        self.title.setWordWrap(True)
        root.addWidget(self.title)
        #: says where and why a fault cut the answer short (hidden for a whole answer)
        self.cut_banner = QLabel()
        self.cut_banner.setProperty("role", "warn")
        self.cut_banner.setWordWrap(True)
        self.cut_banner.setAccessibleName("Answer cut short")
        self.cut_banner.hide()
        root.addWidget(self.cut_banner)

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
                                         ("person", "I / we"), ("words", "Words"),
                                         ("language", "Hedges, pet phrases"))):
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
        self.voice_strip = VoiceStrip()
        chart_row = QHBoxLayout()
        chart_row.addWidget(self.chart, 1)
        chart_row.addWidget(self.voice_strip, 0, Qt.AlignmentFlag.AlignTop)
        root.addLayout(chart_row)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Report details")
        self.finding_list = FindingList()
        self.finding_list.play_requested.connect(self.play)
        self.finding_list.filled.connect(self.filled)
        self.finding_list.count_changed.connect(
            lambda n: self.tabs.setTabText(0, f"&Findings ({n})"))
        self.tabs.addTab(self.finding_list, "&Findings")
        self.replay = TranscriptReplay()
        self.transcript = self.replay.browser
        self.tabs.addTab(self.replay, "Tra&nscript")
        self.tabs.addTab(self._compare_tab(), "&Compare with a strong answer")
        self.probes = QTextBrowser()
        self.probes.setAccessibleName("Follow-up answers")
        self.tabs.addTab(self.probes, "F&ollow-ups")
        # Space on the tab bar, with the Transcript tab chosen, plays or pauses too
        self.tab_space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.tabs.tabBar())
        self.tab_space.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.tab_space.activated.connect(self._tab_space)
        root.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        self.replay.message.connect(self.status.setText)
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
        set_role(self.verdict, _VERDICT_ROLE.get(analysis.verdict, "muted"))
        self._show_cut_short(analysis)
        self.reasons.setText(bullet_list_html(plain_reasons(analysis.verdict_reasons)))
        for key, text in metric_texts(analysis.metrics).items():
            self.metric_labels[key].setText(text)
        self.chart.set_bars(_bars(analysis), analysis.metrics.tolerance)
        self._show_findings()
        self.voice_strip.set_rows(rows_from([s.label for s in analysis.segments], analysis.voice))
        self.voice_strip.setVisible(analysis.voice is not None)
        self.replay.show_answer(analysis.segments, analysis.words, self._word_marks(analysis),
                                self.recordings.get("answer"), self.services.player
                                if self.services is not None else None)
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

    def _show_cut_short(self, analysis: Any) -> None:
        """Shows the cut-short banner (with Retry as the main button) or hides it."""
        cut = analysis.cut_short if analysis is not None else None
        self.cut_banner.setVisible(cut is not None)
        self.cut_banner.setText(explain(cut, analysis.segments) if cut is not None else "")
        if cut is not None and not analysis.verdict:
            self.verdict.setText("No verdict: cut short")
        self.retry_button.setProperty("primary", "true" if cut is not None else "false")
        self.next_button.setProperty("primary", "false" if cut is not None else "true")
        for button in (self.retry_button, self.next_button):
            button.style().unpolish(button)
            button.style().polish(button)

    def prepare(self) -> None:
        """Readies the page for new content: sized as it will be shown, every part visible."""
        parent = self.parentWidget()
        if not self.isVisible() and parent is not None:
            self.setGeometry(parent.contentsRect())  # lay out at the size it will be shown at
        self.chart.show()
        self.voice_strip.hide()
        self.replay.clear()
        self.tabs.setTabEnabled(3, True)
        self.cut_banner.hide()

    def show_drill(self, attempt: Any, scenario: Scenario | None = None) -> None:
        """Fills the report with a stored drill try (see ``ui.drill.drill_report``).

        Args:
            attempt: the history's ``Attempt`` of a drill try.
            scenario: its scenario (default: looked up in the services' library).
        """
        from mockinterviewer.ui.drill.drill_report import fill_drill_report

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

    def set_services(self, services: Any, _settings: Any = None) -> None:
        """Uses new engines (e.g. another output device for playback)."""
        self.services = services
        self.replay.stop()
        self.replay.player = services.player if services is not None else None

    def play(self, seconds: float, kind: str = "answer") -> None:
        """Plays a recording from a moment (a finding's evidence).

        Args:
            seconds: where to start.
            kind: which recording ("answer" or "probe:<id>").
        """
        path = self.recordings.get(kind)
        self.played.append((kind, seconds))
        message = audio_out.play_file(self.services.player, path, seconds,
                                      on_error=self.status.setText)
        self.status.setText(message)

    # -- helpers ----------------------------------------------------------------------------------

    def _stored_recordings(self, attempt_id: int | None) -> dict[str, Path]:
        store = self.services.store
        if attempt_id is None or store is None:
            return {}
        try:
            attempt = store.get(attempt_id)
        except Exception:
            log.warning("cannot read attempt %s", attempt_id, exc_info=True)
            return {}
        kinds = attempt.recording_kinds or ("answer",) * len(attempt.recordings)
        return {k: Path(p) for k, p in zip(kinds, attempt.recordings, strict=False)}

    @property
    def cards(self) -> list[FindingCard]:
        """The finding cards built so far (see :class:`FindingList`)."""
        return self.finding_list.cards

    @property
    def filling(self) -> bool:
        """Whether finding cards are still being built (``filled`` follows)."""
        return self.finding_list.filling

    def show_cards(self, pending: list[PendingCard],
                   empty: str = "No findings: nothing to fix in this answer.") -> None:
        """Shows these finding cards (built over the next event-loop turns)."""
        self.finding_list.show_cards(pending, empty)

    def _show_findings(self) -> None:
        """Queues the analysis's finding cards, the answer's first, then the follow-ups'."""
        findings = sorted(self.analysis.findings, key=lambda f: _ORDER.get(f.severity, 3))
        has_audio = bool(self.recordings.get("answer"))
        pending = [(f, "answer", has_audio) for f in findings]
        for pa in self.analysis.probe_answers:
            kind = f"probe:{pa.probe_id}"
            pending += [(f, kind, bool(self.recordings.get(kind))) for f in pa.findings]
        self.show_cards(pending)

    def _tab_space(self) -> None:
        if self.tabs.currentWidget() is self.replay:
            self.replay.toggle()

    def _word_marks(self, analysis: Any) -> tuple[WordMarkLike, ...]:
        """Hedges and pet phrases to highlight in the transcript (fillers come from the words)."""
        words = tuple(analysis.words)
        return language_marks([w.word for w in words], word_labels(words, analysis.segments))

    def _show_compare(self) -> None:
        label = self.segment_combo.currentData()
        if self.analysis is None or label is None:
            return
        c = theme.colors(self.palette())
        spec = self.scenario.segment(label) if self.scenario else None
        phrases = tuple(spec.signal_phrases) if spec else ()
        said = [p for p in self.analysis.phrases_said if p in phrases]
        self.mine.setHtml(said_segment_html(self.analysis.segment(label), said, c))
        self.strong.setHtml(
            strong_example_html(spec, c, f"{spec.target_seconds:.0f} s (SDE 2)") if spec else
            f"<p style='color:{c.muted}'>No strong example for this segment.</p>")

    def _show_probes(self) -> None:
        self.probes.setHtml(probes_html(self.analysis, theme.colors(self.palette())))
