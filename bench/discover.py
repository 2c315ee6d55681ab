"""How good ``streamguard discover``'s drafts are: misses and over-masking against answer keys, and time.

    .venv/bin/python -m bench.discover [--records 500]

Each dataset's records are drafted as the server drafts them (``streamguard.masking.discovery`` with the real
detector), without Kafka, and the draft is judged against the dataset's answer key
(``harness.discovery_data``): personal fields found with the right class, missed (proposed public), or
found in another class; and the non-personal fields it leaves public (a draft that masked everything would
score 0% there). The orders dataset was written for discover with other field names and values than the
demo's, in five locales; a second seed gives a sample the first never saw. The tickets dataset was written
after the discovery code, with names and values its hints were not written for, and is reported as it came
out (held out: nothing is tuned on it).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

from harness.discovery_data import (
    CUSTOMERS_PERSONAL,
    CUSTOMERS_PUBLIC,
    ORDERS_PERSONAL,
    ORDERS_PUBLIC,
    TICKETS_PERSONAL,
    TICKETS_PUBLIC,
    orders,
    tickets,
)
from harness.sample_data import customers
from streamguard.masking.detection.presidio_scanner import build_default_scanner
from streamguard.masking.discovery import gather, propose_all
from streamguard.masking.discovery_shapes import merged_json_tree
from streamguard.masking.schema_tree import Node
from streamguard.masking.writer_schemas import parse_writer_schema, tree_of
from streamguard.schemas import CUSTOMERS_AVSC


def _customers_tree() -> Node:
    return tree_of(parse_writer_schema(CUSTOMERS_AVSC.read_text(), "AVRO", "customers.avsc"))


DATASETS: dict[str, tuple[Callable[[int], list[dict[str, Any]]], Callable[[list[Any]], Node], str, Any, Any]] = {
    "customers (Avro, demo)": (
        lambda n: list(customers(n, seed=41)),
        lambda _records: _customers_tree(),
        "avro",
        CUSTOMERS_PERSONAL,
        CUSTOMERS_PUBLIC,
    ),
    "orders (JSON, seed 11)": (lambda n: orders(n, seed=11), merged_json_tree, "json", ORDERS_PERSONAL, ORDERS_PUBLIC),
    "orders (JSON, seed 97)": (lambda n: orders(n, seed=97), merged_json_tree, "json", ORDERS_PERSONAL, ORDERS_PUBLIC),
    "tickets (JSON, held out)": (
        lambda n: tickets(n, seed=3),
        merged_json_tree,
        "json",
        TICKETS_PERSONAL,
        TICKETS_PUBLIC,
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=500, help="records sampled per dataset")
    args = parser.parse_args()
    scanner = build_default_scanner()
    scanner.scan_batch(["warm up Maria"])  # the model loads before the clock starts
    print(
        f"{'dataset':26} {'personal found':>15} {'missed':>7} {'other class':>12} {'public left public':>19} {'s':>6}"
    )
    for name, (make, tree_for, fmt, personal, public) in DATASETS.items():
        records = make(args.records)
        started = time.perf_counter()
        tree = tree_for(records)
        proposals = {p.path: p for p in propose_all(tree, gather(tree, records, scanner), fmt)}
        seconds = time.perf_counter() - started
        right = [path for path, cls in personal.items() if proposals[path].class_ == cls]
        missed = [path for path in personal if not proposals[path].personal]
        other = [path for path in personal if proposals[path].personal and path not in right]
        kept = [path for path in public if not proposals[path].personal]
        print(
            f"{name:26} {len(right):>7} of {len(personal):<5} {len(missed):>7} {len(other):>12} "
            f"{len(kept):>9} of {len(public):<7} {seconds:>6.1f}"
        )
        for label, paths in (("missed", missed), ("other class", other)):
            for path in paths:
                print(f"    {label}: {path} -> {json.dumps(proposals[path].yaml())}  # {proposals[path].evidence}")
        for path in sorted(set(public) - set(kept)):
            print(f"    over-masked: {path} -> {proposals[path].yaml()}  # {proposals[path].evidence}")


if __name__ == "__main__":
    main()
