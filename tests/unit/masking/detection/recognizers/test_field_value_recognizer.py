"""Values a field names: key=value logs, JSON, forms and CSV columns, with the value's shape checked."""

from __future__ import annotations

import pytest

from streamguard.masking.detection.lexicon import load_lexicon
from streamguard.masking.detection.recognizers.field_value_recognizer import FieldValueRecognizer

FOUND = [
    (
        'ts=2024-05-02T10:11:12Z level=info user_name="Abena Owusu" city=Kumasi phone=0244123456',
        [("PERSON", "Abena Owusu"), ("LOCATION", "Kumasi"), ("PHONE_NUMBER", "0244123456")],
    ),
    (
        '{"nombre": "Iker Etxeberria", "cp": "20012", "ciudad": "Donostia", "telefono": "943 12 34 56"}',
        [
            ("PERSON", "Iker Etxeberria"),
            ("POSTAL_CODE", "20012"),
            ("LOCATION", "Donostia"),
            ("PHONE_NUMBER", "943 12 34 56"),
        ],
    ),
    (
        "Wohnort: Graz\nTelefon : 0664 1234567\nPostal code: SW1A 1AA",
        [("LOCATION", "Graz"), ("PHONE_NUMBER", "0664 1234567"), ("POSTAL_CODE", "SW1A 1AA")],
    ),
    (
        "naam;straat;postcode;plaats\nSevgi Aydın;Lange Nieuwstraat 12;3512 PH;Utrecht\n"
        "Daan Smit;Markt 3;5611 EB;Eindhoven",
        [
            ("PERSON", "Sevgi Aydın"),
            ("STREET_ADDRESS", "Lange Nieuwstraat 12"),
            ("POSTAL_CODE", "3512 PH"),
            ("LOCATION", "Utrecht"),
            ("PERSON", "Daan Smit"),
            ("STREET_ADDRESS", "Markt 3"),
            ("POSTAL_CODE", "5611 EB"),
            ("LOCATION", "Eindhoven"),
        ],
    ),
    (
        "nome,cognome,città\nNicola,Cattaneo,Padova",
        [("PERSON", "Nicola"), ("PERSON", "Cattaneo"), ("LOCATION", "Padova")],
    ),
    # A row with another number of cells is no row of that table.
    ("city,zip\nBerlin,10115\nthis row, has, too many cells", [("LOCATION", "Berlin"), ("POSTAL_CODE", "10115")]),
]

# A field's name alone is not enough: the value must have its type's shape.
NOT_FOUND = [
    "service=checkout name=checkout-service address=10.0.0.7 phone=unknown",
    "Subject: Name change request\nName: the new one",
    "Date: 12:30 Monday, see https://example.org/city",
    # "name" alone: a product or a store unless the name lists know a word of it; "Company name" is a company's.
    "name,price\nHugo Boss Suit,299\nThermomix TM6,1399",
    "Company name: Keller Maschinenbau\nProduct name: Aurora Cloud",
    "ticket;created;queue\n#4803;2024-11-22;Billing",  # no personal column
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_values_under_a_personal_field_are_found(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(s.entity_type, text[s.start : s.end]) for s in FieldValueRecognizer(load_lexicon()).find(text)]
    assert found == expected


@pytest.mark.parametrize("text", NOT_FOUND)
def test_values_of_the_wrong_shape_or_field_are_not(text: str) -> None:
    found = [(s.entity_type, text[s.start : s.end]) for s in FieldValueRecognizer(load_lexicon()).find(text)]
    assert found == []
