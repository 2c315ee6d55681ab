"""Reading a streamguard process's Prometheus endpoint as Prometheus does: the demo and the tests compare the
counts it shows with what they produced."""

from __future__ import annotations

import urllib.request
from collections import defaultdict
from dataclasses import dataclass

from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample


@dataclass(frozen=True)
class Scrape:
    """One scrape: the content type the endpoint answered with, and every sample."""

    content_type: str
    samples: list[Sample]

    @classmethod
    def of(cls, url: str) -> Scrape:
        with urllib.request.urlopen(url, timeout=10) as page:
            text = page.read().decode()
            content_type = page.headers.get("Content-Type", "")
        samples = [sample for family in text_string_to_metric_families(text) for sample in family.samples]
        return cls(content_type, samples)

    def total(self, name: str, **labels: str) -> float:
        """The sum of the samples called ``name`` whose labels include ``labels`` (0 if there are none)."""
        return sum(sample.value for sample in self._matching(name, labels))

    def by(self, name: str, label: str, **labels: str) -> dict[str, float]:
        """Those samples summed per value of ``label``."""
        sums: dict[str, float] = defaultdict(float)
        for sample in self._matching(name, labels):
            sums[sample.labels[label]] += sample.value
        return dict(sums)

    def _matching(self, name: str, labels: dict[str, str]) -> list[Sample]:
        return [s for s in self.samples if s.name == name and labels.items() <= s.labels.items()]
