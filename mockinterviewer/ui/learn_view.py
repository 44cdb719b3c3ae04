"""Learn: a scenario laid out for reading, with the signal phrases highlighted.

One scrollable rich-text page: the questions, the overview, each STAR segment's strong example with
its signal phrases marked, coaching and the common mistake, how each level differs, the weak answer
and the bar raiser's reading, the follow-up probes with weak and strong replies, and how the story
maps to related principles. A contents line at the top links to each section (Tab, then Enter).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.content import Scenario
from mockinterviewer.content.model import LEVEL_NAMES
from mockinterviewer.ui import theme

log = logging.getLogger(__name__)

SECTIONS: tuple[tuple[str, str], ...] = (
    ("questions", "Questions"),
    ("overview", "Overview"),
    ("answer", "Strong answer"),
    ("levels", "Levels"),
    ("weak", "Weak answer"),
    ("probes", "Follow-ups"),
    ("related", "Related principles"),
)


def highlight_phrases(text: str, phrases: Sequence[str], mark: str) -> str:
    """Escapes ``text`` for HTML and marks every occurrence of the phrases.

    Matching ignores case; overlapping phrases merge into one marked span.

    Args:
        text: plain text.
        phrases: the phrases to mark.
        mark: the background colour of a mark.

    Returns:
        HTML.
    """
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        phrase = phrase.strip()
        if not phrase:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE)
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], 0
    for a, b in merged:
        out.append(html.escape(text[pos:a]))
        out.append(f'<span style="background-color:{mark}; font-weight:600">'
                   f"{html.escape(text[a:b])}</span>")
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _p(text: str) -> str:
    return "".join(f"<p>{html.escape(part.strip())}</p>" for part in text.split("\n\n")
                   if part.strip())


def scenario_html(s: Scenario, level: str, colors: theme.Colors) -> str:
    """Renders a scenario as one readable HTML page.

    Args:
        s: the scenario.
        level: the level to emphasise (sde1, sde2, senior).
        colors: palette-aware colours.

    Returns:
        The HTML.
    """
    e = html.escape
    muted = f"color:{colors.muted}"
    out: list[str] = []
    toc = " · ".join(f'<a href="#{a}">{e(t)}</a>' for a, t in SECTIONS)
    out.append(f"<h1>{e(s.principle)}</h1><p style='font-size:large'>{e(s.title)}</p>")
    if s.domain:
        out.append(f"<p style='{muted}'>Domain: {e(s.domain)}</p>")
    out.append(f"<p>{toc}</p><hr>")

    out.append('<h2><a name="questions"></a>Questions you may be asked</h2><ul>')
    out.extend(f"<li><i>“{e(p)}”</i></li>" for p in s.prompts)
    out.append("</ul>")

    out.append('<h2><a name="overview"></a>Overview</h2>')
    out.append(_p(s.overview))
    out.append(f"<h3>Why the model answer works</h3>{_p(s.summary)}")

    targets = s.targets_for(level)
    lname = LEVEL_NAMES.get(level, level)
    out.append('<h2><a name="answer"></a>The strong answer, segment by segment</h2>')
    out.append(f"<p style='{muted}'>Highlighted: the signal phrases an interviewer listens "
               f"for. Targets are for {e(lname)} (total {s.budget_for(level):.0f} s).</p>")
    for seg in s.segments:
        secs = targets.get(seg.label, seg.target_seconds)
        color = theme.segment_color(seg.label).name()
        out.append(f"<h3><span style='color:{color}'>■</span> {e(seg.label.title())} "
                   f"<span style='{muted}; font-weight:normal'>· about {secs:.0f} s</span></h3>")
        marked = highlight_phrases(seg.strong_example, seg.signal_phrases, colors.mark)
        out.append(f"<blockquote>{marked}</blockquote>")
        if seg.signal_phrases:
            phrases = ", ".join(f"“{e(p)}”" for p in seg.signal_phrases)
            out.append(f"<p><b>Signal phrases:</b> {phrases}</p>")
        out.append(f"<p><b>Coaching:</b> {e(seg.coaching)}</p>")
        out.append(f"<p><b style='color:{colors.bad}'>Common mistake:</b> "
                   f"{e(seg.common_mistake)}</p>")

    out.append('<h2><a name="levels"></a>How the levels differ</h2>')
    if s.levels:
        out.append("<table cellspacing='0' cellpadding='6' border='1' width='100%' "
                   f"style='border-color:{colors.muted}; border-collapse:collapse'>"
                   "<tr><th align='left'>Level</th><th align='left'>Focus</th>"
                   "<th align='left'>Reflection</th><th align='left'>The bar</th>"
                   "<th align='left'>Budget</th></tr>")
        for lv in s.levels:
            mark = " (you)" if lv.id == level else ""
            bg = f" style='background-color:{colors.card}'" if lv.id == level else ""
            out.append(f"<tr{bg}><td><b>{e(lv.name)}{mark}</b></td><td>{e(lv.focus)}</td>"
                       f"<td>{e(lv.reflection)}</td><td>{e(lv.bar)}</td>"
                       f"<td>{lv.budget_seconds:.0f}&nbsp;s</td></tr>")
        out.append("</table>")
    else:
        out.append(f"<p style='{muted}'>No level notes for this scenario.</p>")

    out.append('<h2><a name="weak"></a>A weak answer, and why it fails</h2>')
    if s.weak_answer is not None:
        w = s.weak_answer
        out.append(f"<blockquote>{e(w.text)}</blockquote><p><b>What is wrong with it:</b></p><ul>")
        out.extend(f"<li>{e(f)}</li>" for f in w.flaws)
        out.append(f"</ul><p><b>The bar raiser's reading:</b> {e(w.bar_raiser)}</p>")
        out.append(f"<p><b>Verdict:</b> <span style='color:{colors.bad}'>{e(w.verdict)}</span></p>")
    else:
        out.append(f"<p style='{muted}'>No weak answer for this scenario.</p>")

    out.append('<h2><a name="probes"></a>Follow-up probes</h2>')
    for i, pr in enumerate(s.probes, 1):
        out.append(f"<h3>{i}. “{e(pr.question)}”</h3>")
        out.append(f"<p style='{muted}'>Probes: {e(pr.assesses)}"
                   + (f" · targets {e(', '.join(t.replace('_', ' ') for t in pr.tags))}"
                      if pr.tags else "") + "</p>")
        out.append(f"<p><b style='color:{colors.bad}'>Weak:</b> <i>{e(pr.weak_answer)}</i><br>"
                   f"<b>Why it fails:</b> {e(pr.weak_why)}</p>")
        strong = highlight_phrases(pr.strong_answer, [pr.key_line], colors.mark)
        out.append(f"<p><b style='color:{colors.good}'>Strong:</b> <i>{strong}</i></p>")
        if pr.key_line and pr.key_line.lower() not in pr.strong_answer.lower():
            out.append(f"<p><b>Key line:</b> {e(pr.key_line)}</p>")

    out.append('<h2><a name="related"></a>Telling it for other principles</h2>')
    for r in s.related:
        out.append(f"<h3>{e(r.principle)}</h3><p>{e(r.pitch)}</p>"
                   f"<p><b>Emphasise:</b> {e(r.emphasize)}<br><b>Downplay:</b> "
                   f"{e(r.downplay)}</p>")
    return "".join(out)


class LearnView(QWidget):
    """The Learn screen.

    Signals:
        mode_requested: (mode, scenario_id) for "Rehearse it" and "Test yourself".
    """

    mode_requested = Signal(str, str)

    def __init__(self, scenarios: Sequence[Scenario], level: str = "sde2",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenarios = list(scenarios)
        self.level = level
        self.scenario: Scenario | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 8)
        bar = QHBoxLayout()
        label = QLabel("S&cenario:")
        self.combo = QComboBox()
        self.combo.setAccessibleName("Scenario to read")
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(20)
        self.combo.setToolTip("Choose the scenario to read (Alt+C)")
        label.setBuddy(self.combo)
        bar.addWidget(label)
        bar.addWidget(self.combo, 1)
        self.rehearse_button = QPushButton("&Rehearse it")
        self.rehearse_button.setToolTip("Answer this question out loud now (Alt+R)")
        self.test_button = QPushButton("&Test yourself")
        self.test_button.setToolTip("Ten practice questions starting with this scenario (Alt+T)")
        bar.addWidget(self.rehearse_button)
        bar.addWidget(self.test_button)
        lay.addLayout(bar)
        self.browser = QTextBrowser()
        self.browser.setObjectName("learnText")
        self.browser.setAccessibleName("Scenario text")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.browser.document().setDocumentMargin(18)
        lay.addWidget(self.browser, 1)
        self._fill_combo()
        self.combo.currentIndexChanged.connect(self._combo_changed)
        self.rehearse_button.clicked.connect(lambda: self._request("rehearse"))
        self.test_button.clicked.connect(lambda: self._request("test"))
        self.setFocusProxy(self.browser)
        if self.scenarios:
            self.show_scenario(self.scenarios[0].id)

    def _fill_combo(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for s in self.scenarios:
            self.combo.addItem(f"{s.principle}: {s.title}", s.id)
        self.combo.blockSignals(False)

    def set_scenarios(self, scenarios: Sequence[Scenario]) -> None:
        """Replaces the scenario list, keeping the current one when it still exists."""
        current = self.scenario.id if self.scenario else None
        self.scenarios = list(scenarios)
        self._fill_combo()
        if current and not self.show_scenario(current) and self.scenarios:
            self.show_scenario(self.scenarios[0].id)

    def set_level(self, level: str) -> None:
        """Changes the emphasised level and re-renders."""
        self.level = level
        if self.scenario:
            self._render()

    def show_scenario(self, scenario_id: str) -> bool:
        """Shows a scenario; returns False when the id is unknown."""
        s = next((x for x in self.scenarios if x.id == scenario_id), None)
        if s is None:
            return False
        self.scenario = s
        idx = self.combo.findData(s.id)
        if idx >= 0 and idx != self.combo.currentIndex():
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(idx)
            self.combo.blockSignals(False)
        self._render()
        return True

    def html(self) -> str:
        """The rendered page's HTML (for tests and export)."""
        return self.browser.toHtml()

    def _render(self) -> None:
        assert self.scenario is not None
        self.browser.setHtml(scenario_html(self.scenario, self.level, theme.colors(self.palette())))
        self.browser.verticalScrollBar().setValue(0)

    def _combo_changed(self, _index: int) -> None:
        sid = self.combo.currentData()
        if sid:
            self.show_scenario(str(sid))

    def _anchor(self, url) -> None:  # noqa: ANN001 - QUrl
        if url.fragment():
            self.browser.scrollToAnchor(url.fragment())

    def _request(self, mode: str) -> None:
        if self.scenario:
            self.mode_requested.emit(mode, self.scenario.id)

    def changeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        """Re-renders when the palette changes (light/dark switch)."""
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange and self.scenario is not None:
            self._render()
        super().changeEvent(event)


