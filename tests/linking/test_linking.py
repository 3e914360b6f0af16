"""Cross-document linking of events and claims on small hand-made Documents."""

from __future__ import annotations

import pytest

from newsgraph.linking import (
    ClaimMention,
    EventLinkConfig,
    EventMention,
    LinkStats,
    claim_mentions,
    cluster_claims,
    cluster_events,
    contested,
    event_mentions,
)
from newsgraph.linking.events import containment, context_similarity, vectors
from newsgraph.linking.timex import effective, interval, overlaps
from newsgraph.model import Claim, Document, Entity, Event, Mention, Trigger


def _entity(eid, name, etype, country=None):
    return Entity(id=eid, name=name, type=etype, country=country)


def _doc(doc_id, text, *, published, source, events=(), claims=(), entities=()):
    """A Document whose entities are mentioned wherever their name occurs in ``text``."""
    ents = []
    for e in entities:
        mentions = []
        for name in (e.name, *getattr(e, "_aliases", ())):
            at = text.find(name)
            if at >= 0:
                mentions.append(Mention(start=at, end=at + len(name), text=name))
        ents.append(e.model_copy(update={"mentions": sorted(mentions, key=lambda m: m.start)}))
    return Document(id=doc_id, text=text, published=published, source=source, sentences=[(0, len(text))],
                    entities=ents, events=list(events), claims=list(claims))


def _event(text, trigger, eid, *, type_, actor, recipient, date=None):
    at = text.index(trigger)
    return Event(id=eid, trigger=Trigger(start=at, end=at + len(trigger), text=trigger), sentence=(0, len(text)),
                 actor=actor, recipient=recipient, type=type_, status="occurred", date=date)


RUS = _entity("RUS", "Russia", "country")
MOSCOW = _entity("RUS", "Moscow", "country")  # metonym resolved to the country, as the entities stage does
UN = _entity("IGOUNO", "UN", "igo")
UNSC = _entity("IGOUNO", "Security Council", "igo")
CHN = _entity("CHN", "China", "country")
PUTIN = _entity("person:vladimir-putin", "Putin", "person", country="RUS")


def _veto_docs(second_date="2024-06-10", second_actor="RUS", second_text=None, published="2024-06-11"):
    t1 = "Russia vetoed the UN resolution on Monday."
    d1 = _doc("afp-1", t1, published="2024-06-11", source="AFP", entities=[RUS, UN],
              events=[_event(t1, "vetoed", "e1", type_="REJECT", actor="RUS", recipient="IGOUNO",
                             date="2024-06-10")])
    t2 = second_text or "Moscow blocked the Security Council measure."
    ents = [MOSCOW if second_actor == "RUS" else CHN, UNSC, PUTIN]
    d2 = _doc("ap-7", t2, published=published, source="AP", entities=ents,
              events=[_event(t2, "blocked", "e3", type_="REJECT", actor=second_actor, recipient="IGOUNO",
                             date=second_date)])
    return d1, d2


def _link(*docs, **kw):
    mentions = [m for d in docs for m in event_mentions(d)]
    return cluster_events(mentions, **kw)


def test_linking_two_outlets_same_veto_one_cluster():
    d1, d2 = _veto_docs(second_date=None)
    clusters = _link(d1, d2, min_size=2)
    assert len(clusters) == 1
    assert clusters[0].members == (("afp-1", "e1"), ("ap-7", "e3"))
    assert clusters[0].kind == "event"
    assert clusters[0].id.startswith("ev-")
    assert clusters[0].id == _link(d2, d1, min_size=2)[0].id  # deterministic from members


def test_linking_month_date_is_compatible_with_a_day():
    d1, d2 = _veto_docs(second_date="2024-06")
    assert len(_link(d1, d2, min_size=2)) == 1


def test_linking_different_date_separates():
    d1, d2 = _veto_docs(second_date="2024-03-04")
    assert _link(d1, d2, min_size=2) == []
    assert len(_link(d1, d2)) == 2  # singletons kept by default


