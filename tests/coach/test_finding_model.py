"""The whole-answer finding models ("handed over", "nothing lasted"): shipped weights in step with
the corpus, parity with scikit-learn, a measured gain over the rules on writers they never saw,
the fallback, and answers of my own."""

from __future__ import annotations

import pytest

from mockinterviewer.coach import detectors, finding_model, finding_train, sentence_model
from mockinterviewer.coach.corpus import load_corpus, split
from mockinterviewer.coach.engine import analyze_text
from mockinterviewer.coach.segmodel import data_hash
from mockinterviewer.content.library import find_scenario

# Answers of my own, in no corpus file. The first two had the work come with the role or from
# above without any sentence the detectors call "assigned"; the third is self-started.
CAME_WITH_THE_ROLE = (
    "I run the goods-in bay at a builders' merchant. Head office moved our deliveries to a "
    "single early slot and our yard could not take that many lorries at once. Sorting the "
    "yard out fell on my shift whether I liked it or not, and the area manager expected it "
    "done before the spring rush. I mapped which suppliers arrived when, staggered the slot "
    "into four waves and got the forklift drivers in twenty minutes earlier. Lorries stopped "
    "queueing onto the main road and turnaround fell from forty minutes to fifteen.")
SELF_STARTED = (
    "I work weekends at a garden centre till. Nobody had asked anyone to look at it, but I kept "
    "seeing customers abandon trolleys at the plant section because the price labels had "
    "washed off in the rain. On my own time I printed laminated tags and fixed them to the "
    "benches with cable ties. Abandoned trolleys dropped from about ten a Saturday to two.")
LASTED = (
    "Our school's reading intervention was run from a paper list that kept getting lost. I "
    "was asked to sort it out. I moved it to a shared sheet with a column per week and trained "
    "the three teaching assistants. The sheet is still how the English department runs the "
    "intervention four years on, and the primary school next door asked for a copy.")
ONE_OFF = (
    "A coach of forty supporters broke down on the way to an away match and I was the club "
    "secretary on the trip. My job was to get them there. I rang three local minibus firms, "
    "split the group and kept the ground's steward informed. Everyone was in their seat "
    "before kick-off and the club refunded the fare.")


def test_shipped_weights_match_the_data() -> None:
    finding_model.shipped.cache_clear()
    assert set(finding_model.shipped()) == set(finding_model.SPECS), (
        "rebuild: python -m mockinterviewer.coach.finding_train")
    import gzip
    import json

    with gzip.open(finding_model.MODEL_PATH, "rb") as fh:
        stored = json.loads(fh.read().decode("utf-8"))
    assert stored["data"] == data_hash(sentence_model.data_files()), (
        "the corpus changed: python -m mockinterviewer.coach.finding_train")


@pytest.fixture(scope="module")
def few_writers_rows() -> dict[str, list[finding_train.Row]]:
    train, _ = split(load_corpus())
    writers = sorted({a.author for a in train})[:3]
    return finding_train.training_rows([a for a in train if a.author in writers])


