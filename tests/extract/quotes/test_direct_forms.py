"""Direct quotes in forms that the older rules missed: short answers before "he said", the horizontal bar as
a signature dash, a colon at the end of a paragraph presenting the next paragraph's quotation
(kg.extract.quotes.direct), on articles written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.quotes.quoting import quotes_of


def direct(nlp, text):
    return [(q.speaker, q.content) for q in quotes_of(nlp, text) if q.direct]


# (what the rule is about, article, expected (speaker, content) among the direct quotes)
FOUND = [
    ("short answer, then the speaker", "Mayor Ellen Voss spoke at the pier.\n\n“Absolutely not,” she said of the "
     "plan to close it.\n", ("Ellen Voss", "Absolutely not")),
    ("short answer, inverted verb", "Mayor Ellen Voss spoke at the pier.\n\n“Never,” said Voss when asked about "
     "the toll.\n", ("Ellen Voss", "Never")),
    ("a closing mark typed as an opening one", "Tom Reyes spoke last. “Apparently not,“ he said. “A leopard never "
     "changes its spots.”\n", ("Tom Reyes", "Apparently not … A leopard never changes its spots.")),
    ("horizontal bar before the name", "The readers wrote in.\n\n“He never answers a straight question and it shows "
     "every single day.” ― Marta Olsen\n", ("Marta Olsen", "He never answers a straight question and it shows "
                                             "every single day.")),
    ("horizontal bar after a no-break space", "“Nothing he says adds up for working families like mine.”\u00a0― "
     "Luis Brandt.\n", ("Luis Brandt", "Nothing he says adds up for working families like mine.")),
    ("a paragraph ending in a colon presents the next", "When the vote failed, Finance Minister Ana Brecht issued "
     "the following statement:\n\n“We accept the result and we will come back with a better plan.”\n",
     ("Ana Brecht", "We accept the result and we will come back with a better plan.")),
    ("any verb before that colon", "Senator Tom Reyes had heard enough. Reyes scolded the panel:\n\n“You have had "
     "three years to fix this and nothing has changed.”\n",
     ("Tom Reyes", "You have had three years to fix this and nothing has changed.")),
    ("a short whole sentence after said", "When Dana Pruitt, the mayor's chief of staff, was asked if the mayor "
     "would run again, she laughed and said, “We’ll see.”\n", ("Dana Pruitt", "We’ll see.")),
    ("adding after the comma inside the marks", "Mayor Ellen Voss stated, “When I look at this budget, the city "
     "would have been broke without the tax,” adding, “I think 200 jobs were saved last year.”\n",
     ("Ellen Voss", "I think 200 jobs were saved last year.")),
    ("a statement saying", "At the time, Ellen Voss released a statement saying, \"The port has been a trusted "
     "partner for years. We are sure it will keep growing.\"\n",
     ("Ellen Voss", "The port has been a trusted partner for years. We are sure it will keep growing.")),
    ("a mixed quotation: the sentence's start is the speaker's too", "Voters in Millbrook “deserve a bridge that "
     "works and a mayor who builds it,” said Ellen Voss, the mayor.\n",
     ("Ellen Voss", "Voters in Millbrook “deserve a bridge that works and a mayor who builds it,”")),
    ("who presents the quotation with a colon is 'she'", "Dr. Paul Dorsey testified at a hearing about the "
     "pills.\n\nSen. Ellen Voss (D-Ore.) scolded him: “The medical community is united against you on the pills you "
     "called ‘miracles,’” she said.\n",
     ("Ellen Voss", "The medical community is united against you on the pills you called ‘miracles,’")),
    ("a short question, then a speaker with a title", "Mayor Ellen Voss spoke at the pier.\n\n“But when?” "
     "reporter Dana Reyes asked her.\n", ("Dana Reyes", "But when?")),
    # kg.nlp's tokenizer infixes: a quotation mark typed without its space is a token of its own
    ("no space between the comma and the opening mark", "Mayor Ellen Voss spoke at the pier.\n\nVoss said,“Look, "
     "we will rebuild the pier by summer.”\n", ("Ellen Voss", "Look, we will rebuild the pier by summer.")),
    ("no space after the closing mark", "Mayor Ellen Voss spoke at the pier.\n\n“We will rebuild the pier by summer "
     "and open it to everyone,”Voss said.\n", ("Ellen Voss", "We will rebuild the pier by summer and open it to "
                                                "everyone")),
]


@pytest.mark.parametrize("rule, text, expected", FOUND, ids=[f[0] for f in FOUND])
def test_direct_forms_found(nlp, rule, text, expected):
    # (the speaker's name may keep an abbreviated title: "Sen. Ellen Voss")
    assert any(c == expected[1] and (s or "").endswith(expected[0]) for s, c in direct(nlp, text))


# (what must not become a quote, article, content that must not be a direct quote)
NOT_FOUND = [
    ("a scare quote inside a running sentence", "He called the vote “rigged,” Ellen Voss said on Monday.\n",
     "rigged"),
    ("a negated verb after a short answer", "“Not yet,” Ellen Voss did not say, but she smiled.\n", "Not yet"),
    ("a colon after a thing, not a person", "The report lists three causes:\n\n“Poor planning, no money and bad "
     "weather hurt the project badly.”\n", "Poor planning, no money and bad weather hurt the project badly."),
]


@pytest.mark.parametrize("rule, text, content", NOT_FOUND, ids=[f[0] for f in NOT_FOUND])
def test_direct_forms_not_found(nlp, rule, text, content):
    assert content not in [c for _, c in direct(nlp, text)]
