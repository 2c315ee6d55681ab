"""Check digits and number formats: IBANs (mod 97, with the national check digits where a country has them),
Luhn-valid cards, EAN-13 codes, valid phone numbers, and the look-alikes that must fail those checks."""

from __future__ import annotations

import random
import re

import phonenumbers

from bench.labelling import compose_iban, iban_is_valid, luhn_is_valid

# ISO country of every locale the set draws values from.
COUNTRY: dict[str, str] = {
    "en_GB": "GB",
    "en_IE": "IE",
    "de_DE": "DE",
    "de_AT": "AT",
    "de_CH": "CH",
    "fr_FR": "FR",
    "fr_BE": "BE",
    "fr_CH": "CH",
    "es_ES": "ES",
    "it_IT": "IT",
    "it_CH": "CH",
    "nl_NL": "NL",
    "nl_BE": "BE",
}
REGIONS = tuple(sorted(set(COUNTRY.values())))


def _digits(r: random.Random, n: int) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(n))


# -- IBAN ----------------------------------------------------------------------------------------------------------


def _spanish_dc(digits: str) -> str:
    weights = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    d = 11 - sum(int(c) * w for c, w in zip(digits, weights, strict=True)) % 11
    return str({11: 0, 10: 1}.get(d, d))


_CIN_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)


def _italian_cin(bban_tail: str) -> str:
    """The CIN letter in front of an Italian BBAN (ABI, CAB, account)."""
    total = 0
    for i, c in enumerate(bban_tail):
        value = int(c) if c.isdigit() else ord(c) - ord("A")
        total += _CIN_ODD[value] if i % 2 == 0 else value
    return chr(ord("A") + total % 26)


def _dutch_account(r: random.Random) -> str:
    while True:  # the old Dutch eleven-test: weighted digit sum divisible by 11
        account = "0" + str(r.randint(1, 9)) + _digits(r, 8)
        if sum(int(c) * w for c, w in zip(account, range(10, 0, -1), strict=True)) % 11 == 0:
            return account


