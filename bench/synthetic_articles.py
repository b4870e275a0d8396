"""Write N fictional news articles as JSONL (our own text, no dev data): speakers quoted across outlets,
numbers that agree and disagree, republications with a "first published in" line. For screenshots and
the 10,000-document benchmark.

    .venv/bin/python bench/synthetic_articles.py 2000 > /tmp/synthetic.jsonl
"""

from __future__ import annotations

import json
import random
import sys

COUNTRIES = ["Norland", "Estmark", "Valoria", "Kestria", "Ombria", "Sundara", "Taliska", "Verenia"]
CITIES = ["Port Alden", "Miravel", "Oskar Bay", "Lindholm", "Carrow", "Brightwater", "Tessin", "Halvard"]
PEOPLE = [("Mara Ilves", "finance minister"), ("Tomas Brandt", "prime minister"),
          ("Ines Okafor", "central bank governor"),
          ("Pavel Roon", "trade minister"), ("Lena Sato", "economy minister"), ("Ade Mensah", "foreign minister"),
          ("Karin Holm", "president"), ("Jonas Weil", "labour minister"), ("Rosa Delgado", "energy minister"),
          ("Felix Amari", "transport minister"), ("Nora Lind", "health minister"), ("Omar Haddad", "mayor")]
COMPANIES = ["Northwind Freight", "Alder Systems", "Blue Fjord Energy", "Corvid Motors", "Delta Loom", "Ember Foods",
             "Fennel Pharma", "Granite Telecom", "Harbor Steel", "Iris Textiles"]
PUBLISHERS = ["The Alden Courier", "Miravel Daily", "Norland Post", "Valoria Herald", "Kestria Wire", "Ombria Times"]
THINGS = [("companies", "left {c}"), ("workers", "moved to {c}"), ("refugees", "crossed into {c}"),
          ("factories", "closed in {c}"), ("jobs", "been created in {c}")]
QUOTES = ["We will welcome every company that wants to build here", "The economy is stronger than the critics say",
          "Our ports are open and our taxes are low", "Nobody should expect the government to pay for this",
          "We are seeing investment on a scale we have not seen before", "This is a good day for our workers",
          "The border will stay open as long as people need it", "We need more engineers, not more meetings"]
QUALIFIERS = ["", "nearly ", "more than ", "about ", "fewer than ", "at least "]


def article(rng: random.Random, i: int) -> dict:
    country, other = rng.sample(COUNTRIES, 2)
    city = rng.choice(CITIES)
    (p1, r1), (p2, r2) = rng.sample(PEOPLE, 2)
    company = rng.choice(COMPANIES)
    thing, pred = rng.choice(THINGS)
    base = rng.choice([50, 120, 300, 1000, 1400, 5000, 20000])
    n = base if rng.random() < 0.6 else int(base * rng.choice([0.5, 2, 3]))
    q = rng.choice(QUALIFIERS)
    quote1, quote2 = rng.sample(QUOTES, 2)
    day = rng.randint(1, 28)
    text = (f"{city.upper()}, March {day} - “{quote1},” {p1}, the {r1} of {country}, said on Tuesday.\n\n"
            f"{q.capitalize() if q else ''}{n:,} {thing} have {pred.format(c=other)} since January, {p1} said.\n\n"
            f"{company} relocated to {city}, its chief executive {p2} said. “{quote2},” {p2} said.\n\n"
            f"According to the {country} statistics office, {rng.choice([2, 3, 4, 6])}% of {thing} in {other} "
            f"are foreign-owned.")
    return {"doc_id": f"synthetic-{i:05d}", "title": f"{p1} says {thing} have {pred.format(c=other)}",
            "publisher": rng.choice(PUBLISHERS), "date": f"2024-03-{day:02d}", "text": text}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = random.Random(7)
    for i in range(n):
        sys.stdout.write(json.dumps(article(rng, i), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
