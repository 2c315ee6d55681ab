"""Values whose field says what they are: ``city=Kumasi`` in a log line, ``"phone": "0244 123 456"`` in a JSON
fragment, ``Wohnort: Graz`` on a form, and the cells under a ``name;plz;ort`` header in CSV rows.

NER reads sentences; a log line or a CSV row has none, and there a bare surname, a town nobody has heard of or a
postcode without its town is all the value there is. The field's name is the evidence: it is checked against
the field names of six languages, and the value against the shape its type must have (a phone has digits, a
town none), so ``name=checkout-service`` or ``address=10.0.0.7`` stay what they are.
"""

from __future__ import annotations

import regex

from streamguard.masking.detection import Span

FIELD_SCORE = 0.85

# Field names of each personal type in six languages, compared without case, spaces, dots, dashes or underscores.
_FIELD_NAMES = {
    "PERSON": (
        "name username fullname firstname lastname givenname surname familyname customer customername client "
        "clientname "
        "contact contactname recipient sender holder accountholder cardholder patient employee caller passenger "
        "guest applicant candidate speaker vorname nachname familienname kunde kundin kundenname empfänger "
        "empfaenger absender ansprechpartner inhaber kontoinhaber karteninhaber mitarbeiter anrufer nom prénom "
        "prenom nomcomplet destinataire expéditeur expediteur titulaire interlocuteur nombre apellido apellidos "
        "nombrecompleto destinatario remitente titular contacto nome cognome nomecompleto mittente intestatario "
        "titolare referente naam voornaam achternaam volledigenaam klant klantnaam ontvanger afzender "
        "rekeninghouder contactpersoon beller"
    ),
    "LOCATION": (
        "city town locality hometown residence ort wohnort stadt gemeinde ville localité localite commune ciudad "
        "localidad población poblacion municipio città citta località localita comune residenza plaats "
        "woonplaats stad gemeente"
    ),
    "POSTAL_CODE": "zip zipcode postcode postalcode plz postleitzahl cp codepostal codigopostal códigopostal cap npa",
    "PHONE_NUMBER": (
        "phone phonenumber tel telephone telefon telefonnummer téléphone telefono teléfono telefoon mobile mobil "
        "handy portable cellulare cell móvil movil gsm mobiel mobielnummer fax"
    ),
    "STREET_ADDRESS": (
        "street streetaddress address addr straße strasse adresse anschrift rue calle dirección direccion "
        "domicilio via indirizzo straat adres"
    ),
}
_FIELDS = {name: entity for entity, names in _FIELD_NAMES.items() for name in names.split()}
_SHAPES = {
    # Names and towns: letters, one word capitalised at least ("name=checkout-service", "Name: the new one" no).
    "PERSON": regex.compile(r"^(?=(?:.*[ ])?\p{Lu})\p{L}[\p{L}.'\u2019-]*(?:[ ]\p{L}[\p{L}.'\u2019-]*){0,4}$"),
    "LOCATION": regex.compile(r"^(?=(?:.*[ ])?\p{Lu})\p{L}[\p{L}.'\u2019-]*(?:[ ]\p{L}[\p{L}.'\u2019()-]*){0,3}$"),
    "POSTAL_CODE": regex.compile(r"^(?=(?:\D*\d){2})[A-Za-z0-9][A-Za-z0-9 -]{2,8}[A-Za-z0-9]$"),
    "PHONE_NUMBER": regex.compile(r"^(?=(?:\D*\d){6})\+?[\d ()./-]{6,22}$"),
    "STREET_ADDRESS": regex.compile(r"^(?=.*\p{L}{3})(?=.*\d)[^@:/=]{5,80}$"),
}
# The separator of key=value, "key": "value" and "Label: value"; the key is the word or two before it.
_SEPARATOR = regex.compile(r"[\"']?[ ]?([=:])[ ]?")
_KEY_BEFORE = regex.compile(r"(?<![\p{L}\d_])(\p{L}[\p{L}_.-]{0,24})(?:[ ](\p{L}[\p{L}_.-]{0,24}))?[\"']?[ ]?$")
_QUOTED = regex.compile(r"\"([^\"\n]{1,80})\"|'([^'\n]{1,80})'")
_UNQUOTED = regex.compile(r"[^\s\"',;|{}][^\n,;|{}\"]{0,80}")
_DELIMITERS = (";", "\t", "|", ",")


