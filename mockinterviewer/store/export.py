"""Exports: one attempt as self-contained HTML (charts as inline SVG) or Markdown; all as CSV.

Everything is built from the analysis as stored (its JSON form), so an attempt saved by an older
version exports the same way. The HTML has no external references: styles and charts are inline.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from mockinterviewer.coach.reason_text import plain_reasons
from mockinterviewer.content.model import LEVEL_NAMES, SEGMENT_LABELS
from mockinterviewer.errors import UserError
from mockinterviewer.store.insights import report_findings, report_metrics, report_segments
from mockinterviewer.store.model import Attempt

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("html", "md")
STATUS_COLOURS: dict[str, str] = {"ok": "#2e7d32", "under": "#f9a825", "over": "#c62828",
                                  "missing": "#9e9e9e"}
SEGMENT_COLOURS: dict[str, str] = {"situation": "#e3f2fd", "task": "#f3e5f5", "action": "#e8f5e9",
                                   "result": "#fff8e1", "reflection": "#fce4ec"}


def _num(value: object, digits: int = 1) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:.{digits}f}"
    return "-"


def _clock(seconds: object) -> str:
    if not isinstance(seconds, int | float) or isinstance(seconds, bool):
        return ""
    m, s = divmod(int(round(seconds)), 60)
    return f"{m}:{s:02d}"


def _meta(attempt: Attempt) -> list[tuple[str, str]]:
    return [
        ("Date", attempt.created_at.astimezone().strftime("%Y-%m-%d %H:%M")),
        ("Scenario", attempt.scenario_id),
        ("Principle", attempt.principle),
        ("Level", LEVEL_NAMES.get(attempt.level, attempt.level)),
        ("Mode", attempt.mode),
        ("Question", attempt.prompt),
        ("Speech model", attempt.model or "-"),
        ("Status", attempt.status),
    ]


def _metric_rows(attempt: Attempt) -> list[tuple[str, str]]:
    m = report_metrics(attempt)
    return [
        ("Speaking time", f"{_num(m.get('total_seconds'))} s of {_num(m.get('budget_seconds'))} s"),
        ("Words per minute", _num(m.get("words_per_minute"))),
        ("Fillers per minute", _num(m.get("fillers_per_minute"), 2)),
        ("Fillers", str(m.get("filler_count", "-"))),
        ('"I" / "we"', f"{m.get('i_count', '-')} / {m.get('we_count', '-')}"),
        ("Longest pause", f"{_num(m.get('longest_pause'))} s"),
        ("Hedges per 100 words", _num(m.get("hedges_per_100_words"))),
        ("Pet phrases", _pet_text(m.get("pet_phrases"))),
    ]


def _pet_text(pets: object, item: str = "{p} ×{n}", sep: str = ", ",
              absent: str = "-") -> str:
    """Pet phrases as "phrase ×count" (``absent`` for an attempt from before they were
    measured, "none" when there were none)."""
    if not isinstance(pets, Mapping):
        return absent
    return sep.join(item.format(p=p, n=n) for p, n in pets.items()) or ("none" if sep == ", "
                                                                         else "")


def segment_chart_svg(segments: Sequence[Mapping[str, Any]], width: int = 640) -> str:
    """Draws seconds against target per segment as an inline SVG bar chart.

    Args:
        segments: stored segments (label, seconds, target_seconds, status).
        width: the chart's width in pixels.

    Returns:
        An ``<svg>`` element; empty when there are no segments.
    """
    if not segments:
        return ""
    left, right, row, top = 110, 70, 34, 28
    height = top + row * len(segments) + 24
    peak = max(max(float(s.get("seconds") or 0), float(s.get("target_seconds") or 0))
               for s in segments) or 1.0
    scale = (width - left - right) / peak
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        'aria-label="Seconds per segment against target">',
        '<title>Seconds per segment against target</title>',
        f'<text x="{left}" y="16" font-size="12" fill="#444">bar: seconds spoken; '
        'outline: target</text>',
    ]
    for i, s in enumerate(segments):
        y = top + i * row
        label = escape(str(s.get("label", "")))
        secs = float(s.get("seconds") or 0)
        target = float(s.get("target_seconds") or 0)
        colour = STATUS_COLOURS.get(str(s.get("status")), "#607d8b")
        parts += [
            f'<text x="{left - 8}" y="{y + 17}" font-size="13" text-anchor="end">{label}</text>',
            f'<rect class="actual" x="{left}" y="{y + 4}" width="{secs * scale:.1f}" height="18" '
            f'fill="{colour}"><title>{label}: {secs:.1f} s</title></rect>',
            f'<rect class="target" x="{left}" y="{y + 1}" width="{target * scale:.1f}" '
            f'height="24" fill="none" stroke="#212121" stroke-dasharray="4 2"/>',
            f'<text x="{left + max(secs, target) * scale + 6:.1f}" y="{y + 17}" font-size="12">'
            f'{secs:.0f} / {target:.0f} s</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def timeline_svg(segments: Sequence[Mapping[str, Any]], width: int = 640) -> str:
    """Draws the answer's segments along the time axis as an inline SVG strip.

    Args:
        segments: stored segments (label, start, end).
        width: the chart's width in pixels.

    Returns:
        An ``<svg>`` element; empty when there is nothing timed.
    """
    spans = [s for s in segments if float(s.get("end") or 0) > float(s.get("start") or 0)]
    if not spans:
        return ""
    end = max(float(s.get("end") or 0) for s in spans)
    scale = (width - 20) / end
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
             f'height="54" viewBox="0 0 {width} 54" aria-label="Answer timeline">',
             "<title>Answer timeline</title>"]
    for s in spans:
        x, w = 10 + float(s["start"]) * scale, (float(s["end"]) - float(s["start"])) * scale
        label = escape(str(s.get("label", "")))
        colour = SEGMENT_COLOURS.get(str(s.get("label")), "#eeeeee")
        parts.append(f'<rect x="{x:.1f}" y="6" width="{w:.1f}" height="26" fill="{colour}" '
                     f'stroke="#757575"><title>{label} {_clock(s["start"])}-{_clock(s["end"])}'
                     "</title></rect>")
        if w > 40:
            parts.append(f'<text x="{x + 4:.1f}" y="24" font-size="11">{label[:12]}</text>')
    parts.append(f'<text x="10" y="48" font-size="11">0:00</text><text x="{width - 10}" y="48" '
                 f'font-size="11" text-anchor="end">{_clock(end)}</text></svg>')
    return "".join(parts)


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:900px;margin:2em auto;
padding:0 1em;color:#212121;line-height:1.45}
table{border-collapse:collapse;margin:.5em 0 1.2em}td,th{border:1px solid #ccc;padding:4px 8px;
text-align:left;vertical-align:top}th{background:#f5f5f5}
.verdict{font-size:1.6em;font-weight:600}.critical{color:#b71c1c}.warning{color:#e65100}
.info{color:#1565c0}blockquote{margin:.3em 0 .3em 1em;color:#424242;font-style:italic}
.filler{background:#ffcdd2}.seg{padding:1px 2px;border-radius:3px}
"""


