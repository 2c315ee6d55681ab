"""A small LRU of finished scans keyed by exact text: tickets, templates and bot replies repeat."""

from __future__ import annotations

import threading
from collections import OrderedDict

from streamguard.masking.detection import TextScan


class ScanCache:
    """Only successful scans are kept: a failure (timeout under load) must be retried, not replayed."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: OrderedDict[str, TextScan] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0

    def get(self, text: str) -> TextScan | None:
        if self._size == 0:
            return None
        with self._lock:
            scan = self._entries.get(text)
            if scan is not None:
                self._entries.move_to_end(text)
                self.hits += 1
            return scan

    def put(self, text: str, scan: TextScan) -> None:
        if self._size == 0 or scan.failed:
            return
        with self._lock:
            self._entries[text] = scan
            self._entries.move_to_end(text)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.hits = 0
