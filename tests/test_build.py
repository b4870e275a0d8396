"""End to end: seeds → store, provenance to the character, idempotence, replacement, determinism."""

import shutil

from kg.build import build, remove
from kg.query import named
from kg.query.rowwrite import STEPS
from kg.store import open_store
from tests.conftest import SEEDS, export_nquads


def _texts(store) -> dict[str, str]:
    _, rows = store.select("SELECT ?id ?text WHERE { ?d a kg:Document ; schema:identifier ?id ; schema:text ?text }")
    return {r["id"]: r["text"] for r in rows}


def test_build_tokayev_mentions_point_at_the_text(seeds_store):
    _, rows = seeds_store.select(named("mentions"))
    assert rows
    docs = {r["doc"] for r in rows}
    assert {"000_37c6aabe9a1b8c9e", "001_ce8a067a932c7844", "002_5795f16ae225760d"} <= docs
    text_of = _texts(seeds_store)
    for r in rows:
        assert text_of[r["doc"]][r["start"]:r["end"]] == r["exact"]
        assert "Tokayev" in r["exact"]


def test_build_claim_offsets_point_at_the_text(seeds_store):
    from kg.query.claims import stored_claims

    text_of = _texts(seeds_store)
    for c in stored_claims(seeds_store):
        assert 0 <= c["start"] < c["end"] <= len(text_of[c["doc"]])
        assert text_of[c["doc"]][c["start"]:c["end"]] in c["sentence"]


def test_build_is_idempotent(tmp_path, nlp):
    st = open_store(str(tmp_path / "s"))
    first = build([str(SEEDS)], st)
    before = export_nquads(st)
    again = build([str(SEEDS)], st)
    assert len(first.added) == 5
    assert again.added == [] and again.replaced == [] and len(again.unchanged) == 5
    assert export_nquads(st) == before


def test_build_changed_article_replaces_its_graph(tmp_path, nlp):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    st = open_store(str(tmp_path / "s"))
    build([str(src)], st)
    f = src / "001_ce8a067a932c7844.txt"
    f.write_text("Kazakhstan drafted a new law on Tuesday, officials said.\n", encoding="utf-8")
    report = build([str(src)], st)
    assert report.replaced == ["001_ce8a067a932c7844"]
    _, rows = st.select(
        "SELECT ?s WHERE { GRAPH <urn:kg:graph:001_ce8a067a932c7844> { ?c kg:sentence ?s } }"
    )
    assert all("1,400" not in r["s"] for r in rows)  # no stale claims survive


