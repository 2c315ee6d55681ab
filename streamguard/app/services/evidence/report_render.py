"""The auditor's report as files: JSON (the model itself), CSV (one row per counted thing) and one HTML page.

The CSV's ``first_at`` and ``last_at`` say when for the things that have a time (reads, alerts); a key of
several parts joins them with ``/`` (``class/action``; ``principal/group/topic/source`` for reads,
``rule/severity/subject`` for alerts).

The HTML page is self-contained, so it can be archived and opened offline years later: inline CSS, and
charts drawn by matplotlib as inline SVG (text as glyph paths, no font or other resource fetched). Every
number on the page comes from the same ``Report`` the JSON is dumped from, and every chart's numbers are
also in a table.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache

import jinja2

from streamguard.app.services.evidence.svg_charts import Chart, bar_chart
from streamguard.evidence.report import ALL_AUDIENCES, DatasetReport, Report, Totals
from streamguard.evidence.report_reads import RaisedAlert, ViewRead, source_label

CSV_HEADER = ("section", "dataset", "audience", "key", "count", "first_at", "last_at")
NO_DATASET = "(no dataset)"
UNKNOWN_PRINCIPAL = "unknown"  # no log showed a principal for the group, and none was inferred
# A spreadsheet runs a cell that starts like a formula: text cells that do are quoted to stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


Cell = str | int | datetime


@dataclass(frozen=True)
class Table:
    """One table of the page: its first column heads each row; ``int`` cells are counts, ``datetime`` cells
    times (UTC, on one line)."""

    section: str
    heading: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    chart: Chart | None = None
    note: str = ""
    empty: str = "None recorded in this period."


@dataclass(frozen=True)
class DatasetPart:
    name: str
    dataset: str  # the data-dataset attribute: empty for the events that name no dataset
    tables: list[Table]


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def render_csv(report: Report) -> str:
    """Rows ``section,dataset,audience,key,count,first_at,last_at``, grouped by dataset and then by section."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for row in _csv_rows(report):
        cells = [_spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row]
        writer.writerow(cells + [""] * (len(CSV_HEADER) - len(cells)))
    return buffer.getvalue()


def render_html(report: Report) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        summary=_summary_tables(report),
        datasets=[_dataset_part(part) for part in report.datasets],
        checkpoints=_checkpoint_table(report),
    )


CsvRow = tuple[str | int, ...]  # the header's columns; a row without a time leaves first_at and last_at out


def _csv_rows(report: Report) -> list[CsvRow]:
    rows: list[CsvRow] = []
    for part in report.datasets:
        name = part.dataset or ""
        rows += [("totals", name, "", key, count) for key, count in part.totals.model_dump().items()]
        rows += [("source_topics", name, "", topic.topic, topic.records) for topic in part.source_topics]
        rows += [("identities", name, "", identity.identity, identity.records) for identity in part.identities]
        rows += [("audiences", name, out.audience, out.topic, out.records) for out in part.audiences]
        rows += [
            ("masked", name, masked.audience, f"{masked.data_class}/{masked.action}", masked.count)
            for masked in part.masked
        ]
        rows += [("quarantines", name, "", reason.reason, reason.count) for reason in part.quarantines]
        rows += [("entities", name, "", entity.entity, entity.count) for entity in part.entities]
        rows += [_csv_read_row(name, read) for read in part.reads]
        rows += _alert_rows(name, part.alerts)
    rows += [
        ("unruled_topics", row.dataset or "", "", row.topic, len(row.personal_fields)) for row in report.unruled_topics
    ]
    if report.verification is not None:
        verification = report.verification
        rows.append(("verification", "", "", "intact", int(verification.intact)))
        rows.append(("verification", "", "", "problem_count", verification.problem_count))
        rows.append(("verification", "", "", "witnessed", int(verification.witnessed)))
        rows.append(("verification", "", "", "unenforced_events", verification.unenforced_events))
        rows += [("checkpoints", "", "", point.origin, point.size) for point in verification.checkpoints]
    return rows


