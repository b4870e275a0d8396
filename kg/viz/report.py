"""``kg report``: one self-contained, script-free HTML file a journalist can send to an editor.

Sections: the corpus in numbers, the top conflicts (chart + the sentences side by side), agreements with
their independent-source counts, the most-quoted speakers, the copies and rewrites found, and the list of
every document referred to. Every claim links to its sentence (``#c-…``), every sentence to its document
(``#d-…``), every document to its address.
"""

from __future__ import annotations

from kg import compare
from kg.viz import chart, numbers
from kg.viz.numbers import numeric_rows
from kg.viz.story import _t, anchor, claim_href, doc_ref, documents_list, sentence, shell, who

TOP_CONFLICTS = 10
TOP_AGREEMENTS = 10
TOP_SPEAKERS = 15
QUOTES_PER_SPEAKER = 2
TOP_LINKS = 40

SUMMARY = """
SELECT (COUNT(DISTINCT ?d) AS ?documents) (COUNT(DISTINCT ?pub) AS ?publishers)
       (MIN(?date) AS ?first) (MAX(?date) AS ?last) WHERE {
  ?d a kg:Document . OPTIONAL { ?d schema:publisher ?pub } OPTIONAL { ?d schema:datePublished ?date }
}
"""

SPEAKERS = """
SELECT ?who (COUNT(DISTINCT ?q) AS ?quotes) (COUNT(DISTINCT ?d) AS ?docs) WHERE {
  GRAPH ?g { ?q a kg:Quote ; kg:document ?d ; kg:speaker ?le }
  OPTIONAL { ?le kg:canonical/rdfs:label ?canon }
  OPTIONAL { GRAPH ?g { ?q kg:speakerName ?name } }
  BIND(COALESCE(?canon, ?name) AS ?who) FILTER(BOUND(?who))
} GROUP BY ?who ORDER BY DESC(?quotes) ?who LIMIT %d
"""

SPEAKER_QUOTES = """
SELECT ?q ?who ?content ?sentence ?sstart ?start ?end ?doc ?title ?publisher ?date ?url WHERE {
  VALUES ?who { %s }
  GRAPH ?g { ?q a kg:Quote ; kg:document ?d ; kg:speaker ?le ; schema:text ?content .
             OPTIONAL { ?q kg:sentence ?sentence } OPTIONAL { ?q kg:sentenceStart ?sstart }
             OPTIONAL { ?q kg:evidence/oa:hasSelector ?sel . ?sel oa:start ?start ; oa:end ?end } }
  OPTIONAL { ?le kg:canonical/rdfs:label ?canon }
  OPTIONAL { GRAPH ?g { ?q kg:speakerName ?name } }
  FILTER(COALESCE(?canon, ?name) = ?who)
  ?d schema:identifier ?doc . OPTIONAL { ?d schema:headline ?title }
  OPTIONAL { ?d schema:publisher/rdfs:label ?publisher } OPTIONAL { ?d schema:datePublished ?date }
  OPTIONAL { ?d schema:url ?url }
} ORDER BY ?who ?date ?doc ?start
"""

LINKS = """
SELECT ?kind ?sim ?a ?at ?ap ?ad ?au ?b ?bt ?bp ?bd ?bu WHERE {
  ?l a kg:DocumentLink ; kg:linkSource ?s ; kg:linkTarget ?t ; kg:linkKind ?kind .
  OPTIONAL { ?l kg:similarity ?sim }
  ?s schema:identifier ?a . OPTIONAL { ?s schema:headline ?at } OPTIONAL { ?s schema:publisher/rdfs:label ?ap }
  OPTIONAL { ?s schema:datePublished ?ad } OPTIONAL { ?s schema:url ?au }
  ?t schema:identifier ?b . OPTIONAL { ?t schema:headline ?bt } OPTIONAL { ?t schema:publisher/rdfs:label ?bp }
  OPTIONAL { ?t schema:datePublished ?bd } OPTIONAL { ?t schema:url ?bu }
} ORDER BY ?kind DESC(?sim) ?a LIMIT %d
"""


def _sparql_string(text: str) -> str:
    from kg.serve.browser import sparql_string

    return sparql_string(text)


def _kpis(items: list[tuple[str, object]]) -> str:
    return "<ul class=kpis>" + "".join(f"<li><b>{_t(v)}</b>{_t(k)}</li>" for k, v in items) + "</ul>"


def _card(c: dict) -> str:
    return (f'<div class=card id="{anchor("c", c["claim"])}"><b>{_t(chart.show_value(c))}</b> '
            f'{_t(c.get("counts") or "")} <span class=meta>{_t(c.get("predicate") or "")}</span>'
            f"<div>asserted by {who(c)}</div>{sentence(c)}<div>{doc_ref(c)}</div>"
            + (f"<div class=copy>↳ {_t(compare.copy_note(c))}</div>" if compare.copy_note(c) else "") + "</div>")


