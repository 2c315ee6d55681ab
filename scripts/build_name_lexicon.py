"""Derive streamguard's name lexicon from the names-dataset package (run by hand; its output is committed).

    pip install names-dataset==3.3.1 && python scripts/build_name_lexicon.py

names-dataset (MIT) holds first names and surnames seen in 105 countries with their rank per country. Loading
it takes seconds and about a gigabyte of memory, far too much for a worker's start, so this script keeps
the names ranked in the top ``RANK_NEAR`` of the countries streamguard's users write from and the top
``RANK_FAR`` of every other country (names of any culture), drops words that are ordinary vocabulary in one
of the six languages the detector reads, and writes three sorted, lower-cased lists: given names, the
common given names among them (strong evidence on their own), and surnames. The detector loads them
with ``importlib.resources`` in milliseconds. None of this data comes from Faker or from the held-out
evaluation set's generator.
"""

from __future__ import annotations

import gzip
import importlib.resources
import pickle
import re
from pathlib import Path

NEAR = {"US", "GB", "IE", "CA", "AU", "DE", "AT", "CH", "FR", "BE", "LU", "ES", "IT", "NL"}
RANK_NEAR = {"first": 10000, "last": 40000, "common_first": 1500}
RANK_FAR = {"first": 1000, "last": 2000, "common_first": 300}
_NAME = re.compile(r"^[^\W\d_]{2,}(?:['\u2019-][^\W\d_]+)*$")
OUT = Path(__file__).resolve().parent.parent / "streamguard" / "masking" / "detection" / "lexicon"


def _ranked(kind: str, table: dict) -> set[str]:
    kept = set()
    for name, info in table.items():
        ranks = info.get("rank") or {}
        ranked = any(rank <= (RANK_NEAR if country in NEAR else RANK_FAR)[kind] for country, rank in ranks.items())
        if ranked and _NAME.match(name):
            kept.add(name.lower())
    return kept


def _vocabulary() -> set[str]:
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR
    from spacy.lang.it.stop_words import STOP_WORDS as IT
    from spacy.lang.nl.stop_words import STOP_WORDS as NL

    return {w.lower() for words in (EN, DE, FR, ES, IT, NL) for w in words}


def main() -> None:
    root = importlib.resources.files("names_dataset") / "v3"
    vocabulary = _vocabulary()
    OUT.mkdir(parents=True, exist_ok=True)
    for kind, file in (
        ("first", "first_names.pkl.gz"),
        ("common_first", "first_names.pkl.gz"),
        ("last", "last_names.pkl.gz"),
    ):
        with gzip.open(str(root / file)) as handle:
            names = _ranked(kind, pickle.load(handle)) - vocabulary
        target = OUT / f"{kind}_names.txt.gz"
        with gzip.GzipFile(target, "wb", mtime=0) as out:  # mtime 0: the same input gives the same bytes
            out.write("".join(f"{name}\n" for name in sorted(names)).encode())
        print(f"{target}: {len(names)} names")


if __name__ == "__main__":
    main()