def _csv_read_row(dataset: str, read: ViewRead) -> CsvRow:
    key = f"{_reader(read)}/{read.group}/{read.topic}/{read.source or 'none'}"
    times = (read.first_seen.isoformat(), read.last_seen.isoformat())
    return ("reads", dataset, read.audience or "", key, read.offsets, *times)


def _alert_rows(dataset: str, alerts: list[RaisedAlert]) -> list[CsvRow]:
    """Alerts counted by rule, severity and subject, with the first and last time each was raised."""
    raised: dict[str, list[RaisedAlert]] = {}
    for alert in alerts:  # in time order
        raised.setdefault(f"{alert.rule}/{alert.severity}/{alert.subject}", []).append(alert)
    return [
        ("alerts", dataset, "", key, len(same), same[0].at.isoformat(), same[-1].at.isoformat())
        for key, same in sorted(raised.items())
    ]


def _spreadsheet_safe(cell: str) -> str:
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("streamguard.app.services.evidence", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["count"] = lambda number: f"{number:,}"
    environment.filters["utc"] = utc_text
    environment.filters["dataset_name"] = dataset_name
    environment.tests["moment"] = lambda cell: isinstance(cell, datetime)
    return environment


def utc_text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def dataset_name(dataset: str | None) -> str:
    """How a page names a dataset, and the events that name none."""
    return NO_DATASET if dataset is None else dataset


_TOTAL_COLUMNS = ("Events", "Delivered", "Tombstones", "Quarantined", "Approvals", "Reads", "Alerts")
_LEGACY_NOTE = "Audience *: counts recorded before counts were kept per audience, summed over all audiences."
_READ_COLUMNS = (
    "Principal",
    "Source",
    "Group",
    "Topic",
    "Up to offset",
    "First seen",
    "Last seen",
    "Clients",
)
_READS_NOTE = (
    "Up to offset lists partition: offset, the highest offset the group committed on that partition, which is "
    "the next offset it reads (at 500 it has read offsets 0 to 499), and after “of” the partition's end offset "
    "then. Source says where the principal comes from: authorizer-log (the broker streamguard runs), "
    "audit-log-topic (a platform's audit log), or, where neither is available, group-prefix: inferred from the "
    "group's id and the policy's audiences, not seen. The principal is unknown where none was seen or inferred "
    "(a super user, a group of no audience's prefix): the consumer groups alone show the read."
)


def _summary_tables(report: Report) -> list[Table]:
    summary = report.summary
    audiences = [(dataset_name(row.dataset), row.audience, row.records) for row in summary.records_by_audience]
    quarantines = [(row.reason, row.count) for row in summary.quarantines]
    entities = [(row.entity, row.count) for row in summary.entities]
    return [
        Table("summary-totals", "Totals", ("Scope", *_TOTAL_COLUMNS), [("All datasets", *_totals(summary.totals))]),
        Table(
            "summary-records",
            "Records delivered per dataset and audience",
            ("Dataset", "Audience", "Records"),
            audiences,
            bar_chart(
                "chart-records",
                "Records delivered per dataset and audience",
                "records",
                [(f"{dataset} → {audience}", records) for dataset, audience, records in audiences],
            ),
        ),
        Table(
            "summary-quarantines",
            "Records quarantined, by reason",
            ("Reason", "Records"),
            quarantines,
            bar_chart("chart-quarantines", "Records quarantined, by reason", "records", quarantines),
        ),
        Table(
            "summary-unruled",
            "Raw topics holding personal data with no rules in force (latest discover run in the period)",
            ("Topic", "Sampled at", "Records sampled", "Fields found personal"),
            [
                (row.topic, row.sampled_at, row.records_sampled, ", ".join(row.personal_fields))
                for row in report.unruled_topics
            ],
        ),
        Table(
            "summary-entities",
            "Entities detected in free text, by type",
            ("Entity type", "Entities"),
            entities,
            bar_chart("chart-entities", "Entities detected in free text, by type", "entities", entities),
        ),
    ]


def _dataset_part(part: DatasetReport) -> DatasetPart:
    name = dataset_name(part.dataset)
    masked = [(row.audience, row.data_class, row.action, row.count) for row in part.masked]
    legacy = any(row.audience == ALL_AUDIENCES for row in part.masked)
    approvals = [
        (row.event_id, row.recorded_at, row.worker, json.dumps(row.operation, sort_keys=True)) for row in part.approvals
    ]
    tables = [
        Table("totals", "Totals", ("Dataset", *_TOTAL_COLUMNS), [(name, *_totals(part.totals))]),
        Table(
            "source-topics", "Source topics", ("Topic", "Records"), [(r.topic, r.records) for r in part.source_topics]
        ),
        Table(
            "identities",
            "Producer identities",
            ("Identity", "Records"),
            [(r.identity, r.records) for r in part.identities],
        ),
        Table(
            "audiences",
            "Audiences and the topics they received",
            ("Audience", "Topic", "Records"),
            [(r.audience, r.topic, r.records) for r in part.audiences],
        ),
        Table(
            "masked",
            "Fields masked, by audience, class and action",
            ("Audience", "Class", "Action", "Field applications"),
            masked,
            note=_LEGACY_NOTE if legacy else "",
        ),
        Table(
            "quarantines",
            "Quarantines by reason",
            ("Reason", "Records"),
            [(r.reason, r.count) for r in part.quarantines],
        ),
        Table(
            "entities", "Detected entities", ("Entity type", "Entities"), [(r.entity, r.count) for r in part.entities]
        ),
        Table("approvals", "Approvals", ("Event", "Recorded at", "Worker", "Operation"), approvals),
        Table(
            "reads",
            "Who read its topics, up to which offset, and when",
            _READ_COLUMNS,
            [_read_row(read) for read in part.reads],
            note=_READS_NOTE,
        ),
        Table(
            "alerts",
            "Alerts raised",
            ("Rule", "Severity", "Subject", "Summary", "Raised at"),
            [(a.rule, a.severity, a.subject, a.summary, a.at) for a in part.alerts],
        ),
    ]
    return DatasetPart(name, part.dataset or "", tables)


def _read_row(read: ViewRead) -> tuple[Cell, ...]:
    reached = "; ".join(
        f"{reach.partition}: {reach.committed_offset:,}"
        + ("" if reach.end_offset is None else f" of {reach.end_offset:,}")
        for reach in read.partitions
    )
    clients = ", ".join(f"{client.client_id}@{client.host}" for client in read.clients) or "none seen"
    return (
        _reader(read),
        source_label(read.source),
        read.group,
        read.topic,
        reached,
        read.first_seen,
        read.last_seen,
        clients,
    )


def _reader(read: ViewRead) -> str:
    """The policy's name of the principal with the broker's in brackets, whichever of them is known."""
    if read.principal and read.kafka_principal:
        return f"{read.principal} ({read.kafka_principal})"
    return read.principal or read.kafka_principal or UNKNOWN_PRINCIPAL


def _checkpoint_table(report: Report) -> Table | None:
    if report.verification is None:
        return None
    rows: list[tuple[Cell, ...]] = [
        (point.origin, point.size, point.root_hex, ", ".join(point.cosigned_by) or "none")
        for point in report.verification.checkpoints
    ]
    columns = ("Origin", "Size", "Root hash", "Cosigned by")
    return Table("checkpoints", "Checkpoints checked against", columns, rows, empty="No checkpoint was checked.")


def _totals(totals: Totals) -> tuple[int, ...]:
    counts = (totals.events, totals.delivered, totals.tombstones, totals.quarantined, totals.approvals)
    return (*counts, totals.reads, totals.alerts)
