"""What the Report and Drill screens write: their HTML and text, built from plain data.

Pure functions (no widget is touched), except :func:`set_role`, the one-line re-styling both
screens apply to a label whose colour follows a result. The report's comparison, follow-up and
metrics texts, and the drill's results, are built here so the screens only place them.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from mockinterviewer.ui.report.finding_card import highlight_phrases, hint_text
from mockinterviewer.ui.widgets.star_strip import format_seconds
from mockinterviewer.ui.widgets.timeline_chart import STATUS_WORDS
from mockinterviewer.ui.widgets.transcript_view import word_html

if TYPE_CHECKING:
    from mockinterviewer.coach import Analysis, Metrics, ProbeAnalysis, SegmentResult
    from mockinterviewer.content.model import Probe, SegmentSpec
    from mockinterviewer.ui.theme import Colors

log = logging.getLogger(__name__)


def set_role(widget: QWidget, role: str) -> None:
    """Sets a widget's style ``role`` property (``good``, ``warn``, ``bad``, ``muted`` or "")
    and re-polishes it, so the style sheet's colour for that role applies at once.

    Args:
        widget: the widget (usually a label).
        role: the role.
    """
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def bullet_list_html(items: Iterable[str]) -> str:
    """Plain-text items as an HTML bullet list, indented as little as a label allows.

    Args:
        items: the items (escaped here).

    Returns:
        HTML.
    """
    return ("<ul style='margin-left:-20px'>"
            + "".join(f"<li>{html.escape(r)}</li>" for r in items) + "</ul>")


def hint_color(verdict_hint: str, c: Colors) -> str:
    """The colour of a follow-up answer's effect on the verdict.

    Args:
        verdict_hint: ``stronger``, ``weaker`` or anything else (unchanged).
        c: the palette's colours.

    Returns:
        ``#rrggbb``: good, bad or muted.
    """
    return {"stronger": c.good, "weaker": c.bad}.get(verdict_hint, c.muted)


def rate_text(words_per_minute: float, fillers: int) -> str:
    """Pace and hesitations, e.g. ``142 words/min · 3 fillers``."""
    return f"{words_per_minute:.0f} words/min · {fillers} fillers"


def metric_texts(m: Metrics) -> dict[str, str]:
    """The report's metrics panel: text per row key.

    Args:
        m: the answer's delivery metrics.

    Returns:
        Text for ``pace``, ``fillers``, ``total``, ``pause``, ``person``, ``words`` and
        ``language`` (hedges per 100 words and the pet phrases).
    """
    pause = f"{m.longest_pause:.1f} s"
    if m.longest_pause_start is not None:
        pause += f" at {format_seconds(m.longest_pause_start)}"
    return {
        "pace": f"{m.words_per_minute:.0f} words/min" if m.timed else "not timed",
        "fillers": f"{m.filler_count} ({m.fillers_per_minute:.1f}/min)",
        "total": f"{format_seconds(m.total_seconds)} of {format_seconds(m.budget_seconds)}",
        "pause": pause,
        "person": f"I ×{m.i_count} · we ×{m.we_count}",
        "words": str(m.word_count),
        "language": f"{m.hedges_per_100_words:.1f} per 100 words · " + _pets(m.pet_phrases),
    }


def _pets(pets: Sequence[tuple[str, int]]) -> str:
    """The two most repeated pet phrases, and how many more ("none" when there are none)."""
    top = sorted(pets, key=lambda pn: -pn[1])
    text = ", ".join(f"“{p}” ×{n}" for p, n in top[:2]) or "none"
    return text + (f" and {len(top) - 2} more" if len(top) > 2 else "")


def said_segment_html(seg: SegmentResult | None, said: Sequence[str], c: Colors) -> str:
    """The user's side of the comparison: time, pace, their words and the phrases they said.

    Args:
        seg: the user's segment (None, or without words or text, when it was not said).
        said: the scenario's signal phrases the user said in it.
        c: the palette's colours.

    Returns:
        HTML.
    """
    if seg is None or not (seg.words or seg.text):
        return f"<p style='color:{c.muted}'>You did not say this segment.</p>"
    body = (" ".join(word_html(w, c.mark) for w in seg.words) if seg.words
            else html.escape(seg.text))
    return (f"<p style='color:{c.muted}'>{seg.seconds:.0f} s of {seg.target_seconds:.0f} s"
            f" · {rate_text(seg.words_per_minute, seg.fillers)}</p><p>{body}</p>"
            + (f"<p style='color:{c.good}'>Signal phrases you said: "
               f"{html.escape(', '.join(said))}</p>" if said else ""))


def strong_example_html(spec: SegmentSpec, c: Colors, target: str,
                        common_mistake: bool = True) -> str:
    """A scenario's strong example of a segment, its signal phrases highlighted, with coaching.

    Args:
        spec: the scenario's segment.
        c: the palette's colours.
        target: the target as shown, e.g. ``45 s (SDE 2)``.
        common_mistake: whether to add the segment's common mistake.

    Returns:
        HTML.
    """
    text = (f"<p style='color:{c.muted}'>Target {target}</p>"
            f"<p>{highlight_phrases(spec.strong_example, tuple(spec.signal_phrases), c.mark)}</p>"
            f"<p><b>Coaching:</b> {html.escape(spec.coaching)}</p>")
    if common_mistake:
        text += f"<p><b>Common mistake:</b> {html.escape(spec.common_mistake)}</p>"
    return text


def strong_answer_html(probe: Probe, c: Colors, lead: str = "") -> str:
    """A follow-up's strong answer and its key line.

    Args:
        probe: the follow-up question.
        c: the palette's colours.
        lead: HTML put before the answer (e.g. a bold caption).

    Returns:
        HTML.
    """
    return (f"<p>{lead}{html.escape(probe.strong_answer)}</p>"
            f"<p style='color:{c.muted}'>Key line: {html.escape(probe.key_line)}</p>")


def probes_html(a: Analysis, c: Colors) -> str:
    """The report's follow-ups tab: each answered question, why it was asked, what was said and
    how it moves the verdict, then the questions left for later.

    Args:
        a: the analysis.
        c: the palette's colours.

    Returns:
        HTML.
    """
    if not a.probe_answers and not a.probes:
        return f"<p style='color:{c.muted}'>No follow-up questions were asked.</p>"
    parts = []
    answered = {pa.probe_id: pa for pa in a.probe_answers}
    later = [p for p in a.probes if p.id not in answered]
    for p in a.probes:
        pa = answered.get(p.id)
        if pa is None:
            continue
        parts.append(f"<h3>{html.escape(p.question)}</h3>"
                     f"<p style='color:{c.muted}'>Asked because: {html.escape(p.reason)}</p>")
        parts.append(f"<p><i>“{html.escape(pa.transcript or '(nothing heard)')}”</i></p>"
                     f"<p style='color:{hint_color(pa.verdict_hint, c)}'>"
                     f"{hint_text(pa.verdict_hint)}</p>")
        parts.extend(f"<p>• {html.escape(f.message)}</p>" for f in pa.findings)
    if later:
        parts.append("<h3>Also worth preparing</h3>" + "".join(
            f"<p>• {html.escape(p.question)} <span style='color:{c.muted}'>"
            f"({html.escape(p.reason)})</span></p>" for p in later))
    return "".join(parts)


def countdown_text(target: float, elapsed: float) -> str:
    """The countdown: time left as ``m:ss``, then ``+m:ss`` once past the target."""
    left = target - elapsed
    return format_seconds(left) if left >= 0 else "+" + format_seconds(-left)


def segment_hint_html(spec: SegmentSpec) -> str:
    """What a segment drill reminds the user of: the segment's coaching and signal phrases."""
    return (f"<b>Coaching:</b> {html.escape(spec.coaching)}<br>"
            f"<b>Listen for:</b> {html.escape(', '.join(spec.signal_phrases))}")