def test_linking_different_actor_separates():
    d1, d2 = _veto_docs(second_actor="CHN", second_text="China blocked the Security Council measure.")
    assert _link(d1, d2, min_size=2) == []


def test_linking_person_matches_country_at_country_level():
    d1, _ = _veto_docs()
    t = "Putin vetoed the UN resolution on Monday."
    d3 = _doc("rt-2", t, published="2024-06-10", source="RT", entities=[PUTIN, UN],
              events=[_event(t, "vetoed", "e9", type_="REJECT", actor="person:vladimir-putin",
                             recipient="IGOUNO", date="2024-06-10")])
    [m] = event_mentions(d3)
    assert m.actor_country == "RUS"
    assert len(_link(d1, d3, min_size=2)) == 1


def test_linking_undated_events_far_apart_in_publication_separate():
    d1, d2 = _veto_docs(second_date=None, published="2024-09-30")
    assert _link(d1, d2, min_size=2) == []


def test_linking_timex_intervals():
    assert overlaps(interval("2024-06"), interval("2024-06-12"))
    assert not overlaps(interval("2024-05"), interval("2024-06-12"))
    assert overlaps(interval("2024-W24"), interval("2024-06-12"))
    assert overlaps(interval("2024"), interval("2024-Q3"))
    assert interval("P3D") is None and interval("XXXX-06-12") is None
    assert effective(None, "2024-06-12", 3) == (interval("2024-06-09")[0], interval("2024-06-12")[0])


def _claim_doc(doc_id, source, text, claim_text, *, stance, sources, about, published):
    at = text.index(claim_text)
    claim = Claim(id=f"{doc_id}-c1", start=at, end=at + len(claim_text), text=claim_text, stance=stance,
                  sources=sources, about=about)
    return _doc(doc_id, text, published=published, source=source, claims=[claim])


def _claim_docs():
    a = _claim_doc("yonhap-1", "Yonhap",
                   "Seoul and Washington have claimed that Pyongyang was shipping artillery shells to Moscow "
                   "for use in Ukraine.",
                   "Pyongyang was shipping artillery shells to Moscow for use in Ukraine",
                   stance="alleges", sources=["KOR", "USA"], about=["PRK", "RUS", "UKR"], published="2024-06-12")
    b = _claim_doc("kcna-3", "KCNA",
                   "North Korea denied that it shipped artillery shells to Russia for the war in Ukraine.",
                   "it shipped artillery shells to Russia for the war in Ukraine",
                   stance="denies", sources=["PRK"], about=["PRK", "RUS", "UKR"], published="2024-06-14")
    c = _claim_doc("afp-9", "AFP", "Analysts expect the rice harvest in Vietnam to fall this year.",
                   "the rice harvest in Vietnam to fall this year",
                   stance="predicts", sources=["analysts"], about=["VNM"], published="2024-06-13")
    return a, b, c


def test_linking_allegation_and_denial_form_one_claim_cluster():
    mentions = [m for d in _claim_docs() for m in claim_mentions(d)]
    clusters = cluster_claims(mentions, min_size=2)
    assert len(clusters) == 1
    assert set(clusters[0].members) == {("yonhap-1", "yonhap-1-c1"), ("kcna-3", "kcna-3-c1")}
    assert clusters[0].id.startswith("cl-")


def test_linking_contested_claim_lists_each_source_stance():
    mentions = [m for d in _claim_docs() for m in claim_mentions(d)]
    found = contested(cluster_claims(mentions), mentions)
    assert len(found) == 1
    [item] = found
    stances = {p.outlet: p.stance for p in item.positions}
    assert stances == {"Yonhap": "alleges", "KCNA": "denies"}
    assert item.supporters == ("KOR", "USA") and item.deniers == ("PRK",)
    assert all(p.sentence for p in item.positions)


