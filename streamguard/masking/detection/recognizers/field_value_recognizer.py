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
from streamguard.masking.detection.lexicon import Lexicon

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
# "name" alone names a product or a store as often as a person, and a sender, a recipient or a customer is as
# often a company: their values must hold a name the lists know.
_AMBIGUOUS = (
    "name nom naam nome nombre customer client contact recipient sender holder guest kunde kundin empfänger "
    "empfaenger absender inhaber destinataire expéditeur expediteur titulaire destinatario remitente titular "
    "contacto mittente intestatario titolare referente klant ontvanger afzender"
)
_BARE_NAME = frozenset(_AMBIGUOUS.split())
# "Company name:", "Product name:": the word before "name" says whose name it is.
_QUALIFIERS = (
    "company product store shop file host service event project team brand model device app display domain server "
    "queue topic field column table job task item article course building venue folder document campaign "
    "category plan package street city band group organisation organization business trading legal"
)
_THING_QUALIFIERS = frozenset(_QUALIFIERS.split())
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
_NEXT_KEY = regex.compile(r"[ ]+[\p{L}_]+=")
_KEY_NOISE = regex.compile(r"[\s_.-]")
_DELIMITERS = (";", "\t", "|", ",")
_COLUMN_NAME = regex.compile(r"^\p{L}[\p{L}_.-]*(?:[ ]\p{L}[\p{L}_.-]*){0,2}$")


class FieldValueRecognizer:
    """Values under a field that names a personal type, in key=value text, JSON, forms and CSV rows."""

    entity = "PERSON"  # nominal: it reports every type of _FIELDS
    context: tuple[str, ...] = ()
    vouches_by_field = True  # the scanner does not second-guess its names with the everyday-word lists

    def __init__(self, lexicon: Lexicon, timeout_s: float = 1.0) -> None:
        self._lexicon = lexicon
        self._timeout_s = timeout_s

    def applies_to(self, text: str) -> bool:
        return "=" in text or ":" in text or "\n" in text

    def find(self, text: str) -> list[Span]:
        return self._keyed(text) + self._csv_cells(text)

    def _keyed(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for separator in _SEPARATOR.finditer(text, timeout=self._timeout_s):
            key = _key_of(text[max(0, separator.start() - 40) : separator.start()])
            if key is None:
                continue
            value = _value_after(text, separator.end(), unquoted_ends_at_key=separator.group(1) == "=")
            if value is not None and self._fits(key, text[value[0] : value[1]]):
                spans.append(Span(value[0], value[1], _FIELDS[key], FIELD_SCORE))
        return spans

    def _fits(self, key: str, value: str) -> bool:
        entity = _FIELDS[key]
        if not value or _SHAPES[entity].match(value) is None:
            return False
        return key not in _BARE_NAME or self._a_name(value)

    def _a_name(self, value: str) -> bool:
        """A value under a bare "name": a given name or surname the lists know, and no known thing's name."""
        words = value.split()
        lexicon = self._lexicon
        known = any(lexicon.is_first_name(w) or lexicon.is_surname(w) for w in words)
        return known and lexicon.thing_within(words) is None

    def _csv_cells(self, text: str) -> list[Span]:
        """Cells of CSV rows whose header names a personal field; rows with another cell count are skipped."""
        spans: list[Span] = []
        offset = 0
        columns: dict[int, str] = {}
        delimiter = ""
        width = 0
        for line in text.split("\n"):
            row = line.rstrip("\r")
            header = _header(row)
            if header is not None:
                delimiter, columns = header
                width = row.count(delimiter) + 1
            elif columns and row.count(delimiter) + 1 == width:
                spans.extend(self._row_cells(row, offset, delimiter, columns))
            elif row.strip():
                columns = {}
            offset += len(line) + 1
        return spans

    def _row_cells(self, row: str, offset: int, delimiter: str, columns: dict[int, str]) -> list[Span]:
        spans: list[Span] = []
        start = 0
        for index, cell in enumerate(row.split(delimiter)):
            key = columns.get(index)
            value = cell.strip().strip("\"'")
            if key is not None and self._fits(key, value):
                at = offset + start + cell.index(value)
                spans.append(Span(at, at + len(value), _FIELDS[key], FIELD_SCORE))
            start += len(cell) + len(delimiter)
        return spans


def _key_of(before: str) -> str | None:
    """The personal field the key just before a separator names: its last two words ("Postal code"), or its last
    word unless the word before says whose it is ("Company name")."""
    key = _KEY_BEFORE.search(before)
    if key is None:
        return None
    if key.group(2) is None:
        return _known(key.group(1))
    both = _known(key.group(1) + key.group(2))
    if both is not None or key.group(1).lower() in _THING_QUALIFIERS:
        return both
    return _known(key.group(2))


def _known(name: str) -> str | None:
    key = _field_key(name)
    return key if key in _FIELDS else None


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
        value = _NEXT_KEY.split(value, maxsplit=1)[0]
    value = value.rstrip(" .")
    return start, start + len(value)


def _field_key(name: str) -> str:
    return _KEY_NOISE.sub("", name.lower())


def _header(row: str) -> tuple[str, dict[int, str]] | None:
    for delimiter in _DELIMITERS:
        cells = row.split(delimiter)
        if len(cells) < 2:
            continue
        names = [_field_key(c.strip().strip("\"'")) for c in cells]
        if any(not name or any(ch.isdigit() for ch in name) for name in names):
            continue
        columns = {i: name for i, name in enumerate(names) if name in _FIELDS}
        if columns:
            return delimiter, columns
    return None


def table_header_rows(text: str) -> list[tuple[int, int]]:
    """Where the header rows of tables are: the first of lines with as many cells, made of short word-only cells.
    Column names ("Marke;Menge", "region,headcount") name no one."""
    rows: list[tuple[int, int]] = []
    lines = text.split("\n")
    offset = 0
    for previous, line, following in zip(["", *lines[:-1]], lines, [*lines[1:], ""], strict=True):
        for delimiter in _DELIMITERS:
            cells = line.split(delimiter)
            width = len(cells) - 1
            if width and following.count(delimiter) == width != previous.count(delimiter):
                if all(map(_a_column_name, cells)):
                    rows.append((offset, offset + len(line)))
                break
        offset += len(line) + 1
    return rows


def _a_column_name(cell: str) -> bool:
    name = cell.strip().strip("\"'")
    return 0 < len(name) <= 32 and _COLUMN_NAME.match(name) is not None
