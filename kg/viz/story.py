"""Static, script-free HTML pages: a number's story (``kg trace VALUE --html``) and the parts ``kg report``
shares with it (page shell, claim cards with the sentence, document list).

No page here runs a script: the CSP is ``default-src 'none'`` with inline styles only, so the file opens
offline and hostile article text, escaped once in ``_t``, cannot do anything even if an escape were missed.
Links inside a file are anchors: ``#c-…`` a claim and its sentence, ``#d-…`` a document.
"""

from __future__ import annotations

import hashlib
from html import escape
from urllib.parse import urlsplit

from kg import compare
from kg.viz import chart

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"

CSS = """
body { font: 15px/1.45 Helvetica, Arial, sans-serif; color: #1d2430; margin: 0; background: #fff; }
main { max-width: 1000px; margin: 0 auto; padding: 1em 1.2em 3em; }
h1 { font-size: 1.6em; margin: .3em 0; } h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #dde; }
h3 { font-size: 1.05em; margin: 1.4em 0 .4em; }
.meta { color: #667; font-size: .9em; } a { color: #2b5b9b; }
.kpis { display: flex; flex-wrap: wrap; gap: .6em; margin: .8em 0; padding: 0; list-style: none; }
.kpis li { background: #f3f5f8; border-radius: 6px; padding: .4em .8em; }
.kpis b { font-size: 1.3em; display: block; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; }
th, td { text-align: left; vertical-align: top; padding: .35em .5em; border-bottom: 1px solid #e6e8ec; }
th { font-size: .85em; color: #556; }
td.value { white-space: nowrap; font-weight: bold; }
blockquote { margin: 0; padding-left: .6em; border-left: 3px solid #ccd; color: #333; }
mark { background: #fde68a; }
.copy { color: #8a5a00; font-size: .9em; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: .8em; }
.card { border: 1px solid #dde; border-radius: 5px; padding: .5em .7em; background: #fbfbfd; }
.card:target, tr:target { outline: 3px solid #f2c94c; }
svg.kg-chart { max-width: 100%; height: auto; display: block; margin: .5em 0; }
svg.kg-chart a:hover text { text-decoration: underline; }
ol.docs li { margin: .3em 0; }
"""


def _t(text) -> str:
    return escape(str(text if text is not None else ""), quote=True)


def anchor(kind: str, key: str) -> str:
    """A stable, safe fragment id for a claim (``c``) or document (``d``)."""
    return f"{kind}-" + hashlib.sha1(str(key).encode("utf-8")).hexdigest()[:12]


def external(url: str | None) -> str:
    if url and urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{_t(url)}" rel="noopener noreferrer nofollow">{_t(url)}</a>'
    return _t(url or "")


def sentence(r: dict) -> str:
    """The sentence with the claim's words marked (rows of kg/query/trace.rq)."""
    s = r.get("sentence") or ""
    base, start, end = r.get("sentence_start"), r.get("start"), r.get("end")
    try:
        a, b = int(start) - int(base), int(end) - int(base)
    except (TypeError, ValueError):
        return f"<blockquote>{_t(s)}</blockquote>"
    if 0 <= a <= b <= len(s):
        return f"<blockquote>{_t(s[:a])}<mark>{_t(s[a:b])}</mark>{_t(s[b:])}</blockquote>"
    return f"<blockquote>{_t(s)}</blockquote>"


def doc_ref(r: dict) -> str:
    """A link to the document in the file's document list, with publisher and date."""
    name = r.get("title") or r.get("publisher") or r["doc"]
    meta = " · ".join(x for x in (r.get("publisher") if r.get("title") else "", str(r.get("date") or ""), r["doc"])
                      if x)
    return f'<a href="#{anchor("d", r["doc"])}">{_t(name)}</a> <span class=meta>{_t(meta)}</span>'


def who(r: dict) -> str:
    name = r.get("source_canonical") or r.get("source")
    if not name:
        return '<span class=meta>not named</span>'
    extra = f' <span class=meta>(as “{_t(r["source"])}”)</span>' if r.get("source") and r["source"] != name else ""
    return _t(name) + extra


def claims_table(rows: list[dict]) -> str:
    """One row per claim, originals before copies; each row is a target (#c-…) the chart links to."""
    out = ["<table><tr><th>value</th><th>asserted by</th><th>counts</th><th>document</th><th>sentence</th></tr>"]
    for r, note in chart.ordered(rows):
        copy = f"<div class=copy>↳ {_t(note)}</div>" if note else ""
        what = " ".join(x for x in (r.get("counts"), r.get("predicate")) if x)
        out.append(f'<tr id="{anchor("c", r["claim"])}"><td class=value>{_t(chart.show_value(r))}'
                   f'<div class=meta>“{_t(r.get("text"))}”</div></td><td>{who(r)}</td><td>{_t(what)}</td>'
                   f"<td>{doc_ref(r)}{copy}</td><td>{sentence(r)}</td></tr>")
    out.append("</table>")
    return "".join(out)


def claim_href(r: dict) -> str:
    return "#" + anchor("c", r["claim"])


def documents_list(docs: dict[str, dict]) -> str:
    """The documents a page refers to, each a target (#d-…): title, publisher, date, address, id."""
    items = []
    for doc, r in sorted(docs.items(), key=lambda kv: (str(kv[1].get("date") or "9999"), kv[0])):
        bits = " · ".join(_t(x) for x in (r.get("publisher"), r.get("date"), doc) if x)
        url = f"<br>{external(r.get('url'))}" if r.get("url") else ""
        items.append(f'<li id="{anchor("d", doc)}"><b>{_t(r.get("title") or r.get("publisher") or doc)}</b> '
                     f"<span class=meta>{bits}</span>{url}</li>")
    return "<ol class=docs>" + "".join(items) + "</ol>"


def shell(title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_t(title)}</title><style>{CSS}</style></head>
<body><main>
{body}
</main></body></html>
"""


def trace_summary(value: str, rows: list[dict]) -> str:
    docs = {r["doc"] for r in rows}
    independent = len(set(compare.clusters(rows).values()))
    return (f"{value}: {len(rows)} claim{'s' if len(rows) != 1 else ''} in {len(docs)} document"
            f"{'s' if len(docs) != 1 else ''} ({independent} independent)")


def trace_page(value: str, rows: list[dict], about: str | None = None) -> str:
    """``kg trace VALUE --html``: the chart, every claim with its sentence, the documents."""
    title = f"Who asserted {value}" + (f" about {about}" if about else "")
    if not rows:
        return shell(title, f"<h1>{_t(title)}</h1><p>No claim in the store asserts {_t(value)}.</p>")
    summary = trace_summary(value, rows)
    docs = {r["doc"]: r for r in rows}
    body = (f"<h1>{_t(title)}</h1><p class=meta>{_t(summary)} · copies are drawn under the original they "
            "republish; click a mark for its sentence</p>"
            + chart.svg(rows, claim_href, title=summary) + "<h2>Claims and their sentences</h2>"
            + claims_table(rows) + "<h2>Documents</h2>" + documents_list(docs))
    return shell(title, body)


def write_trace(path, value: str, rows: list[dict], about: str | None = None) -> None:
    """Write ``trace_page`` to ``path``; a file that cannot be written is one clear error."""
    from pathlib import Path

    from kg.errors import InputError

    try:
        Path(path).write_text(trace_page(value, rows, about), encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot write ({exc.strerror})") from None
