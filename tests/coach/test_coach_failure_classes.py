"""The failure classes of the issue "Coach: STAR segmentation and findings that hold on answers
nobody on the team wrote", each with new examples written for these tests (not in the corpus).

1. parts may be absent and an absent part steals nothing; a Result preview is recognised;
2. units below the sentence: a clause boundary inside one transcribed sentence is found;
3. long unpunctuated runs are cut at clause boundaries, never mid-phrase;
4. context vs duty vs doing;
5. findings hold for paraphrases (the detectors' own sets are in test_coach_detectors.py);
and the confidence rule: an unsure split gives a warning that quotes the words, never a critical.
"""

from __future__ import annotations

import pytest

from mockinterviewer.coach import analyze, analyze_text, split_story
from mockinterviewer.coach.findings import SURE, UNSURE
from mockinterviewer.coach.segment import label_answer
from mockinterviewer.coach.text import words_from_text
from mockinterviewer.coach.types import SegmentResult
from mockinterviewer.coach.units import annotate
from mockinterviewer.content import SEGMENT_LABELS, Scenario


def _labels(text: str) -> list[tuple[str, str]]:
    lab = label_answer(words_from_text(text))
    return [(SEGMENT_LABELS[k], u.text) for u, k in zip(lab.units, lab.unit_labels, strict=True)]


def _label_of(text: str, fragment: str) -> str:
    return next(lb for lb, t in _labels(text) if fragment in t)


NO_TASK_NO_REFLECTION = (
    "I run the pastry section at a hotel kitchen. Before a wedding for three hundred guests, our "
    "blast chiller failed on the Friday night. I borrowed two chillers from the banqueting team "
    "next door and moved the desserts into them in batches. I also rewrote the prep order so the "
    "mousses set first. Every dessert went out on time and the couple sent a thank-you note to "
    "the kitchen.")


# --- 1. absent parts ---

def test_absent_reflection_steals_no_result(backbone_scenario: Scenario) -> None:
    a = analyze_text(NO_TASK_NO_REFLECTION, backbone_scenario)
    assert a.segment("reflection").status == "missing"
    assert a.segment("result").text.startswith("Every dessert went out on time")
    assert "segment.missing.reflection" in a.finding_ids
    assert "segment.missing.action" not in a.finding_ids


def test_absent_task_takes_no_situation_sentence(backbone_scenario: Scenario) -> None:
    a = analyze_text(NO_TASK_NO_REFLECTION, backbone_scenario)
    task = a.segment("task")
    assert task.status == "missing" or "chiller failed" not in task.text
    assert "our blast chiller failed" in a.segment("situation").text


class _ScriptedModel:
    """The shipped model's chain with scripted unit probabilities (tests the decoder alone)."""

    def __init__(self, probs: list[list[float]]) -> None:
        from mockinterviewer.coach.segmodel import default_model

        base = default_model()
        self.boundaries = None  # units cut as the shipped model cuts them
        self.log_prior, self.log_start, self.log_trans = (base.log_prior, base.log_start,
                                                          base.log_trans)
        self.probs = probs

    def log_posteriors(self, units, horizon=None):
        import numpy as np

        return np.log(np.asarray(self.probs[: len(units)]) + 1e-9)


PREVIEW = ("We cut missed deliveries by a third, and here is how. I was the night dispatcher at a "
           "regional parcel depot. I re-sequenced the loading lanes by postcode. Missed "
           "deliveries fell from ninety a week to sixty.")


def test_result_preview_is_a_state_of_the_chain(backbone_scenario: Scenario) -> None:
    """An opening that reads as a Result is a preview: the story still runs S, A, R after it,
    and the preview's time counts towards the Result."""
    from mockinterviewer.coach.segment import segments_of

    words = words_from_text(PREVIEW)
    units = annotate(words)
    assert len(units) == 5
    model = _ScriptedModel([[0.05, 0, 0.05, 0.9, 0], [0.3, 0, 0.1, 0.6, 0], [0.9, 0.05, 0.05, 0, 0],
                            [0.05, 0.05, 0.9, 0, 0], [0, 0, 0.1, 0.9, 0]])
    lab = label_answer(words, model=model)  # type: ignore[arg-type]
    assert lab.preview[0] and not lab.preview[-1]
    assert [SEGMENT_LABELS[k] for k in lab.unit_labels] == [
        "result", "result", "situation", "action", "result"]
    segs = {s.label: s for s in segments_of(lab, backbone_scenario.targets_for("sde2"))}
    assert segs["result"].text.startswith("We cut missed deliveries")
    assert segs["result"].start == units[4].start  # its main stretch
    preview_time = units[2].start - units[0].start
    assert segs["result"].seconds == pytest.approx(preview_time + words[-1].end - units[4].start)
    assert segs["situation"].start == units[2].start


