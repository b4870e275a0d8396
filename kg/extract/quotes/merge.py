"""One statement per quotation: direct quotes split by their attribution or run over paragraphs are joined.

``“We will build it,” she said, “and we will pay for it.”`` is one statement in two pieces; so is a
quotation whose paragraph ends without a closing mark while the next paragraph opens again, and the
quotation that goes on right after its attribution (``“We won,” he said. “The voters spoke.”``). The pieces
become one ``Quote`` whose ``parts`` hold every piece, whose ``evidence`` covers them all and whose
``content`` joins them with " … ".

Pieces are joined when they have the same speaker (or the later one has none) and nothing but the
attribution, punctuation or paragraph breaks stands between them; a piece introduced by a reporting verb of
its own (``“…,” she said, adding, “…”``, ``He added, “…”``) is a statement of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.coref import Sentences
from kg.extract.quotes.common import evidence
from kg.extract.quotes.cues import is_reporting
from kg.records import Evidence, Quote

JOINER = " … "
# at most this many words between two pieces: an attribution ("the senator from Ohio said on Tuesday")
_MAX_GAP_WORDS = 14
# ... or this many when they are the rest of the first piece's sentence and name its speaker: "…,” said Ana
# Ruiz, a lawyer in Dover who works for the county, and more of that in a relative clause. “…”
_MAX_SENTENCE_GAP_WORDS = 40
_WORD = re.compile(r"[^\W_]+")


def _same_speaker(a: Quote, b: Quote) -> bool:
    if b.speaker is None and b.speaker_mention is None:
        return True
    if a.speaker is not None and b.speaker is not None:
        return a.speaker == b.speaker
    return a.speaker_evidence is not None and a.speaker_evidence == b.speaker_evidence


def _joinable(text: str, head: Quote, a: Quote, b: Quote, sentences: Sentences) -> bool:
    """``b`` continues the group that ``head`` (its attributed piece) starts and ``a`` ends."""
    if not (a.direct and b.direct) or b.evidence.start < a.evidence.end:
        return False
    if head.speaker is None and head.speaker_mention is None:
        return False
    if not _same_speaker(head, b):
        return False
    gap = text[a.evidence.end : b.evidence.start]
    words = list(_WORD.finditer(gap))

    def within(ev: Evidence | None) -> bool:
        return ev is not None and a.evidence.end <= ev.start and ev.end <= b.evidence.start

    if gap.count("\n") > 2 or len(words) > _MAX_SENTENCE_GAP_WORDS:
        return False
    if len(words) > _MAX_GAP_WORDS and not (
            "\n" not in gap and within(head.speaker_evidence)
            and sentences.index_at(a.evidence.end + words[-1].start()) == sentences.index_at(a.evidence.end - 1)
            and not _second_cue(sentences, a.evidence.end, b.evidence.start)):
        return False

    if b.cue is not None and head.cue is not None and b.cue != head.cue:
        # “…,” she said, adding, “…”: a second reporting verb makes the second piece a statement of its own
        return False
    if b.speaker_evidence is not None and b.speaker_evidence != head.speaker_evidence:
        # a piece with an attribution of its own is a statement of its own: “…,” she said. He added, “…”
        # (a split quotation “…,” she said, “…” gives both pieces the one attribution between them)
        return False
    # a piece that inherits its speaker (or has none) goes on after the marks, a paragraph break or
    # the first piece's attribution
    return not words or within(head.speaker_evidence)


def _second_cue(sentences: Sentences, start: int, end: int) -> bool:
    """The long attribution between two pieces goes on to a second act of speech ("…,” he said, adding that he
    had not called her, “…”; "…, and said that …"): what follows it is a statement of its own. A reporting verb
    in a clause about the speaker ("said Ortiz, who noted that …", "when asked about it") is no second act."""
    span = sentences.at(start).doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(is_reporting(t) and (t.tag_ == "VBG" or t.dep_ == "conj") for t in span)


def _join(text: str, group: list[Quote], sentences: Sentences, doc) -> Quote:
    if len(group) == 1:
        return group[0]
    first = next((q for q in group if q.speaker is not None or q.speaker_mention is not None), group[0])
    parts = tuple(p for q in group for p in (q.parts or (q.evidence,)))
    cover = evidence(doc, parts[0].start, parts[-1].end, sentences)
    return replace(first, content=JOINER.join(p.text for p in parts), evidence=cover, parts=parts,
                   confidence=max(q.confidence for q in group))


def join_pieces(doc, quotes: list[Quote], sentences: Sentences) -> list[Quote]:
    """``quotes``: direct quotes in text order. Returns them with split quotations joined and the
    quotations attributed to nobody left out."""
    text = sentences.text
    out: list[Quote] = []
    group: list[Quote] = []
    for q in quotes:
        if group and _joinable(text, group[0], group[-1], q, sentences):
            group.append(q)
            continue
        if group:
            out.append(_join(text, group, sentences, doc))
        group = [q]
    if group:
        out.append(_join(text, group, sentences, doc))
    # a quotation nobody is named for (no speaker, no mention) is no "who said what" claim
    return [q for q in out if q.speaker is not None or q.speaker_mention is not None]


def parts_of(q: Quote) -> tuple[Evidence, ...]:
    """Every content span of a quote (one for a quote in one piece)."""
    return q.parts or (q.evidence,)
