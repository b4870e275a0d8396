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