HANDED = ("Our depot manager asked me to sort out the returns cage before the audit. I cleared it "
          "in two evenings and labelled every shelf. The audit passed and the cage has stayed "
          "tidy since.")


def test_a_finished_answer_never_ends_inside_its_preview() -> None:
    """A short answer whose later clauses lean to Result was once read as one long "preview"
    (the unit probabilities below are the shipped model's of that day): every other part
    missing. A preview announces a story that follows,
    so a finished answer never ends in it; live, the story may not have started yet."""
    from mockinterviewer.coach.segment import decode

    units = annotate(words_from_text(HANDED))
    assert len(units) == 3
    model = _ScriptedModel([[0.0, 0.96, 0.0, 0.04, 0.0], [0.0, 0.0, 0.25, 0.74, 0.0],
                            [0.0, 0.0, 0.0, 1.0, 0.0]])
    done = decode(units, model)  # type: ignore[arg-type]
    assert done.states[-1] != 0
    assert [SEGMENT_LABELS[k] for k in done.labels] == ["task", "action", "result"]
    live = decode(units, model, horizon=90.0)  # type: ignore[arg-type]
    assert live.labels[-1] == SEGMENT_LABELS.index("result")
    # the shipped model on the same words
    lab = label_answer(words_from_text(HANDED))
    assert [SEGMENT_LABELS[k] for k in lab.unit_labels] == ["task", "action", "result"]
    assert not any(lab.preview)


def test_result_first_answers_keep_their_story() -> None:
    """With the shipped model, an answer that opens on its outcome still finds the situation,
    the action and the closing result (whether the opening is recognised as a preview is measured
    by the result_first register in ``mockinterviewer evaluate``)."""
    # "I was the night dispatcher" is the speaker's role: writers label it Situation or Task.
    assert _label_of(PREVIEW, "night dispatcher") in ("situation", "task")
    assert _label_of(PREVIEW, "re-sequenced the loading lanes") == "action"
    assert _label_of(PREVIEW, "from ninety a week") == "result"


FRONT_DESK = (
    "I manage the front desk at a dental practice. Our recall letters went out late every month "
    "because one person printed them by hand. I moved the recalls into the booking system's "
    "automatic reminders and tested them on my own appointments first. Missed check-ups fell "
    "from about forty a month to twelve within a quarter. ")


@pytest.mark.parametrize("closing", [
    # a closing that grades the speaker
    "This demonstrates my ability to keep a calm head when the whole week falls apart.",
    "Ultimately, this example shows that I take ownership of the guest experience.",
    "I think it really shows my commitment to doing right by the families we serve.",
    # a sign-off
    "So yeah, that's pretty much it. I hope that answers your question.",
    "Does that make sense?",
    "Um, so, yeah. That's the story.",
])
def test_a_closing_that_grades_the_speaker_or_signs_off_is_no_reflection(
        backbone_scenario: Scenario, closing: str) -> None:
    text = FRONT_DESK + closing
    analysis = analyze(words_from_text(text), backbone_scenario, "sde2")
    assert _label_of(text, closing[:12]) == "result"
    assert "segment.missing.reflection" in analysis.finding_ids
    assert "reflection.generic" not in analysis.finding_ids


@pytest.mark.parametrize("closing", [
    "It showed me that asking the patients first would have saved me a month.",
    "Looking back, I learned to test a change on a small group before I roll it out.",
    "So yeah. What I learned is to ask the receptionists before I automate what they do by hand.",
])
def test_a_closing_that_names_a_lesson_stays_a_reflection(closing: str) -> None:
    lesson = closing.removeprefix("So yeah. ")
    assert _label_of(FRONT_DESK + closing, lesson[:20]) == "reflection"


FOOD_BANK = (
    "I coordinate volunteers at a food bank. Our Saturday collection rota kept falling apart "
    "because people swapped shifts by text and nobody kept track. I put the rota into a shared "
    "sheet, asked every driver to swap only through it, and I rang the three regulars who had "
    "missed the most shifts to ask what would help. ")


