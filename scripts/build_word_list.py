"""Derive streamguard's list of everyday words from the wordfreq package (run by hand; its output is committed).

    pip install wordfreq==3.1.1 && python scripts/build_word_list.py

wordfreq (Apache-2.0 code, CC-BY-SA data) ranks the words of many languages by how often they are written,
across subtitles, Wikipedia, news, books and the web. The detector asks one question of it: is this capitalised
word an everyday word of one of the six languages it reads ("Bug", "Lager", "Presse", "niveau")? A learned
span that is nothing but such words, with no common given name among them, is no name on its own evidence.
The package is 57 MB of data, too much to install for that; this script keeps the ``TOP`` most frequent words
of each language, lower-cased, in one sorted gzip list, and the ``TOP_FREQUENT`` most frequent in another.
wordfreq's lists hold names as well as words ("Doyle", "Cattaneo" are in the top 30,000 by their famous
bearers): the detector takes a word of the long list as everyday only when the name lists do not know it,
and a word of the short list ("Bug", "Lager", "Care") always, unless it is a common given name.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

LANGUAGES = ("en", "de", "fr", "es", "it", "nl")
TOP = 30_000
TOP_FREQUENT = 5_000
_WORD = re.compile(r"^[^\W\d_]{2,}(?:['\u2019-][^\W\d_]+)*$")
OUT = Path(__file__).resolve().parent.parent / "streamguard" / "masking" / "detection" / "lexicon"


def main() -> None:
    from wordfreq import top_n_list

    for top, file in ((TOP, "everyday_words.txt.gz"), (TOP_FREQUENT, "frequent_words.txt.gz")):
        words = {word for language in LANGUAGES for word in top_n_list(language, top) if _WORD.match(word)}
        target = OUT / file
        with gzip.GzipFile(target, "wb", mtime=0) as out:  # mtime 0: the same input gives the same bytes
            out.write("".join(f"{word}\n" for word in sorted(words)).encode())
        print(f"{target}: {len(words)} words")


if __name__ == "__main__":
    main()