def segment_try_html(tries: Sequence[Mapping[str, Any]], tolerance: float, rate: str,
                     c: Colors) -> str:
    """A segment drill's result: time against target, pace, and the recent tries' times.

    Args:
        tries: the tries at this segment, oldest first, the one to show last; each with
            ``label``, ``seconds``, ``target`` and ``status`` (``ok``, ``under``, ``over``).
        tolerance: the on-time tolerance as a fraction.
        rate: pace and fillers of the last try (see :func:`rate_text`).
        c: the palette's colours.

    Returns:
        HTML.
    """
    last = tries[-1]
    status = last["status"]
    color = {"ok": c.good, "under": c.warn, "over": c.bad}.get(status, c.text)
    history = " · ".join(f"{r['seconds']:.0f} s" for r in tries[-5:])
    return (f"<p style='color:{color}'><b>{last['seconds']:.0f} s of {last['target']:.0f} s: "
            f"{STATUS_WORDS.get(status, status)}</b> (±{tolerance * 100:.0f}% counts as on "
            f"time)</p><p>{rate}</p>"
            f"<p style='color:{c.muted}'>Tries at the {html.escape(str(last['label']))}: "
            f"{history}</p>")


def probe_result_html(answer: ProbeAnalysis, probe: Probe, c: Colors) -> str:
    """A follow-up drill's result: how the answer moves the verdict, its findings, and the
    strong answer to compare.

    Args:
        answer: the follow-up answer's analysis.
        probe: the question asked.
        c: the palette's colours.

    Returns:
        HTML.
    """
    items = "".join(f"<li>{html.escape(f.message)}</li>" for f in answer.findings)
    return (f"<p style='color:{hint_color(answer.verdict_hint, c)}'>"
            f"<b>{hint_text(answer.verdict_hint)}</b></p>"
            + (f"<ul>{items}</ul>" if items else "")
            + strong_answer_html(probe, c, "<b>A strong answer:</b> "))
