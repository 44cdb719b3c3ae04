"""Language: hedges (with the trade-off rule and word senses), pet phrases, marks, metrics."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from coach_helpers import STRONG, scenario_for, speak

from mockinterviewer.cli import main
from mockinterviewer.coach import analyze, analyze_text
from mockinterviewer.coach.language import (
    LanguageMark,
    find_hedges,
    find_pet_phrases,
    hedge_rate,
    is_hedgy,
    language_findings,
    language_marks,
    pet_phrases,
    word_labels,
)
from mockinterviewer.coach.types import Analysis, Finding
from mockinterviewer.coach.verdict import decide


def _own():  # the Ownership scenario (every finding applies)
    return scenario_for("ownership")


def _w(text: str) -> list[str]:
    return text.split()


def _hedged(text: str, labels: list[str] | None = None) -> list[str]:
    words = text.split()
    return [" ".join(words[a: b + 1]) for a, b in find_hedges(words, labels)[0]]


def _excused(text: str, labels: list[str] | None = None) -> list[str]:
    words = text.split()
    return [" ".join(words[a: b + 1]) for a, b in find_hedges(words, labels)[1]]


@pytest.mark.parametrize("text, hedges", [
    ("I think we sort of fixed the outage.", ["I think", "sort of"]),
    ("Maybe the cache was probably the cause.", ["Maybe", "probably"]),
    ("I guess I kind of took over the incident.", ["I guess", "kind of"]),
    ("It seems like the rollout went fine, hopefully.", ["It seems", "hopefully."]),
    ("I'm not sure, but I believe it cut latency by half.", ["I'm not sure,", "I believe"]),
    ("I feel it went fairly well, but who knows.", ["I feel", "fairly", "who knows."]),
    ("I honestly thought maybe it would work.", ["maybe"]),
    ("Not sure, but it's possible that my fix helped.", ["Not sure,", "it's possible"]),
])
def test_hedges_are_found(text: str, hedges: list[str]) -> None:
    assert _hedged(text) == hedges


@pytest.mark.parametrize("text", [
    "I thought about three options before I picked the queue.",
    "The kind of customer we had was a small bakery.",
    "What sort of data did we have? I had to sort the tickets by age first.",
    "I think about latency every day now.",  # "think about" is considering, not hedging
    "My manager said maybe we should wait a week.",  # someone else's words
    'She asked "could this probably wait?" and I said no.',
    "I believe in writing the runbook before the launch.",
    "We cut the p99 latency from 900 ms to 200 ms in two weeks.",
    "My manager thought it was probably the cache, so I checked the disk first.",
    "I feel proud of that launch because it shipped on the day we promised.",
    "It's possible to book a slot online now, so I moved the clinic to it.",
    "I asked who knows the billing system best and paired with her.",
    "The case I'm thinking of is the March outage.",
    "I emailed all potentially affected customers within the hour.",
    "I split the overtime fairly.",
    "The vendor was not sure, so I tested the part myself.",
])
def test_literal_senses_and_quoted_speech_are_not_hedges(text: str) -> None:
    assert _hedged(text) == []


@pytest.mark.parametrize("text", [
    "Looking back, I think the better call would have been to roll back first.",
    "Next time I'd probably write the alert before the fix.",
    "If I did it again, maybe I would bring the data team in earlier.",
    "In hindsight I guess we should have paged the owner sooner.",
])
def test_hedges_weighing_hindsight_are_excused(text: str) -> None:
    assert _hedged(text) == []
    assert _excused(text)  # seen, and set apart


def test_trade_off_in_the_reflection_is_excused_only_there() -> None:
    text = "I think the trade-off was worth it rather than waiting a quarter."
    n = len(text.split())
    assert _hedged(text, ["reflection"] * n) == []
    assert _excused(text, ["reflection"] * n) == ["I think"]
    # the same words told as the Action are a hedge about what was done
    assert _hedged(text, ["action"] * n) == ["I think"]
    # a Reflection hedge that weighs nothing still counts
    plain = "I think the dashboard is still running."
    assert _hedged(plain, ["reflection"] * len(plain.split())) == ["I think"]


def test_hedge_rate_and_hedgy_threshold() -> None:
    hedgy = _w("I think I sort of led the migration. Maybe it went well, I guess. We probably "
             "saved some money, I think.")
    confident = _w("I led the migration of forty services. It cut our bill by 30%. Looking back, "
                 "I think I would have started with the billing service.")
    assert hedge_rate(hedgy) > 20 and is_hedgy(hedgy)
    assert hedge_rate(confident) == 0 and not is_hedgy(confident)


def test_known_pet_phrase_counted_with_its_count() -> None:
    text = _w("So basically the queue was full. Basically I drained it. We basically rebuilt the "
              "consumer, and basically it has not failed since.")
    assert pet_phrases(text) == {"basically": 4}


def test_repeated_discourse_phrase_is_a_pet_but_content_repetition_is_not() -> None:
    text = ("The cache was cold, you know, and the cache kept missing. You know, I warmed the "
            "cache, you know, and the cache hit rate went to 95%. The cache has held, you know.")
    found = pet_phrases(text.split())
    assert found == {"you know": 4}  # not "the cache" (content), not "you" or "know" alone
    names = ("Priya asked Priya's team. Priya agreed. Then Priya shipped it with 40 tests, 40 "
             "tests, 40 tests and 40 tests.")
    assert pet_phrases(names.split()) == {}


def test_ordinary_function_words_are_not_pets() -> None:
    words = " ".join(t for _, t in STRONG).split()
    assert pet_phrases(words) == {}
    assert not is_hedgy(words)


def test_like_as_a_verb_is_not_a_pet_but_as_a_filler_is() -> None:
    verb = ("It looks like a leak. I like the tool. Something like 40 users. It felt like a "
            "week.")
    assert "like" not in pet_phrases(verb)
    filler = _w("It was, like, slow. We had, like, a huge backlog, and it was like, broken, and "
              "we were like, stuck.")
    assert pet_phrases(filler).get("like") == 4


def test_language_marks_give_word_spans() -> None:
    text = ("I think we basically fixed it. Basically it held. Basically nobody paged us. "
            "Basically done. Looking back, I think the better call would have been to wait.")
    words = text.split()
    marks = language_marks(words)
    assert marks[0] == LanguageMark("hedge", 0, 1, "I think")
    pets = [m for m in marks if m.kind == "pet_phrase"]
    assert [m.first_word for m in pets] == [3, 6, 9, 13]
    assert all(words[m.first_word].lower().startswith("basically") for m in pets)
    assert [m.first_word for m in marks] == sorted(m.first_word for m in marks)
    hedges = [m for m in marks if m.kind == "hedge"]
    assert len(hedges) == 1  # the hindsight "I think" is not marked


def test_word_labels_follow_segment_times() -> None:
    words, _ = speak(STRONG)
    analysis = analyze(words, _own())
    labels = word_labels(analysis.words, analysis.segments)
    assert len(labels) == len(analysis.words)
    assert labels[0] == "situation" and labels[-1] == "reflection"


HEDGY = [
    ("situation", "I think last year our checkout was sort of slow for some users, I guess."),
    ("task", "My job was maybe to look at it, probably, since I kind of owned the service."),
    ("action", "I think I profiled the queries and I sort of found two slow joins. I guess I "
     "added an index, and maybe I also cached the prices, I think."),
    ("result", "It was probably faster after that, maybe by half, I think."),
    ("reflection", "Looking back, I think the better call would have been to add the dashboard "
     "first."),
]
PETTY = [
    ("situation", "So basically our deploys were failing, you know, twice a week."),
    ("task", "Basically I owned the pipeline, you know."),
    ("action", "I basically rewrote the retry logic and, you know, added a canary. Basically I "
     "also wrote the runbook, you know."),
    ("result", "Failed deploys went from eight a month to one."),
    ("reflection", "I now add a canary to every pipeline I touch."),
]


def test_timed_findings_quote_hedges_with_start_and_times() -> None:
    words, _ = speak(HEDGY)
    analysis = analyze(words, _own())
    hedging = analysis.finding("language.hedging")
    assert hedging is not None and hedging.severity in ("warning", "info")
    first = next(w for w in analysis.words if w.word == "I")
    assert hedging.start == pytest.approx(first.start)
    assert "confidence is part of the signal" in hedging.message
    assert "I think" in hedging.evidence
    assert analysis.metrics.hedges_per_100_words > 10
    words, _ = speak(PETTY)
    analysis = analyze(words, _own())
    pets = [f for f in analysis.findings if f.id.startswith("language.pet_phrase")]
    assert {f.message.split('"')[1] for f in pets} == {"basically", "you know"}
    assert all(f.start is not None and "(at 0:" in f.message for f in pets)
    assert dict(analysis.metrics.pet_phrases) == {"basically": 4, "you know": 4}


def test_written_findings_have_no_time_and_severity_is_never_critical() -> None:
    analysis = analyze_text("\n\n".join(t for _, t in HEDGY), _own())
    lang = [f for f in analysis.findings if f.id.startswith("language.")]
    assert lang and all(f.start is None and f.severity != "critical" for f in lang)


def test_json_fields_are_added_and_read_back() -> None:
    analysis = analyze_text("\n\n".join(t for _, t in PETTY), _own())
    d = analysis.to_dict()
    assert isinstance(d["metrics"]["hedges_per_100_words"], float)
    assert d["metrics"]["pet_phrases"] == {"basically": 4, "you know": 4}
    back = Analysis.from_dict(json.loads(json.dumps(d)))
    assert back.metrics.pet_phrases == analysis.metrics.pet_phrases
    assert back.metrics.hedges_per_100_words == round(analysis.metrics.hedges_per_100_words, 2)
    old = dict(d, metrics={k: v for k, v in d["metrics"].items()
                           if k not in ("hedges_per_100_words", "pet_phrases")})
    assert Analysis.from_dict(old).metrics.pet_phrases == ()  # an old attempt still reads


def test_language_weighs_like_delivery_in_the_verdict() -> None:
    base = analyze_text("\n\n".join(t for _, t in STRONG), _own())
    extra = [Finding("language.hedging", None, "warning", "", None, "m"),
             Finding("language.pet_phrase", None, "warning", "", None, "m"),
             Finding("language.pet_phrase", None, "warning", "", None, "m")]
    v_base, _ = decide(base.findings, _own(), "sde2")
    v_more, reasons = decide(list(base.findings) + extra, _own(), "sde2")
    assert any("language.hedging (+0.25)" in r for r in reasons)
    order = ("Strong Hire", "Hire", "Leaning No Hire", "No Hire")
    assert order.index(v_more) - order.index(v_base) <= 1


def test_analyze_text_cli_prints_and_writes_language(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(t for _, t in HEDGY + PETTY[:3]), encoding="utf-8")
    out = tmp_path / "out.json"
    rc = main(["analyze", "--scenario", "ownership", "--text", str(story), "--json", str(out)])
    printed = capsys.readouterr().out
    assert rc == 0
    assert "language.hedging" in printed and "language.pet_phrase" in printed
    assert "You hedged" in printed and 'You said "basically"' in printed
    metrics = printed.split("\nMetrics\n")[1]
    assert "hedges per 100 words; pet phrases:" in metrics and "'basically' x4" in metrics
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["metrics"]["hedges_per_100_words"] > 5
    assert d["metrics"]["pet_phrases"]["basically"] == 4
    assert {"language.hedging", "language.pet_phrase"} <= {f["id"] for f in d["findings"]}


def test_no_findings_on_a_plain_answer() -> None:
    words, _ = speak(STRONG)
    analysis = analyze(words, _own())
    assert not [f for f in analysis.findings if f.id.startswith("language.")]
    assert language_findings(analysis.words[:0]) == []
    assert dataclasses.replace(analysis.metrics).pet_phrases == ()
    assert find_pet_phrases([]) == {}