def _table(rows: Iterable[tuple[str, str]], cls: str) -> str:
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="{cls}">{body}</table>'


def _transcript_html(attempt: Attempt) -> str:
    words = [w for w in attempt.report.get("words", ()) if isinstance(w, Mapping)]
    segments = report_segments(attempt, full=True)
    if not words:
        return f"<p>{escape(str(attempt.report.get('transcript', '')))}</p>"

    def label_at(t: float) -> str:
        for s in segments:
            if float(s.get("start") or 0) <= t < float(s.get("end") or 0):
                return str(s.get("label", ""))
        return ""

    out = []
    for w in words:
        mid = (float(w.get("start") or 0) + float(w.get("end") or 0)) / 2
        label = label_at(mid)
        cls = "seg filler" if w.get("filler") else "seg"
        colour = SEGMENT_COLOURS.get(label, "transparent")
        out.append(f'<span class="{cls}" style="background-color:{colour}" '
                   f'title="{escape(label)} {_clock(w.get("start"))}">'
                   f'{escape(str(w.get("word", "")))}</span>')
    return "<p>" + " ".join(out) + "</p>"


def render_html(attempt: Attempt) -> str:
    """Renders an attempt's report as a self-contained HTML page.

    Args:
        attempt: a stored attempt.

    Returns:
        The HTML text (no external resources; charts are inline SVG).
    """
    report = attempt.report
    segments = report_segments(attempt, full=True)
    title = f"Mock interview: {attempt.principle} ({attempt.created_at.astimezone():%Y-%m-%d})"
    h = [f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
         f"</title><style>{_CSS}</style></head><body>", f"<h1>{escape(title)}</h1>",
         _table(_meta(attempt), "meta")]
    if not report:
        h.append("<p>This attempt has not been analysed yet.</p></body></html>")
        return "".join(h)
    h.append(f'<h2>Verdict</h2><p class="verdict">{escape(str(attempt.verdict or "-"))}</p><ul>')
    h += [f"<li>{escape(r)}</li>" for r in plain_reasons(report.get("verdict_reasons", ()))]
    h.append("</ul><h2>Timing</h2>")
    h.append(segment_chart_svg(segments))
    h.append(timeline_svg(segments))
    h.append('<table class="segments"><tr><th>Segment</th><th>Seconds</th><th>Target</th>'
             "<th>Status</th><th>Words/min</th><th>Fillers</th></tr>")
    for s in segments:
        h.append(f"<tr><td>{escape(str(s.get('label')))}</td><td>{_num(s.get('seconds'))}</td>"
                 f"<td>{_num(s.get('target_seconds'))}</td><td>{escape(str(s.get('status')))}"
                 f"</td><td>{_num(s.get('words_per_minute'))}</td>"
                 f"<td>{escape(str(s.get('fillers', '-')))}</td></tr>")
    h.append("</table><h2>Delivery</h2>")
    h.append(_table(_metric_rows(attempt), "metrics"))
    h.append("<h2>Findings</h2><ul class='findings'>")
    for f in report_findings(attempt, full=True):
        sev = escape(str(f.get("severity", "info")))
        where = f" at {_clock(f.get('start'))}" if f.get("start") is not None else ""
        seg = f" ({escape(str(f['segment']))})" if f.get("segment") else ""
        h.append(f'<li class="{sev}"><strong>{sev}</strong>{seg}{where}: '
                 f"{escape(str(f.get('message', '')))}")
        if f.get("evidence"):
            h.append(f"<blockquote>\u201c{escape(str(f['evidence']))}\u201d</blockquote>")
        h.append(f" <small>{escape(str(f.get('id', '')))}</small></li>")
    h.append("</ul>")
    chosen = [p for p in report.get("probes", ()) if isinstance(p, Mapping)]
    if chosen:
        h.append("<h2>Follow-up questions</h2><ol class='probes'>")
        h += [f"<li>{escape(str(p.get('question', '')))}<br><small>Why: "
              f"{escape(str(p.get('reason', '')))}</small></li>" for p in chosen]
        h.append("</ol>")
    probes = [p for p in report.get("probe_answers", ()) if isinstance(p, Mapping)]
    if probes:
        h.append("<h2>Follow-up answers</h2>")
        for p in probes:
            h.append(f"<h3>{escape(str(p.get('question', '')))}</h3>"
                     f"<p>{escape(str(p.get('transcript', '')))}</p><ul>")
            h += [f"<li class='{escape(str(f.get('severity', 'info')))}'>"
                  f"{escape(str(f.get('message', '')))}</li>" for f in p.get("findings", ())]
            h.append("</ul>")
    h.append("<h2>Transcript</h2>")
    h.append(_transcript_html(attempt))
    h.append("</body></html>")
    return "\n".join(h)