def test_each_writer_is_read_by_sentence_models_that_never_saw_them(
        few_writers_rows: dict[str, list[finding_train.Row]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[set[str]] = []
    real = sentence_model.fit_checks

    def spy(answers: object = None, checks: object = sentence_model.CHECKS) -> object:
        seen.append({a.author for a in answers})  # type: ignore[attr-defined]
        return real(answers, checks)  # type: ignore[arg-type]

    monkeypatch.setattr(sentence_model, "fit_checks", spy)
    train, _ = split(load_corpus())
    writers = sorted({a.author for a in train})[:2]
    rows = finding_train.training_rows([a for a in train if a.author in writers])
    assert seen == [{writers[1]}, {writers[0]}]
    assert {r.writer for r in rows["initiation.assigned"]} == set(writers)
    assert few_writers_rows["result.no_second_order"]


def test_scoring_without_scikit_learn_matches_it(
        few_writers_rows: dict[str, list[finding_train.Row]]) -> None:
    from scipy.sparse import hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    for finding, rows in few_writers_rows.items():
        c = finding_model.SPECS[finding].c
        weights = finding_train.fit(rows, c)
        dv = DictVectorizer()
        tvs = [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2,
                               preprocessor=detectors.normalise) for _ in range(2)]
        x = hstack([dv.fit_transform([dict(r.reading.features) for r in rows])]
                   + [tv.fit_transform([r.reading.views[i] for r in rows])
                      for i, tv in enumerate(tvs)]).tocsr()
        clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(
            x, [r.label for r in rows])
        for r in rows[:25]:
            xt = hstack([dv.transform([dict(r.reading.features)])]
                        + [tv.transform([r.reading.views[i]]) for i, tv in enumerate(tvs)])
            want = float(clf.predict_proba(xt.tocsr())[0, 1])
            assert finding_model.probability(weights, r.reading) == pytest.approx(want, abs=2e-3)


@pytest.mark.slow
def test_models_beat_the_rules_on_writers_they_never_saw() -> None:
    """Leave one writer out (about a minute and a half: sentence models per writer). The
    docstring's table (24 writers): assigned 0.896 / 0.848 against the rule's 0.982 / 0.312
    since stop 27 (0.876 / 0.913 at stop 26, before "handed over" with nothing that says so
    needed 0.7: recall traded for the spoken answers' false findings, see finding_model);
    nothing lasted 0.877 / 0.902 against 0.797 / 0.930 (22 writers at stop 25:
    0.876 / 0.913 and 0.868 / 0.898; 20 writers at stop 24:
    0.873 / 0.919 and 0.866 / 0.906; 18 at stop 22: 0.892 / 0.937 and 0.862 / 0.913)."""
    rows = finding_train.training_rows()
    for finding, floor in (("initiation.assigned", 0.84), ("result.no_second_order", 0.85)):
        tp, fp, fn, rtp, rfp, rfn = finding_train.leave_one_writer_out(finding, rows[finding])
        p, r = tp / (tp + fp), tp / (tp + fn)
        rule = min(rtp / (rtp + rfp), rtp / (rtp + rfn))
        assert min(p, r) >= floor, (finding, p, r)
        assert min(p, r) > rule + 0.02, (finding, p, r, rule)


def _ids(text: str) -> set[str]:
    return set(analyze_text(text, find_scenario("ownership")).finding_ids)


def test_work_that_came_with_the_role_reads_as_handed_over() -> None:
    # A known gap from stop 19 to 21 (0.28 against a threshold of 0.5): "fell on my shift whether
    # I liked it or not" was phrased like no training answer. Two more writers (w21, w22) mark work
    # that came with the role as handed over, and with their answers it is read as one.
    assert "initiation.assigned" in _ids(CAME_WITH_THE_ROLE)


def test_self_started_work_is_not_handed_over() -> None:
    assert "initiation.assigned" not in _ids(SELF_STARTED)


@pytest.mark.parametrize(("sentence", "not_mine"), [
    ("Fixing the lockers is not my job, the maintenance contractor does that.", True),
    ("The broken wheelchairs were outside my remit, estates owned them.", True),
    ("My job is the till, not the stockroom, but the delivery was blocking the fire door.", True),
    ("It wasn't really our team's problem.", True),
    ("My job was to get the lockers fixed before the inspection.", False),
    ("Not my proudest moment, but my manager asked me to fix it.", False),
])
def test_work_that_was_not_the_speakers_is_read_as_such(sentence: str, not_mine: bool) -> None:
    """"Not my job" is its own feature: of the training answers that say so, the labellers called
    4 handed over and 18 not; the learned weight carries that (a bag of words hears "my job")."""
    parts = {"situation": (finding_model.Sentence(sentence, (sentence,)),)}
    reading = finding_model.read("initiation.assigned", parts)
    assert reading.features["not_mine"] == float(not_mine)
    assert finding_model.shipped()["initiation.assigned"]["dense"]["not_mine"] < -1.0  # type: ignore[index]


OUTSIDE_THE_ROLE = (
    "I work the front desk at a leisure centre. Fixing the lockers is not my job, the "
    "maintenance contractor does that, but members kept losing their things. I rang a locksmith "
    "I knew, got six locks replaced on a Sunday and put up a sign. Complaints about lockers "
    "stopped that month.")


def test_work_outside_the_role_is_not_handed_over() -> None:
    assert "initiation.assigned" not in _ids(OUTSIDE_THE_ROLE)


def test_a_result_that_lasted_is_not_called_one_off() -> None:
    assert "result.no_second_order" not in _ids(LASTED)
    assert "result.no_second_order" in _ids(ONE_OFF)


def test_without_weights_the_rules_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(finding_model, "shipped", lambda: {})
    assigned = {"task": (finding_model.Sentence("My manager asked me to fix the rota.",
                                                ("My manager asked me to fix the rota.",)),)}
    assert finding_model.fires("initiation.assigned", assigned)
    mine = {"task": (finding_model.Sentence("I decided to fix the rota myself.",
                                            ("I decided to fix the rota myself.",)),)}
    assert not finding_model.fires("initiation.assigned", mine)
    lasting = {"result": (finding_model.Sentence(
        "Every ward in the trust now uses the checklist.",
        ("Every ward in the trust now uses the checklist.",)),)}
    assert not finding_model.fires("result.no_second_order", lasting)


def test_a_handed_over_finding_quotes_the_likeliest_sentence(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(finding_model, "fires", lambda finding, parts: True)
    monkeypatch.setattr(detectors, "is_assigned", lambda text: False)
    a = analyze_text(CAME_WITH_THE_ROLE, find_scenario("ownership"))
    f = next(f for f in a.findings if f.id == "initiation.assigned")
    assert f.evidence and f.evidence.split()[0] in CAME_WITH_THE_ROLE
    assert f.evidence in " ".join(s.text for s in a.segments)


# Answers of my own that say nothing of whose idea the work was: no Task, no one asking, no role
# that made it theirs.
SAYS_NOTHING_OF_IT = (
    "My neighbour's allotment kept flooding every autumn and half the plots were under water. "
    "Me and two other plot holders dug a trench along the bottom path and lined it with "
    "gravel. The plots stayed dry all last winter.",
    "There was a new lad on the bin round who barely spoke and the others left him out. I sat "
    "with him on the breaks and showed him the short cuts on the route. After a month he was "
    "joking with the whole crew.",
    "The church hall's heating bills were huge, the boiler was ancient, and there was some "
    "money left from the summer fete. We got three quotes, went with a heat pump and put "
    "timers on the radiators. The bill came down a lot.",
)


def _intercept_only(p: float) -> dict[str, object]:
    import math

    return {"intercept": math.log(p / (1 - p)), "dense": {}, "views": [{}, {}]}


def test_handed_over_needs_a_surer_model_when_nothing_says_so(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a Task, a sentence the detector hears or one the sentence model finds likely, the
    model's prior alone must reach the bare threshold (0.7), not the usual 0.5."""
    bare = {"situation": (finding_model.Sentence("The hall's boiler was ancient.",
                                                 ("The hall's boiler was ancient.",)),)}
    with_task = {**bare, "task": (finding_model.Sentence("I had to sort the heating out.",
                                                         ("I had to sort the heating out.",)),)}
    assert not finding_model.has_evidence(finding_model.read("initiation.assigned", bare))
    with_task_read = finding_model.read("initiation.assigned", with_task)
    assert finding_model.has_evidence(with_task_read)
    assert not finding_model.says_so(with_task_read)  # a Task, but no sentence says who asked
    for p, on_bare in ((0.6, False), (0.75, True)):
        monkeypatch.setattr(finding_model, "shipped",
                            lambda p=p: {"initiation.assigned": _intercept_only(p)})
        assert finding_model.fires("initiation.assigned", bare) is on_bare
        assert finding_model.fires("initiation.assigned", with_task)


def test_handed_over_without_evidence_is_a_warning_that_says_so(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(finding_model, "fires", lambda finding, parts: True)
    a = analyze_text(SAYS_NOTHING_OF_IT[0], find_scenario("ownership"))
    f = next(f for f in a.findings if f.id == "initiation.assigned")
    assert f.severity == "warning"
    assert "Nothing in your opening says whose idea" in f.message
    assert f.evidence == "" and f.start is None  # an absence: no sentence stands for it


@pytest.mark.parametrize("text", SAYS_NOTHING_OF_IT)
def test_an_answer_that_says_nothing_of_it_is_never_critically_handed_over(text: str) -> None:
    """The model's prior may still call such an answer handed over (the allotment one at 0.86),
    but only as a warning that says nothing in the opening tells whose idea the work was."""
    a = analyze_text(text, find_scenario("ownership"))
    for f in (f for f in a.findings if f.id == "initiation.assigned"):
        assert f.severity == "warning"
        assert "Nothing in your opening says whose idea" in f.message
