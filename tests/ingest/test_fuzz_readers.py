"""Property tests over the readers (issue 15 item 4): any bytes under any name and suffix give either
Documents whose hash matches their text, or one-line InputErrors naming the file — never an exception."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError, shown
from kg.ingest import read_documents
from kg.records import Document

SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".jsonl", ""])
NAMES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="/\x00"),
                min_size=1, max_size=20).filter(lambda n: n not in (".", ".."))
PROSE = st.lists(st.sampled_from(["The", "council", "said", "on", "Monday", "that", "it", "will", "open", "12",
                                  "new", "schools", "**", "*", "[sic]", "<b>", "</b>", "&amp;", "#", "\n\n", ">",
                                  "|", "`", "5*3", "“", "”", ".", ","]), min_size=0, max_size=60).map(" ".join)
BODIES = st.one_of(
    st.binary(max_size=300),
    PROSE.map(lambda t: t.encode("utf-8")),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.fixed_dictionaries({"id": st.text(max_size=10), "text": PROSE}), max_size=3).map(
        lambda rows: "\n".join(json.dumps(r) for r in rows).encode()),
)


@given(name=NAMES, suffix=SUFFIXES, body=BODIES)
def test_any_file_reads_to_documents_or_one_line_errors(tmp_path_factory, name, suffix, body):
    folder = tmp_path_factory.mktemp("in")
    path = folder / (name + suffix)
    try:
        path.write_bytes(body)
    except OSError:  # a name this file system refuses (too long in bytes, say) is not the reader's case
        return
    for item in read_documents([str(path)]):
        if isinstance(item, InputError):
            assert "\n" not in str(item) and str(item).startswith(shown(str(path)))
            continue
        assert isinstance(item, Document)
        assert item.text.strip() and item.content_hash == hashlib.sha256(item.text.encode("utf-8")).hexdigest()
        assert item.source_path == str(path)
