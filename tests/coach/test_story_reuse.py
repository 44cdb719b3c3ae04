"""Story reuse detection on hand-written pairs: paraphrase of one story vs. two stories of one
domain, number normalisation and quoting."""

from __future__ import annotations

from mockinterviewer.coach.story_reuse import compare, tokenize

# Hand-written answers of a loop's length (the detector is calibrated on answers of 100 words and
# more): one incident told for Ownership, retold in other words for Dive Deep, and a different
# incident from the same on-call job.
CERT = ("I was on call for the Orders team when checkout failed for 38 minutes and about 4,100 "
        "orders were lost. The TLS certificate between the order service and Inventory had "
        "expired, and nobody owned renewals: they lived in a spreadsheet the Infrastructure team "
        "kept by hand. Once checkout was back I could have closed the page. Instead I audited all "
        "214 internal certificates, found eleven more that would expire within a month, renewed "
        "them, and built an expiry alert that pages the owning team three weeks ahead. Then I "
        "moved our services to automatic renewal. In the fourteen months since, we have had no "
        "expiry incident.")
CERT_RETOLD = ("Let me tell you about digging into an outage. Checkout went down for thirty eight "
               "minutes and four thousand one hundred orders failed. Everyone blamed the deploy, "
               "but I read the handshake errors and saw that an internal certificate had expired "
               "between order service and Inventory. I wanted to know how many others were at "
               "risk, so I pulled the two hundred and fourteen certs from the spreadsheet and "
               "checked each expiry date myself; eleven were due within a month. I renewed them, "
               "wrote an alert that fires three weeks before expiry, and we switched to automatic "
               "renewal, with no expiry incident in fourteen months.")
POOL = ("I was on call one Friday when our payments service started timing out and for about "
        "twenty minutes roughly nine hundred orders failed at the last step. The dashboards "
        "showed the database was healthy, so I looked at the connection pool instead and saw it "
        "pinned at its limit after a traffic spike from a marketing email. I raised the pool "
        "size as a stop-gap, then load tested the service to find the real ceiling and set the "
        "pool from that. I also added a saturation alert and a runbook entry, and asked "
        "marketing to tell us before large sends. We have not had a pool timeout since.")


def test_numbers_normalise_across_digits_and_words() -> None:
    keys = [t.key for t in tokenize("thirty eight minutes, 4,100 orders, two hundred and "
                                    "fourteen certs, 35 percent and 12% and $8k")]
    for k in ("#38", "#4100", "#214", "#35%", "#12%", "#8000"):
        assert k in keys


def test_names_are_capitalised_words_inside_a_sentence() -> None:
    names = [t.text for t in tokenize("Then I called Priya at Stripe. She agreed.") if t.name]
    assert names == ["Priya", "Stripe"]


def test_a_retold_story_is_the_same_and_the_evidence_is_quoted() -> None:
    r = compare(CERT, CERT_RETOLD)
    assert r.same and r.probability > 0.9
    numbers = [d for d in r.shared if d.kind == "number"]
    assert {"38", "4,100", "214", "eleven", "fourteen"} <= {d.detail for d in numbers}
    top = next(d for d in numbers if d.detail == "4,100")
    assert "4,100 orders" in top.quote_a and "four thousand one hundred orders" in top.quote_b
    assert any(d.kind == "name" and d.detail == "Inventory" for d in r.shared)
    assert r.shared[0].kind == "number"


def test_two_stories_of_one_domain_are_not_the_same() -> None:
    for a, b in ((CERT, POOL), (CERT_RETOLD, POOL)):
        r = compare(a, b)
        assert not r.same and r.probability < 0.5, r.features
