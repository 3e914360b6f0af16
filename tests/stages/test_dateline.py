"""The dateline stage: wire datelines are recognised with offsets; look-alike openings are not."""

import pytest

from newsgraph.stages.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "place", "agency", "end"),
    [
        ("SEOUL (AFP) : North Korean leader Kim Jong Un on Wednesday", "Seoul", "AFP", 13),
        ("WASHINGTON (Reuters) - The Pentagon said", "Washington", "Reuters", 22),
        ("MOSCOW, June 12 (Reuters) - Russia said", "Moscow", "Reuters", 27),
        ("KYIV, Ukraine (AP) \u2014 A drone attack", "Kyiv", "AP", 20),
        ("LONDON \u2014 Britain's prime minister", "London", None, 8),
        ("NEW YORK, Dec. 3 (Reuters) -- Stocks fell", "New York", "Reuters", 29),
        ("Seoul (Yonhap) -- South Korea said", "Seoul", "Yonhap", 17),
    ],
)
def test_dateline_recognises_wire_forms(text, place, agency, end):
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.agency, found.start, found.end) == (place, agency, 0, end)
    assert text[found.start:found.start + len(place)].lower() == place.lower()


def test_dateline_keeps_region_and_date():
    assert find_dateline("KYIV, Ukraine (AP) \u2014 x").region == "Ukraine"
    assert find_dateline("MOSCOW, June 12 (Reuters) - x").date == "June 12"


@pytest.mark.parametrize(
    "text",
    [
        "North Korea on Wednesday hailed its ties with Russia.",
        "NATO - the alliance said on Monday it would meet.",
        "BREAKING \u2014 A fire broke out.",
        "Officials - who spoke on condition of anonymity - said.",
        "UN: The council voted on Friday.",
        "US - China talks ended without a deal.",
        "Kim Jong Un (KCNA) - a statement",
        "",
    ],
)
def test_dateline_does_not_eat_a_first_sentence(text):
    assert find_dateline(text) is None


def test_dateline_in_pipeline_presets_entities(nlp):
    from newsgraph import pipeline

    doc = pipeline.extract("SEOUL (AFP) : North Korea fired a missile on Wednesday, officials said.",
                           published="2024-06-12", nlp=nlp)
    assert doc.dateline is not None and doc.dateline.agency == "AFP"
    assert doc.text.startswith("SEOUL (AFP) :")  # never altered
    texts = {m.text for e in doc.entities for m in e.mentions}
    assert "AFP" in texts and "SEOUL" in texts
    assert not any("(" in m.text for e in doc.entities for m in e.mentions)
