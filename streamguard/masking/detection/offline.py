"""Keep detection offline: tldextract (inside Presidio's email check) would fetch the public-suffix list.

The extractor here reads only the snapshot bundled with tldextract: no URL to fetch, no cache directory
to read or write, so building and running the detector opens no socket and touches no file outside the
installed packages.
"""

from __future__ import annotations

from functools import lru_cache

import tldextract


@lru_cache(maxsize=1)
def offline_extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def has_public_suffix(host: str) -> bool:
    """True when ``host`` ends in a known public suffix (``example.com``), per the bundled snapshot."""
    return offline_extractor()(host).fqdn != ""