@pytest.mark.parametrize("closing", [
    "It only started last month, so it's too early to tell.",
    "It only started last month, so honestly it's too early to tell.",
    "The board is still deciding whether to keep it, so we'll see.",
    "Honestly I'm not sure what happened after that, I moved to another branch.",
    "And yeah, that was it.",
])
def test_a_closing_that_says_nothing_came_of_it_is_no_result(
        backbone_scenario: Scenario, closing: str) -> None:
    """Failure class 1: a telling that stops before anything came of the work has no Result,
    however much its closing sounds like one; the closing stays with the Action."""
    text = FOOD_BANK + closing
    analysis = analyze(words_from_text(text), backbone_scenario, "sde2")
    assert analysis.segment("result").status == "missing"
    assert "segment.missing.result" in analysis.finding_ids
    assert _label_of(text, closing[:12]) == "action"


@pytest.mark.parametrize("closing", [
    "No Saturday was short of drivers for the next three months. So yeah, that was it.",
    "Two drivers came back, though it's too early to tell if it lasts.",
    "Drivers seemed happier, but it's early days.",
    "They stayed on the rota, and yeah, that's it really",
])
def test_an_outcome_said_with_a_sign_off_or_a_caveat_keeps_its_result(closing: str) -> None:
    assert _label_of(FOOD_BANK + closing, closing[:12]) == "result"


# --- 2. a boundary inside one sentence ---

def test_task_and_action_in_one_sentence(backbone_scenario: Scenario) -> None:
    text = ("Our finance lead wanted the monthly cloud bill cut, so I moved the nightly batch jobs "
            "to spot instances and added a retry wrapper for interrupted runs. The bill fell by "
            "forty percent the next month.")
    assert _label_of(text, "so I moved the nightly batch jobs") == "action"
    a = analyze_text(text, backbone_scenario)
    assert a.segment("action").status != "missing"
    assert not any(f.id == "segment.missing.action" for f in a.findings)


# --- 3. unpunctuated runs ---

NOTES = ("stores team kept running out of printer toner every month end so i set up a shared "
         "tracker with reorder points for each floor so that i could identify which floors "
         "burned through toner fastest reorders went out a week early toner outages went from "
         "four a quarter to zero")


def test_note_form_is_cut_at_clause_openers_only() -> None:
    units = annotate(words_from_text(NOTES))
    assert len(units) >= 3
    bad_ends = {"the", "a", "to", "of", "could", "that", "for", "with", "which"}
    for u in units[:-1]:
        assert u.tokens[-1] not in bad_ends, u.text
    starts = [u.tokens[0] for u in units]
    assert "so" in starts  # "so i set up a shared tracker"
    assert not any(u.text.startswith("identify") for u in units)


def test_note_form_split_finds_the_action_and_result() -> None:
    parts = split_story(NOTES)
    assert "set up a shared tracker" in parts["action"]
    assert "from four a quarter to zero" in parts["result"]


# Prep notes typed before an interview: one full stop after the heading, then a run of steps
# joined by arrows, colons and commas.
PREP_NOTES = (
    "tight deadline q. pharmacy tech in a hospital dispensary, flu season -> discharge meds "
    "backing up 4+ hrs, ward nurses phoning every 10 min -> lead pharmacist: clear the queue "
    "before the winter peak -> sorted the queue by discharge time not arrival, set up a 2pm "
    "cutoff board w the wards, trained 2 assistants to pre-pack the common packs -> avg wait "
    "4 hrs to 90 min in 3 wks, cutoff board still running")


def test_prep_notes_are_cut_at_their_arrows_and_colons() -> None:
    units = annotate(words_from_text(PREP_NOTES))
    texts = [u.text for u in units]
    assert len(units) >= 8, texts
    # an arrow closes the step before it and never opens a unit
    assert not any(t.startswith("->") for t in texts), texts
    assert any(t.startswith("sorted the queue") for t in texts), texts
    assert any("clear the queue" in t and "sorted" not in t and "nurses" not in t
               for t in texts), texts
    assert any(t.startswith("avg wait") for t in texts), texts


def test_an_arrow_between_two_numbers_in_a_punctuated_answer_cuts_nothing() -> None:
    text = ("I ran the stock count. Shrinkage went 4% -> 1% over the year because the new "
            "cycle counts caught the mis-scans early.")
    assert [u.text for u in annotate(words_from_text(text))] == [
        "I ran the stock count.",
        "Shrinkage went 4% -> 1% over the year because the new cycle counts caught the "
        "mis-scans early."]