def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(attempt: Attempt) -> str:
    """Renders an attempt's report as Markdown.

    Args:
        attempt: a stored attempt.

    Returns:
        The Markdown text.
    """
    report = attempt.report
    out = [f"# Mock interview: {attempt.principle}", ""]
    out += [f"- **{k}:** {_md(v)}" for k, v in _meta(attempt)]
    if not report:
        return "\n".join([*out, "", "This attempt has not been analysed yet.", ""])
    out += ["", f"## Verdict: {attempt.verdict or '-'}", ""]
    out += [f"- {_md(r)}" for r in plain_reasons(report.get("verdict_reasons", ()))]
    out += ["", "## Timing", "", "| Segment | Seconds | Target | Status |", "|---|---:|---:|---|"]
    out += [f"| {_md(s.get('label'))} | {_num(s.get('seconds'))} | "
            f"{_num(s.get('target_seconds'))} | {_md(s.get('status'))} |"
            for s in report_segments(attempt, full=True)]
    out += ["", "## Delivery", "", "| Metric | Value |", "|---|---|"]
    out += [f"| {_md(k)} | {_md(v)} |" for k, v in _metric_rows(attempt)]
    out += ["", "## Findings", ""]
    for f in report_findings(attempt, full=True):
        seg = f" ({f['segment']})" if f.get("segment") else ""
        out.append(f"- **{f.get('severity', 'info')}**{seg}: {_md(f.get('message', ''))} "
                   f"`{f.get('id', '')}`")
        if f.get("evidence"):
            out.append(f"  > \u201c{_md(f['evidence'])}\u201d")
    chosen = [p for p in report.get("probes", ()) if isinstance(p, Mapping)]
    if chosen:
        out += ["", "## Follow-up questions", ""]
        out += [f"{i}. {_md(p.get('question', ''))} (why: {_md(p.get('reason', ''))})"
                for i, p in enumerate(chosen, 1)]
    for p in report.get("probe_answers", ()):
        out += ["", f"### Follow-up: {_md(p.get('question', ''))}", "",
                _md(p.get("transcript", ""))]
        out += [f"- {_md(f.get('message', ''))}" for f in p.get("findings", ())]
    out += ["", "## Transcript", "", str(report.get("transcript", "")), ""]
    return "\n".join(out)


