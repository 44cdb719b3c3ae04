"""The Result's "no number" finding hears an amount in any form a speaker gives it (failure class
5 of issue 13: a lexicon of measures missed "three of the four", "by day twelve", "roughly
halved"), but not labels or counts of people."""

from __future__ import annotations

import pytest

from mockinterviewer.coach import analyze
from mockinterviewer.coach.detectors import is_quantified, mentions_amount, states_count
from mockinterviewer.coach.evalwritten import words_from_text
from mockinterviewer.content.library import load_library

AMOUNTS = [
    "Five of the six new drivers passed their road test first time.",
    "The crane was back in service by day nine.",
    "We were at the rendezvous at 0610, fifteen minutes ahead of the convoy.",
    "The patched pump ran for 18 months without a stop.",
    "Complaints about the car park roughly halved.",
    "The client signed on for another two years.",
    "Not a single parcel went to the wrong depot that week.",
    "Refund requests went down to a third of what they were.",
    # spans of time said without a numeral of their own
    "Every caller who left a message was rung back within the hour.",
    "The new kiln lining went in two days ahead of the shutdown.",
    "The press has run without a jam for more than a year now.",
    "The handover sheet has been filled in every shift since.",
    "We have run the same evacuation drill three times since.",
    "For the first time in months the ward closed its rota on time.",
    "We did not lose a single shift to the weather that winter.",
]
NOT_AMOUNTS = [
    "We shipped v2 and the customers liked it.",
    "Two of my teammates took the new rota to the other site.",
    "Phase 2 went live on time and the clinic was happy.",
    "In 2021 the board adopted the checklist for every branch.",
    "Three engineers now own the runbook.",
    "It was the one thing everyone remembered.",
    # vague spans and absences, which the corpus writers heard as no number as often as not
    "She rang the shop a few weeks later to say thank you.",
    "Nobody got hurt and the client was happy with the site.",
]


@pytest.mark.parametrize("text", AMOUNTS)
def test_an_amount_in_any_form_is_heard(text: str) -> None:
    assert mentions_amount(text)


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_labels_years_and_people_are_not_amounts(text: str) -> None:
    assert not mentions_amount(text)


def test_the_stricter_measure_detectors_miss_what_the_result_check_now_hears() -> None:
    missed = [t for t in AMOUNTS if not (is_quantified(t) or states_count(t))]
    assert len(missed) >= 4  # the reason mentions_amount exists


@pytest.mark.parametrize(("result", "raised"), [
    ("And in the end four of the five vans made every delivery slot that month.", False),
    ("And in the end the vans made their delivery slots and the depot manager was pleased.", True),
])
def test_the_no_number_finding_on_a_whole_answer(result: str, raised: bool) -> None:
    text = ("I ran the evening shift at a parcel depot and our vans kept missing their delivery "
            "slots. It was my job to get the routes back on time. I rebuilt the loading order so "
            "the first drop went on the van last, and I walked each driver through the new "
            "sheet before they left. " + result)
    scenario = load_library().scenarios[0]
    ids = analyze(words_from_text(text), scenario, "sde2", timed=False).finding_ids
    assert ("result.not_quantified" in ids) is raised
