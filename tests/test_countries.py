"""Country resolution at the spine level: plain names, nationality words and capitals used for their state."""

from __future__ import annotations

import re

import pytest

import newsgraph
from newsgraph.kb import countries


@pytest.mark.parametrize(("name", "iso3"), [("Russia", "RUS"), ("the U.S.", "USA"), ("South Korea\u2019s", "KOR"),
                                            ("Vietnam", "VNM"), ("Britain", "GBR"), ("DPRK", "PRK")])
def test_countries_names(name, iso3):
    assert countries.by_name(name) == iso3


def test_countries_demonyms_and_capitals():
    assert countries.by_demonym("North Korean") == "PRK" and countries.by_demonym("Russians") == "RUS"
    assert countries.by_capital("Pyongyang") == "PRK" and countries.by_capital("Kyiv") == "UKR"
    assert countries.by_capital("Washington") == "USA"


@pytest.mark.parametrize(("word", "iso3"), [("Sierra Leonean", "SLE"), ("Ivorian", "CIV"), ("Burkinabe", "BFA"),
                                            ("Bosniaks", "BIH"), ("Trinidadians", "TTO"), ("East Timorese", "TLS"),
                                            ("Kosovar", "XKX")])
def test_countries_demonyms_of_smaller_states(word, iso3):
    assert countries.by_demonym(word) == iso3


def test_countries_curated_tables_name_known_countries():
    from newsgraph.kb import regions
    codes = set(countries.ALIASES) | set(countries.DEMONYMS) | set(countries.CAPITAL_ALIASES) \
        | set(countries.FORMER_NAMES.values()) | set(regions.CURATED)
    assert sorted(c for c in codes if countries.country(c) is None) == []


def test_countries_short_names_wire_copy_uses():
    assert countries.by_name("Trinidad") == "TTO" and countries.by_name("Bosnia-Herzegovina") == "BIH"
    assert countries.by_name("Cape Verde") == "CPV"


def _entity(doc, id_):
    return next((e for e in doc.entities if e.id == id_), None)


def test_countries_seed_entities_have_all_name_mentions(seed_document):
    text = seed_document.text
    for iso3, pattern in [("UKR", r"\bUkraine\b"), ("VNM", r"\bVietnam\b"),
                          ("PRK", r"\bNorth Korea(?:n)?\b"), ("RUS", r"\bRussian?\b")]:
        entity = _entity(seed_document, iso3)
        assert entity is not None and entity.type == "country" and entity.country == iso3
        found = {(m.start, m.end) for m in entity.mentions}
        expected = {(m.start(), m.end()) for m in re.finditer(pattern, text)}
        assert expected <= found, (iso3, sorted(expected - found))
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text


def test_countries_capitals_for_states_are_metonyms(seed_document):
    kor, usa = _entity(seed_document, "KOR"), _entity(seed_document, "USA")
    assert ("Seoul", "metonym") in {(m.text, m.kind) for m in kor.mentions}
    assert ("Washington", "metonym") in {(m.text, m.kind) for m in usa.mentions}
    assert ("South Korea", "name") in {(m.text, m.kind) for m in kor.mentions}  # possessive ’s trimmed


def test_countries_capital_as_place_is_not_the_state(nlp):
    doc = newsgraph.extract("Putin will visit Pyongyang next week. Pyongyang has denied the reports.",
                            published="2024-06-12", nlp=nlp)
    prk = _entity(doc, "PRK")
    assert prk is not None and [m.kind for m in prk.mentions] == ["metonym"]
    assert prk.mentions[0].start == doc.text.index("Pyongyang has")
    place = next(e for e in doc.entities if e.type == "location" and e.name == "Pyongyang")
    assert place.geo is not None and place.geo.country == "PRK" and abs(place.geo.lat - 39.03) < 0.1


def test_countries_missed_by_ner_found_by_gazetteer(nlp):
    doc = newsgraph.extract("Prices rose because of the Russia-Ukraine war.", nlp=nlp)
    assert _entity(doc, "UKR") is not None and _entity(doc, "RUS") is not None
