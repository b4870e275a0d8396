"""Ids, titles, URLs and names from outside never break or change the store's SPARQL (issue 15 item 2)."""

import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from kg.cli.main import app
from kg.rdf.mapping import document_graph, document_metadata
from kg.records import Document, Evidence, Extraction, NumericClaim, Quote
from kg.store import open_store

ANY = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=25)
SPECIAL = st.lists(st.sampled_from(list('"\'\\<>{}|^`#%?&:/ \n\t;.') + ["DROP ALL", "} ;", "é", "\u2028"]),
                   min_size=1, max_size=12).map("".join)
TEXT = "The minister said: “We will build 12 bridges.” Nothing else happened."
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123456789


def _extraction(doc_id: str, title: str, url: str, speaker: str) -> Extraction:
    doc = Document(id=doc_id, text=TEXT, source_path=f"{doc_id}.txt", content_hash=f"h-{doc_id}", title=title,
                   url=url, publisher=title, author=speaker)
    quote = Quote(speaker=speaker, speaker_mention=speaker, cue="say", content=TEXT[20:44], direct=True,
                  evidence=Evidence(20, 44, TEXT[20:44], 0, 46, TEXT[0:46]))
    number = NumericClaim(value=12.0, qualifier="exact", text="12", counts=title, source=speaker,
                          evidence=Evidence(33, 35, "12", 0, 46, TEXT[0:46]))
    return Extraction(document=doc, quotes=(quote,), quantities=(number,))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return open_store(str(tmp_path_factory.mktemp("s") / "store"))


@given(doc_id=st.one_of(ANY, SPECIAL).filter(str.strip), title=st.one_of(ANY, SPECIAL), url=st.one_of(ANY, SPECIAL),
       speaker=st.one_of(ANY, SPECIAL))
def test_any_id_title_url_and_name_is_stored_and_removed_intact(store, doc_id, title, url, speaker):
    st_ = store
    ex = _extraction(doc_id, title, url, speaker)
    st_.replace_document(doc_id, document_graph(ex), document_metadata(ex.document, "test", None))
    assert st_.document_ids() == [doc_id]
    assert st_.document_hash(doc_id) == f"h-{doc_id}"
    _, rows = st_.select("SELECT ?t WHERE { ?d schema:text ?t }")
    assert [r["t"] for r in rows] == [TEXT]
    _, claims = st_.select("SELECT ?c WHERE { GRAPH ?g { ?c a kg:Claim } }")
    assert len(claims) == 2 and all(" " not in r["c"] for r in claims)
    assert st_.remove_document(doc_id)
    assert st_.document_ids() == []
    _, rows = st_.select("SELECT (COUNT(*) AS ?n) WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s a kg:Document } }")
    assert rows[0]["n"] == 0


ARTICLE = ("Harbour town opens a new bridge\n\nThe mayor, Lena Voss, said on Monday that the town will spend "
           "40 million euros on the bridge. “This bridge joins the two halves of our town,” Voss said.\n")
NAMES = ["my article.txt", '<>\\^`{}|.txt', "a#b.txt", "a%20b.txt", "x:y.txt", 'q"uote.txt']


def test_build_with_hostile_file_names_stores_every_document(seeds_store, seeds_dir, tmp_path, monkeypatch):
    shutil.copytree(seeds_store.path, tmp_path / "kg-store")
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    for i, name in enumerate(NAMES):
        (tmp_path / name).write_text(ARTICLE.replace("40", str(40 + i)), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", "seeds", "my article.txt", "--show", "0"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "documents added              │ 1 " in result.stdout
    store = open_store("kg-store", read_only=True)
    assert len(store.document_ids()) == 6
    result = CliRunner().invoke(app, ["build", *NAMES[1:], "--show", "0"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    ids = open_store("kg-store", read_only=True).document_ids()
    assert len(ids) == 5 + len(NAMES)
    assert {n.rsplit(".", 1)[0] for n in NAMES} <= set(ids)
    store = open_store("kg-store", read_only=True)
    for doc_id in (n.rsplit(".", 1)[0] for n in NAMES):
        _, rows = store.select(f'SELECT (COUNT(*) AS ?n) WHERE {{ ?d schema:identifier {_lit(doc_id)} ; '
                               'schema:text ?t . GRAPH ?g { ?c kg:document ?d } }')
        assert rows[0]["n"] > 0, doc_id
    result = CliRunner().invoke(app, ["quotes", "--speaker", 'Voss"} ', "--store", "kg-store"])
    assert result.exit_code == 0, result.output


def _lit(text: str) -> str:
    from kg.query.terms import literal

    return literal(text)
