"""A probe of the PLOVER 2.0 manual's event types and modes: invented one-sentence news items, one or more per
mode, each labelled with the PLOVER category its manual definition gives (a future aid or ceasefire is AGREE:
manual §AGREE). Written by the project from the manual (`../shared/data/plover/PLOVER_MANUAL.tex`), not drawn from
any corpus; the lexicon was extended from its failures (round 5), so it is a development check, not a held-out
figure.

    .venv/bin/python benchmarks/plover_modes.py [--errors]
"""

from __future__ import annotations

import argparse

CASES = [
    ('SANCTION', 'A Russian court convicted the American journalist of espionage on Tuesday.'),
    ('SANCTION', 'A court in Cairo sentenced the opposition leader to five years in prison.'),
    ('SANCTION', 'A Moscow court found the activist guilty of extremism.'),
    ('SANCTION', 'The Supreme Court ruled the law unconstitutional.'),
    ('SANCTION', 'Poland recalled its ambassador from Belarus on Monday.'),
    ('SANCTION', 'The European Union froze the assets of ten Iranian officials.'),
    ('SANCTION', 'China suspended trade talks with Australia.'),
    ('SANCTION', 'Bahrain cut diplomatic ties with Qatar.'),
    ('SANCTION', 'The party expelled the senator after the scandal.'),
    ('SANCTION', 'Washington suspended military aid to Niger.'),
    ('COERCE', 'The government shut off internet access across the country on Friday.'),
    ('COERCE', 'Authorities cut power and water to the rebel-held town.'),
    ('COERCE', 'Police raided the offices of the opposition newspaper.'),
    ('COERCE', 'Police confiscated the passports of the journalists.'),
    ('COERCE', 'The government banned the opposition party from the elections.'),
    ('COERCE', 'Russia blocked access to Facebook and Twitter.'),
    ('COERCE', 'The military imposed martial law in the province.'),
    ('COERCE', 'The government declared a state of emergency in the capital.'),
    ('COERCE', 'Hackers linked to Iran attacked the websites of Israeli banks.'),
    ('COERCE', 'Turkey deported 20 Syrian refugees on Sunday.'),
    ('COERCE', 'Security forces detained 30 protesters in Minsk.'),
    ('MOBILIZE', 'Russia deployed troops to the Ukrainian border.'),
    ('MOBILIZE', 'North Korea put its army on high alert.'),
    ('MOBILIZE', 'Taiwan mobilized its reservists after the Chinese drills.'),
    ('MOBILIZE', 'The government called up 300,000 reservists.'),
    ('PROTEST', 'Farmers blocked roads across France on Monday.'),
    ('PROTEST', 'Thousands of teachers went on strike in Nigeria.'),
    ('PROTEST', 'Opposition supporters boycotted the vote.'),
    ('PROTEST', "Protesters marched through the capital demanding the president's resignation."),
    ('PROTEST', 'Rioters torched cars in the suburbs of Paris.'),
    ('RETREAT', 'Israel released 50 Palestinian prisoners on Tuesday.'),
    ('RETREAT', 'Russia withdrew its troops from the city of Kherson.'),
    ('RETREAT', 'The rebels handed over their weapons to UN peacekeepers.'),
    ('RETREAT', 'The prime minister resigned on Friday.'),
    ('AGREE', 'The two sides agreed to a ceasefire and the guns fell silent.'),
    ('ACCUSE', 'Human rights groups condemned the executions.'),
    ('ACCUSE', 'Prosecutors charged the former president with corruption.'),
    ('ACCUSE', 'The UN launched an investigation into the killings.'),
    ('ACCUSE', 'Kenya criticized Uganda for closing the border.'),
    ('THREATEN', 'Iran threatened to close the Strait of Hormuz.'),
    ('THREATEN', 'The United States warned Russia of severe consequences.'),
    ('ASSAULT', 'Gunmen shot dead a police officer in Karachi.'),
    ('ASSAULT', 'A suicide bomber killed 12 people at a market in Kabul.'),
    ('ASSAULT', 'Israeli jets struck targets in Gaza overnight.'),
    ('ASSAULT', 'Militants kidnapped three aid workers in Mali.'),
    ('ASSAULT', 'Soldiers tortured detainees at the prison, the report said.'),
    ('AID', 'Japan sent food and medicine to the earthquake victims in Turkey.'),
    ('AID', 'The World Bank approved a $500 million loan to Egypt.'),
    ('COOPERATE', 'France and Germany signed a defence cooperation pact.'),
    ('COOPERATE', 'The two countries held joint military exercises.'),
    ('AGREE', 'India and Japan agreed to share intelligence on terrorism.'),
    ('SUPPORT', 'Germany praised Poland for taking in refugees.'),
    ('SUPPORT', 'The United States recognized the new government in Kabul.'),
    ('CONSULT', 'The foreign ministers of China and India met in Moscow.'),
    ('CONSULT', 'Biden spoke by phone with Zelensky on Tuesday.'),
    ('CONCEDE', 'The government lifted the curfew in the capital.'),
    ('CONCEDE', 'The junta eased restrictions on the press.'),
    ('REJECT', 'Israel rejected the UN proposal.'),
    ('REJECT', 'Russia vetoed the draft resolution.'),
    ('REQUEST', 'The UN called on both sides to end the fighting.'),
    ('REQUEST', 'Ukraine asked Germany for more tanks.'),
    ('AGREE', 'Armenia and Azerbaijan agreed to hold peace talks.'),
    ('CONSULT', 'Putin held talks with Erdogan in Sochi on Friday.'),
    ('CONSULT', 'The Chinese president received the visiting Pakistani prime minister in Beijing.'),
    ('CONSULT', 'Macron phoned Putin to discuss the crisis.'),
    ('CONSULT', 'Leaders of the G7 gathered in Hiroshima for their annual summit.'),
    ('CONSULT', 'The Japanese foreign minister arrived in Seoul for a two-day visit.'),
    ('REJECT', 'Hamas rejected the Israeli ceasefire proposal.'),
    ('REJECT', 'Iran refused to allow UN inspectors into the site.'),
    ('REJECT', 'The opposition boycotted the talks with the government.'),
    ('SANCTION', 'Venezuela expelled the EU ambassador.'),
    ('REJECT', "Serbia refused to recognize Kosovo's independence."),
    ('THREATEN', 'China threatened to impose sanctions on US defence firms.'),
    ('THREATEN', 'Turkey threatened to launch a new military operation in northern Syria.'),
    ('THREATEN', "Russia warned it would respond to NATO's expansion."),
    ('THREATEN', 'North Korea threatened to cut off all communication lines with South Korea.'),
    ('THREATEN', 'The junta threatened to arrest opposition leaders who joined the protests.'),
    ('PROTEST', 'Activists blockaded the entrance to the parliament.'),
    ('PROTEST', 'Thousands of people demonstrated in Tbilisi against the foreign agents law.'),
    ('PROTEST', 'Opposition lawmakers staged a walkout from parliament.'),
    ('PROTEST', 'Prisoners went on a hunger strike to protest their detention.'),
    ('MOBILIZE', 'Israel called up tens of thousands of reservists.'),
    ('MOBILIZE', 'Armenia put its armed forces on combat alert.'),
    ('MOBILIZE', 'India deployed additional police units to Manipur.'),
    ('COERCE', 'Authorities imposed a curfew in the city after the riots.'),
    ('COERCE', "Police seized weapons and documents in a raid on the group's headquarters."),
    ('COERCE', 'The government banned two opposition newspapers.'),
    ('COERCE', 'Beijing placed the dissident under house arrest.'),
    ('COERCE', 'The military government dissolved parliament and suspended the constitution.'),
    ('ASSAULT', 'Rebels abducted 20 schoolchildren in northern Nigeria.'),
    ('ASSAULT', 'A drone strike killed a senior militant commander in Yemen.'),
    ('ASSAULT', 'Russian forces shelled the town of Kupiansk overnight.'),
    ('ASSAULT', 'Police beat protesters with batons in Dhaka.'),
    ('ASSAULT', 'Gunmen assassinated the mayor of a town in Mexico.'),
    ('ASSAULT', 'Troops fired tear gas at demonstrators in Nairobi.'),
    ('ASSAULT', 'Militants blew up a gas pipeline in the Sinai.'),
    ('ASSAULT', 'Insurgents ambushed a military convoy in Mali.'),
    ('AGREE', 'The United States pledged $1 billion in military aid to Ukraine.'),
    ('AID', 'Turkey granted asylum to the Uyghur activist.'),
    ('AID', 'The EU provided emergency funding to flood victims in Pakistan.'),
    ('AID', 'India dispatched a relief team to quake-hit Nepal.'),
    ('COOPERATE', 'Egypt and Saudi Arabia signed an agreement on economic cooperation.'),
    ('COOPERATE', 'Russia and China conducted joint naval drills in the Sea of Japan.'),
    ('SUPPORT', 'Washington endorsed the Saudi peace plan.'),
    ('SUPPORT', "Brazil voiced support for Argentina's claim to the Falklands."),
    ('SUPPORT', 'The Arab League welcomed the ceasefire agreement.'),
    ('CONCEDE', "The government agreed to the strikers' demands."),
    ('CONCEDE', 'The military lifted the state of emergency.'),
    ('RETREAT', 'The rebels released the hostages on Saturday.'),
    ('RETREAT', 'Israel pulled its troops out of the Gaza Strip.'),
    ('RETREAT', 'The president stepped down after weeks of protests.'),
    ('RETREAT', 'The militia disarmed under the peace deal.'),
    ('ACCUSE', 'Ukraine accused Russia of war crimes.'),
    ('ACCUSE', 'The ICC indicted the former president for crimes against humanity.'),
    ('ACCUSE', 'Amnesty International denounced the crackdown on journalists.'),
    ('ACCUSE', 'The UN opened an inquiry into the massacre.'),
    ('REQUEST', 'Lebanon appealed for international aid after the explosion.'),
    ('REQUEST', 'The opposition demanded the resignation of the prime minister.'),
    ('REQUEST', 'Zelensky urged Western allies to send more air defence systems.'),
    ('AGREE', 'Israel and Hamas agreed to a four-day truce.'),
    ('AGREE', 'The two countries pledged to deepen their ties.'),
    ('SANCTION', 'The United States imposed sanctions on Iranian oil exports.'),
    ('SANCTION', 'Niger ordered French troops to leave the country.'),
    ('SANCTION', 'Canada suspended diplomatic relations with Iran.'),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print the sentences coded wrong")
    args = parser.parse_args()
    from collections import Counter

    from newsgraph.pipeline import build
    from newsgraph.readers import article_from_fields
    from newsgraph.stages.events import main_events, plover_category
    from newsgraph.stages.ingest import make_doc

    nlp = build(stages=["dateline", "entities", "events"])
    right, total = Counter(), Counter()
    for gold, text in CASES:
        doc = nlp(make_doc(nlp, article_from_fields({"text": text, "published": "2023-06-12"}, where="probe")))
        mains = main_events(doc)
        got = plover_category(mains[0]) if mains else None
        total[gold] += 1
        right[gold] += got == gold
        if args.errors and got != gold:
            print(f"{gold} -> {got} ({mains[0].trigger.text if mains else '-'}): {text}")
    print("| type | right | sentences |\n|---|---:|---:|")
    for t in sorted(total):
        print(f"| {t} | {right[t]} | {total[t]} |")
    print(f"| all | {sum(right.values())} | {sum(total.values())} |")


if __name__ == "__main__":
    main()
