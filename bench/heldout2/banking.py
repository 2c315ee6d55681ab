"""IBANs (ISO 13616 mod-97, with the national check digits of FR, ES, IT, NL and BE) and card numbers (Luhn).

Bank codes and account digits are random; structures and checks are written here from the published rules.
"""

from __future__ import annotations

import random
import string

IBAN_COUNTRIES = ("DE", "FR", "ES", "IT", "NL", "BE")
_NL_BANKS = ("ABNA", "RABO", "SNSB", "TRIO", "KNAB", "ASNB", "BUNQ")
_IT_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _as_number(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text))


def _check_digits(country: str, bban: str) -> str:
    return f"{98 - _as_number(bban + country + '00') % 97:02d}"


def iban_is_valid(text: str) -> bool:
    compact = text.replace(" ", "").upper()
    return len(compact) > 4 and _as_number(compact[4:] + compact[:4]) % 97 == 1


def _es_digit(ten: str) -> str:
    d = 11 - sum(int(c) * w for c, w in zip(ten, (1, 2, 4, 8, 5, 10, 9, 7, 3, 6), strict=True)) % 11
    return str({11: 0, 10: 1}.get(d, d))


def _it_cin(body: str) -> str:
    total = 0
    for i, c in enumerate(body):
        value = int(c) if c.isdigit() else ord(c) - ord("A")
        total += _IT_ODD[value] if i % 2 == 0 else value  # positions 1, 3, 5... (1-based) use the "odd" table
    return string.ascii_uppercase[total % 26]


def _nl_account(rng: random.Random) -> str:
    while True:  # the Dutch "elfproef": the weighted digit sum is divisible by 11
        account = "0" + _digits(rng, 9)
        if sum(int(c) * w for c, w in zip(account, range(10, 0, -1), strict=True)) % 11 == 0:
            return account


def _bban(country: str, rng: random.Random) -> str:
    if country == "DE":
        return str(rng.randint(1, 8)) + _digits(rng, 7) + _digits(rng, 10)
    if country == "FR":
        bank, branch, account = _digits(rng, 5), _digits(rng, 5), _digits(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        return f"{bank}{branch}{account}{key:02d}"
    if country == "ES":
        bank, branch, account = _digits(rng, 4), _digits(rng, 4), _digits(rng, 10)
        return bank + branch + _es_digit("00" + bank + branch) + _es_digit(account) + account
    if country == "IT":
        body = _digits(rng, 10) + _digits(rng, 12)
        return _it_cin(body) + body
    if country == "NL":
        return rng.choice(_NL_BANKS) + _nl_account(rng)
    if country == "BE":
        first = _digits(rng, 10)
        return f"{first}{int(first) % 97 or 97:02d}"
    raise ValueError(country)


def make_iban(country: str, rng: random.Random) -> str:
    bban = _bban(country, rng)
    return country + _check_digits(country, bban) + bban


def format_iban(iban: str, rng: random.Random, lower: float = 0.15) -> str:
    """Grouped by four (the printed form) or compact; now and then in lower case, as people type it."""
    text = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if rng.random() < 0.55 else iban
    return text.lower() if rng.random() < lower else text


def bad_iban(country: str, rng: random.Random) -> str:
    """Looks like an IBAN but fails mod-97: wrong check digits (a typo, a redacted or an invented number)."""
    iban = make_iban(country, rng)
    wrong = (int(iban[2:4]) + rng.randint(1, 90)) % 97
    while wrong < 2 or f"{wrong:02d}" == iban[2:4]:
        wrong = rng.randint(2, 96)
    text = iban[:2] + f"{wrong:02d}" + iban[4:]
    assert not iban_is_valid(text)
    return format_iban(text, rng, lower=0.0)


def _luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def luhn_is_valid(text: str) -> bool:
    digits = "".join(c for c in text if c.isdigit())
    return len(digits) >= 12 and _luhn_digit(digits[:-1]) == digits[-1]


def make_card(rng: random.Random) -> str:
    kind = rng.choice(("visa", "visa", "mastercard", "mastercard", "amex"))
    if kind == "amex":
        body = rng.choice(("34", "37")) + _digits(rng, 12)
        number = body + _luhn_digit(body)
        sep = rng.choice((" ", " ", "-", ""))
        return sep.join((number[:4], number[4:10], number[10:]))
    prefix = "4" if kind == "visa" else rng.choice(("51", "53", "55", str(rng.randint(2221, 2720))))
    body = prefix + _digits(rng, 15 - len(prefix))
    number = body + _luhn_digit(body)
    sep = rng.choice((" ", " ", "-", ""))
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))
