"""Follow the broker's authorizer log: the decisions written since the position a previous read saved.

The position is the file's inode and the byte offset after the last whole line read, so a line the broker is
still writing is read next time, whole. The broker's log4j rolls the file at 50 MB (``authorizer.log`` is
renamed to ``authorizer.log.N`` and a new one begins): a saved inode that is no longer the current file's is
looked for among the rolled files, its rest is read, then the new file from its start. A file shorter than
the saved offset was truncated and is read from its start.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from streamguard.control.authorizer_log import AuthorizationDecision, parse_decisions

CHUNK_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class LogPosition:
    inode: int
    offset: int

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> LogPosition | None:
        return cls(**json.loads(text)) if text else None


def read_new_decisions(path: Path, saved: LogPosition | None) -> tuple[list[AuthorizationDecision], LogPosition | None]:
    """The decisions logged after ``saved`` (all of them without one), and the position to save next."""
    try:
        current = path.stat()
    except FileNotFoundError:
        return [], saved  # the broker has not logged a decision yet
    decisions: list[AuthorizationDecision] = []
    start = 0
    if saved is not None and saved.inode != current.st_ino:
        rolled = _rolled_file(path, saved.inode)
        if rolled is not None:
            decisions += _read_from(rolled, saved.offset)[0]
    elif saved is not None and saved.offset <= current.st_size:
        start = saved.offset
    read, end = _read_from(path, start)
    return decisions + read, LogPosition(current.st_ino, end)


def _rolled_file(path: Path, inode: int) -> Path | None:
    return next((rolled for rolled in path.parent.glob(f"{path.name}.*") if rolled.stat().st_ino == inode), None)


def _read_from(path: Path, offset: int) -> tuple[list[AuthorizationDecision], int]:
    """The decisions in the whole lines from ``offset`` on, and the offset after the last of them."""
    decisions: list[AuthorizationDecision] = []
    with path.open("rb") as log_file:
        log_file.seek(offset)
        while chunk := log_file.read(CHUNK_BYTES):
            parsed, consumed = parse_decisions(chunk)
            if consumed == 0:
                break  # no newline in the rest: a line still being written
            decisions += parsed
            offset += consumed
            log_file.seek(offset)  # a cut-off line is read again, whole, with the next chunk
    return decisions, offset
