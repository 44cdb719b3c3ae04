"""Story reuse detection on hand-written pairs: paraphrase of one story vs. two stories of one
domain, number normalisation and quoting."""

from __future__ import annotations

from mockinterviewer.coach.story_reuse import compare, tokenize

CERT = ("I was on call for the Orders team when checkout failed for 38 minutes and about 4,100 "
        "orders were lost. The TLS certificate between the order service and Inventory had "
        "expired. I audited all 214 certificates and built an expiry alert.")
CERT_RETOLD = ("Let me tell you about a time I disagreed with my manager. After a checkout outage "
               "of thirty eight minutes, four thousand one hundred orders failed because an "
               "internal certificate expired between order service and Inventory. I pushed to "
               "audit the two hundred and fourteen certs.")
POOL = ("I was on call when our payments service started timing out for 20 minutes and 900 "
        "orders failed. I traced it to a database connection pool that was too small after a "
        "traffic spike, raised the pool and added an alert on pool saturation.")


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
    assert {d.detail for d in numbers} == {"38", "4,100", "214"}
    top = next(d for d in numbers if d.detail == "4,100")
    assert "4,100 orders" in top.quote_a and "four thousand one hundred orders" in top.quote_b
    assert any(d.kind == "name" and d.detail == "Inventory" for d in r.shared)
    assert r.shared[0].kind == "number"


def test_two_stories_of_one_domain_are_not_the_same() -> None:
    for a, b in ((CERT, POOL), (CERT_RETOLD, POOL)):
        r = compare(a, b)
        assert not r.same and r.probability < 0.5, r.features
