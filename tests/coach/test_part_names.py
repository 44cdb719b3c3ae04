"""Parts the writer names ("S: ... T: ...", "Situation - ...", "goal: ..."): each name wins for the
unit it heads, as a Space press does; every example here is new (not in the corpus)."""

from __future__ import annotations

import pytest

from mockinterviewer.coach import analyze_text
from mockinterviewer.coach.part_labels import name_starts, named_parts
from mockinterviewer.coach.segment import label_answer
from mockinterviewer.coach.text import words_from_text
from mockinterviewer.content import SEGMENT_LABELS, Scenario


def _labels(text: str) -> list[tuple[str, str]]:
    lab = label_answer(words_from_text(text))
    return [(SEGMENT_LABELS[k], u.text) for u, k in zip(lab.units, lab.unit_labels, strict=True)]


def _label_of(text: str, fragment: str) -> str:
    return next(lb for lb, t in _labels(text) if t.startswith(fragment))


LETTERS = ("S: night manager at a 24h gym, card readers failed at 2am, members locked out "
           "T: get people in safely without leaving the door open "
           "A: rang the vendor, set up a sign-in sheet at the desk, walked each member in myself "
           "R: no missed sessions, vendor fixed it by 7am, we now keep a paper backup kit")
DASHES = ("Situation - our school canteen ran out of hot meals by 12:40 most days. Task - the "
          "head asked me to fix the lunch queue before the inspection. Action - I moved the "
          "sixth form to a second sitting and added a grab-and-go counter. Result - every year "
          "group was served hot food by 12:30 within a fortnight.")
# Capitals and dashes, typed as running notes with no punctuation before the next letter.
CAPS = ("S - night shift at a bottling plant, labeller jamming every hour, line stopping "
        "T - supervisor asked me to keep the line running till the fitter came in "
        "A - ran the labeller at half speed, hand-fed the jammed rolls, logged each stop "
        "R - lost 20 min all night instead of 3 hrs L - always log the stops, the fitter "
        "found the worn roller from my log")
LOWER = ("sit: warehouse picker, pick rate low on frozen aisle task: lift rate before xmas peak "
         "action: re-slotted top 50 SKUs nearer dock, paired new starters w/ veterans "
         "result: +18% picks/hr in 3 wks learned: ask the pickers first")
SAID = ("Situation. I was the only pharmacist on a Sunday when the dispensing robot jammed. "
        "Task. I had to keep forty repeat prescriptions on time. Action. I switched to manual "
        "picking and asked the locum to double check each bag. Result. Every patient left with "
        "the right medicine and no one waited more than twenty minutes.")

# What Whisper tiny.en wrote for an espeak-ng voice saying SAID (names said aloud come back
# with a comma, or run into the sentence before).
HEARD = ("Situation, I was the only pharmacist on a Sunday when the dispensing robot jammed. "
         "Task, I had to keep 40 repeat prescription on time, action. I switched to manual "
         "picking and asked the local to double check each bag. Reload, every patient left with "
         "the right medicine.")


@pytest.mark.parametrize(("text", "heads"), [
    (LETTERS, {"S:": "situation", "T:": "task", "A:": "action", "R:": "result"}),
    (DASHES, {"Situation -": "situation", "Task -": "task", "Action -": "action",
              "Result -": "result"}),
    (CAPS, {"S -": "situation", "T -": "task", "A -": "action", "R -": "result",
            "L -": "reflection"}),
    (LOWER, {"sit:": "situation", "task:": "task", "action:": "action", "result:": "result",
             "learned:": "reflection"}),
    (SAID, {"Situation.": "situation", "Task.": "task", "Action.": "action",
            "Result.": "result"}),
    (HEARD, {"Situation,": "situation", "Task,": "task"}),
])
def test_each_named_part_heads_its_own_unit_and_takes_its_name(text: str,
                                                                 heads: dict[str, str]) -> None:
    for name, part in heads.items():
        assert _label_of(text, name) == part, (name, _labels(text))


