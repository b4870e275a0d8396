"""``kg report``: one self-contained, script-free HTML file a journalist can send to an editor.

Sections: the corpus in numbers, the top conflicts (chart + the sentences side by side), agreements with
their independent-source counts, the most-quoted speakers, the copies and rewrites found, and the list of
every document referred to. Every claim links to its sentence (``#c-…``), every sentence to its document
(``#d-…``), every document to its address.
"""

from __future__ import annotations

from kg import compare
from kg.viz import chart, corpus
from kg.viz.story import _t, anchor, claim_href, doc_ref, documents_list, sentence, shell, who

TOP_CONFLICTS = 10
TOP_AGREEMENTS = 10
TOP_SPEAKERS = 15
QUOTES_PER_SPEAKER = 2
TOP_LINKS = 40


def _kpis(items: list[tuple[str, object]]) -> str:
    return "<ul class=kpis>" + "".join(f"<li><b>{_t(v)}</b>{_t(k)}</li>" for k, v in items) + "</ul>"


def _card(c: dict) -> str:
    return (f'<div class=card id="{anchor("c", c["claim"])}"><b>{_t(chart.show_value(c))}</b> '
            f'{_t(c.get("counts") or "")} <span class=meta>{_t(c.get("predicate") or "")}</span>'
            f"<div>asserted by {who(c)}</div>{sentence(c)}<div>{doc_ref(c)}</div>"
            + (f"<div class=copy>↳ {_t(compare.copy_note(c))}</div>" if compare.copy_note(c) else "") + "</div>")


def build(store, title: str = "kg report") -> str:
    """The report as one HTML string."""
    docs_by_iri = corpus.documents(store)
    found = corpus.links(store, docs_by_iri)
    cl = compare.clusters(corpus.link_rows(docs_by_iri, found))
    docs: dict[str, dict] = {}

    def seen(r: dict) -> None:
        docs.setdefault(r["doc"], r)

    _, stats = store.select(_stats())
    st = stats[0] if stats else {}
    dates = sorted(d["date"] for d in docs_by_iri.values() if d["date"])
    parts = [f"<h1>{_t(title)}</h1>",
             f"<p class=meta>{_t(_dates(dates))}Every claim links to "
             "its sentence, every sentence to its document (list at the end).</p>",
             _kpis([("documents", len(docs_by_iri)),
                    ("publishers", len({d["publisher"] for d in docs_by_iri.values() if d["publisher"]})),
                    ("quotes", st.get("quotes", 0)), ("numbers", st.get("numbers", 0)),
                    ("relations", st.get("relations", 0)), ("entities", st.get("entities", 0)),
                    ("copies and rewrites", len(found))])]
    # ------------------------------------------------------------------ conflicts
    groups = compare.conflicts(store)
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
    agree = compare.agreements(store)
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
    speakers = corpus.speakers(store, docs_by_iri, TOP_SPEAKERS, QUOTES_PER_SPEAKER)
    parts.append("<h2 id=speakers>Most-quoted speakers</h2>")
    if speakers:
        parts.append("<table><tr><th>speaker</th><th>quotes</th><th>documents</th><th>for example</th></tr>")
        for r in speakers:
            examples = []
            for q in r["examples"]:
                seen(q)
                examples.append(f'<div id="{anchor("c", q["claim"])}">“{_t(q["content"])}”{sentence(q)}'
                                f"<div>{doc_ref(q)}</div></div>")
            parts.append(f"<tr><td><b>{_t(r['who'])}</b></td><td class=value>{r['quotes']}</td>"
                         f"<td>{r['docs']}</td><td>{''.join(examples)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>No quote with a named speaker.</p>")
    # ------------------------------------------------------------------ copies
    parts.append("<h2 id=copies>Copies and rewrites found</h2>")
    if found:
        more = f"; the first {TOP_LINKS}" if len(found) > TOP_LINKS else ""
        parts.append(f"<p class=meta>{len(found)} links between documents, republications first{more}.</p>"
                     "<table><tr><th>document</th><th>is a</th><th>of</th><th>similarity</th></tr>")
        for x in found[:TOP_LINKS]:
            seen(x["a"])
            seen(x["b"])
            sim = f"{float(x['sim']):.2f}" if x["sim"] is not None else ""
            parts.append(f"<tr><td>{doc_ref(x['a'])}</td><td>{_t(x['kind'].replace('_', ' '))}</td>"
                         f"<td>{doc_ref(x['b'])}</td><td>{sim}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>No republication or rewrite found.</p>")
    parts.append(f"<h2 id=documents>Documents referred to ({len(docs)})</h2>" + documents_list(docs))
    return shell(title, "".join(parts))


def _dates(dates: list[str]) -> str:
    if dates:
        return f"Published {dates[0]} – {dates[-1]}. "
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