def test_a_note_label_heads_the_words_after_it() -> None:
    # No full stop before the label: it still opens the unit it names, and stays in it.
    text = ("front desk, boutique hotel, sat night, 2 rooms double booked + a wedding party "
            "arriving aim: nobody sleeps in the lobby my part: find 2 rooms by 10pm "
            "rang the 3 hotels on our street -> one had a twin free")
    texts = [u.text for u in annotate(words_from_text(text))]
    assert any(t.startswith("aim: nobody sleeps") for t in texts), texts
    assert any(t.startswith("my part: find 2 rooms") for t in texts), texts
    assert not any(t.rstrip().endswith(("aim:", "part:")) for t in texts), texts
    # a colon that explains, not a label, cuts nothing before it
    texts = [u.text for u in annotate(words_from_text(
        "added a recon tab: totals must tie to the ledger or the cell goes red"))]
    assert texts[0].startswith("added a recon tab:"), texts


def test_a_duty_said_as_a_predicate_is_not_cut_in_two() -> None:
    # "my job" opens a clause ("my job was to ..."), but after "not" or "was" it ends one
    text = ("Food is not my job, I am on reception, and my manager said to just show them the "
            "vending machine. It was my responsibility to lock up, so I stayed late. The tiles "
            "we chose are now the standard for every branch.")
    texts = [u.text for u in annotate(words_from_text(text))]
    assert any(t.startswith("Food is not my job") for t in texts), texts
    assert any(t.startswith("It was my responsibility to lock up") for t in texts), texts
    assert any("are now the standard" in t for t in texts), texts
    assert any(t.startswith("my job") for t in [u.text for u in annotate(words_from_text(
        "The depot was short of drivers all week and my job was to cover the early runs."))])


def test_prep_notes_split_finds_the_action_and_result() -> None:
    parts = split_story(PREP_NOTES)
    assert "trained 2 assistants" in parts["action"]
    assert "avg wait" in parts["result"]
    assert "flu season" in parts["situation"]


# Notes with one full stop near the start, then a long run held together by commas only: the
# clause rules find few cuts there, so the boundary model adds the ones it is sure of.
LONG_RUN_NOTES = (
    "site admin for a small building firm. invoices from subcontractors arriving by post, email "
    "and text photos, nobody matching them to orders, two suppliers chasing late payment "
    "every month my manager asked me to sort the payables out before year end "
    "set up one shared inbox for all invoices, matched each one to its order in a spreadsheet, "
    "chased the missing orders with the site leads every friday "
    "no late payments since march, the accountant now closes the month in two days not five")


def test_a_long_run_without_a_full_stop_is_cut_where_its_steps_change() -> None:
    texts = [u.text for u in annotate(words_from_text(LONG_RUN_NOTES))]
    assert any(t.startswith("my manager asked me") for t in texts), texts
    assert any(t.startswith("set up one shared inbox") for t in texts), texts
    assert any(t.startswith("no late payments") for t in texts), texts
    parts = split_story(LONG_RUN_NOTES)
    assert "sort the payables out" in parts["task"], parts
    assert "set up one shared inbox" in parts["action"], parts
    assert "chased the missing orders" in parts["action"], parts
    assert "no late payments since march" in parts["result"], parts


# --- 4. context vs duty vs doing ---

@pytest.mark.parametrize("said", [
    "I should've asked the drivers first", "we could've shipped it a week sooner",
    "shd've checked the stock sheet in wk 1", "I wouldn't wait for the audit again"])
def test_a_contracted_modal_is_read_as_a_modal(said: str) -> None:
    from mockinterviewer.coach.segfeatures import _grammar
    from mockinterviewer.coach.text import tokens

    assert _grammar(tokens(said)).get("modal") == 1.0

def test_background_need_is_context_and_plain_past_is_action() -> None:
    text = ("The clinic needed a new scheduler because the old one double-booked rooms every "
            "Monday. I was the practice administrator and I had to get it replaced before the new "
            "physios started in March. I was able to consolidate the booking data into two "
            "spreadsheets and ran both systems side by side for a week. The switch went live on "
            "time and the crew of physios passed their first audit without a single clash.")
    assert _label_of(text, "The clinic needed a new scheduler") == "situation"
    assert _label_of(text, "I was able to consolidate") == "action"
    assert _label_of(text, "The switch went live on time") == "result"
    assert "task" in {lb for lb, _ in _labels(text)}



