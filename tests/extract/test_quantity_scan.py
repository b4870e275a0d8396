"""quantities.scan: skipping the tokens where no number can start finds exactly what trying every token finds."""

from __future__ import annotations

from kg.extract.quantities.scan import _may_start, _number_at, _scan

# one sentence per way a number can start (our own wording)
TEXTS = [
    "Dozens of volunteers and a few hundred residents came; half the staff stayed home and a third of them left.",
    "The council cut the budget by half, to $5.4 million, after about half said they would move.",
    "Half of the members voted, and the other quarter of the board abstained.",
    "Tickets cost PS21,700 in London, up 42–48% on the year, and 2609–2613 m of cable was laid.",
    "The four-, five- and six-cylinder engines use 1⁄32 of a quart; three-quarters of drivers agree.",
    "One in five homes, two-thirds of the shops and 3/4 of the offices lost power for 10-15 minutes.",
    "Sales rose from 208 pounds to 193, a 12m-long whale swam by and the 50mph wind fell to -1.6 degrees.",
    "Between one and three billion people, nearly 1,200 workers, a million voters and tens of thousands of fans.",
    "",
]


def _every_token(doc):
    """_scan without the filter: _number_at tried at every token."""
    i = 0
    while i < len(doc):
        num = _number_at(doc, i)
        if num is None:
            i += 1
            continue
        yield num
        i = max(num.end, i + 1)


def _found(nums):
    return [(n.start, n.end, n.value, n.value_max, n.unit, n.qualifier, n.kind) for n in nums]


def test_scan_finds_what_every_token_finds(nlp):
    total = 0
    for text in TEXTS:
        fast, full = nlp(text), nlp(text)  # separate Docs: the scan keeps notes in each Doc's user data
        expected = _found(_every_token(full))
        assert _found(_scan(fast)) == expected
        total += len(expected)
    assert total >= 20


def test_may_start_admits_every_number_start(nlp):
    for text in TEXTS:
        doc = nlp(text)
        starts = _may_start(doc)
        assert len(starts) == len(doc)
        assert all(starts[i] for i in range(len(doc)) if _number_at(nlp(text), i) is not None)
        assert not all(starts) or not len(doc)  # most words start no number