_BANKS = {
    "GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "SRLG"),
    "IE": ("AIBK", "BOFI", "IPBS", "ULSB", "PTSB"),
    "FR": ("30004", "30003", "10278", "20041", "30002", "10107", "11315", "16006", "18206"),
    "ES": ("2100", "0049", "0182", "2038", "0081", "0128", "1465", "2080", "3058"),
    "IT": ("03069", "02008", "05034", "03062", "01030", "05696", "03111", "08327"),
    "NL": ("ABNA", "RABO", "INGB", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ", "RBRB"),
}


def bban(country: str, r: random.Random) -> str:
    """A national account number in the country's layout, with its national check digits."""
    if country in {"GB", "IE"}:
        return r.choice(_BANKS[country]) + _digits(r, 14)
    if country == "DE":
        return str(r.randint(1, 8)) + _digits(r, 7) + "0" + _digits(r, 9)
    if country == "AT":
        return str(r.randint(1, 6)) + _digits(r, 4) + "00" + _digits(r, 9)
    if country == "CH":
        return "00" + _digits(r, 3) + "0000" + _digits(r, 8)
    if country == "FR":
        bank, branch, account = r.choice(_BANKS["FR"]), _digits(r, 5), "000" + _digits(r, 8)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        return f"{bank}{branch}{account}{key:02d}"
    if country == "BE":
        first10 = str(r.randint(1, 9)) + _digits(r, 9)
        return f"{first10}{int(first10) % 97 or 97:02d}"
    if country == "ES":
        bank, branch, account = r.choice(_BANKS["ES"]), _digits(r, 4), _digits(r, 10)
        return bank + branch + _spanish_dc("00" + bank + branch) + _spanish_dc(account) + account
    if country == "IT":
        tail = r.choice(_BANKS["IT"]) + _digits(r, 5) + "0000" + _digits(r, 8)
        return _italian_cin(tail) + tail
    if country == "NL":
        return r.choice(_BANKS["NL"]) + _dutch_account(r)
    raise ValueError(f"no account layout for {country}")


def group4(compact: str) -> str:
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def iban(country: str, r: random.Random) -> str:
    value = compose_iban(country, bban(country, r))
    return group4(value) if r.random() < 0.65 else value


def broken_iban(country: str, r: random.Random) -> str:
    """IBAN-shaped, but the check digits are wrong: a reference number, not an account."""
    good = compose_iban(country, bban(country, r))
    check = (int(good[2:4]) + r.randint(1, 90)) % 100
    bad = f"{good[:2]}{check:02d}{good[4:]}"
    assert not iban_is_valid(bad)
    return group4(bad) if r.random() < 0.5 else bad


# -- cards and EAN -------------------------------------------------------------------------------------------------


def _luhn_complete(partial: str) -> str:
    return next(partial + str(d) for d in range(10) if luhn_is_valid(partial + str(d)))


def card(r: random.Random) -> str:
    kind = r.choice(("visa", "visa", "mastercard", "mastercard", "amex"))
    if kind == "amex":
        number = _luhn_complete(r.choice(("34", "37")) + _digits(r, 12))
        groups = [number[:4], number[4:10], number[10:]]
    else:
        start = "4" if kind == "visa" else r.choice(("51", "52", "53", "54", "55", "2221", "2720", "23"))
        number = _luhn_complete(start + _digits(r, 15 - len(start)))
        groups = [number[i : i + 4] for i in range(0, 16, 4)]
    style = r.random()
    return " ".join(groups) if style < 0.5 else "-".join(groups) if style < 0.6 else number


def ean13(r: random.Random, prefix: str) -> str:
    body = prefix + _digits(r, 12 - len(prefix))
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


# -- phones --------------------------------------------------------------------------------------------------------

# National numbering patterns, '#' any digit; every drawn number is checked with phonenumbers before use.
PHONE_PLANS: dict[str, tuple[str, ...]] = {
    "GB": ("020 7### ####", "020 8### ####", "0113 ### ####", "0161 ### ####", "0117 ### ####", "0131 ### ####",
           "0141 ### ####", "029 20## ####", "074## ######", "075## ######", "077## ######", "078## ######"),
    "IE": ("01 ### ####", "021 ### ####", "091 ### ###", "083 ### ####", "085 ### ####", "086 ### ####",
           "087 ### ####", "089 ### ####"),
    "DE": ("030 ########", "040 #######", "089 #######", "069 #######", "0221 #######", "0711 #######",
           "0151 ########", "0160 #######", "0170 #######", "0171 #######", "0176 ########"),
    "AT": ("01 #######", "0316 ######", "0732 ######", "0662 ######", "0512 ######", "0664 #######",
           "0660 #######", "0676 #######", "0699 ########", "0650 #######"),
    "CH": ("044 ### ## ##", "043 ### ## ##", "031 ### ## ##", "061 ### ## ##", "021 ### ## ##", "022 ### ## ##",
           "091 ### ## ##", "076 ### ## ##", "078 ### ## ##", "079 ### ## ##"),
    "FR": ("01 ## ## ## ##", "02 ## ## ## ##", "03 ## ## ## ##", "04 ## ## ## ##", "05 ## ## ## ##",
           "06 ## ## ## ##", "07 6# ## ## ##", "07 8# ## ## ##", "09 ## ## ## ##"),
    "BE": ("02 ### ## ##", "03 ### ## ##", "09 ### ## ##", "04 ### ## ##", "016 ## ## ##", "0470 ## ## ##",
           "0475 ## ## ##", "0477 ## ## ##", "0486 ## ## ##", "0494 ## ## ##", "0497 ## ## ##"),
    "ES": ("6## ### ###", "71# ### ###", "91# ### ###", "93# ### ###", "96# ### ###", "95# ### ###",
           "94# ### ###"),
    "IT": ("02 ########", "06 ########", "011 #######", "055 #######", "081 #######", "051 #######",
           "32# #######", "33# #######", "34# #######", "36# #######", "38# #######"),
    "NL": ("06 ########", "020 #######", "010 #######", "030 #######", "040 #######", "050 #######",
           "070 #######", "013 #######", "024 #######"),
}  # fmt: skip


def _valid_in(text: str, country: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, country)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == country:
        return number
    return None


def phone_is_valid(text: str, country: str) -> bool:
    return _valid_in(text, country) is not None


def _phone_number(country: str, r: random.Random) -> phonenumbers.PhoneNumber:
    for _ in range(1000):
        pattern = r.choice(PHONE_PLANS[country])
        first = pattern.index("#")
        drawn = "".join(
            str(r.randint(2, 9)) if i == first else str(r.randint(0, 9)) if c == "#" else c
            for i, c in enumerate(pattern)
        )
        number = _valid_in(drawn, country)
        if number is not None:
            return number
    raise RuntimeError(f"no valid phone number for {country}")


def phone(country: str, r: random.Random, spoken: bool = False) -> str:
    """A valid number of `country` in one of the ways people write it; `spoken`: digits and spaces only."""
    number = _phone_number(country, r)
    fmt = phonenumbers.PhoneNumberFormat
    national = phonenumbers.format_number(number, fmt.NATIONAL)
    international = phonenumbers.format_number(number, fmt.INTERNATIONAL)
    groups = re.findall(r"\d+", national)
    if spoken:
        return " ".join(groups)
    styles = ["national"] * 5 + ["international"] * 3 + ["e164", "double_zero", "compact", "local"]
    style = r.choice(styles)
    if style == "international":
        return international
    if style == "e164":
        return phonenumbers.format_number(number, fmt.E164)
    if style == "double_zero":
        return "00" + international[1:]
    if style == "compact":
        return "".join(groups)
    if style == "local":  # the way each country likes to punctuate
        head, rest = groups[0], groups[1:]
        if country == "DE":
            return f"{head}/{''.join(rest)}" if r.random() < 0.5 else f"({head}) {' '.join(rest)}"
        if country == "AT":
            return f"{head}/{''.join(rest)}"
        if country == "NL":
            return f"{head}-{''.join(rest)}"
        if country in {"FR", "BE"}:
            return ".".join(groups) if country == "FR" else f"{head}/{'.'.join(rest)}"
        if country in {"GB", "CH"}:
            return f"+{number.country_code} (0){national[1:]}"
        return "-".join(groups)
    return national


def fake_phone(r: random.Random) -> str:
    """Grouped digits that look like a phone number but are valid in none of the set's countries."""
    patterns = ("### ### ####", "#### ### ###", "0000 ### ###", "#### #### ##", "### ## ## ##", "000 #### ####")
    for _ in range(1000):
        pattern = r.choice(patterns)
        first = pattern.index("#")
        text = "".join(
            str(r.randint(1, 5)) if i == first else str(r.randint(0, 9)) if c == "#" else c
            for i, c in enumerate(pattern)
        )
        if not any(_valid_in(text, region) for region in REGIONS):
            return text
    raise RuntimeError("no invalid phone look-alike")
