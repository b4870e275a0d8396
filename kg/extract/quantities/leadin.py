"""Numbers in paragraphs a speaker's lead-in introduces: "Mayor Lind told the council:" and, in the
paragraphs after it, what she told them. The quote extractor attributes a quotation that opens right
after such a colon; a statement run over several paragraphs without marks, or as a bulleted list,
is attributed here, for the numbers in it only."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from kg.extract.quotes import paragraphs
from kg.extract.text import doc_text

# how far back a lead-in may stand: the paragraphs of one statement, not the rest of the article
_MAX_BACK = 6
# what opens a paragraph that goes on with a statement: a quotation mark (each paragraph of a long quote
# opens with one) or a list bullet ("•", "-", the "l" a Wingdings bullet becomes as text)
_CONTINUES = ('"', "“", "‘", "'", "•", "-", "–", "*", "l ")


def lead_in_verb(doc: Doc, offset: int, speech) -> Token | None:
    """The speech verb of the lead-in ("X said:", "X argued that:") that introduces the paragraph holding
    ``offset``: the paragraph right before ends with a colon, or the paragraphs between it and this one
    all go on with the statement (open with a quotation mark or a bullet). ``speech(tok)`` tells a speech
    verb with a subject."""
    text = doc_text(doc)
    # the paragraphs and their starts, found once a document (this runs for each of its numbers)
    if "kg.paragraph_lines" not in doc.user_data:
        found = paragraphs(text)
        doc.user_data["kg.paragraph_lines"] = found, [s for s, _ in found]
    lines, starts = doc.user_data["kg.paragraph_lines"]
    k = bisect_right(starts, offset) - 1
    if k <= 0:
        return None
    for back in range(1, min(_MAX_BACK, k) + 1):
        # the paragraphs after the lead-in up to the number's go on with the statement (the number's own
        # need not when it comes right after the lead-in)
        if back > 1 and not all(text[ks:ke].startswith(_CONTINUES) for ks, ke in lines[k - back + 1 : k + 1]):
            return None
        s, e = lines[k - back]
        if text[s:e].endswith(":"):
            last = doc.char_span(e - 1, e, alignment_mode="expand")
            if last is None:
                return None
            return next((t for t in last.sent if speech(t)), None)
    return None


def colon_lead_verb(doc: Doc, start: int, speech) -> Token | None:
    """The speech verb of a lead-in that ends with a colon before token ``start`` in the same paragraph
    ("The audit found that the depot was short-staffed: 40 percent of the shifts went unfilled."), in the
    number's sentence or, when the parser ends a sentence at the colon, the one before it."""
    sent = doc[start].sent
    colon = next((t for t in reversed(doc[sent.start : start]) if t.text == ":"), None)
    if colon is None and sent.start > 0:
        colon = doc[sent.start - 1]
        while colon.is_space and colon.i > 0:
            colon = doc[colon.i - 1]
        if colon.text != ":":
            return None
    if colon is None or "\n" in doc.text[colon.idx : doc[start].idx]:
        return None
    return next((t for t in colon.sent if t.i < colon.i and speech(t)), None)