class FieldValueRecognizer:
    """Values under a field that names a personal type, in key=value text, JSON, forms and CSV rows."""

    entity = "PERSON"  # nominal: it reports every type of _FIELDS
    context: tuple[str, ...] = ()
    vouches_by_field = True  # the scanner does not second-guess its names with the everyday-word lists

    def __init__(self, timeout_s: float = 1.0) -> None:
        self._timeout_s = timeout_s

    def applies_to(self, text: str) -> bool:
        return "=" in text or ":" in text or "\n" in text

    def find(self, text: str) -> list[Span]:
        return self._keyed(text) + _csv_cells(text)

    def _keyed(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for separator in _SEPARATOR.finditer(text, timeout=self._timeout_s):
            entity = _field_of(text[max(0, separator.start() - 40) : separator.start()])
            if entity is None:
                continue
            value = _value_after(text, separator.end(), unquoted_ends_at_key=separator.group(1) == "=")
            if value is not None and _fits(entity, text[value[0] : value[1]]):
                spans.append(Span(value[0], value[1], entity, FIELD_SCORE))
        return spans


def _field_of(before: str) -> str | None:
    """The personal type the key just before a separator names: its last word, or its last two ("Postal code")."""
    key = _KEY_BEFORE.search(before)
    if key is None:
        return None
    last = key.group(2) or key.group(1)
    return _FIELDS.get(_field_key(last)) or (_FIELDS.get(_field_key(key.group(1) + last)) if key.group(2) else None)


def _value_after(text: str, start: int, unquoted_ends_at_key: bool) -> tuple[int, int] | None:
    quoted = _QUOTED.match(text, start)
    if quoted is not None:
        group = 1 if quoted.group(1) is not None else 2
        return quoted.span(group)
    unquoted = _UNQUOTED.match(text, start)
    if unquoted is None:
        return None
    value = unquoted.group()
    if unquoted_ends_at_key:  # "city=Graz level=info": the value ends where the next key begins
        value = regex.split(r"[ ]+[\p{L}_]+=", value, maxsplit=1)[0]
    value = value.rstrip(" .")
    return start, start + len(value)


def _field_key(name: str) -> str:
    return regex.sub(r"[\s_.-]", "", name.lower())


def _fits(entity: str, value: str) -> bool:
    return bool(value) and _SHAPES[entity].match(value) is not None


def _csv_cells(text: str) -> list[Span]:
    """Cells of CSV rows whose header names a personal field; rows with another cell count are skipped."""
    lines = text.split("\n")
    spans: list[Span] = []
    offset = 0
    columns: dict[int, str] = {}
    delimiter = ""
    width = 0
    for line in lines:
        row = line.rstrip("\r")
        header = _header(row)
        if header is not None:
            delimiter, columns = header
            width = row.count(delimiter) + 1
        elif columns and row.count(delimiter) + 1 == width:
            spans.extend(_row_cells(row, offset, delimiter, columns))
        elif row.strip():
            columns = {}
        offset += len(line) + 1
    return spans


def _header(row: str) -> tuple[str, dict[int, str]] | None:
    for delimiter in _DELIMITERS:
        cells = row.split(delimiter)
        if len(cells) < 2:
            continue
        names = [_field_key(c.strip().strip("\"'")) for c in cells]
        if any(not name or any(ch.isdigit() for ch in name) for name in names):
            continue
        columns = {i: _FIELDS[name] for i, name in enumerate(names) if name in _FIELDS}
        if columns:
            return delimiter, columns
    return None


def _row_cells(row: str, offset: int, delimiter: str, columns: dict[int, str]) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for index, cell in enumerate(row.split(delimiter)):
        entity = columns.get(index)
        value = cell.strip().strip("\"'")
        if entity is not None and _fits(entity, value):
            at = offset + start + cell.index(value)
            spans.append(Span(at, at + len(value), entity, FIELD_SCORE))
        start += len(cell) + len(delimiter)
    return spans
