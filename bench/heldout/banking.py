"""Finance: IBAN (ISO 13616 mod-97, national check digits) and card numbers (Luhn)."""

from __future__ import annotations

import random
import re

_CIN_ODD_VALUES = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
                   12, 14, 16, 10, 22, 25, 24, 23)  # fmt: skip
_CIN_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", _CIN_ODD_VALUES, strict=True))
_CIN_EVEN = {**{str(d): d for d in range(10)}, **{chr(65 + i): i for i in range(26)}}


def _cin(chars: str) -> str:
    """The Italian check character (CIN, codice fiscale): odd positions by the odd table, even ones by the even."""
    total = sum(_CIN_ODD[ch] if i % 2 == 0 else _CIN_EVEN[ch] for i, ch in enumerate(chars))
    return chr(65 + total % 26)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _mod97_check(bban: str, country: str) -> str:
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return f"{98 - int(numeric) % 97:02d}"


def iban_is_valid(iban: str) -> bool:
    compact = iban.replace(" ", "").upper()
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _es_control(digits: str) -> str:
    weights = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    c = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return str({11: 0, 10: 1}.get(c, c))


def _bban(country: str, rng: random.Random) -> str:
    if country == "DE":
        return str(rng.randint(1, 8)) + _digits(rng, 7) + _digits(rng, 10)
    if country == "AT":
        return str(rng.randint(1, 9)) + _digits(rng, 4) + _digits(rng, 11)
    if country == "CH":
        return "00" + _digits(rng, 3) + _digits(rng, 12)
    if country == "FR":
        bank, branch, account = _digits(rng, 5), _digits(rng, 5), _digits(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        return f"{bank}{branch}{account}{key:02d}"
    if country == "BE":
        first = _digits(rng, 10)
        check = int(first) % 97 or 97
        return f"{first}{check:02d}"
    if country == "ES":
        bank, branch, account = _digits(rng, 4), _digits(rng, 4), _digits(rng, 10)
        return bank + branch + _es_control("00" + bank + branch) + _es_control(account) + account
    if country == "IT":
        rest = _digits(rng, 5) + _digits(rng, 5) + _digits(rng, 12)
        return _cin(rest) + rest
    if country == "NL":
        while True:
            account = _digits(rng, 10)
            if sum(int(d) * (10 - i) for i, d in enumerate(account)) % 11 == 0 and account[0] != "0":
                break
        return rng.choice(("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ")) + account
    if country == "GB":
        return rng.choice(("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA")) + _digits(rng, 6) + _digits(rng, 8)
    if country == "IE":
        return rng.choice(("AIBK", "BOFI", "IPBS", "ULSB")) + _digits(rng, 6) + _digits(rng, 8)
    raise ValueError(country)


def _iban(country: str, rng: random.Random) -> str:
    bban = _bban(country, rng)
    return country + _mod97_check(bban, country) + bban


def _format_iban(iban: str, rng: random.Random) -> str:
    if rng.random() < 0.6:
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def luhn_is_valid(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    return len(digits) > 1 and _luhn_digit(digits[:-1]) == digits[-1]


def _card_number(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        prefix, length = "4", 16
    elif r < 0.75:
        prefix, length = (str(rng.randint(51, 55)) if rng.random() < 0.7 else str(rng.randint(2221, 2720))), 16
    elif r < 0.9:
        prefix, length = rng.choice(("34", "37")), 15
    else:
        prefix, length = "6011", 16
    body = prefix + _digits(rng, length - len(prefix) - 1)
    return body + _luhn_digit(body)


def _format_card(number: str, rng: random.Random) -> str:
    sep = rng.choice((" ", " ", "-", ""))
    if len(number) == 15:
        return sep.join((number[:4], number[4:10], number[10:]))
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))
