"""A loop's debrief as plain text (``history show ID``), Markdown or self-contained HTML.

Each exported debrief is followed by every answer's own report (the single-answer export), so one
file holds the whole loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from mockinterviewer.coach.loop import LoopDebrief
from mockinterviewer.content.model import LEVEL_NAMES
from mockinterviewer.errors import UserError
from mockinterviewer.store.export import render_attempt, render_html, render_markdown
from mockinterviewer.store.model import Attempt

if TYPE_CHECKING:
    from mockinterviewer.store.history import HistoryStore


def _clock(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    return f"{m}:{s:02d}"


def debrief_lines(d: LoopDebrief | None) -> list[str]:
    """The debrief as lines of plain text."""
    if d is None:
        return ["This loop has not been debriefed yet."]
    out = [f"Overall: {d.reading}", f"The one thing that would change the outcome: {d.one_thing}",
           "", "Principle                          Verdict          Time     Budget"]
    for r in d.rows:
        mark = "at the bar" if r.at_bar else "below the bar"
        out.append(f"  {r.principle[:32]:<32} {r.verdict:<16} {_clock(r.seconds):>6} "
                   f"{_clock(r.budget_seconds):>8}  ({mark}; answer {r.attempt_id})")
        out.append(f"      {r.key_finding}")
    out += ["", "Story reuse"]
    if not d.reuse:
        out.append("  Every answer told a different story.")
    for u in d.reuse:
        out.append(f"  {u.second_principle} retold the {u.first_principle} story. Shared details:")
        for s in u.shared:
            out.append(f"    - {s.detail}: \u201c{s.quote_a}\u201d / \u201c{s.quote_b}\u201d")
        if u.suggestion:
            out.append(f"    Suggestion: {u.suggestion}")
    t = d.totals
    if t is not None:
        out += ["", "Across the loop",
                f"  Speaking time {_clock(t.speaking_seconds)}, {t.words_per_minute:.0f} words a "
                f"minute, {t.fillers} fillers ({t.fillers_per_minute:.1f} a minute).",
                f"  {t.energy_note}"]
    return out


def render_loop_markdown(loop: Attempt, answers: Sequence[Attempt], d: LoopDebrief | None) -> str:
    """The loop's debrief and each answer's report as Markdown."""
    when = loop.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    out = [f"# Mock interview loop: {loop.prompt}", "",
           f"- **Date:** {when}", f"- **Level:** {LEVEL_NAMES.get(loop.level, loop.level)}",
           f"- **Status:** {loop.status}", ""]
    if d is None:
        out += ["This loop has not been debriefed yet.", ""]
    else:
        out += ["## Debrief", "", f"**{d.reading}**", "",
                f"The one thing that would change the outcome: {d.one_thing}", "",
                "| Principle | Verdict | Time | Budget | Key finding |", "|---|---|---:|---:|---|"]
        out += [f"| {r.principle} | {r.verdict} | {_clock(r.seconds)} | "
                f"{_clock(r.budget_seconds)} | {r.key_finding.replace('|', '/')} |"
                for r in d.rows]
        out += ["", "## Story reuse", ""]
        if not d.reuse:
            out.append("Every answer told a different story.")
        for u in d.reuse:
            out.append(f"- **{u.second_principle}** retold the **{u.first_principle}** story:")
            out += [f"  - {s.detail}: \u201c{s.quote_a}\u201d / \u201c{s.quote_b}\u201d"
                    for s in u.shared]
            if u.suggestion:
                out.append(f"  - Suggestion: {u.suggestion}")
        if d.totals is not None:
            t = d.totals
            out += ["", "## Across the loop", "",
                    f"Speaking time {_clock(t.speaking_seconds)}, {t.words_per_minute:.0f} words "
                    f"a minute, {t.fillers} fillers ({t.fillers_per_minute:.1f} a minute). "
                    f"{t.energy_note}"]
    for i, a in enumerate(answers, 1):
        body = render_markdown(a).replace("\n# ", "\n### ", 1)
        out += ["", f"## Answer {i}: {a.principle}", "", body.split("\n", 1)[1].lstrip()]
    return "\n".join(out) + "\n"


def render_loop_html(loop: Attempt, answers: Sequence[Attempt], d: LoopDebrief | None) -> str:
    """The loop's debrief and each answer's report as one self-contained HTML page."""
    e = escape
    h = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
         f"<title>Mock interview loop: {e(loop.prompt)}</title>",
         "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.45}"
         "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.3em .6em}"
         ".bar{color:#2e7d32}.below{color:#c62828}blockquote{color:#444}"
         "section.answer{border-top:2px solid #888;margin-top:2em}</style></head><body>",
         f"<h1>Mock interview loop</h1><p>{e(loop.prompt)}</p>"]
    if d is None:
        h.append("<p>This loop has not been debriefed yet.</p>")
    else:
        h += [f"<h2>Debrief</h2><p><strong>{e(d.reading)}</strong></p>",
              f"<p>The one thing that would change the outcome: {e(d.one_thing)}</p>",
              "<table><tr><th>Principle</th><th>Verdict</th><th>Time</th><th>Budget</th>"
              "<th>Key finding</th></tr>"]
        h += [f"<tr><td>{e(r.principle)}</td><td class='{'bar' if r.at_bar else 'below'}'>"
              f"{e(r.verdict)}</td><td>{_clock(r.seconds)}</td><td>{_clock(r.budget_seconds)}"
              f"</td><td>{e(r.key_finding)}</td></tr>" for r in d.rows]
        h.append("</table><h2>Story reuse</h2>")
        if not d.reuse:
            h.append("<p>Every answer told a different story.</p>")
        for u in d.reuse:
            h.append(f"<p><strong>{e(u.second_principle)}</strong> retold the "
                     f"<strong>{e(u.first_principle)}</strong> story.</p><ul>")
            h += [f"<li>{e(s.detail)}: <blockquote>\u201c{e(s.quote_a)}\u201d<br>"
                  f"\u201c{e(s.quote_b)}\u201d</blockquote></li>" for s in u.shared]
            h.append(f"</ul><p>{e(u.suggestion)}</p>")
        if d.totals is not None:
            t = d.totals
            h.append(f"<h2>Across the loop</h2><p>Speaking time {_clock(t.speaking_seconds)}, "
                     f"{t.words_per_minute:.0f} words a minute, {t.fillers} fillers "
                     f"({t.fillers_per_minute:.1f} a minute). {e(t.energy_note)}</p>")
    for i, a in enumerate(answers, 1):
        page = render_html(a)
        body = page.split("<body>", 1)[-1].rsplit("</body>", 1)[0]
        h.append(f"<section class='answer'><h2>Answer {i}: {e(a.principle)}</h2>{body}</section>")
    h.append("</body></html>")
    return "\n".join(h)


def render_loop(loop: Attempt, answers: Sequence[Attempt], d: LoopDebrief | None,
                fmt: str) -> str:
    """Renders a loop in ``html`` or ``md``.

    Raises:
        UserError: an unknown format.
    """
    if fmt == "html":
        return render_loop_html(loop, answers, d)
    if fmt in ("md", "markdown"):
        return render_loop_markdown(loop, answers, d)
    raise UserError(f"unknown export format {fmt!r}; choose html or md")


def loop_debrief(store: HistoryStore, loop: Attempt) -> tuple[list[Attempt], LoopDebrief | None]:
    """A loop's answers and its debrief (computed from the answers when it was cut short)."""
    from mockinterviewer.content.library import load_library
    from mockinterviewer.store.loops import build_debrief, stored_debrief

    answers = store.loop_answers(loop.id)
    d = stored_debrief(loop)
    if d is None and any(a.status == "done" for a in answers):
        scenarios = load_library().scenarios
        by_id = {s.id: s for s in scenarios}
        d = build_debrief(loop, answers, by_id.get, [s for s in scenarios if s.kind == "story"],
                          [s for s in scenarios if s.kind != "story"])
    return answers, d


def render_for_export(store: HistoryStore, attempt: Attempt, fmt: str) -> str:
    """One history entry as HTML or Markdown: a loop with its debrief and answers, any other
    attempt as its report.

    Raises:
        UserError: an unknown format.
    """
    if attempt.mode != "loop":
        return render_attempt(attempt, fmt)
    answers, d = loop_debrief(store, attempt)
    return render_loop(attempt, answers, d, fmt)
