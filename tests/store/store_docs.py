"""Hand-built Documents for the store tests (no model load)."""

from __future__ import annotations

from newsgraph.model import Claim, Dateline, Document, Entity, Event, Geo, Mention, Quote, Timex, Trigger

TEXT1 = ("SEOUL (AFP) : North Korean leader Kim Jong Un met Vladimir Putin in Pyongyang. "
         "Analysts said Pyongyang was shipping weapons to Moscow, Yonhap reported.")


def _span(text: str, needle: str, start: int = 0) -> dict:
    i = text.index(needle, start)
    return {"start": i, "end": i + len(needle), "text": needle}


def make_korea() -> Document:
    t = TEXT1
    s1_end = t.index("Pyongyang.") + len("Pyongyang.")
    s2 = t.index("Analysts")
    return Document(
        id="afp-korea", source="AFP", url="https://example.org/korea", title="Kim meets Putin",
        published="2024-06-12", text=t,
        dateline=Dateline(place="Seoul", agency="AFP", start=0, end=13),
        sentences=[(0, s1_end), (s2, len(t))],
        entities=[
            Entity(id="PRK", name="North Korea", type="country", country="PRK", cameo="PRKGOV",
                   mentions=[Mention(**_span(t, "North Korean")), Mention(**_span(t, "Pyongyang", s2),
                                                                          kind="metonym")]),
            Entity(id="person:kim-jong-un", name="Kim Jong Un", type="person", country="PRK", cameo="PRKGOV",
                   role="leader", mentions=[Mention(**_span(t, "Kim Jong Un"))]),
            Entity(id="person:vladimir-putin", name="Vladimir Putin", type="person", country="RUS",
                   cameo="RUSGOV", mentions=[Mention(**_span(t, "Vladimir Putin"))]),
            Entity(id="location:pyongyang", name="Pyongyang", type="location", country="PRK",
                   geo=Geo(lat=39.03, lon=125.75, geonames_id=1871859, country="PRK"),
                   mentions=[Mention(**_span(t, "Pyongyang"))]),
            Entity(id="RUS", name="Russia", type="country", country="RUS", cameo="RUS",
                   mentions=[Mention(**_span(t, "Moscow"), kind="metonym")]),
            Entity(id="media:yonhap", name="Yonhap", type="media", country="KOR",
                   mentions=[Mention(**_span(t, "Yonhap"))]),
        ],
        timexes=[],
        quotes=[Quote(id="q1", **_span(t, "Pyongyang was shipping weapons to Moscow"), kind="indirect",
                      speaker=None, speaker_text="Analysts", cue="said", via=["media:yonhap"])],
        claims=[Claim(id="c1", **_span(t, "Pyongyang was shipping weapons to Moscow"), sources=["analysts"],
                      stance="asserts", about=["PRK", "RUS"], evidence=None, event="e2", quote="q1")],
        events=[
            Event(id="e1", trigger=Trigger(**_span(t, "met")), sentence=(0, s1_end),
                  actor="person:kim-jong-un", recipient="person:vladimir-putin", type="CONSULT", mode="visit",
                  context=["diplomatic"], cameo="042", status="occurred", date=None,
                  location="location:pyongyang"),
            Event(id="e2", trigger=Trigger(**_span(t, "shipping")), sentence=(s2, len(t)), actor="PRK",
                  recipient="RUS", type="AID", context=["military"], cameo="0712", status="reported",
                  date="2024-05", attributed_to=["analysts"], claim="c1"),
        ],
        warnings=[],
    )


TEXT2 = "Germany denied on Monday that it had sent tanks to Ukraine. Berlin will hold talks next week."


def make_germany() -> Document:
    t = TEXT2
    s1 = t.index("Berlin")
    return Document(
        id="reuters-germany", source="Reuters", published="2024-06-10T08:30:00+00:00", text=t,
        sentences=[(0, s1 - 1), (s1, len(t))],
        entities=[
            Entity(id="DEU", name="Germany", type="country", country="DEU", cameo="DEUGOV",
                   mentions=[Mention(**_span(t, "Germany")), Mention(**_span(t, "Berlin"), kind="metonym")]),
            Entity(id="UKR", name="Ukraine", type="country", country="UKR", cameo="UKR",
                   mentions=[Mention(**_span(t, "Ukraine"))]),
        ],
        timexes=[Timex(**_span(t, "Monday"), type="DATE", value="2024-06-10"),
                 Timex(**_span(t, "next week"), type="DATE", value="2024-W25")],
        claims=[Claim(id="c1", **_span(t, "it had sent tanks to Ukraine"), sources=["DEU"], stance="denies",
                      about=["DEU", "UKR"], event="e1")],
        events=[
            Event(id="e1", trigger=Trigger(**_span(t, "sent")), sentence=(0, s1 - 1), actor="DEU",
                  recipient="UKR", type="AID", cameo="0712", status="denied", date="2024-06-10",
                  attributed_to=["DEU"], claim="c1"),
            Event(id="e2", trigger=Trigger(**_span(t, "talks")), sentence=(s1, len(t)), actor="DEU",
                  type="CONSULT", cameo="040", status="planned", date="2024-W25"),
        ],
        warnings=["[W002] unbalanced quotation mark at offset 3: that quote was dropped"],
    )


def make_bare(i: int = 0) -> Document:
    """A document with nothing extracted and no metadata (publication date unknown)."""
    return Document(id=f"bare-{i}", text=f"Nothing happened here, number {i}.", sentences=[(0, 30)],
                    warnings=["[W001] no publication date: relative dates are left unresolved (XXXX values)"])


