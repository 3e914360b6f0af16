"""The claims stage: propositions with their sources' stance, evidence, and links to quotes and events."""

from __future__ import annotations

import pytest

from newsgraph import pipeline
from newsgraph.model import Claim, Event, Trigger
from newsgraph.stages.claims import link


@pytest.fixture(scope="module")
def claims_nlp():
    return pipeline.build(stages=["dateline", "entities", "quotes", "claims"])


def _claims(nlp, text):
    return pipeline.extract(text, published="2024-06-12", nlp=nlp).claims


def test_claims_allegation_keeps_every_coordinated_source(claims_nlp):
    [claim] = _claims(claims_nlp, "Seoul and Washington have claimed that Pyongyang was shipping weapons to "
                                  "Moscow for use in Ukraine.")
    assert claim.stance == "alleges"
    assert set(claim.sources) == {"KOR", "USA"}
    assert {"PRK", "RUS"} <= set(claim.about)
    assert claim.text.startswith("Pyongyang was shipping weapons")


def test_claims_denial_pointing_back_is_its_own_claim(claims_nlp):
    text = ("North Korea has denied the allegations that it is shipping weapons to Russia, calling the claim "
            "\u201cabsurd.\u201d")
    claims = _claims(claims_nlp, text)
    assert len(claims) == 1
    [claim] = claims
    assert claim.stance == "denies" and claim.sources == ["PRK"]
    assert claim.text == "it is shipping weapons to Russia"
    assert "RUS" in claim.about and claim.quote is not None


def test_claims_evidence_cited_by_the_source(claims_nlp):
    [claim] = _claims(claims_nlp, "A Pentagon report said Russia is using Iranian drones in Ukraine, citing "
                                  "debris analysis.")
    assert claim.stance == "asserts" and claim.evidence == "debris analysis"


def test_claims_evidence_from_what_images_showed(claims_nlp):
    [claim] = _claims(claims_nlp, "Officials said that satellite images showed new construction at the site.")
    assert claim.evidence == "satellite images"


def test_claims_warning_is_a_prediction_by_a_role(claims_nlp):
    [claim] = _claims(claims_nlp, "Analysts have warned that Iran could resume enrichment within weeks.")
    assert claim.stance == "predicts" and claim.sources == ["analysts"]


def test_claims_hedged_statement_is_a_prediction(claims_nlp):
    [claim] = _claims(claims_nlp, "Experts said that Iran would likely retaliate against Israel.")
    assert claim.stance == "predicts"
    assert {"IRN", "ISR"} <= set(claim.about)


def test_claims_plain_report_is_an_assertion(claims_nlp):
    [claim] = _claims(claims_nlp, "The French foreign minister said the talks with China were productive.")
    assert claim.stance == "asserts"


def _event(id_, start, end, status="occurred", attributed=()):
    return Event(id=id_, trigger=Trigger(start=start, end=end, text="x" * (end - start)), sentence=(0, 100),
                 type="AID", status=status, attributed_to=list(attributed))


def test_claims_link_marks_events_inside_allegations_and_denials():
    allegation = Claim(id="c1", start=10, end=60, text="x" * 50, sources=["KOR", "USA"], stance="alleges")
    denial = Claim(id="c2", start=70, end=90, text="x" * 20, sources=["PRK"], stance="denies")
    claims, events = link([allegation, denial], [_event("e1", 20, 28), _event("e2", 75, 80),
                                                 _event("e3", 95, 99)])
    assert [c.event for c in claims] == ["e1", "e2"]
    e1, e2, e3 = events
    assert (e1.status, e1.claim, e1.attributed_to) == ("alleged", "c1", ["KOR", "USA"])
    assert (e2.status, e2.claim, e2.attributed_to) == ("denied", "c2", ["PRK"])
    assert (e3.status, e3.claim, e3.attributed_to) == ("occurred", None, [])


def test_claims_link_keeps_planned_status_under_an_assertion():
    claim = Claim(id="c1", start=0, end=50, text="x" * 50, sources=["organization:kremlin"], stance="asserts")
    _, [event] = link([claim], [_event("e1", 10, 15, status="planned")])
    assert event.status == "planned" and event.claim == "c1"


def test_claims_need_a_proposition(claims_nlp):
    # a noun phrase an attribution is about is no claim; a clause, a quotation or a forecast is
    assert _claims(claims_nlp, "The navy defended its actions on Tuesday.") == []
    [claim] = _claims(claims_nlp, "The navy said its sailors had acted in self-defence.")
    assert claim.text == "its sailors had acted in self-defence" and claim.stance == "asserts"
    [claim] = _claims(claims_nlp, "Analysts expect ramped-up testing of missiles by the North.")
    assert claim.stance == "predicts"


def test_claims_a_place_does_not_speak(claims_nlp):
    [claim] = _claims(claims_nlp, "New York City officials said the crowd would be larger than last year.")
    assert claim.sources == ["new york city officials"]
