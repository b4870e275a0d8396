"""``kg extract``: run extraction only and print claims (no store)."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum

import typer

from kg.cli.common import PIPELINE_OPTION, report_problem, report_skipped
from kg.errors import InputError, SkippedInput
from kg.ingest import read_documents
from kg.query.claims import FIELDS


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


def extract(
    paths: list[str] = typer.Argument(..., help="Files, directories or '-' for standard input."),
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f", help="Output format."),
    kind: list[str] = typer.Option(None, "--kind", "-k", help="Only these kinds: quote, quantity, relation."),
    pipeline: str = PIPELINE_OPTION,
) -> None:
    """Extract claims from articles and print them (claims JSONL, see README)."""
    # imported here, not at module top: they pull in spaCy, and `kg --help` should not wait for it
    from kg.claims import claim_dicts
    from kg.pipeline import extract_documents
    failed = 0

    def documents():
        nonlocal failed
        for item in read_documents(paths):
            if isinstance(item, SkippedInput):  # left out by policy (not English): a note, exit code 0
                report_skipped(item)
            elif isinstance(item, InputError):
                failed += 1
                report_problem(item)
            else:
                yield item

    def broken(document, exc: Exception) -> None:
        nonlocal failed
        failed += 1
        report_problem(InputError(document.source_path, f"extraction failed ({exc}); document skipped"))

    writer = None
    for ex in extract_documents(documents(), pipeline=pipeline, on_error=broken):
        for error in ex.extra.get("errors", ()):
            failed += 1
            report_problem(InputError(ex.document.source_path, f"{error}; its other claims are printed"))
        for claim in claim_dicts(ex):
            if kind and claim["kind"] not in kind:
                continue
            if fmt is Format.jsonl:
                sys.stdout.write(json.dumps(claim, ensure_ascii=False) + "\n")
            else:
                if writer is None:
                    # every kind's columns: the first claim's keys alone would drop the other kinds' fields
                    columns = dict.fromkeys(f for fields in FIELDS.values() for f in fields)
                    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns))
                    writer.writeheader()
                writer.writerow(claim)
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