def test_a_named_task_is_never_reported_missing(backbone_scenario: Scenario) -> None:
    for text in (LETTERS, DASHES, CAPS, LOWER, SAID, HEARD):
        a = analyze_text(text, backbone_scenario)
        assert a.segment("task").status != "missing", text
        assert "segment.missing.task" not in a.finding_ids


def test_the_words_after_a_name_stay_in_order_between_the_names() -> None:
    labels = [lb for lb, _ in _labels(LETTERS)]
    order = [SEGMENT_LABELS.index(lb) for lb in labels]
    assert order == sorted(order)
    assert labels[-1] == "result"


def test_a_name_stays_with_the_words_it_heads() -> None:
    words = [w.word for w in words_from_text(LOWER)]
    starts = name_starts(words)
    assert [words[k] for k in starts] == ["sit:", "task:", "action:", "result:", "learned:"]
    assert all(after == k + 1 for k, after in starts.items())
    said = ["my", "task:", "get", "it", "done", "what", "I", "did:", "rang", "round"]
    assert name_starts(said) == {0: 2, 5: 8}
    # what the writer would do again, named with "I'd"
    hindsight = [w.word for w in words_from_text(
        "rota back on track what I'd change: ask the drivers first")]
    assert name_starts(hindsight) == {4: 7}
    hindsight = [w.word for w in words_from_text(
        "rota back on track. what I'd do differently: ask the drivers first")]
    assert name_starts(hindsight) == {4: 8}


def _named(units: list[list[str]]) -> list[int | None]:
    starts = [sum(len(u) for u in units[:i]) for i in range(len(units))]
    return named_parts([w for u in units for w in u], starts)


def test_a_lone_letter_or_part_word_in_prose_is_no_name() -> None:
    # One letter with a colon ("Plan A:") or one sentence that is a part word is not a labelling.
    assert _named([["We", "had", "a", "plan"], ["A:", "call", "every", "client"]]) == [None, None]
    assert _named([["Result."], ["We", "shipped", "on", "time."]]) == [None, None]
    assert _named([["S:", "a", "shop"], ["T:", "sell", "more"]]) == [0, 1]
    assert _named([["Goal:", "sell", "more"], ["rang", "everyone"]]) == [1, None]
    # A lone capital and dash in prose ("plan A - call everyone") names nothing either.
    assert _named([["We", "went", "with", "plan"], ["A", "-", "call", "every", "client."]]) == [
        None, None]
    assert _named([["S", "-", "a", "shop"], ["T", "-", "sell", "more"]]) == [0, 1]


def test_a_word_that_is_a_part_name_inside_a_phrase_names_nothing() -> None:
    text = ("Our goal for the quarter was modest. The result: a calmer team and fewer late "
            "orders. I sent two firefighters in with a very clear brief: the front bedroom and "
            "nothing else.")
    assert _label_of(text, "The result:") == "result"
    assert _named([["The", "task", "was", "hard."]]) == [None]
    assert _named([["I", "went", "in", "with", "a", "clear"], ["brief:", "the", "bedroom."]]) == [
        None, None]
    # Note-form has no sentence ends: a name there may follow any word.
    assert _named([["5", "days"], ["goal:", "get", "her", "shoes"]]) == [None, 1]


def test_names_out_of_star_order_leave_the_answer_to_the_classifier() -> None:
    text = ("Result: the backlog was cleared in a week. Action: I split it by client and rang "
            "the oldest first. Situation: our team had 300 unanswered claims after a system move.")
    labels = [lb for lb, _ in _labels(text)]
    assert len(labels) == 3 and "action" in labels  # decoded, not forced into an impossible path


def test_a_named_reflection_that_only_grades_the_speaker_is_still_a_reflection() -> None:
    text = ("S: my first month as a shift lead, two pickers quit on the same day T: keep the "
            "evening wave on time A: I picked alongside the team and moved the loaders to "
            "packing R: the wave closed ten minutes early L: this shows my commitment to the team")
    assert _label_of(text, "L:") == "reflection"
