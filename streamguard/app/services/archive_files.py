"""Reading an evidence archive file (gzip JSON lines) and checking it offline, with public keys only: what the
server does before a purge deletes anything, and what an auditor does with the file later."""

from __future__ import annotations

import gzip
from pathlib import Path

from streamguard.core.errors import EvidenceError
from streamguard.evidence.archive import ArchiveCheck, check_archive


def read_archive(path: Path, log_keys: list[str], witness_keys: list[str] | None = None) -> ArchiveCheck:
    """Check an archive file offline (gzip JSON lines)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            return check_archive((line for line in source if line.strip()), log_keys, witness_keys or [])
    except (OSError, EOFError) as error:
        raise EvidenceError(f"{path}: not a readable evidence archive ({error})") from None
