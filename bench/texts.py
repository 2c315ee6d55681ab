"""Realistic support-ticket texts with labelled PII spans, for the free-text detection bench.

Faker supplies the *values* (names, addresses, numbers) inserted into hand-written templates; that is
test data only; no recognizer reads Faker's lists. About a quarter of the texts carry no PII but are
full of things that look like it (order and ticket numbers, prices, dates, versions, product names,
cities), so precision is tested honestly. Seeded: the same N gives the same texts.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from faker import Faker

PII_FREE_SHARE = 0.25


@dataclass(frozen=True)
class LabelledSpan:
    start: int
    end: int
    entity_type: str


@dataclass(frozen=True)
class LabelledText:
    text: str
    spans: tuple[LabelledSpan, ...]
    locale: str = "en_US"  # where the values come from (a Faker or mimesis locale)
    language: str = "en"  # the language the text is written in
    style: str = ""  # how the text is laid out (chat, csv, transcript...); empty where a set does not say

    @property
    def pii_free(self) -> bool:
        return not self.spans


PII_TEMPLATES = [
    "Hi, this is {name}. I can't log in since the {version} update. You can reach me at {email}.",
    "Hello team, please update the phone number on my account to {phone}. Order {order} is still pending.",
    "My name is {name} and I was charged {price} twice on {date}. The card ending is {card}, please refund one.",
    "Please ship the replacement to {address}. Thanks, {name}",
    "Customer {name} ({email}) reports that the {product} app crashes on startup after {version}.",
    "I need to update my billing address to {address}. My ticket number is {ticket}.",
    "Refund request for order {order}: please send it to IBAN {iban}, account holder {name}.",
    "For the background check I was asked for my SSN, it is {ssn}. Is that safe to send here?",
    "Our firewall blocked requests from {ip} around {time} UTC. Can you whitelist it? Ticket {ticket}.",
    "call me back on {phone} before 5pm please, it's about invoice {invoice}",
    "Dear support, {name} from our accounting team will follow up. Her direct line is {phone}.",
    "The courier left my parcel at the wrong house. Correct address: {address}. Order {order}.",
    "Please charge the remaining balance of {price} to card {card}. Thanks!",
    "Login alerts show a sign-in from {ip} which wasn't me. Please lock the account of {email}.",
    "I moved! New address is {address}, and my new number is {phone}.",
    "hello, {name} here. my zip is {zip} but the checkout keeps rejecting it.",
    "Delivery failed for postcode {uk_postcode}. Can you check why? Ref {order}.",
    "Transfer of {price} to {iban} was rejected on {date}. What went wrong?",
    "Spoke to {name} on the phone yesterday; she said to email {email} with the logs.",
    "My husband {name} and I share the account. His email is {email}.",
    "SSN on file looks wrong: should be {ssn}, not the one on the tax form from {date}.",
    "The {product} subscription renewed on {date} for {price}. I cancelled it - card {card}.",
    "Contact person for the site visit: {name}, {phone}, {address}.",
    "We see repeated 502s from {ip} hitting /api/v2/orders since {date}, build {version}.",
    "Please invoice {name} at {email} instead of the old address.",
    "Hi, I'm {name}. I bought {count} licenses on {date} and only received {count2}.",
    "Can you send the paper contract to {address}? Attn: {name}.",
    "Wire refund please. IBAN: {iban}. Reference {invoice}.",
    "Reach me at {phone} or {email}, whichever is easier.",
    "Account {account} belongs to {name}; please merge it with {email}.",
    "I gave my card number {card} over chat, please make sure it's deleted.",
    "Address for the return label: {address}",
    "Following up on ticket {ticket}: {name} still hasn't received the refund of {price}.",
    "Server {ip} is reporting version {version} but should be on the latest build.",
    "The form says my postcode {uk_postcode} is invalid. I live in {city}.",
    "Thanks {name}, that fixed it! Closing ticket {ticket}.",
]

PII_FREE_TEMPLATES = [
    "The app crashes every time I open the settings page on version {version}. Please fix.",
    "Order {order} was supposed to arrive on {date} but tracking hasn't updated in 3 days.",
    "I was charged {price} instead of {price2} for the annual plan. Invoice {invoice}.",
    "Can you extend my trial by 14 days? We are evaluating {product} for the team.",
    "The export to CSV only includes the first {count} rows of report {invoice}. Is that a limit?",
    "Ticket {ticket}: the dashboard shows 0 active users since the 7th.",
    "Our {city} office can't reach the API since the {version} rollout.",
    "Please cancel my subscription at the end of the billing period ({date}), we only used it {count} times.",
    "We ordered {count} units of {product} on {date} and received {count2}.",
    "The discount code SPRING{count} doesn't work at checkout for order {order}, it says expired.",
    "After upgrading to {version}, sync takes 45 minutes instead of 5.",
    "Is there a way to bulk delete {count} archived projects? Doing it one by one is painful.",
    "the password reset email never arrives, tried {count} times since {time}",
    "Invoice {invoice} lists 12 seats but we only have 9 users.",
    "Shipping to {city} took 11 days, the website promised 3-5 business days.",
    "Our admin reset the workspace on {date} and now reports from Q3 are missing.",
    "Error 429 Too Many Requests when calling /v1/items more than {count} times per minute ({ticket}).",
    "I'd like to upgrade from the Basic plan ({price}/month) to Pro.",
    "The {product} integration stopped posting to our Slack channel on {date}.",
    "Why was order {order} split into 2 shipments? Tracking {tracking} shows only one.",
]

PRODUCTS = ["Acme Sync", "DataVault", "Notion", "Zendesk", "Photon Pro", "CloudDesk", "Nimbus"]


class TicketGenerator:
    def __init__(self, seed: int = 7) -> None:
        self._rng = random.Random(seed)
        self._fakers = {loc: Faker(loc) for loc in ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES")}
        for i, fake in enumerate(self._fakers.values()):
            fake.seed_instance(seed + i)
        self._us = self._fakers["en_US"]
        self._gb = self._fakers["en_GB"]

    def _fake(self) -> Faker:
        return self._fakers[self._rng.choice(["en_US", "en_US", "en_GB", "de_DE", "fr_FR", "es_ES"])]

    def _value(self, field: str) -> tuple[str, str | None]:
        """Value for a placeholder and its ground-truth entity type (None: not PII)."""
        r = self._rng
        maker = getattr(self, f"_v_{field.rstrip('2')}")
        return maker(r)

    def _v_name(self, r: random.Random) -> tuple[str, str | None]:
        fake = self._fake()
        return (fake.name() if r.random() < 0.7 else fake.first_name() + " " + fake.last_name()), "PERSON"

    def _v_email(self, r: random.Random) -> tuple[str, str | None]:
        return self._fake().email(), "EMAIL_ADDRESS"

    def _v_phone(self, r: random.Random) -> tuple[str, str | None]:
        if r.random() < 0.35:
            return self._us.numerify(r.choice(["(###) ###-####", "###-###-####", "+1 ### ### ####"])).replace(
                "(0", "(4"
            ), "PHONE_NUMBER"
        return r.choice(
            [self._us, self._gb, self._fakers["de_DE"], self._fakers["fr_FR"]]
        ).phone_number(), "PHONE_NUMBER"

    def _v_card(self, r: random.Random) -> tuple[str, str | None]:
        number = self._us.credit_card_number(card_type=r.choice(["visa16", "mastercard", "amex", "discover"]))
        if r.random() < 0.5 and len(number) == 16:
            number = " ".join(number[i : i + 4] for i in range(0, 16, 4))
        return number, "CREDIT_CARD"

    def _v_ssn(self, r: random.Random) -> tuple[str, str | None]:
        return self._us.ssn(), "US_SSN"

    def _v_iban(self, r: random.Random) -> tuple[str, str | None]:
        iban = r.choice([self._fakers["de_DE"], self._gb, self._fakers["fr_FR"], self._fakers["es_ES"]]).iban()
        if r.random() < 0.6:
            iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban, "IBAN_CODE"

    def _v_ip(self, r: random.Random) -> tuple[str, str | None]:
        return (self._us.ipv4_public() if r.random() < 0.8 else self._us.ipv6()), "IP_ADDRESS"

    def _v_address(self, r: random.Random) -> tuple[str, str | None]:
        if r.random() < 0.65:
            street = self._us.street_address()
            tail = f", {self._us.city()}, {self._us.state_abbr()} {self._us.zipcode()}" if r.random() < 0.6 else ""
            return street + tail, "STREET_ADDRESS"
        street = self._gb.street_address().replace("\n", ", ")
        return (street + f", {self._gb.city()} {self._gb.postcode()}" if r.random() < 0.5 else street), "STREET_ADDRESS"

    def _v_zip(self, r: random.Random) -> tuple[str, str | None]:
        return self._us.zipcode(), "POSTAL_CODE"

    def _v_uk_postcode(self, r: random.Random) -> tuple[str, str | None]:
        return self._gb.postcode(), "POSTAL_CODE"

    # Not PII: the look-alikes.
    def _v_order(self, r: random.Random) -> tuple[str, str | None]:
        return r.choice(["#", "", "ORD-", "A"]) + str(r.randint(10_000, 99_999_999)), None

    def _v_ticket(self, r: random.Random) -> tuple[str, str | None]:
        return r.choice(["#", "TCK-", "SUP-"]) + str(r.randint(1000, 999_999)), None

    def _v_invoice(self, r: random.Random) -> tuple[str, str | None]:
        return f"INV-{r.randint(2019, 2025)}-{r.randint(1, 99999):05d}", None

    def _v_account(self, r: random.Random) -> tuple[str, str | None]:
        return f"ACC{r.randint(100000, 9999999)}", None

    def _v_tracking(self, r: random.Random) -> tuple[str, str | None]:
        return "1Z" + "".join(r.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(16)), None

    def _v_price(self, r: random.Random) -> tuple[str, str | None]:
        amount = r.uniform(1, 3000)
        return r.choice([f"${amount:,.2f}", f"€{amount:.2f}", f"£{amount:.0f}", f"{amount:.2f} USD"]), None

    def _v_date(self, r: random.Random) -> tuple[str, str | None]:
        d = self._us.date_this_decade()
        return r.choice(
            [d.strftime("%B %d"), d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%b %-d, %Y"), "the 7th"]
        ), None

    def _v_time(self, r: random.Random) -> tuple[str, str | None]:
        return f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}", None

    def _v_version(self, r: random.Random) -> tuple[str, str | None]:
        return r.choice(["v", ""]) + ".".join(str(r.randint(0, 20)) for _ in range(r.choice([2, 3, 3, 4]))), None

    def _v_product(self, r: random.Random) -> tuple[str, str | None]:
        return r.choice(PRODUCTS), None

    def _v_city(self, r: random.Random) -> tuple[str, str | None]:
        return r.choice(["London", "Berlin", "Chicago", "Austin", "Paris", "Toronto", "Madrid"]), None

    def _v_count(self, r: random.Random) -> tuple[str, str | None]:
        return str(r.randint(2, 500)), None

    def fill(self, template: str) -> LabelledText:
        parts: list[str] = []
        spans: list[LabelledSpan] = []
        position = 0
        for piece in re.split(r"(\{\w+\})", template):
            if piece.startswith("{") and piece.endswith("}"):
                value, entity = self._value(piece[1:-1])
                if entity is not None:
                    spans.append(LabelledSpan(position, position + len(value), entity))
                piece = value
            parts.append(piece)
            position += len(piece)
        return LabelledText("".join(parts), tuple(spans))

    def generate(self, count: int) -> list[LabelledText]:
        out = []
        for _ in range(count):
            pool = PII_FREE_TEMPLATES if self._rng.random() < PII_FREE_SHARE else PII_TEMPLATES
            out.append(self.fill(self._rng.choice(pool)))
        return out


def generate_tickets(count: int, seed: int = 7) -> list[LabelledText]:
    return TicketGenerator(seed).generate(count)