def test_linking_agreeing_claims_are_not_contested():
    a, _, _ = _claim_docs()
    b = _claim_doc("reuters-2", "Reuters", "U.S. officials said North Korea shipped artillery shells to Russia "
                   "for use in Ukraine.", "North Korea shipped artillery shells to Russia for use in Ukraine",
                   stance="asserts", sources=["USA"], about=["PRK", "RUS", "UKR"], published="2024-06-13")
    mentions = [m for d in (a, b) for m in claim_mentions(d)]
    clusters = cluster_claims(mentions, min_size=2)
    assert len(clusters) == 1
    assert contested(clusters, mentions) == []


def _synthetic_events(n):
    """n event mentions: ~10 per (actor pair, week) story, each story told in a few ways."""
    out = []
    for i in range(n):
        story = i // 10
        actor, recipient = f"A{story % 97:03d}", f"B{story // 97:03d}"
        day = 1 + (story * 3) % 360
        out.append(EventMention(
            doc_id=f"d{i}", event_id="e1", type="CONSULT", actor=actor, recipient=recipient,
            actor_country=actor, recipient_country=recipient, trigger_lemma="meet",
            trigger_text="met", sentence_text=f"{actor} met {recipient} story {story}",
            published=f"2024-{1 + day // 31:02d}-{1 + day % 28:02d}"))
    return out


def _letters(k):
    word = ""
    for _ in range(3):
        k, r = divmod(k, 26)
        word += chr(97 + r)
    return word


def _synthetic_claims(n):
    out = []
    for i in range(n):
        story = i // 10
        out.append(ClaimMention(doc_id=f"d{i}", claim_id="c1", about=(f"X{story}",),
                                text=f"zq{_letters(story)} ky{_letters(story)} was shipped to {_letters(story % 7)}",
                                stance="denies" if i % 2 else "alleges"))
    return out


@pytest.mark.parametrize("make,link", [(_synthetic_events, cluster_events), (_synthetic_claims, cluster_claims)])
def test_linking_blocking_keeps_comparisons_linear(make, link):
    counts = []
    for n in (400, 1600):
        stats = LinkStats()
        clusters = link(make(n), stats=stats, min_size=2)
        assert len(clusters) >= n // 10 * 0.9
        counts.append(stats.comparisons)
    small, large = counts
    all_pairs_small = 400 * 399 // 2
    assert small < all_pairs_small / 10
    assert large / small < 6  # 4x the mentions: ~4x the comparisons (all-pairs would be 16x)


def test_linking_denial_worded_with_metonyms_and_fewer_about_ids_still_contested():
    a = _claim_doc("yonhap-2", "Yonhap", "Seoul and Washington have claimed that Pyongyang was shipping weapons to "
                   "Moscow for use in Ukraine.", "Pyongyang was shipping weapons to Moscow for use in Ukraine",
                   stance="alleges", sources=["KOR", "USA"], about=["PRK", "RUS", "UKR"], published="2024-06-12")
    b = _claim_doc("kcna-4", "KCNA", "North Korea denied that it was shipping weapons to Russia, calling the claim "
                   "absurd.", "it was shipping weapons to Russia, calling the claim absurd",
                   stance="denies", sources=["PRK"], about=["PRK", "RUS"], published="2024-06-13")
    mentions = [m for d in (a, b) for m in claim_mentions(d)]
    [cluster] = cluster_claims(mentions, min_size=2)
    assert cluster.label == "Pyongyang was shipping weapons to Moscow for use in Ukraine"
    [item] = contested([cluster], mentions)
    assert item.deniers == ("PRK",)


def test_linking_event_mentions_carry_country_level_fields():
    _, d2 = _veto_docs()
    [m] = event_mentions(d2)
    assert (m.actor, m.actor_country, m.recipient, m.type) == ("RUS", "RUS", "IGOUNO", "REJECT")
    assert m.sentence_text == "Moscow blocked the Security Council measure."
    assert m.published == "2024-06-11" and m.source == "AP"
    assert "RUS" in m.participants


