"""The scanner: text -> spans tables per entity, PII-free texts, fail-closed, offline."""

from __future__ import annotations

import socket

import pytest

from streamguard.masking.detection import Span, TextScan
from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.patterns import ContextBooster
from streamguard.masking.detection.presidio_scanner import PresidioScanner, build_default_scanner
from streamguard.masking.detection.recognizers import ContextualRecognizer, build_recognizers


def found(scanner: PresidioScanner, text: str) -> list[tuple[str, str]]:
    [scan] = scanner.scan_batch([text])
    assert scan.error is None
    return [(text[s.start : s.end], s.entity_type) for s in scan.spans]


# (text, expected value, entity): the value must come out as exactly one span of that entity.
POSITIVES = [
    ("Hi, this is John Smith from accounts.", "John Smith", "PERSON"),
    ("Thanks Troy Sanders, that fixed it!", "Troy Sanders", "PERSON"),
    ("Attn: Zaida Pallarès Mesa", "Zaida Pallarès Mesa", "PERSON"),
    ("Write to jane.doe@example.co.uk for the logs.", "jane.doe@example.co.uk", "EMAIL_ADDRESS"),
    ("Call me at (415) 555-0132 tomorrow.", "(415) 555-0132", "PHONE_NUMBER"),
    ("My number is (555) 123-4567.", "(555) 123-4567", "PHONE_NUMBER"),
    ("London office: +44 20 7946 0958.", "+44 20 7946 0958", "PHONE_NUMBER"),
    ("Berlin desk +49 30 12345678 until noon.", "+49 30 12345678", "PHONE_NUMBER"),
    ("ring 020 7946 0958 after 6", "020 7946 0958", "PHONE_NUMBER"),
    ("Card 4111 1111 1111 1111 was declined.", "4111 1111 1111 1111", "CREDIT_CARD"),
    ("charge 2221000000000009 please", "2221000000000009", "CREDIT_CARD"),
    ("Amex 378282246310005 on file.", "378282246310005", "CREDIT_CARD"),
    ("My SSN is 123-45-6788.", "123-45-6788", "US_SSN"),
    ("IBAN DE89 3704 0044 0532 0130 00 please.", "DE89 3704 0044 0532 0130 00", "IBAN_CODE"),
    ("Pay GB29NWBK60161331926819 TODAY", "GB29NWBK60161331926819", "IBAN_CODE"),
    ("Blocked host 192.168.1.20 again.", "192.168.1.20", "IP_ADDRESS"),
    ("From 2001:db8::8a2e:370:7334 we saw errors.", "2001:db8::8a2e:370:7334", "IP_ADDRESS"),
    ("Ship it to 221B Baker Street please.", "221B Baker Street", "STREET_ADDRESS"),
    (
        "Send to 1600 Pennsylvania Ave NW, Washington, DC 20500.",
        "1600 Pennsylvania Ave NW, Washington, DC 20500",
        "STREET_ADDRESS",
    ),
    (
        "Deliver to 76018 Peterson Keys Suite 971, West Thomasland, AR 96335",
        "76018 Peterson Keys Suite 971, West Thomasland, AR 96335",
        "STREET_ADDRESS",
    ),
    ("I moved to Hauptstraße 12, 10115 Berlin.", "Hauptstraße 12, 10115 Berlin", "STREET_ADDRESS"),
    ("my zip is 94107 but checkout fails", "94107", "POSTAL_CODE"),
    ("Postcode SW1A 1AA is rejected.", "SW1A 1AA", "POSTAL_CODE"),
]


@pytest.mark.parametrize(("text", "value", "entity"), POSITIVES)
def test_finds_pii(scanner: PresidioScanner, text: str, value: str, entity: str) -> None:
    assert (value, entity) in found(scanner, text)


PII_FREE = [
    "The order #12345 shipped on the 7th; total $1,299.00.",
    "After upgrading to v10.2.3.4 sync takes 45 minutes instead of 5.",
    "Invoice INV-2023-00412 lists 12 seats but we only have 9 users.",
    "Why was order ORD-81571363 split into 2 shipments?",
    "We ordered 404 units on 2024-09-07 and received 79.",
    "Error 429 Too Many Requests when calling /v1/items more than 100 times per minute.",
    "Please cancel my subscription at the end of the billing period.",
    "The meeting is on March 3rd at 10:30, room 4.",
    "I bought a 3 Day Pass and 2 Gift Cards.",
    "Our Berlin office can't reach the API since the rollout.",
    "Order 99887766 was charged 1234 5678 in total, ticket 4444.",
    "Hi Support Team, the export is broken again.",
    "the password reset email never arrives, tried 4 times today",
]


@pytest.mark.parametrize("text", PII_FREE)
def test_pii_free_texts_flag_nothing(scanner: PresidioScanner, text: str) -> None:
    assert found(scanner, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4111 1111 1111 1112", []),  # Luhn fails
        ("SSN 666-12-3456", []),  # area 666 never issued
        ("SSN 912-34-5678", []),  # 9xx area is not an SSN
        ("IBAN DE89 3704 0044 0532 0130 01", []),  # mod 97 fails
        ("mail me at bob@localhost", []),  # no public suffix
        ("version 1.2.3.4 is out", []),  # a release, not a host
    ],
)
def test_validation_rejects_lookalikes(scanner: PresidioScanner, text: str, expected: list) -> None:
    assert found(scanner, text) == expected


