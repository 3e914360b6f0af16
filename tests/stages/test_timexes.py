"""Tests for the ``timexes`` stage and the ``newsgraph.timex`` rules.

The sentences are newswire-style English written for these tests, plus the seed article
(/work/shared/seed, AFP 2024-06-12). Pure-rule tests call ``find_timexes`` without a model; the others load the
spaCy model once per module through ``build(stages=["timexes"])``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsgraph.model import Article, Timex
from newsgraph.timex import find_timexes
from newsgraph.timex import normalize as nz

SEED = Path(__file__).resolve().parents[1] / "golden" / "seed" / "article.txt"  # a copy of ../shared/seed
D = dt.date


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.pipeline import build

    return build(stages=["timexes"])


def run(nlp, text: str, published: str | None) -> list[Timex]:
    from newsgraph.stages.ingest import make_doc

    doc = nlp(make_doc(nlp, Article(text=text, published=published)))
    for t in doc._.timexes:
        assert text[t.start:t.end] == t.text
    return doc._.timexes


def pairs(timexes: list[Timex]) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in timexes]


def values(text: str, published: dt.date | None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, published)]


# --- the stage on real sentences ----------------------------------------------------------------------------------

def test_timexes_seed_article(nlp):
    found = pairs(run(nlp, SEED.read_text(encoding="utf-8"), "2024-06-12"))
    for expected in [("Wednesday", "2024-06-12"), ("last year", "2023"), ("May", "2024-05"), ("next week", "2024-W25"),
                     ("March", "2024-03"), ("last month", "2024-05"), ("the coming days", "FUTURE_REF")]:
        assert expected in found, expected
    assert found.count(("Wednesday", "2024-06-12")) == 2
    assert found.count(("last year", "2023")) == 2
    assert not any(text.startswith("as early as") for text, _ in found)


def test_timexes_stage_declares_requires_and_assigns(nlp):
    meta = nlp.get_pipe_meta("timexes")
    assert list(meta.assigns) == ["doc._.timexes"]
    assert {"doc._.article", "doc.sents", "token.tag"} <= set(meta.requires)


def test_timexes_weekday_past_tense_looks_back(nlp):
    # published on a Friday: "said Tuesday" is three days before
    found = pairs(run(nlp, "The minister said Tuesday that talks had failed.", "2024-06-14"))
    assert found == [("Tuesday", "2024-06-11")]


def test_timexes_weekday_same_day_in_past_tense(nlp):
    found = pairs(run(nlp, "The army fired two missiles on Friday, officials said.", "2024-06-14"))
    assert found == [("Friday", "2024-06-14")]


def test_timexes_weekday_future_tense_looks_ahead(nlp):
    found = pairs(run(nlp, "The two leaders will meet on Tuesday in Geneva.", "2024-06-14"))
    assert found == [("Tuesday", "2024-06-18")]


def test_timexes_month_without_year_crosses_year_boundary(nlp):
    # a January article speaking of December means the December just gone
    found = pairs(run(nlp, "Prices rose sharply in December, the statistics office said.", "2024-01-09"))
    assert found == [("December", "2023-12")]
    found = pairs(run(nlp, "The parliament will vote on the budget in December.", "2024-01-09"))
    assert found == [("December", "2024-12")]


def test_timexes_month_day_year_boundary(nlp):
    found = pairs(run(nlp, "The ship sank on Dec. 30, the coast guard said.", "2024-01-03"))
    assert found == [("Dec. 30", "2023-12-30")]


def test_timexes_relative_units(nlp):
    text = ("Exports fell last month and are expected to recover next year. The company was founded two years ago "
            "and opened a plant earlier this month.")
    found = pairs(run(nlp, text, "2024-06-12"))
    assert ("last month", "2024-05") in found
    assert ("next year", "2025") in found
    assert ("two years ago", "2022") in found
    assert ("earlier this month", "2024-06") in found


def test_timexes_anchor_from_other_timex(nlp):
    found = pairs(run(nlp, "The rebels took the town on March 3, 2022. A day later they withdrew.", "2024-06-12"))
    assert ("March 3, 2022", "2022-03-03") in found
    assert ("A day later", "2022-03-04") in found


def test_timexes_clock_time_with_day(nlp):
    found = run(nlp, "The vote is due at 2 p.m. on Wednesday.", "2024-06-12")
    assert [(t.text, t.type, t.value) for t in found] == [("2 p.m. on Wednesday", "TIME", "2024-06-12T14:00")]


def test_timexes_part_of_day(nlp):
    found = run(nlp, "Police said the blast happened this morning.", "2024-06-12")
    assert [(t.text, t.type, t.value) for t in found] == [("this morning", "TIME", "2024-06-12TMO")]


def test_timexes_without_publication_date_stay_underspecified(nlp):
    found = pairs(run(nlp, "The talks ended in May and resume next week.", None))
    assert found == [("May", "XXXX-05"), ("next week", "XXXX-WXX")]


# --- pure rules, no model ----------------------------------------------------------------------------------------

def test_timexes_durations():
    text = "The siege lasted three days. Talks went on for five hours under a two-year deal signed for a week."
    got = values(text, D(2024, 6, 12))
    assert ("three days", "DURATION", "P3D") in got
    assert ("five hours", "DURATION", "PT5H") in got
    assert ("two-year", "DURATION", "P2Y") in got
    assert ("a week", "DURATION", "P1W") in got


def test_timexes_ages_are_not_durations():
    assert values("A 52-year-old man was arrested. He is 40 years old.", D(2024, 6, 12)) == []


def test_timexes_sets():
    got = values("Inspectors visit the site every week and report daily.", D(2024, 6, 12))
    assert ("every week", "SET", "P1W") in got
    assert ("daily", "SET", "P1D") in got


def test_timexes_references():
    got = values("Prices are currently high. The firm recently cut jobs and may hire in the future.", D(2024, 6, 12))
    assert ("currently", "DATE", "PRESENT_REF") in got
    assert ("recently", "DATE", "PAST_REF") in got
    assert ("the future", "DATE", "FUTURE_REF") in got
    assert not any(text == "may" for text, _, _ in got)


def test_timexes_quarters_halves_seasons():
    got = values("Profit rose in the first quarter of 2024 and in the first half, and again this summer.",
                 D(2024, 8, 1))
    assert ("the first quarter of 2024", "DATE", "2024-Q1") in got
    assert ("the first half", "DATE", "2024-H1") in got
    assert ("this summer", "DATE", "2024-SU") in got


def test_timexes_decades_and_centuries():
    got = values("The war of the 1990s shaped the 20th century in the region.", D(2024, 6, 12))
    assert ("the 1990s", "DATE", "199") in got
    assert ("the 20th century", "DATE", "19") in got


def test_timexes_years_and_full_dates():
    got = values("The treaty signed on June 12, 2024 replaced one from 1953.", D(2024, 6, 20))
    assert ("June 12, 2024", "DATE", "2024-06-12") in got
    assert ("1953", "DATE", "1953") in got
    assert values("Some 1500 troops crossed the border.", D(2024, 6, 12)) == []


def test_timexes_leap_day():
    got = values("The law took effect on Feb. 29.", D(2024, 3, 5))
    assert got == [("Feb. 29", "DATE", "2024-02-29")]
    # a year back from 29 February lands on 28 February
    assert nz.shift_value("2024-02-29", "year", -1) == "2023-02-28"
    assert nz.shift(D(2024, 1, 31), "month", 1) == D(2024, 2, 29)


def test_timexes_iso_week_53():
    # 1 January 2021 lies in ISO week 53 of 2020
    got = values("Cases rose this week and will fall next week.", D(2021, 1, 1))
    assert ("this week", "DATE", "2020-W53") in got
    assert ("next week", "DATE", "2021-W01") in got
    assert values("Cases rose last week.", D(2021, 1, 4)) == [("last week", "DATE", "2020-W53")]


def test_timexes_weekday_resolution_rules():
    wed = D(2024, 6, 12)  # a Wednesday
    assert nz.weekday_date(3, wed, "past") == wed
    assert nz.weekday_date(3, wed, "future") == wed
    assert nz.weekday_date(1, wed, "future") == D(2024, 6, 17)
    assert nz.weekday_date(5, wed, "past") == D(2024, 6, 7)
    assert nz.weekday_date(3, wed, None, modifier="last") == D(2024, 6, 5)
    assert nz.weekday_date(3, wed, None, modifier="next") == D(2024, 6, 19)


def test_timexes_extent_excludes_prepositions_and_hedges():
    got = values("The visit could take place as early as next week, in May or during the summer.", D(2024, 4, 2))
    texts = [t for t, _, _ in got]
    assert "next week" in texts and "May" in texts and "the summer" in texts
    assert not any(t.startswith(("as ", "in ", "during ")) for t in texts)


# --- second round: conventions measured on the dev split of the TimeML training data --------------------------------

def test_timexes_possessive_weekday_looks_back(nlp):
    # published on a Friday; the ruling has already been made, though the sentence looks ahead
    found = pairs(run(nlp, "Lawyers said they would look for ways to get around Wednesday's ruling.", "2000-01-07"))
    assert found == [("Wednesday", "2000-01-05")]


def test_timexes_fronted_until_in_a_past_sentence(nlp):
    found = pairs(run(nlp, "Until Thursday, they had not called Kopp a suspect.", "1999-05-07"))
    assert found == [("Thursday", "1999-05-06")]
    # "until" inside the clause still looks ahead, even after a past-tense verb
    found = pairs(run(nlp, "The judge extended the deadline until Tuesday.", "2000-04-03"))
    assert found == [("Tuesday", "2000-04-04")]


def test_timexes_week_of_a_date():
    assert values("A hearing is set for the week of March 6.", D(2000, 2, 24)) == [
        ("the week of March 6", "DATE", "2000-W10")]
    # ISO weeks across a year boundary, week 53 and a leap day
    assert values("Talks resume the week of Dec. 30, 2024.", None) == [("the week of Dec. 30, 2024", "DATE", "2025-W01")]
    assert values("Talks resumed the week of Dec. 31, 2020.", None) == [("the week of Dec. 31, 2020", "DATE", "2020-W53")]
    assert values("The vote fell in the week of Feb. 29, 2024.", None) == [("the week of Feb. 29, 2024", "DATE", "2024-W09")]


def test_timexes_vague_spans_are_durations():
    got = values("Prices have risen in recent months and could rise over the next few days, in the weeks ahead "
                 "and in the coming days.", D(1998, 4, 2))
    assert ("recent months", "DURATION", "PXM") in got
    assert ("the next few days", "DURATION", "PXD") in got  # without "over"
    assert ("the weeks ahead", "DURATION", "PXW") in got
    assert ("the coming days", "DATE", "FUTURE_REF") in got  # the contract's value
    assert values("Revenue grew over the past 20 years.", D(2000, 1, 24)) == [("the past 20 years", "DURATION", "P20Y")]


def test_timexes_soon_in_past_narrative(nlp):
    assert pairs(run(nlp, "He was taken to a hospital and was soon released.", "2000-02-24")) == []
    assert pairs(run(nlp, "Prosecutors may soon seek an indictment.", "1989-10-27")) == [("soon", "FUTURE_REF")]


def test_timexes_words_gold_leaves_untagged():
    # "today's youth" means nowadays; a TV programme title; an average daily measure
    assert values("The case of Elian is for today's youth what the blockade was for their parents.", D(2000, 1, 7)) == []
    assert values('Baker said on ABC-TV\'s "This Week With David Brinkley" that talks went on.', D(1991, 2, 25)) == []
    assert values("That is less than 5% of Nasdaq's average daily volume.", D(1989, 10, 30)) == []
    assert values("Average hourly earnings rose.", D(1998, 2, 6)) == [("hourly", "SET", "PT1H")]
    assert values("Today's meeting was cancelled.", D(2000, 1, 7)) == [("Today", "DATE", "2000-01-07")]


# --- third round: tense, financial anchors and durations, counted on the dev split ------------------------------------

def test_timexes_possessive_weekday_looks_back_in_a_present_sentence(nlp):
    # published on a Monday; a closing price is always one already set
    found = pairs(run(nlp, "The notes convert at a 24% premium over Thursday's closing price.", "1989-10-30"))
    assert found == [("Thursday", "1989-10-26")]


def test_timexes_modal_perfect_looks_back(nlp):
    # "may have been" is a guess about the past, not a future
    text = "Worries about the chip may have been responsible for a drop in the stock on Wednesday."
    assert pairs(run(nlp, text, "1989-10-27")) == [("Wednesday", "1989-10-25")]
    assert pairs(run(nlp, "Officials said the talks may resume on Wednesday.", "1989-10-27")) == [
        ("Wednesday", "1989-11-01")]


def test_timexes_be_to_infinitive_looks_ahead(nlp):
    text = "The stock is traded in London and is to resume trading in Paris Tuesday."
    assert pairs(run(nlp, text, "1989-10-27")) == [("Tuesday", "1989-10-31")]


def test_timexes_plan_in_the_past_perfect_looks_back(nlp):
    # published on a Monday: the offer had been due to expire before it was extended
    text = "The offer, which had been scheduled to expire at midnight Friday, was extended to Nov. 16."
    assert ("midnight Friday", "1989-10-27T24:00") in pairs(run(nlp, text, "1989-10-30"))
    assert pairs(run(nlp, "It had been due to expire Friday evening.", "1989-10-30")) == [
        ("Friday evening", "1989-10-27TEV")]
    # a plan that still stands looks ahead
    assert pairs(run(nlp, "The offer is scheduled to expire Friday.", "1989-10-30")) == [("Friday", "1989-11-03")]


def test_timexes_decision_to_act_looks_ahead(nlp):
    text = "NATO has decided to admit Poland, Hungary and the Czech Republic in early March, an official said."
    assert pairs(run(nlp, text, "1999-02-10")) == [("early March", "1999-03")]
    text = "The company agreed to purchase the unit for $22 million in February."
    assert pairs(run(nlp, text, "1989-10-30")) == [("February", "1990-02")]


def test_timexes_set_is_a_plan_only_with_for_or_to(nlp):
    text = "The index closed within 70 points of its record high set on Aug. 6."
    assert pairs(run(nlp, text, "1998-02-06")) == [("Aug. 6", "1997-08-06")]
    assert pairs(run(nlp, "The vote was set for Saturday.", "1999-10-20")) == [("Saturday", "1999-10-23")]


def test_timexes_latest_quarter_is_one_that_has_ended():
    text = "The insurer expects a fourth-quarter charge. Profit fell 59% in the latest quarter."
    got = values(text, D(1989, 11, 2))
    assert ("fourth-quarter", "DATE", "1989-Q4") in got
    assert ("the latest quarter", "DATE", "1989-Q3") in got
    assert values("Sales rose in the latest fiscal year.", D(1989, 10, 26)) == [
        ("the latest fiscal year", "DATE", "1988")]


def test_timexes_quarter_ended_a_date():
    # a fiscal quarter ending July 31 runs May to July: mostly the second calendar quarter
    assert values("In the quarter ended July 31, Jayark had 5.6 million shares.", D(1989, 10, 30))[0] == (
        "the quarter", "DATE", "1989-Q2")
    assert values("For the quarter ended Sept. 30, Delta posted net income.", D(1989, 10, 26))[0] == (
        "the quarter", "DATE", "1989-Q3")


def test_timexes_year_ago_quarters():
    assert values("National Intergroup in the year-ago third quarter earned $22.5 million.", D(1989, 10, 30)) == [
        ("the year-ago third quarter", "DATE", "1988-Q3")]
    # the closing day of the period does not replace the quarter as the anchor of "a year ago"
    text = "Net fell in the fiscal first quarter ended Sept. 30. It had a loss of C$2.3 million a year ago."
    assert ("a year ago", "DATE", "1988-Q1") in values(text, D(1989, 10, 26))
    # the year-ago period named by its year is a comparison, not the new topic
    text = ("Third-quarter net rose 11%. It lost $195 million in the 1988 period. "
            "The year-ago results included a charge.")
    got = values(text, D(1989, 11, 2))
    assert ("the 1988 period", "DATE", "1988-Q3") in got
    assert ("year-ago", "DATE", "1988-Q3") in got


def test_timexes_fractional_durations():
    assert values("The investigation will take 2 1/2 years.", D(1998, 2, 27)) == [("2 1/2 years", "DURATION", "P2Y6M")]
    assert values("The flight lasted a minute and a half.", D(1998, 1, 14)) == [
        ("a minute and a half", "DURATION", "PT1M30S")]
    assert values("It took half an hour.", D(1998, 1, 14)) == [("half an hour", "DURATION", "PT30M")]
    assert values("He stayed for one and a half years.", D(1998, 1, 14)) == [
        ("one and a half years", "DURATION", "P1Y6M")]


def test_timexes_vague_later_is_a_duration():
    got = values("He resigned on Oct. 2. A few days later, the company announced lower earnings.", D(1989, 10, 27))
    assert ("A few days", "DURATION", "PXD") in got
    # a counted one keeps its date from the anchor
    got = values("He resigned on Oct. 2. Three days later, the company announced lower earnings.", D(1989, 10, 27))
    assert ("Three days later", "DATE", "1989-10-05") in got


def test_timexes_months_of_a_year_are_two_timexes():
    assert values("Jobs grew by 242,000 a month for the first nine months of 1997.", D(1998, 2, 6))[-2:] == [
        ("the first nine months", "DURATION", "P9M"), ("1997", "DATE", "1997")]
    assert values("Revenue fell through the first nine months of the year.", D(1989, 10, 30)) == [
        ("the first nine months", "DURATION", "P9M"), ("the year", "DATE", "1989")]


def test_timexes_same_day_after_a_month():
    text = "The doctor was killed last October. His name was crossed out that same day."
    assert values(text, D(1999, 2, 6)) == [("last October", "DATE", "1998-10"), ("that same day", "DATE", "1998-10-XX")]


def test_timexes_rule_window_does_not_cut_lookaheads():
    # a rule's regex runs in a window around each trigger word ("week" here) and the window ended right after
    # "The year": the lookahead must still see the "-ago" beyond it
    head = "Its weekly report was late."
    gap = head.index("week") + 4 + 90 - len(head) - len(" The year")
    text = head + " " * gap + " The year-ago results included a charge."
    assert values(text, D(1989, 11, 2)) == [("weekly", "SET", "P1W"), ("year-ago", "DATE", "1988")]
    assert values("In July last year in Phnom Penh, Pol Pot was arrested.", D(1998, 2, 19)) == [
        ("July last year", "DATE", "1997-07")]


def test_timexes_spelled_years_in_transcripts():
    # broadcast transcripts spell years out; "nineteen ninety-six" reads as a year without a preposition
    assert values("Atlanta, nineteen ninety-six. A bomb blast shocks the Olympic games.", D(1998, 2, 27)) == [
        ("nineteen ninety-six", "DATE", "1996")]
    assert values("January nineteen ninety-seven. Atlanta again.", D(1998, 2, 27)) == [
        ("January nineteen ninety-seven", "DATE", "1997-01")]
    assert values("They claimed a nineteen ninety-seven attack on a bar.", D(1998, 2, 27)) == [
        ("nineteen ninety-seven", "DATE", "1997")]
    assert values("Some nineteen ninety-six people signed.", D(1998, 2, 27)) == []
    assert values("He scored nineteen five times.", D(1998, 2, 27)) == []


# --- round 4: classes where HeidelTime was right and newsgraph was not (dev split) ----------------------------------

def test_timexes_year_before_a_double_dash():
    # "--" is punctuation, not the hyphen of "1984-85" or "1990-vintage"
    assert values("GM sold its stake in Jaguar in 1984 -- part of a nationalistic practice.", D(1989, 10, 27)) == [
        ("1984", "DATE", "1984")]


def test_timexes_coordinated_weekdays_share_a_plural():
    assert values("Two new flights would leave Bombay on Monday and Tuesday nights from March 30.",
                  D(1998, 2, 13))[:2] == [("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]
    assert values("The market is open on Saturdays and Sundays.", D(1998, 2, 13)) == [
        ("Saturdays", "SET", "XXXX-WXX-6"), ("Sundays", "SET", "XXXX-WXX-7")]
    assert values("He met her on Monday and Tuesday.", D(1998, 2, 13)) == [
        ("Monday", "DATE", "1998-02-09"), ("Tuesday", "DATE", "1998-02-10")]


def test_timexes_second_day_of_a_month_range():
    assert values("The summit will be held in Washington on April 24 and 25.", D(1999, 2, 10)) == [
        ("April 24", "DATE", "1999-04-24"), ("25", "DATE", "1999-04-25")]
    assert values("Sales rose on Oct. 12 and 13 percent more units shipped.", D(1989, 10, 30)) == [
        ("Oct. 12", "DATE", "1989-10-12")]


def test_timexes_counted_trading_days_and_a_hundred_years():
    assert values("Eight trading days after the plunge, the index recovered.", D(1989, 10, 30)) == [
        ("Eight trading days", "DURATION", "P8D")]
    assert values("The crown has ruled it for almost a hundred years.", D(1998, 2, 13)) == [
        ("almost a hundred years", "DURATION", "P100Y")]


def test_timexes_idioms_and_fractions_are_not_timexes():
    assert values("For the people of Poland, high noon comes today.", D(1999, 3, 12)) == [
        ("today", "DATE", "1999-03-12")]
    assert values("Iraq imports about three-quarters of its food.", D(1990, 8, 16)) == []
    assert values("The meeting ended at noon.", D(1999, 3, 12)) == [("noon", "TIME", "1999-03-12T12:00")]


def test_timexes_the_past_year_is_the_previous_calendar_year():
    assert values("Hate groups grew over the past year.", D(1998, 3, 3)) == [("the past year", "DATE", "1997")]
    assert values("Workers lost earning power in the last decade.", D(1998, 2, 6)) == [
        ("the last decade", "DATE", "198")]
    # a counted span stays a duration
    assert values("Jobs grew over the past 20 years.", D(1998, 3, 3)) == [("the past 20 years", "DURATION", "P20Y")]


def test_timexes_unit_long_adjectives_are_durations():
    assert values("The lawyers emerged from their third day-long meeting.", D(2000, 4, 5)) == [
        ("day-long", "DURATION", "P1D")]
    assert values("It ended the decades-long battle with exiles.", D(2000, 1, 7)) == [
        ("decades-long", "DURATION", "PXY")]
    assert values("After a yearlong inquiry, the panel reported.", D(2000, 1, 7)) == [
        ("yearlong", "DURATION", "P1Y")]


def test_timexes_clock_hour_with_part_of_day():
    assert values("The father will leave on April 6 at 4 in the morning.", D(2000, 4, 5)) == [
        ("April 6", "DATE", "2000-04-06"), ("4 in the morning", "TIME", "2000-04-06T04:00")]
    assert values("The vote closes at five o'clock in the afternoon.", D(2000, 4, 5)) == [
        ("five o'clock in the afternoon", "TIME", "2000-04-05T17:00")]
    assert values("He ran 3 in the morning session.", D(2000, 4, 5)) == []


def test_timexes_the_last_year_of_something_is_not_last_year():
    # the final year of a period, not the calendar year before the publication date
    assert ("the last year", "DATE", "1997") not in values("He resigned in the last year of his term.", D(1998, 3, 3))
