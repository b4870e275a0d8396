"""A number's story as a picture: one SVG row per claim, the value on a shared axis, copies under the
original they republish, qualifiers drawn (≈ hollow ring, > arrow right, < arrow left), each mark a link
to the claim's sentence.

Why SVG written here, on the server, rather than a charting library in the page: the chart then needs no
script at all, so it works under ``kg serve``'s page CSP (``default-src 'none'``, no script) and in a
static file opened offline; and every piece of article text goes through one function (``_t``,
``html.escape``) into text nodes and attribute values, so hostile text can be shown but never run.
Vega-Lite via altair would need the Vega runtime inlined and a CSP that allows its code generation.

Input rows are the dicts ``kg.compare.trace`` and ``kg.compare.Group.claims`` return (columns of
``kg/query/trace.rq``); only a few keys are read, so changes to that module rarely touch this one.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from kg import compare

WIDTH = 960
LABEL_W = 380  # left column: who asserted it, publisher, date, copy note
ROW_H = 30
TOP = 34  # room for the axis labels
PAD = 40
MARK_R = 6
COPY_INDENT = 18
COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#76b7b2", "#edc948", "#9c755f"]


def _t(text) -> str:
    """Every string from a store, in text or attribute position."""
    return escape(str(text if text is not None else ""), quote=True)


def _cut(text: str, n: int) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _fmt(v: float) -> str:
    if v == 0:
        return "0"
    if abs(v) >= 1e9:
        return f"{v / 1e9:g} bn"
    if abs(v) >= 1e6:
        return f"{v / 1e6:g} mn"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:g}"


def _one(v: float, unit: str | None) -> str:
    if unit in ("%", "ratio"):
        v = v * 100
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.4f}".rstrip("0").rstrip(".")


def show_value(r: dict) -> str:
    """'≈1,400', '>38%', '200–1,000 USD': what ``kg.compare.show_value`` prints. Written here because
    that one goes through kg.extract.numbers, which imports spaCy: ten seconds on a page's first chart."""
    unit = r.get("unit")
    text = _one(float(r["value"]), unit)
    if r.get("value_max") is not None:
        text += "–" + _one(float(r["value_max"]), unit)
    text = text + "%" if unit in ("%", "ratio") else (f"{text} {unit}" if unit else text)
    return compare.QUALIFIER_SIGNS.get(r.get("qualifier") or "exact", "") + text


class Scale:
    """Value → x pixel. Logarithmic when the values span more than a factor of 20 (and are all positive)."""

    def __init__(self, lo: float, hi: float, x0: float, x1: float):
        self.log = lo > 0 and hi / lo > 20
        if self.log:
            lo, hi = lo / 1.3, hi * 1.3
        else:
            span = (hi - lo) or abs(hi) or 1.0
            lo, hi = (0.0 if lo >= 0 and lo < span * 2 else lo - span * 0.15), hi + span * 0.15
        self.lo, self.hi, self.x0, self.x1 = lo, hi, x0, x1

    def _f(self, v: float) -> float:
        return math.log10(v) if self.log else v

    def __call__(self, v: float) -> float:
        if self.log and v <= 0:
            return self.x0
        v = min(max(v, self.lo), self.hi)
        a, b = self._f(self.lo), self._f(self.hi)
        return self.x0 + (self._f(v) - a) / ((b - a) or 1.0) * (self.x1 - self.x0)

    def ticks(self) -> list[float]:
        if self.log:
            out, e = [], math.floor(math.log10(self.lo))
            while 10**e <= self.hi:
                for m in (1, 2, 5):
                    if self.lo <= m * 10**e <= self.hi:
                        out.append(m * 10**e)
                e += 1
            return out if len(out) <= 8 else [t for t in out if str(int(t))[0] == "1"] or out
        step = 10 ** math.floor(math.log10((self.hi - self.lo) / 4 or 1))
        for m in (1, 2, 5, 10):
            if (self.hi - self.lo) / (step * m) <= 6:
                step *= m
                break
        t, out = math.ceil(self.lo / step) * step, []
        while t <= self.hi:
            out.append(t)
            t += step
        return out


def ordered(rows: list[dict]) -> list[tuple[dict, str | None]]:
    """(row, copy note) — originals first, each followed by its copies, clusters by first date."""
    rows = compare.trace_order(list(rows))
    names = {r["doc"]: r.get("publisher") or r.get("title") or r["doc"] for r in rows}
    out = []
    for r in rows:
        note = compare.copy_note(r)
        if note and " of " in note:
            kind, targets = note.split(" of ", 1)
            note = f"{kind} of " + ", ".join(names.get(t, t) for t in targets.split(", "))
        out.append((r, note))
    return out


def under_original(r: dict, docs: set) -> bool:
    """Is the document ``r`` copies among ``docs`` (so its row can be drawn under that original's)? A copy
    whose original does not assert this value is drawn flush, with its note: an arrow under an unrelated
    row would say it copies that one."""
    links = compare.links_of(r)
    return bool({*links.get("republication_of", ()), *links.get("reuses_passages_of", ())} & docs)


def _who(r: dict) -> str:
    return r.get("source_canonical") or r.get("source") or "source not named"