def test_zip_needs_its_context_word_right_before() -> None:
    scanner_text = "zip 94107, order 12345 shipped"
    config = DetectionConfig(entities=("POSTAL_CODE",), strict_extra_entities=(), cache_size=0)
    scanner = PresidioScanner(config, None, build_recognizers(config))
    assert found(scanner, scanner_text) == [("94107", "POSTAL_CODE")]


def test_batch_keeps_order_and_dedupes(scanner: PresidioScanner) -> None:
    texts = ["mail a@example.com", "nothing here", "mail a@example.com", ""]
    scans = scanner.scan_batch(texts)
    assert [len(s.spans) for s in scans] == [1, 0, 1, 0]


def test_cache_serves_repeats(ner_pipeline) -> None:
    config = DetectionConfig(cache_size=8)
    cached = PresidioScanner(config, ner_pipeline, build_recognizers(config))
    first = cached.scan_batch(["Call Mary Jones at 415-555-0132"])
    assert cached.scan_batch(["Call Mary Jones at 415-555-0132"]) == first
    assert cached.cache.hits == 1


# --- fail closed --------------------------------------------------------------------------------


def test_oversize_text_fails_closed(ner_pipeline) -> None:
    config = DetectionConfig(max_text_chars=100, cache_size=0)
    small = PresidioScanner(config, ner_pipeline, build_recognizers(config))
    scans = small.scan_batch(["x" * 101, "ok text"])
    assert scans == [TextScan(error="text_too_large"), TextScan()]


class _Exploding:
    entity = "EMAIL_ADDRESS"
    context: tuple[str, ...] = ()

    def applies_to(self, text: str) -> bool:
        return "boom" in text

    def find(self, text: str) -> list[Span]:
        raise RuntimeError("recognizer bug")


def test_recognizer_error_fails_only_that_text(ner_pipeline) -> None:
    config = DetectionConfig(cache_size=0)
    recognizers = [*build_recognizers(config), ContextualRecognizer(_Exploding(), ContextBooster((), 0.35))]
    scanner = PresidioScanner(config, ner_pipeline, recognizers)
    scans = scanner.scan_batch(["boom secret", "mail a@example.com"])
    assert scans[0] == TextScan(error="detector_failed")
    assert "secret" not in (scans[0].error or "")
    assert scans[1].error is None
    assert scans[1].spans


class _BrokenNlp:
    def pipe(self, texts, batch_size):
        raise RuntimeError("model bug")

    def __call__(self, text):
        if "poison" in text:
            raise RuntimeError("model bug")
        return _EmptyDoc()


class _EmptyDoc:
    text = ""
    ents = ()


def test_ner_error_is_isolated_to_its_text() -> None:
    config = DetectionConfig(cache_size=0)
    scanner = PresidioScanner(config, _BrokenNlp(), build_recognizers(config))  # type: ignore[arg-type]
    scans = scanner.scan_batch(["Poison poison text", "Anna wrote to a@example.com"])
    assert scans[0] == TextScan(error="detector_failed")
    assert scans[1].error is None
    assert scans[1].spans


def test_over_time_budget_fails_closed(ner_pipeline) -> None:
    config = DetectionConfig(batch_time_budget_s=1e-9, text_time_budget_s=1e-9, cache_size=0)
    scanner = PresidioScanner(config, ner_pipeline, build_recognizers(config))
    scans = scanner.scan_batch(["Anna Smith wrote", "mail a@example.com"])
    assert all(s.error == "detector_timeout" for s in scans)


def test_the_budget_grows_with_the_batch_so_a_backlog_is_not_failed_for_its_size(ner_pipeline) -> None:
    """A floor the one text alone fits, and a share per text that the whole batch fits: nothing times out,
    where a budget fixed at the floor would fail most of the batch."""
    config = DetectionConfig(batch_time_budget_s=0.05, text_time_budget_s=0.02, cache_size=0)
    scanner = PresidioScanner(config, ner_pipeline, build_recognizers(config))
    texts = [f"Ticket {n}: Anna Smith wrote from a{n}@example.com about the refund." for n in range(400)]
    scans = scanner.scan_batch(texts)
    assert config.budget_s(len(texts)) == pytest.approx(8.05)
    assert [s.error for s in scans] == [None] * len(texts)


# --- offline -------------------------------------------------------------------------------------


def test_no_socket_is_opened_while_building_and_scanning(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("detection tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    from streamguard.masking.detection.offline import offline_extractor

    offline_extractor.cache_clear()  # rebuild the extractor under the patch
    # A generous regex timeout: what is tested is the network, and a stall of the loaded machine must not fail
    # this text closed (it did once in a full run: a 1 s timeout on a 55-character text).
    scanner = build_default_scanner(DetectionConfig(cache_size=0, regex_timeout_s=30))
    [scan] = scanner.scan_batch(["Write to someone@mail.example.org or brand@new-domain.io"])
    assert [s.entity_type for s in scan.spans] == ["EMAIL_ADDRESS", "EMAIL_ADDRESS"]


# --- process pool -----------------------------------------------------------------------------------


def test_process_pool_matches_in_process_results(scanner: PresidioScanner) -> None:
    texts = ["Thanks Troy Sanders", "card 4111 1111 1111 1111", "nothing", "ip 10.0.0.1", "x" * 30_000]
    pooled = build_default_scanner(DetectionConfig(workers=2, pool_min_batch=2, cache_size=0))
    try:
        assert pooled.scan_batch(texts) == scanner.scan_batch(texts)
    finally:
        pooled.close()
