"""Regions the city gazetteer lacks resolve to their country (ISO 3166-2 names from pycountry, curated English
names); directions, seas and regions of several states do not."""

from __future__ import annotations

import pytest

from newsgraph import pipeline
from newsgraph.kb import regions


@pytest.mark.parametrize(("name", "iso3"), [
    ("Xinjiang", "CHN"),            # ISO: Xinjiang Uygur Zizhiqu
    ("Anbar", "IRQ"),               # ISO: Al Anbār
    ("Helmand province", "AFG"),    # a trailing ``province``
    ("the Sinai", "EGY"),           # curated
    ("Bavaria", "DEU"),             # curated English name of ISO ``Bayern``
    ("Tasmania", "AUS"),
])
def test_regions_country_of_a_region(name, iso3):
    assert regions.region_country(name) == iso3


@pytest.mark.parametrize("name", ["Punjab", "Kashmir", "the West", "Sahel", "Red Sea", "Georgia", "Middle East"])
def test_regions_ambiguous_generic_or_country_names_give_none(name):
    assert regions.region_country(name) is None


def test_regions_place_entity_takes_the_region_country():
    doc = pipeline.extract("Gunmen killed three policemen in Helmand province on Monday.", published="2010-05-01",
                           source="AFP")
    place = [e for e in doc.entities if e.type == "location"]
    assert place and place[0].country == "AFG"


@pytest.mark.parametrize(("text", "name", "iso3"), [
    ("Shelling in Donetsk killed four civilians on Monday.", "Donetsk", "UKR"),       # NER: nothing
    ("Soldiers were deployed in Tigray on Monday.", "Tigray", "ETH"),                  # NER: PERSON
    ("Troops were sent in Zanzibar after the vote.", "Zanzibar", "TZA"),               # NER: ORG
])
def test_regions_name_ner_missed_or_misread_after_in_is_a_place(text, name, iso3):
    doc = pipeline.extract(text, published="2020-05-01", source="AFP")
    place = [e for e in doc.entities if e.name == name]
    assert place and place[0].type == "location" and place[0].country == iso3


def test_regions_a_person_after_in_stays_a_person():
    # a US town is called Clinton; ``in Clinton's direction`` and a person named Clinton in the text are no place
    doc = pipeline.extract("Hillary Clinton spoke on Monday. Even a small shift in Clinton's direction would help.",
                           published="2016-09-29", source="AFP")
    assert not [e for e in doc.entities if e.type == "location"]


@pytest.mark.parametrize("name", ["Kent County", "Long Island"])
def test_regions_county_and_small_state_parish_names_give_none(name):
    assert regions.region_country(name) is None
