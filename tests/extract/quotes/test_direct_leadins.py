"""Direct quotes whose speaker stands in a lead-in or an attribution the older rules did not read: a noun the
parser hung the verb on, a long apposition after the name, a clause setting the scene, a participle that names
whom it addresses, a passive verb completed by a participle, two sources after a dash, and a quotation split by
a long attribution (kg.extract.quotes.attribute, kg.extract.quotes.merge), on articles written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.quotes.quoting import quotes_of


def direct(nlp, text):
    return [(q.speaker, q.speaker_mention, q.content) for q in quotes_of(nlp, text) if q.direct]


# (what the rule is about, article, expected (speaker or mention, content) among the direct quotes)
FOUND = [
    ("a name the parser hung on the noun before it, left of a verb without subject", "In a statement to the "
     "Harbour Gazette, her senior adviser, Jo Lane, said: “We will not sell the depot to anyone.”\n",
     ("Jo Lane", "We will not sell the depot to anyone.")),
    ("the noun the verb hangs on after the marks", "Nell Brandt ran the ferry for years.\n\n“Why would anyone "
     "sell a boat like that?” the retired captain asked in the letter.\n",
     ("retired captain", "Why would anyone sell a boat like that?")),
    ("the subject that opens the frame beats a later clause", "“Fine cook, fine cook this one,” Ortiz, the "
     "favourite of the county fair after three wins, said when Pell asked him about the pies.\n",
     ("Ortiz", "Fine cook, fine cook this one")),
    ("a clause before the subject sets the scene", "After the sheriff mocked Tom Pell during a forum, Greta Lund "
     "shot back, “I could have stayed on the farm, but I chose to serve.”\n",
     ("Greta Lund", "I could have stayed on the farm, but I chose to serve.")),
    ("a reporting verb ending a coordination", "Mayor Greta Lund took the stage at noon. She then put on a funny "
     "hat and joked, “Now nobody will notice my speech at all.”\n",
     ("Greta Lund", "Now nobody will notice my speech at all.")),
    ("an organisation before a colon", "The Lakeview Water Board was firm in its ruling: “Further talks about the "
     "dam are not needed.”\n", ("Lakeview Water Board", "Further talks about the dam are not needed.")),
    ("a participle naming whom it addresses", "Nell Brandt spoke at the pier on Friday.\n\nBrandt was in a good "
     "mood at the fair, telling the crowd, “Some folks get a bit excited about pies, have you seen that?”\n",
     ("Brandt", "Some folks get a bit excited about pies, have you seen that?")),
    ("a participle completing a passive verb", "In the old film, the preacher Tom Pell, who died in 1990, was heard "
     "shouting: “People of the valley, listen to me. The river will rise again.”\n",
     ("Tom Pell", "People of the valley, listen to me. The river will rise again.")),
    ("two sources named after a dash", "FARMERS WANT RAIN MORE THAN SUBSIDIES - Nell Brandt and Tom Pell: “We found "
     "that most growers care about water first and money second.”\n",
     ("Brandt", "We found that most growers care about water first and money second.")),
    ("a quotation split by a long attribution", "Golf is changing in the county.\n\n''There are real problems, and "
     "they are being argued in court,'' said Greta M. Lund, a lawyer based in Dover, Del., who represents owners of "
     "old courses. ''Owners paid extra for a lot by the green, and then a builder arrives.''\n",
     ("Greta M. Lund", "There are real problems, and they are being argued in court … Owners paid extra for a lot by "
      "the green, and then a builder arrives.")),
]


@pytest.mark.parametrize("rule, text, expected", FOUND, ids=[f[0] for f in FOUND])
def test_direct_leadins_found(nlp, rule, text, expected):
    found = direct(nlp, text)
    assert any(c == expected[1] and expected[0] in f"{s} {m}" for s, m, c in found), found


# (what must not happen, article, (speaker, content) that must not be a direct quote)
NOT_FOUND = [
    ("a clause before a comma lead-in still needs a speaking verb", "When he arrived at the hall, “Nobody is here "
     "yet,” a guard told him.\n", ("he", "Nobody is here yet")),
    ("a day the parser made the subject never speaks", "Saturday at the county convention Mayor Greta Lund said "
     "the sheriff was a “proven failure” on roads.\n", ("Saturday", None)),
]


@pytest.mark.parametrize("rule, text, unwanted", NOT_FOUND, ids=[f[0] for f in NOT_FOUND])
def test_direct_leadins_not_found(nlp, rule, text, unwanted):
    for q in quotes_of(nlp, text):
        assert not ((q.speaker or q.speaker_mention) == unwanted[0]
                    and (unwanted[1] is None or q.content == unwanted[1])), q


def test_speaker_names_headline_run_is_no_name(nlp):
    # a Title Case headline the entity tagger ran together names no one: "Lund" below is not
    # "Nell Brandt Slams Greta Lund"
    text = "Nell Brandt Slams Greta Lund On Taxes\n\nGreta Lund spoke on Monday. Lund said the tax was fair.\n"
    speakers = {q.speaker for q in quotes_of(nlp, text) if q.content == "the tax was fair"}
    assert speakers and not any("Slams" in (s or "") for s in speakers), speakers


def test_merge_long_attribution_with_a_second_cue_is_no_join(nlp):
    # "…,” she said, adding that …, “…”: the second reporting verb makes the last piece a statement of its own
    text = ("Greta Lund spoke at the fair.\n\n“I am sure the farmers will have some votes out there,” she said, adding "
            "that she has not spoken to the growers to see if they know the rules of the vote. “We are going to do "
            "something.”\n")
    contents = [q.content for q in quotes_of(nlp, text) if q.direct]
    assert "I am sure the farmers will have some votes out there" in contents, contents
    assert "We are going to do something." in contents, contents
