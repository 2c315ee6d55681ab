"""Machine-shaped text: log lines with key=value pairs, CSV exports with a header line, and web-form dumps."""

from __future__ import annotations

from bench.heldout2.labels import Seg
from bench.heldout2.render import Ctx
from bench.heldout2.vocab import FIELD_VALUES, LABELS, LOG_MESSAGES, LOG_MESSAGES_FREE, MESSAGES, STATUSES

# Log lines: the event and its fields. Keys stay English, as they do in most codebases; the messages do not.
_LOG_PII = (
    'event=profile.viewed user_id={uid} user_name="{full}" city="{town}" msg="{msg}"',
    'event=address.updated street="{street}" postcode="{pc}" city={town} msg="{msg}"',
    'event=sms.sent phone="{mobile}" provider={saas} msg="{msg}"',
    'event=login email={email} first_name={first} last_name="{last}" app_version={version} msg="{msg}"',
    'event=refund.requested iban="{iban}" amount="{amount}" order_id={order} msg="{msg}"',
    'event=payment.declined card="{card}" holder="{full}" order_id={order}',
    "event=ticket.assigned ticket={ticket} assignee={handle:1} requester_email={email}",
)
_LOG_FREE = (
    'event=deploy.finished version={version} region=eu-west-1 site="{office}" msg="{msgf}"',
    'event=payment.rejected iban="{badiban}" order_id={order} msg="{msgf}"',
    'event=order.shipped order_id={order} amount="{amount}" destination_country="{country}"',
    'event=integration.sync provider={saas} status=503 retry_in=30s msg="{msgf}"',
    'event=alert.weather site="{office}" storm="{storm}" severity=amber',
)
_LOG_PREFIXES = ("{ts}Z {level:<5} ", "ts={ts}Z level={lvl} ", "[{day} {clock}] {level} ")


def _log_prefix(ctx: Ctx, day: str, second: int) -> str:
    clock = f"{9 + second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
    level = ctx.rng.choice(("INFO", "INFO", "WARN", "DEBUG"))
    fmt = ctx.rng.choice(_LOG_PREFIXES)
    return fmt.format(ts=f"{day}T{clock}.{ctx.rng.randint(0, 999):03d}", level=level, lvl=level.lower(), day=day,
                      clock=clock)  # fmt: skip


def build_log(ctx: Ctx, pii: bool) -> None:
    rng = ctx.rng
    lines = rng.sample(_LOG_PII, rng.randint(1, 3)) if pii else []
    lines += rng.sample(_LOG_FREE, rng.randint(0 if pii else 2, 2))
    rng.shuffle(lines)
    second = rng.randint(0, 20000)
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"  # one day's log, seconds apart
    for line in lines:
        second += rng.randint(1, 90)
        line = line.replace("{msg}", rng.choice(LOG_MESSAGES[ctx.lang]))
        line = line.replace("{msgf}", rng.choice(LOG_MESSAGES_FREE[ctx.lang]))
        line = line.replace("{uid}", str(rng.randint(1000, 999999)))
        ctx.render(_log_prefix(ctx, day, second) + line + "\n")


_CSV_PII = (("full", "email", "phone", "town"), ("first", "last", "street", "pc", "town"),
            ("full", "street", "pc", "town", "country"), ("order", "full", "iban", "amount"),
            ("last", "first", "phone", "email", "date"))  # fmt: skip
_CSV_FREE = (("order", "product", "qty", "amount", "date"), ("order", "status", "country", "amount"),
             ("product", "qty", "status", "date"))  # fmt: skip


def _csv_cell(ctx: Ctx, field: str, row: int, sep: str) -> list[Seg]:
    if field == "status":
        return [(ctx.rng.choice(STATUSES[ctx.lang]), None)]
    template = FIELD_VALUES[field]
    segs = ctx.expand(template.replace("}", f":{row}}}") if field in ("full", "first", "last", "email", "phone",
                      "street", "pc", "town", "iban") else template)  # fmt: skip
    text = "".join(t for t, _ in segs)
    if sep in text or '"' in text:  # RFC 4180: such a cell is quoted; the span stays on the value inside
        return [('"', None), *segs, ('"', None)]
    return segs


def build_csv(ctx: Ctx, pii: bool) -> None:
    rng = ctx.rng
    sep = "," if ctx.lang == "en" else rng.choice((";", ";", ","))  # continental Excel writes semicolons
    columns = rng.choice(_CSV_PII if pii else _CSV_FREE)
    header = [LABELS[ctx.lang][c] for c in columns]
    if ctx.lang == "en" or rng.random() < 0.3:  # exports from code: snake_case headers
        header = [h.lower().replace(" ", "_").replace("/", "_") for h in header]
    ctx.render(sep.join(header) + "\n")
    for row in range(rng.randint(1, 4)):
        for i, field in enumerate(columns):
            ctx.buf.add(sep if i else "")
            ctx.buf.extend(_csv_cell(ctx, field, row, sep))
        ctx.buf.add("\n")


_FORM_PII = (("full", "email", "phone", "message"), ("first", "last", "street", "pc", "town", "phone"),
             ("full", "iban", "email", "message"), ("full", "street", "pc", "town", "country", "email"),
             ("first", "last", "card", "subject"))  # fmt: skip
_FORM_FREE = (("subject", "order", "product", "message"), ("order", "amount", "date", "message"),
              ("subject", "country", "message"))  # fmt: skip


def build_form(ctx: Ctx, pii: bool) -> None:
    rng = ctx.rng
    labels = LABELS[ctx.lang]
    sep = rng.choice((": ", ": ", ":\t", " = "))
    if rng.random() < 0.5:
        ctx.render(rng.choice(("--- web form ---", "[contact-form]", "Form submission #{qty}")) + "\n")
    for field in rng.choice(_FORM_PII if pii else _FORM_FREE):
        if field == "message":
            value = rng.choice(MESSAGES[ctx.lang])
        elif field == "subject":
            value = "{phrase}"
        else:
            value = FIELD_VALUES[field]
        ctx.render(f"{labels[field]}{sep}{value}\n")