def test_a_duty_in_words_the_corpus_never_used_is_the_task() -> None:
    # "tasked with" is in none of the training answers; the duty words share one feature, so it
    # borrows the weight of "asked me to" and "my job was". The clause after it ("when we
    # expected ...") belongs to the Task, and the need before it is context.
    text = ("As the only pharmacist at a small branch, I saw repeat prescriptions pile up every "
            "Monday. I was tasked with clearing the Monday backlog before the flu season, when we "
            "expected twice the usual orders. I sorted the repeats by collection day and moved "
            "the checks to Friday afternoons. Monday waits fell from an hour to ten minutes.")
    assert _label_of(text, "I saw repeat prescriptions") == "situation"
    assert _label_of(text, "I was tasked with") == "task"
    assert _label_of(text, "when we expected twice") == "task"
    assert _label_of(text, "I sorted the repeats") == "action"

# --- 5. paraphrased findings ---

def test_paraphrased_lasting_effect_and_scope(ownership: Scenario) -> None:
    text = ("Last year I was a support engineer on the payments desk. The refund queue was really "
            "the billing folks' turf, and we had no mandate to touch it, but refunds were taking "
            "nine days. I wrote a small triage script and walked their lead through it. Refund "
            "times dropped to two days, and the script is now part of every new hire's checklist "
            "on the billing team.")
    a = analyze_text(text, ownership)
    assert "task.no_scope_boundary" not in a.finding_ids
    assert "result.no_second_order" not in a.finding_ids
    assert "result.not_quantified" not in a.finding_ids


def test_what_someone_wanted_and_the_speaker_argued_against_was_not_handed_over(
        ownership: Scenario) -> None:
    """Failure class 5: "my director wanted to go live anyway" read as work handed to the
    speaker, though the answer is the speaker pushing back."""
    argued = ("I was the quality lead on the new bottling line. My director wanted to start the "
              "line on Monday anyway, but I was not willing to sign the hygiene checks with the "
              "seal fault open. I ran the seal test on every head and found two worn gaskets. We "
              "started on Wednesday with no rejects in the first week.")
    handed = ("I was a shift lead on the new bottling line. My director asked me to get the line "
              "started on Monday. I ran the seal test on every head and found two worn gaskets. "
              "We started on Wednesday with no rejects in the first week.")
    # Since stop 19 whether the work was handed over is the writers' call, learned
    # (finding_model): they call a director's decision carried out under protest handed over.
    # What the coach may never do is tell such a speaker their start "shows no initiative".
    pushed = [f for f in analyze_text(argued, ownership).findings if f.id == "initiation.assigned"]
    assert all(f.severity == "warning" and "no initiative" not in f.message for f in pushed)
    assert any("not willing" in f.message for f in pushed) or not pushed
    plain = [f for f in analyze_text(handed, ownership).findings if f.id == "initiation.assigned"]
    assert [f.severity for f in plain] == ["critical"]
    assert "no initiative" in plain[0].message


def test_numbers_that_measure_nothing_do_not_quantify(backbone_scenario: Scenario) -> None:
    text = ("At my last job two of my teammates and I rebuilt the intake form. I moved it to v2 of "
            "the form builder and tested it with the front desk. Everyone liked the new form.")
    a = analyze_text(text, backbone_scenario)
    assert "result.not_quantified" in a.finding_ids


# --- 6. hedges are how a thing is said, not which part it is ---

HEDGED = (
    "um so this was I think maybe two years ago at a garden centre, the tills kept freezing on "
    "Saturdays, I'd say twice an hour, and I guess it was sort of on me as the duty supervisor, "
    "so I probably rang the card company first, I think, and I sort of rebooted every reader "
    "before we opened, and the freezes dropped, I believe, to maybe one a week.")


def test_unit_words_leave_out_hedges() -> None:
    units = annotate(words_from_text(
        "I think I probably added an index, sort of, to the orders table."))
    assert [t for u in units for t in u.tokens] == [
        "i", "added", "an", "index", "to", "the", "orders", "table"]


def test_a_parenthetical_hedge_neither_opens_nor_ends_a_unit() -> None:
    units = annotate(words_from_text(
        "His detentions dropped, I believe, to maybe one a term, from about six before."))
    assert len(units) == 1


def test_a_hedge_that_leads_into_a_lesson_goes_with_the_lesson() -> None:
    # Whisper writes "..., I think what I learned ..." with no full stop: the lesson's clause
    # starts at the hedge, so "I think what" no longer ends the Result's unit.
    units = annotate(words_from_text(
        "It rained all week. And we got the roof felted, I guess what I learned from it is to "
        "check the forecast twice."))
    assert [u.text for u in units][-1].startswith("I guess what I learned")
    assert not any(u.text.rstrip(",").endswith(("guess", "what")) for u in units)


