"""A stored drill try on the Report screen (opened from History).

Fills :class:`mockinterviewer.ui.report.report_view.ReportView` from what the Drill screen saved
(see :mod:`mockinterviewer.store.drill_records`): the result as the headline, pace and fillers,
the one segment against its target on the timeline, the follow-up's findings as cards that play the
recording, what was said, and the strong example (or strong answer) beside it.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from typing import Any

from mockinterviewer.coach import Finding
from mockinterviewer.content.model import LEVEL_NAMES, Scenario
from mockinterviewer.ui import theme
from mockinterviewer.ui.report.finding_card import hint_text
from mockinterviewer.ui.report.report_html import (
    bullet_list_html,
    set_role,
    strong_answer_html,
    strong_example_html,
)
from mockinterviewer.ui.widgets.star_strip import format_seconds
from mockinterviewer.ui.widgets.timeline_chart import STATUS_WORDS, Bar

log = logging.getLogger(__name__)

_STATUS_ROLE = {"ok": "good", "under": "warn", "over": "bad"}
_HINT_ROLE = {"stronger": "good", "weaker": "bad"}


def _findings(report: Mapping[str, Any]) -> list[Finding]:
    out = []
    for data in report.get("findings", ()):
        try:
            out.append(Finding.from_dict(data))
        except (KeyError, TypeError, ValueError):  # an odd stored row: skip it, keep the rest
            log.warning("skipping a stored drill finding: %r", data)
    return out


def fill_drill_report(view: Any, attempt: Any, scenario: Scenario | None) -> None:
    """Shows a drill try on the report page.

    Args:
        view: the ReportView (its widgets are filled here).
        attempt: the stored drill try.
        scenario: its scenario, if it still exists.
    """
    report: Mapping[str, Any] = attempt.report or {}
    drill: Mapping[str, Any] = report.get("drill") or {}
    metrics: Mapping[str, Any] = report.get("metrics") or {}
    c = theme.colors(view.palette())
    name = f"{scenario.principle}: {scenario.title}" if scenario else attempt.scenario_id
    level = LEVEL_NAMES.get(attempt.level, attempt.level)
    said = str(drill.get("transcript") or "")
    if drill.get("kind") == "segment":
        label = str(drill.get("label", ""))
        status = str(drill.get("status", ""))
        seconds, target = float(drill.get("seconds", 0.0)), float(drill.get("target", 0.0))
        view.title.setText(f"Drill · {label.title()} · {name} · {level}")
        view.verdict.setText(STATUS_WORDS.get(status, status).capitalize() or "No result")
        set_role(view.verdict, _STATUS_ROLE.get(status, "muted"))
        reasons = [f"{seconds:.0f} s of a {target:.0f} s target "
                   f"(±{float(drill.get('tolerance', 0.2)) * 100:.0f}% counts as on time)."]
        view.chart.set_bars([Bar(label, seconds, target, status)],
                            float(drill.get("tolerance", 0.2)))
        spec = scenario.segment(label) if scenario else None
        strong = (strong_example_html(spec, c, f"{target:.0f} s", common_mistake=False)
                  if spec else "")
        title = label.title()
    else:
        question = str(drill.get("question") or attempt.prompt)
        hint = str(drill.get("verdict_hint", "unchanged"))
        view.title.setText(f"Drill · Follow-up · {name} · {level}")
        view.verdict.setText(hint_text(hint))
        set_role(view.verdict, _HINT_ROLE.get(hint, "muted"))
        reasons = [f"Question: {question}"]
        view.chart.hide()
        probe = scenario.probe(str(drill.get("probe_id", ""))) if scenario else None
        strong = strong_answer_html(probe, c) if probe else ""
        title = "Your answer"
    view.reasons.setText(bullet_list_html(reasons))
    ml = view.metric_labels
    total = float(metrics.get("total_seconds") or 0.0)
    ml["pace"].setText(f"{float(metrics.get('words_per_minute') or 0):.0f} words/min")
    ml["fillers"].setText(f"{metrics.get('filler_count', 0)} "
                          f"({float(metrics.get('fillers_per_minute') or 0):.1f}/min)")
    ml["total"].setText(format_seconds(total))
    ml["pause"].setText("-")
    ml["person"].setText("-")
    ml["words"].setText(str(metrics.get("word_count", "-")))
    ml["language"].setText("-")
    view.transcript.setHtml(f"<p>{html.escape(said) or '(nothing was heard)'}</p>")
    view.segment_combo.blockSignals(True)
    view.segment_combo.clear()
    view.segment_combo.addItem(title, None)
    view.segment_combo.blockSignals(False)
    view.mine.setHtml(f"<p>{html.escape(said) or '(nothing was heard)'}</p>")
    view.strong.setHtml(strong or f"<p style='color:{c.muted}'>No strong example is "
                                  "available.</p>")
    view.probes.setHtml(f"<p style='color:{c.muted}'>A drill asks no follow-ups.</p>")
    view.tabs.setTabEnabled(3, False)
    kinds = list(view.recordings)
    kind = kinds[0] if kinds else ""
    empty = ("A segment drill is timed, not coached: the timeline shows your time against the "
             "target, and Compare sets what you said beside a strong example."
             if drill.get("kind") == "segment" else "No findings: this answer holds up.")
    view.show_cards([(f, kind, bool(kind)) for f in _findings(report)], empty)
    view.status.setText("" if kind else "The recording is not available.")
