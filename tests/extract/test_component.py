import spacy

from kg.records import Extraction


def test_component_adds_claims_to_the_doc(nlp):
    import kg.extract.component  # noqa: F401  (registers the factory)

    own = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    own.add_pipe("kg_claims")
    doc = own("Kazakh President Kassym-Jomart Tokayev said on Thursday that 50 companies had moved to Almaty.")
    ex = doc._.kg_claims
    assert isinstance(ex, Extraction)
    assert "Kassym-Jomart Tokayev" in {e.name for e in ex.entities}
