"""Exports opened and checked: HTML parsed, Markdown read, CSV through the csv module."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

from history_support import analysis_from_text, filled_store, seed_scenario, spoken_analysis

from mockinterviewer.coach.reason_text import plain_reasons
from mockinterviewer.store import HistoryStore
from mockinterviewer.store.export import (
    CSV_FIELDS,
    render_csv,
    render_html,
    render_markdown,
)


class _Page(HTMLParser):
    """Collects tags, text, attributes and the SVG charts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.rects: list[dict[str, str | None]] = []
        self.svgs = 0
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag == "svg":
            self.svgs += 1
        if tag == "rect":
            self.rects.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _attempt(store: HistoryStore, index: int):
    return sorted(store.list(status="done"), key=lambda a: a.created_at)[index]


def test_html_is_self_contained_with_figures_and_chart(tmp_path: Path) -> None:
    store = filled_store()
    attempt = _attempt(store, 0)  # No Hire: 70 s situation, reflection missing
    html = render_html(attempt)
    out = tmp_path / "report.html"
    out.write_text(html, encoding="utf-8")
    page = _parse(out.read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert page.tags[0] == "html" and "table" in page.tags
    assert "No Hire" in text and "Customer Obsession" in text
    # The figures: each segment's seconds and target, and the delivery metrics.
    for seg in attempt.report["segments"]:
        assert f"{seg['seconds']:.1f}" in text and f"{seg['target_seconds']:.1f}" in text
    assert f"{attempt.words_per_minute:.1f}" in text
    assert f"{attempt.fillers_per_minute:.2f}" in text
    assert "we worked out the root cause together" in text  # the user's own words as evidence
    # An embedded chart: SVG with one bar per segment whose widths follow the seconds.
    assert page.svgs >= 1
    bars = [r for r in page.rects if r.get("class") == "actual"]
    assert len(bars) == len(attempt.report["segments"])
    widths = [float(r["width"] or 0) for r in bars]
    secs = [s["seconds"] for s in attempt.report["segments"]]
    assert widths.index(max(widths)) == secs.index(max(secs))
    assert widths[secs.index(0.0)] == 0.0
    # Self-contained: nothing is fetched from anywhere.
    for name, value in page.attrs:
        if name in ("src", "href"):
            raise AssertionError(f"external reference {name}={value}")
    assert "<script" not in html.lower()
    store.close()


def test_real_engine_report_exports_with_its_figures(tmp_path: Path) -> None:
    from mockinterviewer.coach import analyze_probe_answer, with_probe_answers
    from mockinterviewer.transcript import Word

    scenario = seed_scenario()
    analysis = spoken_analysis(scenario, weak=True)
    probe = scenario.probe(analysis.probes[0].id)
    reply = ["I", "sent", "them", "a", "message", "and", "they", "handled", "it"]
    answer = analyze_probe_answer([Word(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(reply)],
                                  probe, scenario)
    analysis = with_probe_answers(analysis, [answer])
    store = HistoryStore()
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse",
                              scenario.prompts[0], None, "tiny.en")
    store.finish_attempt(aid, analysis)
    attempt = store.get(aid)
    out = tmp_path / "weak.html"
    out.write_text(render_html(attempt), encoding="utf-8")
    page = _parse(out.read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert analysis.verdict in text
    for reason in plain_reasons(analysis.verdict_reasons):
        assert reason.split()[0] in text
    raw = out.read_text(encoding="utf-8")
    verdict_part = raw[raw.index("<h2>Verdict"):raw.index("<h2>Timing")]
    for f in analysis.findings:  # the reasons are sentences; the ids stay in the JSON
        assert f.id not in verdict_part
    assert "(+" not in verdict_part and "->" not in verdict_part
    for seg in analysis.segments:
        assert f"{seg.seconds:.1f}" in text
    for f in analysis.findings:
        assert f.message[:40] in text
        if f.evidence:
            assert f.evidence[:30] in text
    for p in analysis.probes:
        assert p.question in text
    assert answer.question in text and "I sent them a message" in text
    assert f"{analysis.metrics.words_per_minute:.1f}" in text
    bars = [r for r in page.rects if r.get("class") == "actual"]
    assert len(bars) == len(analysis.segments)
    md = render_markdown(attempt)
    assert f"## Verdict: {analysis.verdict}" in md and analysis.probes[0].question in md
    md_verdict = md[md.index("## Verdict"):md.index("## Timing")]
    assert "(+" not in md_verdict and "->" not in md_verdict
    assert not any(f.id in md_verdict for f in analysis.findings)
    store.close()


def test_html_escapes_what_the_user_said() -> None:
    scenario = seed_scenario()
    store = HistoryStore()
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "analyze",
                              "<script>alert(1)</script>", None, "tiny.en")
    store.finish_attempt(aid, analysis_from_text(
        scenario, "I noticed <b>the</b> webhook & I fixed it. I learned a lot."))
    html = render_html(store.get(aid))
    assert "<script>" not in html and "&lt;script&gt;" in html
    page = _parse(html)
    assert "b" not in page.tags
    store.close()


def test_unfinished_attempt_exports_without_analysis() -> None:
    store = HistoryStore()
    aid = store.start_attempt("customer-obsession", "Customer Obsession", "sde2", "rehearse",
                              "Tell me", None, "tiny.en")
    attempt = store.get(aid)
    assert "not been analysed yet" in " ".join(_parse(render_html(attempt)).text)
    assert "not been analysed yet" in render_markdown(attempt)
    store.close()


def test_markdown_has_verdict_tables_and_findings() -> None:
    store = filled_store()
    attempt = _attempt(store, 1)
    md = render_markdown(attempt)
    assert md.startswith("# Mock interview: Customer Obsession")
    assert "## Verdict: Leaning No Hire" in md
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    seg_rows = {r.split("|")[1].strip(): r for r in rows}
    for seg in attempt.report["segments"]:
        assert f"{seg['seconds']:.1f}" in seg_rows[seg["label"]]
    assert "`action.we_language`" in md and "`result.no_metrics`" in md
    store.close()


def test_csv_of_all_history() -> None:
    store = filled_store()
    rows = list(csv.DictReader(io.StringIO(render_csv(store.list()))))
    assert len(rows) == 6
    assert tuple(rows[0].keys()) == CSV_FIELDS
    done = [r for r in rows if r["status"] == "done"]
    assert [r["verdict"] for r in done] == ["No Hire", "Leaning No Hire", "Hire", "Hire",
                                            "Strong Hire"]
    assert [float(r["situation_seconds"]) for r in done] == [70, 50, 38, 32, 30]
    assert done[0]["reflection_seconds"] == "0.0" and done[0]["finding_count"] == "3"
    assert float(done[-1]["total_seconds"]) == 176.0
    assert rows[-1]["status"] == "unfinished" and rows[-1]["verdict"] == ""
    store.close()


def test_csv_neutralises_formulas() -> None:
    store = HistoryStore()
    store.start_attempt("customer-obsession", "Customer Obsession", "sde2", "rehearse",
                        "=HYPERLINK(\"http://x\")", None, "tiny.en")
    row = next(csv.DictReader(io.StringIO(render_csv(store.list()))))
    assert row["prompt"].startswith("'=")
    store.close()


def test_exports_carry_hedges_and_pet_phrases() -> None:
    scenario = seed_scenario()
    text = ("So basically I think the webhook was sort of broken. Basically I guess I owned it. "
            "Basically I maybe added a retry. Basically it probably worked, I think.")
    analysis = analysis_from_text(scenario, text)
    store = HistoryStore()
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse",
                              scenario.prompts[0], None, "tiny.en")
    store.finish_attempt(aid, analysis)
    attempt = store.get(aid)
    rate = f"{analysis.metrics.hedges_per_100_words:.1f}"
    md = render_markdown(attempt)
    assert "Hedges per 100 words" in md and rate in md and "basically ×4" in md
    page = " ".join(_parse(render_html(attempt)).text)
    assert "Pet phrases" in page and "basically ×4" in page
    row = next(csv.DictReader(io.StringIO(render_csv([attempt]))))
    assert float(row["hedges_per_100_words"]) == round(analysis.metrics.hedges_per_100_words, 2)
    assert row["pet_phrases"] == "basically=4"
    store.close()
