"""A store of N generated articles for the views benchmark, without NLP: the fictional articles of
``synthetic_articles.py`` (our own text, no dev data) with the records their four template paragraphs hold
(speakers, quotes, numbers, relations, with exact character spans), written through ``kg build``'s own
stages (render → store → link → resolve → compare). Parsing 10,000 articles takes an hour on a loaded
machine; the views only need a store of that size and shape.

    .venv/bin/python bench/views_store.py 10000 /tmp/syn10k-store [--no-links]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_articles import article  # noqa: E402

from kg import build  # noqa: E402
from kg.rdf.mapping import build_time  # noqa: E402
from kg.records import Document, Entity, Evidence, Extraction, Mention, NumericClaim, Quote, Relation  # noqa: E402
from kg.store import open_store  # noqa: E402

QUALIFIER = {"": "exact", "nearly ": "approx", "more than ": "over", "about ": "approx", "fewer than ": "under",
             "at least ": "at_least"}
SINGULAR = {"companies": "company", "workers": "worker", "refugees": "refugee", "factories": "factory",
            "jobs": "job"}
P1 = re.compile(r"(?P<city_up>[A-Z ]+), March \d+ - “(?P<q1>[^”]+),” (?P<p1>[^,]+), the (?P<r1>[^,]+?) of "
                r"(?P<country>\w+), said on Tuesday\.")
P2 = re.compile(r"(?P<num>(?:(?:Nearly|More than|About|Fewer than|At least) )?(?P<n>[\d,]+)) (?P<thing>\w+) "
                r"(?P<pred>have .+?) since January, (?P<p1>.+) said\.")
P3 = re.compile(r"(?P<company>.+?) relocated to (?P<city>.+?), its chief executive (?P<p2>.+?) said\. "
                r"“(?P<q2>[^”]+),” (?P=p2) said\.")
P4 = re.compile(r"According to the (?P<country>\w+) statistics office, (?P<pct>\d+%) of (?P<thing>\w+) in "
                r"(?P<other>\w+) are foreign-owned\.")


def extraction(a: dict) -> Extraction:
    text = a["text"]
    paras, starts, at = text.split("\n\n"), [], 0
    for p in paras:
        starts.append(at)
        at += len(p) + 2
    m1, m2, m3, m4 = P1.fullmatch(paras[0]), P2.fullmatch(paras[1]), P3.fullmatch(paras[2]), P4.fullmatch(paras[3])
    s3 = paras[2].index(". “") + 1  # the third paragraph is two sentences

    def sentence(i: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
        return starts[i] + lo, starts[i] + (len(paras[i]) if hi is None else hi)

    sents = [sentence(0), sentence(1), sentence(2, 0, s3), sentence(2, s3 + 1), sentence(3)]

    def ev(i: int, m: re.Match, group: str) -> Evidence:
        start, end = starts[i] + m.start(group), starts[i] + m.end(group)
        s0, s1 = next(s for s in sents if s[0] <= start < s[1])
        return Evidence(start, end, text[start:end], s0, s1, text[s0:s1])

    def mentions(name: str, label: str) -> tuple[Mention, ...]:
        return tuple(Mention(name, x.start(), x.end(), label) for x in re.finditer(re.escape(name), text))

    p1, p2, country, other = m1["p1"], m3["p2"], m1["country"], m4["other"]
    city, company, office = m3["city"], m3["company"], f"{country} statistics office"
    entities = (
        Entity(p1, "Person", mentions(p1, "PERSON"), roles=(m1["r1"],)),
        Entity(p2, "Person", mentions(p2, "PERSON"), roles=("chief executive",)),
        Entity(country, "Country", mentions(country, "GPE")),
        Entity(other, "Country", mentions(other, "GPE")),
        Entity(city, "City", mentions(city, "GPE")),
        Entity(company, "Company", mentions(company, "ORG")),
        Entity(office, "GovernmentBody", mentions(office, "ORG")),
    )
    quotes = (Quote(p1, p1, "say", m1["q1"], True, ev(0, m1, "q1"), ev(0, m1, "p1"), "Person"),
              Quote(p2, p2, "say", m3["q2"], True, ev(2, m3, "q2"), ev(2, m3, "p2"), "Person"))
    q = m2["num"][: -len(m2["n"])].lower()
    numbers = (
        NumericClaim(float(m2["n"].replace(",", "")), QUALIFIER[q], m2["num"], ev(1, m2, "num"), counts=m2["thing"],
                     counts_head=SINGULAR[m2["thing"]], predicate=m2["pred"], source=p1, source_kind="speaker"),
        NumericClaim(float(m4["pct"][:-1]), "exact", m4["pct"], ev(3, m4, "pct"), unit="%", unit_code="P1",
                     counts=f"{m4['thing']} in {other}", counts_head=SINGULAR[m4["thing"]], source=office,
                     source_kind="according_to"),
    )
    relations = (
        Relation(company, "relocated_to", city, ev(2, m3, "city"), subject_type="Company", object_type="City",
                 pattern="relocate.v1"),
        Relation(p1, "holds_role", country, ev(0, m1, "r1"), role=m1["r1"], subject_type="Person",
                 object_type="Country", pattern="appos_role.v1"),
        Relation(p2, "holds_role", company, ev(2, m3, "p2"), role="chief executive", subject_type="Person",
                 object_type="Company", pattern="appos_role.v1"),
    )
    doc = Document(id=a["doc_id"], text=text, source_path=f"generated/{a['doc_id']}.json",
                   content_hash=hashlib.sha256(text.encode()).hexdigest(), title=a["title"], date=a["date"],
                   publisher=a["publisher"], language="en")
    return Extraction(doc, entities, quotes, numbers, relations, pipeline="generated records")


def progress(stage: str, done: int, total: int | None) -> None:
    if done % 1000 == 0 or done == total:
        print(f"{stage}: {done}/{total}", file=sys.stderr, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles", type=int)
    ap.add_argument("store")
    ap.add_argument("--no-links", action="store_true",
                    help="Leave out the republication links: the templates make every article a near-copy of "
                         "hundreds of others, and linking 10,000 of them takes longer than the rest together.")
    args = ap.parse_args()
    store = open_store(args.store)
    known = store.document_hashes()
    rng = random.Random(7)  # the seed and order of synthetic_articles.py: the same articles
    when, report, stored = build_time(), build.BuildReport(), set()
    t0 = time.perf_counter()
    batch = []
    for i in range(args.articles):
        ex = extraction(article(rng, i))
        if known.get(ex.document.id) != ex.document.content_hash:  # stored by an earlier, interrupted run
            batch.append(build.render(ex, "generated records", when))
        if len(batch) == 256 or (i == args.articles - 1 and batch):
            build._write(store, batch, report, stored, fresh=True, examples=build.Examples(0))
            progress("stored", len(stored), None)
            batch = []
    store.flush()
    t1 = time.perf_counter()
    if args.no_links:
        report.entities = build.resolve_if_stale(store, store.document_hashes(), progress, report)
    else:
        build.derive(store, report, progress)
    build._commit(store)
    t2 = time.perf_counter()
    build._compare(store, build._no_progress)
    t3 = time.perf_counter()
    print(f"{len(stored)} documents stored (of {args.articles}) in {t1 - t0:.0f} s; links and entities {t2 - t1:.0f} s "
          f"({report.links} links, {report.entities} canonical entities); compare {t3 - t2:.0f} s; "
          f"problems: {len(report.problems)}")


if __name__ == "__main__":
    main()