@pytest.mark.parametrize(("text", "clause"), [
    ("We kept an eye on it for a while after that, and we checked the dashboards each morning.",
     "We kept an eye on it for a while after that,"),
    ("The queue settled down eventually, but the night shift still grumbled about it.",
     "The queue settled down eventually,"),
    ("I rang the supplier the day after that, so the van came on the Tuesday.",
     "I rang the supplier the day after that,"),
])
def test_a_marker_that_closes_its_clause_stays_with_it(text: str, clause: str) -> None:
    # "after that", "eventually" end the clause before them when a comma and a joiner follow;
    # cut before them, "after that, and we checked ..." read as a new step (in a spoken
    # answer, with the clause before it, as the Result).
    units = [u.text for u in annotate(words_from_text(text))]
    assert units[0] == clause, units


def test_a_marker_that_opens_its_clause_still_cuts() -> None:
    units = [u.text for u in annotate(words_from_text(
        "We added retries to the import and after that we checked the dashboards each morning."))]
    assert any(u.startswith("after that we checked") for u in units), units


def test_a_hedged_answer_with_no_lesson_has_no_reflection() -> None:
    labels = _labels(HEDGED)
    assert "reflection" not in {lb for lb, _ in labels}
    assert _label_of(HEDGED, "rang the card company") == "action"
    assert _label_of(HEDGED, "the freezes dropped") == "result"


# --- confidence ---

def _seg(label: str, status: str, confidence: float, text: str = "") -> SegmentResult:
    from mockinterviewer.transcript import Word

    words = tuple(Word(w, float(i), i + 0.5) for i, w in enumerate(text.split()))
    return SegmentResult(label, 0.0, 1.0, 1.0, 10.0, status, text, 0.0, 0, words,
                         confidence=confidence)


def test_unsure_missing_part_is_a_warning_that_quotes(backbone_scenario: Scenario) -> None:
    from mockinterviewer.coach.findings import content_findings
    from mockinterviewer.coach.units import Unit

    closest = Unit(0, 3, 4.0, 5.0, "then I rang round", ("then", "i", "rang", "round"))
    segs = [_seg("situation", "ok", 1.0, "The van broke down"),
            _seg("task", "missing", 0.05), _seg("action", "missing", 0.6),
            _seg("result", "ok", 1.0, "It arrived by noon"), _seg("reflection", "missing", 0.0)]
    out = {f.id: f for f in content_findings(segs, backbone_scenario, "sde2", True,
                                             {"action": closest})}
    assert UNSURE <= 0.6 < SURE
    f = out["segment.missing.action"]
    assert f.severity == "warning" and f.evidence == "then I rang round" and f.start == 4.0
    assert out["segment.missing.task"].evidence == ""


def test_a_faint_task_on_one_clause_is_reported_as_probably_missing(
        backbone_scenario: Scenario) -> None:
    """Failure class 1: the decoder gives the Task a trailing Situation clause ("and nobody
    really knew why") it is unsure of; the answer is told its Task is probably missing, at
    warning level, with the clause quoted and its time. A sure Task, or one over two units, is
    not questioned."""
    import dataclasses

    from mockinterviewer.coach.findings import FAINT, content_findings
    from mockinterviewer.coach.units import Unit

    clause = Unit(6, 11, 3.0, 4.5, "and nobody really knew why", ("and", "nobody", "really",
                                                                   "knew", "why"))
    other = Unit(11, 14, 4.5, 6.0, "so it was mine", ("so", "it", "was", "mine"))
    for conf, units, raised in ((FAINT - 0.1, (clause,), True), (0.95, (clause,), False),
                                (FAINT - 0.1, (clause, other), False)):
        task = dataclasses.replace(_seg("task", "ok", conf, clause.text), start=3.0,
                                   units=units)
        segs = [_seg("situation", "ok", 1.0, "The deliveries kept arriving late"), task,
                _seg("action", "ok", 1.0, "I rang the three suppliers"),
                _seg("result", "ok", 1.0, "Unloading finished by ten"),
                _seg("reflection", "missing", 0.0)]
        out = {f.id: f for f in content_findings(segs, backbone_scenario, "sde2", True, {})}
        assert ("segment.missing.task" in out) is raised, conf
        if raised:
            f = out["segment.missing.task"]
            assert f.severity == "warning" and f.evidence == clause.text and f.start == 3.0