def build(store, title: str = "kg report") -> str:
    """The report as one HTML string."""
    rows = numeric_rows(store)
    cl = compare.clusters(rows)
    docs: dict[str, dict] = {}

    def seen(r: dict) -> None:
        docs.setdefault(r["doc"], r)

    _, s = store.select(SUMMARY)
    s = s[0] if s else {}
    _, stats = store.select(_stats())
    st = stats[0] if stats else {}
    parts = [f"<h1>{_t(title)}</h1>",
             f"<p class=meta>{_t(_dates(s))}Every claim links to "
             "its sentence, every sentence to its document (list at the end).</p>",
             _kpis([("documents", s.get("documents", 0)), ("publishers", s.get("publishers", 0)),
                    ("quotes", st.get("quotes", 0)), ("numbers", st.get("numbers", 0)),
                    ("relations", st.get("relations", 0)), ("entities", st.get("entities", 0)),
                    ("copies and rewrites", st.get("links", 0))])]
    # ------------------------------------------------------------------ conflicts
    groups = numbers.conflicts(rows)
    parts.append(f"<h2 id=conflicts>Numbers that disagree</h2><p class=meta>{len(groups)} groups of claims measure "
                 f"the same thing with values that differ beyond their qualifiers; the top {TOP_CONFLICTS} by "
                 "number of documents.</p>")
    for i, g in enumerate(groups[:TOP_CONFLICTS], 1):
        for c in g.claims:
            seen(c)
        head = (f"{i}. {g.label} — {len(g.claims)} claims in {len(g.documents)} documents "
                f"({g.independent(cl)} independent)")
        parts.append(f"<h3>{_t(head)}</h3>" + chart.svg(g.claims, claim_href, title=head)
                     + "<div class=side>" + "".join(_card(c) for c in g.claims[:6]) + "</div>"
                     + (f"<p class=meta>and {len(g.claims) - 6} more claims</p>" if len(g.claims) > 6 else ""))
    if not groups:
        parts.append("<p>No disagreeing numbers found.</p>")
    # ------------------------------------------------------------------ agreements
    agree = numbers.agreements(rows)
    parts.append(f"<h2 id=agreements>Numbers several independent sources agree on</h2><p class=meta>{len(agree)} "
                 "numbers asserted by two or more independent sources (a republication or a rewrite counts once)."
                 "</p><table><tr><th>independent sources</th><th>value</th><th>what</th><th>claims</th></tr>")
    for g, n in agree[:TOP_AGREEMENTS]:
        for c in g.claims:
            seen(c)
        links = " ".join(f'<a href="{claim_href(c)}">{_t(c.get("publisher") or c["doc"])}</a>' for c in g.claims)
        parts.append(f"<tr><td class=value>{n}</td><td>{_t(chart.show_value(g.claims[0]))}</td>"
                     f"<td>{_t(g.label)}</td><td>{links}</td></tr>")
    parts.append("</table>")
    shown = {c["claim"] for g in groups[:TOP_CONFLICTS] for c in g.claims}
    cards = []
    for g, _ in agree[:TOP_AGREEMENTS]:
        for c in g.claims:
            if c["claim"] not in shown:  # each claim keeps one anchor in the file
                shown.add(c["claim"])
                cards.append(_card(c))
    if cards:
        parts.append("<div class=side>" + "".join(cards) + "</div>")
    # ------------------------------------------------------------------ speakers
    _, speakers = store.select(SPEAKERS % TOP_SPEAKERS)
    parts.append("<h2 id=speakers>Most-quoted speakers</h2>")
    if speakers:
        values = " ".join(_sparql_string(r["who"]) for r in speakers)
        _, quotes = store.select(SPEAKER_QUOTES % values)
        by: dict[str, list[dict]] = {}
        for q in quotes:
            if q["q"] not in {x["q"] for x in by.get(q["who"], [])}:
                by.setdefault(q["who"], []).append(q)
        parts.append("<table><tr><th>speaker</th><th>quotes</th><th>documents</th><th>for example</th></tr>")
        for r in speakers:
            examples = []
            for q in by.get(r["who"], [])[:QUOTES_PER_SPEAKER]:
                row = {"claim": q["q"], "doc": q["doc"], "title": q.get("title"), "publisher": q.get("publisher"),
                       "date": q.get("date"), "url": q.get("url"), "sentence": q.get("sentence"),
                       "sentence_start": q.get("sstart"), "start": q.get("start"), "end": q.get("end")}
                seen(row)
                examples.append(f'<div id="{anchor("c", q["q"])}">“{_t(q["content"])}”{sentence(row)}'
                                f"<div>{doc_ref(row)}</div></div>")
            parts.append(f"<tr><td><b>{_t(r['who'])}</b></td><td class=value>{int(r['quotes'])}</td>"
                         f"<td>{int(r['docs'])}</td><td>{''.join(examples)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>No quote with a named speaker.</p>")
    # ------------------------------------------------------------------ copies
    _, links = store.select(LINKS % TOP_LINKS)
    parts.append("<h2 id=copies>Copies and rewrites found</h2>")
    if links:
        parts.append("<table><tr><th>document</th><th>is a</th><th>of</th><th>similarity</th></tr>")
        for r in links:
            a = {"doc": r["a"], "title": r.get("at"), "publisher": r.get("ap"), "date": r.get("ad"), "url": r.get("au")}
            b = {"doc": r["b"], "title": r.get("bt"), "publisher": r.get("bp"), "date": r.get("bd"), "url": r.get("bu")}
            seen(a)
            seen(b)
            sim = f"{float(r['sim']):.2f}" if r.get("sim") is not None else ""
            parts.append(f"<tr><td>{doc_ref(a)}</td><td>{_t((r['kind'] or '').replace('_', ' '))}</td>"
                         f"<td>{doc_ref(b)}</td><td>{sim}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>No republication or rewrite found.</p>")
    parts.append(f"<h2 id=documents>Documents referred to ({len(docs)})</h2>" + documents_list(docs))
    return shell(title, "".join(parts))


def _dates(s: dict) -> str:
    if s.get("first") and s.get("last"):
        return f"Published {s['first']} – {s['last']}. "
    return ""


def _stats() -> str:
    from kg.query import named

    return named("stats")


def write(store, path, title: str = "kg report") -> None:
    from pathlib import Path

    from kg.errors import InputError

    text = build(store, title)
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot write ({exc.strerror})") from None