def _where(r: dict) -> str:
    return " · ".join(x for x in (r.get("publisher") or r.get("title") or r.get("doc"), str(r.get("date") or ""))
                      if x)


def svg(rows: list[dict], href: Callable[[dict], str], title: str = "") -> str:
    """The chart as an inline ``<svg>`` element (no script, no external reference)."""
    items = ordered(rows)
    if not items:
        return ""
    spans = [compare.interval(r) for r, _ in items]
    values = [float(r["value"]) for r, _ in items]
    lo = min([v for v in values] + [a for a, _ in spans])
    hi = max([v for v in values] + [b for _, b in spans])
    scale = Scale(lo, hi, LABEL_W + PAD, WIDTH - PAD)
    height = TOP + ROW_H * len(items) + 26
    share = all(r.get("unit") in ("%", "ratio") for r, _ in items)
    cl = compare.clusters([r for r, _ in items])
    colour = {}
    for r, _ in items:
        colour.setdefault(cl[r["doc"]], COLOURS[len(colour) % len(COLOURS)])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="kg-chart" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{_t(title or "asserted values by source")}" '
           'font-family="Helvetica, Arial, sans-serif" font-size="12">']
    out.append(f'<title>{_t(title or "asserted values by source")}</title>')
    # axis: grid lines and tick labels
    for tick in scale.ticks():
        x = scale(tick)
        out.append(f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 22}" stroke="#e3e6ea"/>')
        tick_text = _one(tick, "%") + "%" if share else _fmt(tick)
        out.append(f'<text x="{x:.1f}" y="{TOP - 12}" text-anchor="middle" fill="#667">{_t(tick_text)}</text>')
    out.append(f'<text x="{WIDTH - PAD}" y="{height - 6}" text-anchor="end" fill="#889" font-size="11">'
               f'{"log scale · " if scale.log else ""}bar: the range the qualifier allows · ○ about · ▶ more than · '
               "◀ less than</text>")
    out.append(f'<text x="4" y="{TOP - 12}" fill="#667" font-weight="bold">who asserted it · where · when</text>')
    docs = {r["doc"] for r, _ in items}
    for i, ((r, note), (a, b)) in enumerate(zip(items, spans, strict=True)):
        y = TOP + i * ROW_H + ROW_H / 2
        if i % 2 == 0:
            out.append(f'<rect x="0" y="{y - ROW_H / 2:.1f}" width="{WIDTH}" height="{ROW_H}" fill="#f6f7f9"/>')
        c = colour[cl[r["doc"]]]
        under = bool(note) and under_original(r, docs)
        indent = COPY_INDENT if under else 0
        link = _t(href(r))
        label = _cut(_who(r), 26)
        where = _cut(_where(r), 40 if not note else 36)
        out.append(f'<a href="{link}"><text x="{4 + indent}" y="{y - 2:.1f}" fill="#1d2430" font-weight="bold">'
                   f'{"↳ " if under else ""}{_t(label)}</text>'
                   f'<text x="{4 + indent + (12 if under else 0)}" y="{y + 11:.1f}" fill="#667" font-size="11">'
                   f'{_t(where)}{_t(" · " + _cut(note, 30)) if note else ""}</text></a>')
        xa, xb, xv = scale(a), scale(b), scale(float(r["value"]))
        q = r.get("qualifier") or "exact"
        tip = (f"{show_value(r)} {r.get('counts') or ''} — {_who(r)}, {_where(r)}"
               f"{' (' + note + ')' if note else ''}: {r.get('sentence') or ''}")
        mark = [f'<a href="{link}" class="mark"><title>{_t(_cut(tip, 400))}</title>',
                f'<rect x="{min(xa, xb):.1f}" y="{y - 3:.1f}" width="{max(2.0, abs(xb - xa)):.1f}" height="6" '
                f'rx="3" fill="{c}" fill-opacity="0.25"/>']
        if q in ("over", "at_least"):
            mark.append(f'<path d="M{xv - 6:.1f},{y - 7:.1f} L{xv + 7:.1f},{y:.1f} L{xv - 6:.1f},{y + 7:.1f} Z" '
                        f'fill="{c}"/>')
        elif q in ("under", "at_most"):
            mark.append(f'<path d="M{xv + 6:.1f},{y - 7:.1f} L{xv - 7:.1f},{y:.1f} L{xv + 6:.1f},{y + 7:.1f} Z" '
                        f'fill="{c}"/>')
        elif q == "approx":
            mark.append(f'<circle cx="{xv:.1f}" cy="{y:.1f}" r="{MARK_R}" fill="#fff" stroke="{c}" '
                        'stroke-width="3"/>')
        else:
            mark.append(f'<circle cx="{xv:.1f}" cy="{y:.1f}" r="{MARK_R}" fill="{c}"/>')
        text = show_value(r)
        right = xv + 12 + 7 * len(text) < WIDTH
        mark.append(f'<text x="{xv + (12 if right else -12):.1f}" y="{y + 4:.1f}" '
                    f'text-anchor="{"start" if right else "end"}" fill="#1d2430">{_t(text)}</text></a>')
        out.append("".join(mark))
    out.append("</svg>")
    return "".join(out)