def test_sure_missing_action_is_critical(backbone_scenario: Scenario) -> None:
    from mockinterviewer.coach.findings import content_findings

    segs = [_seg("situation", "ok", 1.0, "The van broke down"), _seg("task", "missing", 0.0),
            _seg("action", "missing", 0.01), _seg("result", "ok", 1.0, "It arrived by noon"),
            _seg("reflection", "missing", 0.0)]
    out = {f.id: f for f in content_findings(segs, backbone_scenario, "sde2", True, {})}
    assert out["segment.missing.action"].severity == "critical"


def test_we_language_is_critical_only_on_a_sure_action(backbone_scenario: Scenario) -> None:
    from mockinterviewer.coach.findings import content_findings

    action = "We rang the depot. We moved the orders. We briefed the drivers."
    for conf, sev in ((0.99, "critical"), (0.5, "warning")):
        segs = [_seg("situation", "ok", 1.0, "The van broke down"),
                _seg("task", "missing", 0.0), _seg("action", "ok", conf, action),
                _seg("result", "ok", 1.0, "It arrived by noon"),
                _seg("reflection", "missing", 0.0)]
        out = {f.id: f for f in content_findings(segs, backbone_scenario, "sde2", True, {})}
        assert out["action.we_language"].severity == sev


# --- spoken words keep their times ---

def test_boundaries_stay_at_word_times(ownership: Scenario) -> None:
    from coach_helpers import STRONG, speak

    words, starts = speak(STRONG, gap=0.0)
    a = analyze(words, ownership)
    times = {w.start for w in words}
    for s in a.segments:
        if s.status != "missing":
            assert s.start in times or s.start == pytest.approx(words[0].start)


def test_assigned_work_taken_further_is_not_flagged(ownership: Scenario) -> None:
    handed = ("Our depot manager asked me to sort out the returns cage before the audit. "
              "I cleared it in two evenings and labelled every shelf. The audit passed and the "
              "cage has stayed tidy since.")
    beyond = ("Our depot manager asked me to sort out the returns cage before the audit. Nobody "
              "asked me to touch the supplier claims behind it, that was another team's job, but "
              "I chased all forty of them anyway. The audit passed and we recovered six thousand "
              "pounds.")
    plain = {f.id: f for f in analyze_text(handed, ownership).findings}
    assert plain["initiation.assigned"].severity == "critical"
    # The writers call it handed over all the same (see finding_model); the coach then points
    # at the step beyond the ask instead of saying there was none.
    further = {f.id: f for f in analyze_text(beyond, ownership).findings}
    if "initiation.assigned" in further:
        f = further["initiation.assigned"]
        assert f.severity == "warning"
        assert "Nobody asked me" in f.message and "no initiative" not in f.message


def test_initiative_words_keep_an_assignment_a_warning(ownership: Scenario) -> None:
    text = ("My shift lead asked me to look at the late deliveries. I decided to ride along with "
            "two drivers for a week and mapped every stop. Late drops fell from twelve a week to "
            "two, and the routing sheet is now used by every depot.")
    found = {f.id: f for f in analyze_text(text, ownership).findings}
    assert found["initiation.assigned"].severity == "warning"


@pytest.mark.parametrize("result", [
    "Over the next quarter we logged two slips on the loading bay, down from nine.",
    "All eleven stores went live on the new till software that weekend.",
    "The backlog went from sixty cases to twelve.",
    "Handover now takes half the time it used to.",
    "The council signed off forty-one of the applications in the first batch.",
])
def test_spelled_counts_quantify_a_result(backbone_scenario: Scenario, result: str) -> None:
    text = ("Our team was behind on the winter work and I was the one who had to catch us up. "
            "I rebuilt the plan around the jobs that blocked others and checked it every morning. "
            + result)
    assert "result.not_quantified" not in analyze_text(text, backbone_scenario).finding_ids


def test_a_result_with_no_amount_is_still_unquantified(backbone_scenario: Scenario) -> None:
    text = ("Our team was behind on the winter work and I was the one who had to catch us up. "
            "I rebuilt the plan around the jobs that blocked others and checked it every morning. "
            "In the end we caught up and the customers were much happier with us.")
    assert "result.not_quantified" in analyze_text(text, backbone_scenario).finding_ids