def test_build_is_deterministic(tmp_path, nlp, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a, b = open_store(str(tmp_path / "a")), open_store(str(tmp_path / "b"))
    build([str(SEEDS)], a)
    build([str(SEEDS)], b)
    assert export_nquads(a) == export_nquads(b)


def test_build_incremental_equals_full_rebuild(tmp_path, nlp, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    files = sorted(str(p) for p in SEEDS.iterdir())
    full, inc = open_store(str(tmp_path / "full")), open_store(str(tmp_path / "inc"))
    build(files, full)
    build(files[:3], inc)
    build(files[3:], inc)
    assert export_nquads(inc) == export_nquads(full)


def test_build_bad_input_keeps_the_batch(tmp_path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "001_ce8a067a932c7844.txt", src)
    (src / "empty.txt").write_text("")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    st = open_store(str(tmp_path / "s"))
    report = build([str(src), str(tmp_path / "missing.txt")], st)
    assert report.added == ["001_ce8a067a932c7844"]
    problems = " | ".join(str(p) for p in report.problems)
    assert "empty.txt" in problems and "binary.txt" in problems and "missing.txt" in problems
    assert st.document_ids() == ["001_ce8a067a932c7844"]


def test_build_remove_document(tmp_path, nlp):
    st = open_store(str(tmp_path / "s"))
    build([str(SEEDS)], st)
    assert remove(["002_5795f16ae225760d"], st) == ["002_5795f16ae225760d"]
    assert "002_5795f16ae225760d" not in st.document_ids()
    _, rows = st.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:kg:graph:002_5795f16ae225760d> { ?s ?p ?o } }")
    assert rows[0]["n"] == 0
    _, rows = st.select("SELECT ?l WHERE { ?l kg:linkSource|kg:linkTarget <urn:kg:doc:002_5795f16ae225760d> }")
    assert rows == []


def test_build_bad_jsonl_line_keeps_the_good_lines(tmp_path, nlp):
    f = tmp_path / "batch.jsonl"
    f.write_text(
        '{"text": "Alikhan Smaiylov, the prime minister of Kazakhstan, said 50 companies moved to Almaty."}\n'
        "{not json\n"
        '{"text": "About 700,000 Russians fled, officials in Astana said on Tuesday."}\n',
        encoding="utf-8",
    )
    st = open_store(str(tmp_path / "s"))
    report = build([str(f)], st)
    assert sorted(report.added) == ["batch-1", "batch-3"]
    assert len(report.problems) == 1 and "line 2" in str(report.problems[0])
    assert st.document_ids() == ["batch-1", "batch-3"]



def test_build_resolve_progress_and_bulk_loaded_canonical_entities(tmp_path, nlp):
    from kg.build import RESOLVE_STEPS, resolve_entities
    from kg.rdf.mapping import canonical_triples
    from kg.resolve import resolve
    from kg.store import updates

    seen = []
    st = open_store(str(tmp_path / "s"))
    build([str(SEEDS)], st, progress=lambda stage, done, total: seen.append((stage, done, total)))
    steps = [done for stage, done, total in seen if stage == "resolve" and total == RESOLVE_STEPS]
    assert steps[0] == 0 and steps[-1] == RESOLVE_STEPS
    assert steps == sorted(steps)
    assert len(set(steps)) == RESOLVE_STEPS + 1  # every step is reported as it finishes, not only the end
    # stale canonical state goes: a canonical node and a local entity's link to it
    st.update(updates.request('INSERT DATA { <urn:kg:entity:stale> rdfs:label "Stale" . '
                              '<urn:kg:le:x> kg:canonical <urn:kg:entity:stale> }'))
    assert resolve_entities(st) > 0  # the bulk path: one delete update, then the N-Triples loader
    bulk = export_nquads(st)
    assert not [q for q in bulk if "stale" in q] and any("urn:kg:entity:" in q for q in bulk)
    st.update(updates.replace_canonical(canonical_triples(resolve(st.local_entities()))))  # one SPARQL update
    assert export_nquads(st) == bulk


def test_build_examples_are_the_best_claims_of_all_articles_without_keeping_them(tmp_path, nlp):
    from kg.claims import claim_dicts

    for workers in (1, 2):
        st = open_store(str(tmp_path / f"s{workers}"))
        report = build([str(SEEDS)], st, examples=5, keep_extractions=True, workers=workers)
        rows = [c for ex in report.extractions for c in claim_dicts(ex)]
        quotes = sorted((c for c in rows if c["kind"] == "quote" and c["speaker"]), key=lambda c: -c["confidence"])
        numbers = [c for c in rows if c["kind"] == "quantity" and c.get("source_kind") == "speaker"]
        expected = quotes[:3] + numbers[:2]
        assert len(expected) == 5 and report.examples == expected
    assert build([str(SEEDS)], open_store(str(tmp_path / "s0")), examples=0).examples == []


def test_build_progress_rate_leaves_out_the_wait_before_the_first_article(monkeypatch):
    """The articles stage reads the whole batch before the first article is parsed: articles/s and the ETA
    must be the pace since then (over a recent window), not the count divided by all the time so far."""
    import io

    from rich.console import Console

    from kg.cli import cmd_build

    clock = iter([0.0, 300.0, 301.0, 302.0, 303.0])  # a fake clock: the test must not depend on real time
    monkeypatch.setattr("time.monotonic", lambda: next(clock))
    out = io.StringIO()
    monkeypatch.setattr(cmd_build, "err_console", Console(file=out, width=200))
    monkeypatch.setattr(cmd_build, "PLAIN_EVERY", 0.0)
    progress = cmd_build._progress(quiet=False, plain=True)
    for done in (0, 1, 2, 3, 4):
        progress("articles", done, 100)
    lines = out.getvalue().splitlines()
    assert lines[1] == "Reading, extracting, storing: 1/100 articles, 5:00 elapsed"  # no pace from one article yet
    assert lines[-1] == "Reading, extracting, storing: 4/100 articles, 5:03 elapsed, 1.0 articles/s, ETA 1:36"


def test_build_compare_progress_counts_the_claims_grouped_in_either_process(tmp_path, nlp):
    """'Comparing numeric claims' is told how many claims are grouped, of how many, whether the build compares
    them itself (one process) or a process beside it does (workers): not one 0/1 step."""
    for workers in (1, 2):
        seen = []
        build([str(SEEDS)], open_store(str(tmp_path / f"s{workers}")), workers=workers,
              progress=lambda stage, done, total, seen=seen: seen.append((stage, done, total)))
        steps = [(done, total) for stage, done, total in seen if stage == "compare"]
        assert steps[0] == (0, None)  # reading the claims: their number is not known yet
        totals = {total for _, total in steps[1:]}
        assert len(totals) == 1 and totals.pop() > 1, steps
        assert steps[-1][0] == steps[-1][1] and [d for d, _ in steps] == sorted(d for d, _ in steps)
        # then keeping the rows of kg trace / quotes / entity, step by step, after the comparison (not behind
        # a full bar): kg.query.rowwrite.STEPS
        kept = [(done, total) for stage, done, total in seen if stage == "rows"]
        assert kept[0] == (0, len(STEPS)) and kept[-1] == (len(STEPS), len(STEPS)), kept
        assert [d for d, _ in kept] == sorted({d for d, _ in kept})
        assert [s for s, *_ in seen].index("rows") > max(i for i, (s, *_) in enumerate(seen) if s == "compare")
