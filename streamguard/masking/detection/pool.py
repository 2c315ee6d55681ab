"""A process pool for big batches: spaCy NER holds the GIL, so threads would not use the second core.

Each worker builds its own in-process scanner once (initializer), then scans contiguous slices of a
batch. A slice that does not come back before the batch deadline fails closed with
``detector_timeout`` and the pool is replaced, since a worker stuck on a text cannot be interrupted.
A crashed worker fails its slice with ``detector_failed``.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from streamguard.masking.detection import TextScan
from streamguard.masking.detection.config import DetectionConfig

log = logging.getLogger(__name__)

_worker_scanner = None


def _init_worker(config: DetectionConfig) -> None:
    global _worker_scanner
    from streamguard.masking.detection.presidio_scanner import build_default_scanner

    _worker_scanner = build_default_scanner(config.model_copy(update={"workers": 0, "cache_size": 0}))


def _scan_slice(texts: list[str], budget_s: float) -> tuple[list[TextScan], int]:
    assert _worker_scanner is not None
    before = _worker_scanner.ner_skipped
    scans = _worker_scanner.scan_until(texts, time.monotonic() + budget_s)
    return scans, _worker_scanner.ner_skipped - before


class ScanPool:
    def __init__(self, config: DetectionConfig) -> None:
        self._config = config
        self._executor = self._start()
        self.ner_skipped = 0

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent may run an event loop and Kafka client threads.
        executor = ProcessPoolExecutor(
            max_workers=self._config.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self._config,),
        )
        # Warm every worker now (model load), so the first real batch does not pay for it.
        warm = [executor.submit(_scan_slice, ["warm up"], 60.0) for _ in range(self._config.workers)]
        for future in warm:
            future.result()
        return executor

    def scan(self, texts: list[str], deadline: float) -> list[TextScan]:
        slices = self._slices(texts)
        budget = max(0.0, deadline - time.monotonic())
        futures = [(part, self._executor.submit(_scan_slice, part, budget)) for part in slices]
        out: list[TextScan] = []
        broken = False
        for part, future in futures:
            scans = self._collect(future, len(part), deadline)
            broken = broken or scans is None
            out.extend(scans if scans is not None else [TextScan(error="detector_timeout")] * len(part))
        if broken:
            self._restart()
        return out

    def _collect(self, future: Future, size: int, deadline: float) -> list[TextScan] | None:
        try:
            scans, skipped = future.result(timeout=max(0.0, deadline - time.monotonic()) + 0.5)
        except FutureTimeout:
            return None
        except Exception:  # a worker died (BrokenProcessPool) or raised: fail the slice closed
            log.warning("scan worker failed; slice failed closed", exc_info=True)
            return [TextScan(error="detector_failed")] * size
        self.ner_skipped += skipped
        return scans

    def _slices(self, texts: list[str]) -> list[list[str]]:
        count = min(self._config.workers, len(texts))
        step = -(-len(texts) // count)
        return [texts[i : i + step] for i in range(0, len(texts), step)]

    def _restart(self) -> None:
        log.warning("scan pool over its time budget; replacing its workers")
        old = self._executor
        for process in list(getattr(old, "_processes", {}).values()):
            process.terminate()  # a stuck NER call cannot be cancelled any other way
        old.shutdown(wait=False, cancel_futures=True)
        self._executor = self._start()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