def test_a_part_that_begins_inside_a_sentence_is_quoted_from_its_first_whole_one() -> None:
    from mockinterviewer.content.library import load_library

    text = ("While covering the late shift I noticed the loading bay scanner kept dropping "
            "labels. My supervisor asked me to look into it. I swapped the cable and the drops "
            "stopped.")
    words = words_from_text(text)
    at = next(w for w in words if w.word == "into")
    a = analyze(words, load_library().by_id("ownership"), "sde2", marks=[at.end, 100.0])
    task = a.segment("task")
    assert task.text.startswith("it.")
    found = {f.id: f for f in a.findings}
    f = found["task.no_scope_boundary"]
    assert f.evidence.startswith("I swapped the cable")
    assert f.start == next(w.start for w in words if w.word == "I" and w.start > at.end)


# Result previews as people outside the app open them: a headline, a "tl;dr", a "short version".
# Two writers of stop 22 wrote such openings into the training answers; the outside writers'
# previews went from 23/29/11 % to 37/36/23 % of their words found (w18, w19, w20).
PREVIEWS = [
    ("Short version: I got our clinic's no-show rate down from 18% to 7%. I was the practice "
     "manager at a busy GP surgery, and about one patient in five missed their slot. My job was "
     "to win those slots back without hiring anyone. I set up text reminders two days and two "
     "hours before each visit, and I called every patient who had missed twice. Within three "
     "months no-shows fell to 7% and we freed about forty appointments a week.",
     "rate down from 18% to 7%.", "the practice manager"),
    ("tldr we went from three late shipments a week to none. so i run the dispatch desk at a "
     "furniture warehouse and the evening trucks kept leaving late because the pick lists "
     "printed at five. i moved the print run to two and split the lists by aisle. after a month "
     "the trucks were leaving on time every night and the carrier stopped charging us waiting "
     "fees.", "three late shipments", "the dispatch desk"),
    ("headline: food waste down 40% in 8 wks -> sous chef, hotel kitchen, bins full every night, "
     "no one tracking it me: weighed bins daily 2 wks, cut 3 dishes, trim into staff meal -> "
     "waste 40% down, head chef kept the log going", "food waste down 40%", "hotel kitchen"),
]


@pytest.mark.parametrize(("text", "preview", "setting"), PREVIEWS,
                         ids=["short-version", "tldr", "headline"])
def test_a_preview_announced_before_the_story_reads_as_result(
        text: str, preview: str, setting: str) -> None:
    assert _label_of(text, preview) == "result"
    assert _label_of(text, setting) == "situation"


def test_unit_features_come_in_one_order_whatever_the_hash_seed() -> None:
    """The classifier is fitted on features in the order a unit gives them; a set's order (which
    depends on the hash seed) moved the trained weights between builds of the same answers."""
    from mockinterviewer.coach.segfeatures import unit_features

    units = annotate(words_from_text("Zebra crossings near the yard were busy, so I added "
                                     "marshals at both gates and moved the deliveries."))
    feats = list(unit_features(units, 0))
    for prefix in ("w=", "b="):
        keys = [k for k in feats if k.startswith(prefix)]
        assert keys == sorted(keys) and len(keys) > 3


@pytest.mark.parametrize(("action", "raised"), [
    # two "I" sentences of two steps each beside one "we" sentence: the speaker's part is clear
    ("I rang every driver on the late list, and I moved them off the early runs. I called the "
     "agency, so I had two relief drivers for the week. We drew up a spare rota as well.", False),
    # note-form steps with no subject are the speaker's own
    ("checked the depot log, chased the missing pallets, reordered the pick list by aisle, we "
     "loaded the first van at six and we drew up a spare rota", False),
    # the same work told as "we" hides the speaker
    ("We rang every driver on the late list. We booked two relief drivers for the week. We drew "
     "up a spare rota as well.", True),
])
def test_we_language_weighs_the_speakers_own_steps_by_clause(
        backbone_scenario: Scenario, action: str, raised: bool) -> None:
    """Failure class 5: a lexicon count by sentence called an Action "we" language when one "we"
    sentence stood beside two long "I" sentences, or beside steps told in note form."""
    from mockinterviewer.coach.findings import content_findings

    segs = [_seg("situation", "ok", 1.0, "The depot was short of drivers all December"),
            _seg("task", "missing", 0.0), _seg("action", "ok", 0.99, action),
            _seg("result", "ok", 1.0, "Every round went out on time that week"),
            _seg("reflection", "missing", 0.0)]
    ids = {f.id for f in content_findings(segs, backbone_scenario, "sde2", True, {})}
    assert ("action.we_language" in ids) is raised