# --- context confidence: a one-line article cannot tell two stories apart --------------------------------------


_LONG_A = ("rehab clinic actress malibu promises treatment agent statement hollywood fans publicist career "
           "addiction recovery program weeks spokesperson magazine tabloids photographers interview ") * 3
_LONG_B = ("earthquake indonesia magnitude tsunami coast warning villages geologists aftershock rescue "
           "buildings collapsed province epicentre depth survey seismic island residents ") * 3


def _ctx_mention(doc, context, trigger="enter"):
    return EventMention(doc_id=doc, event_id="e", trigger_lemma=trigger, trigger_text=trigger,
                        sentence_text=context[:60], context=context, group="t")


def test_linking_context_similarity_short_context_backs_off_to_prior():
    ms = [_ctx_mention("a", _LONG_A), _ctx_mention("b", _LONG_B), _ctx_mention("c", "rehab star"),
          _ctx_mention("d", "quake hits")]
    v = vectors(ms)
    assert v[2][2] == 2 and v[0][2] > 40  # context lengths in content words
    # long contexts keep their raw cosine whatever the shrinking
    assert context_similarity(v[0], v[1], 30, 0.3) == pytest.approx(context_similarity(v[0], v[1]))
    assert context_similarity(v[0], v[1]) < 0.05
    # two one-line contexts with no word in common: raw cosine 0, shrunk almost to the prior
    assert context_similarity(v[2], v[3]) == 0.0
    assert context_similarity(v[2], v[3], 30, 0.3) == pytest.approx(0.3 * (1 - 2 / 30))
    # entries without a length (older callers) are never shrunk
    assert context_similarity(v[2][:2], v[3][:2], 30, 0.3) == 0.0


def test_linking_same_trigger_in_one_line_articles_not_split_by_context():
    ms = [_ctx_mention("a", "Lohan checks into rehab"), _ctx_mention("b", "actress enters clinic again")]
    raw = EventLinkConfig(context_shrink=0.0)
    shrunk = EventLinkConfig(context_shrink=30.0, context_prior=0.3)
    assert len(cluster_events(ms, config=raw)) == 2  # empty-overlap contexts read as different stories
    assert len(cluster_events(ms, config=shrunk)) == 1
    # long, different stories still split under the same settings
    long_ms = [_ctx_mention("a", _LONG_A), _ctx_mention("b", _LONG_B)]
    assert len(cluster_events(long_ms, config=shrunk)) == 2


def test_linking_containment_backoff_tells_one_liners_of_the_same_story_from_others():
    ms = [_ctx_mention("a", _LONG_A), _ctx_mention("b", "actress rehab clinic"), _ctx_mention("c", "quake island")]
    v = vectors(ms)
    assert containment(v[1][1], v[0][1]) == pytest.approx(1.0)  # every word of the one-liner is in the article
    assert containment(v[2][1], v[0][1]) == 0.0
    same = context_similarity(v[0], v[1], 30, 0.0, use_containment=True)
    other = context_similarity(v[0], v[2], 30, 0.0, use_containment=True)
    assert same > 0.8 > context_similarity(v[0], v[1])  # the raw cosine is low: the article is long
    assert other < 0.05
    # argument order does not matter
    assert context_similarity(v[1], v[0], 30, 0.0, use_containment=True) == pytest.approx(same)


def test_sentences_text_takes_every_sentence_a_span_overlaps():
    from newsgraph.linking.records import sentences_text

    text = "One sentence here. A claim that runs on. Into this one. Last."
    sentences = [(0, 18), (19, 40), (41, 55), (56, 61)]
    assert sentences_text(text, sentences, 21, 45) == "A claim that runs on. Into this one."
    assert sentences_text(text, sentences, 0, 4) == "One sentence here."
    assert sentences_text(text, [], 2, 10) == text[2:10]  # no sentence: the span itself