CSV_FIELDS: tuple[str, ...] = (
    "id", "created_at", "scenario_id", "principle", "level", "mode", "status", "verdict",
    "total_seconds", "budget_seconds", "words_per_minute", "fillers_per_minute", "filler_count",
    "i_count", "we_count",
    *(f"{lb}_{k}" for lb in SEGMENT_LABELS for k in ("seconds", "target")),
    "finding_count", "critical_findings", "finding_ids", "model", "prompt", "recordings",
    "hedges_per_100_words", "pet_phrases",
)


def _csv_safe(value: object) -> object:
    """Stops spreadsheet formula injection from text fields (a leading = + - @)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def render_csv(attempts: Iterable[Attempt]) -> str:
    """Renders attempts as CSV, one row each, oldest first.

    Args:
        attempts: stored attempts.

    Returns:
        The CSV text with a header row (:data:`CSV_FIELDS`).
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for a in sorted(attempts, key=lambda a: (a.created_at, a.id)):
        m = report_metrics(a)
        segs = {str(s.get("label")): s for s in report_segments(a)}
        findings = report_findings(a)
        row: dict[str, Any] = {
            "id": a.id, "created_at": a.created_at.isoformat(timespec="seconds"),
            "scenario_id": a.scenario_id, "principle": a.principle, "level": a.level,
            "mode": a.mode, "status": a.status, "verdict": a.verdict or "",
            "total_seconds": m.get("total_seconds", ""),
            "budget_seconds": m.get("budget_seconds", ""),
            "words_per_minute": m.get("words_per_minute", ""),
            "fillers_per_minute": m.get("fillers_per_minute", ""),
            "filler_count": m.get("filler_count", ""), "i_count": m.get("i_count", ""),
            "we_count": m.get("we_count", ""), "finding_count": len(findings) if a.summary else "",
            "critical_findings": sum(1 for f in findings if f.get("severity") == "critical")
            if a.summary else "",
            "finding_ids": ";".join(str(f.get("id", "")) for f in findings),
            "hedges_per_100_words": m.get("hedges_per_100_words", ""),
            "pet_phrases": _pet_text(m.get("pet_phrases"), "{p}={n}", ";", ""),
            "model": a.model, "prompt": a.prompt,
            "recordings": ";".join(str(p) for p in a.recordings),
        }
        for lb in SEGMENT_LABELS:
            row[f"{lb}_seconds"] = segs.get(lb, {}).get("seconds", "")
            row[f"{lb}_target"] = segs.get(lb, {}).get("target_seconds", "")
        writer.writerow({k: _csv_safe(v) for k, v in row.items()})
    return buf.getvalue()


def render_attempt(attempt: Attempt, fmt: str) -> str:
    """Renders one attempt in ``html`` or ``md``.

    Raises:
        UserError: an unknown format.
    """
    if fmt == "html":
        return render_html(attempt)
    if fmt in ("md", "markdown"):
        return render_markdown(attempt)
    raise UserError(f"unknown export format {fmt!r}; choose html or md")


def write_text(text: str, out: Path) -> Path:
    """Writes an export file, explaining failures in words.

    Args:
        text: the content.
        out: the file to write.

    Returns:
        The path written.

    Raises:
        UserError: the file cannot be written.
    """
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from exc
    log.info("exported %s", out)
    return out
