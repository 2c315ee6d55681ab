"""IBANs in free text, grouped in fours with spaces or written solid, validated by ISO 13616 mod 97."""

from __future__ import annotations

import regex

from streamguard.masking.detection import Span

# Country code, check digits, then 11-30 alphanumerics, optionally spaced or dashed (ISO 13616 allows
# 15-34 characters in all). Written in upper case, or all in lower case (speech-to-text writes "es91 2100 ...").
_CANDIDATE = regex.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z]{2}[0-9]{2}(?:[ -]?[A-Z0-9]){11,30}|[a-z]{2}[0-9]{2}(?:[ -]?[a-z0-9]){11,30})"
)
# IBAN lengths of the SEPA countries (ISO 13616 registry). A lower-case run must have its country's exact
# length as well as the checksum: lower-case words and digits meet mod 97 by chance once in 97.
_SEPA_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
    "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26,
    "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
    "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
}  # fmt: skip


def iban_checksum_ok(compact: str) -> bool:
    """ISO 7064 mod 97-10: move the first four characters to the end, letters to 10..35, remainder 1."""
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


def iban_shaped(text: str, timeout_s: float) -> list[tuple[int, int]]:
    """Where the text holds something written like an IBAN, valid or not ("CH16 0013 8000 0435 0054 8"), up to
    its country's length: the digits of a mistyped IBAN are no phone or card number either."""
    runs = []
    for match in _CANDIDATE.finditer(text, timeout=timeout_s):
        length = _SEPA_LENGTHS.get(match.group()[:2].upper())
        end, seen = match.end(), 0
        if length is not None:
            for at in range(match.start(), match.end()):
                seen += text[at].isalnum()
                if seen == length:
                    end = at + 1
                    break
        runs.append((match.start(), end))
    return runs


class IbanRecognizer:
    """Finds the longest checksum-valid IBAN at each candidate, so a trailing upper-case word is not eaten."""

    entity = "IBAN_CODE"
    context: tuple[str, ...] = ("iban", "bank", "account", "transfer", "sepa")

    def __init__(self, timeout_s: float) -> None:
        self._timeout_s = timeout_s

    def applies_to(self, text: str) -> bool:
        return any(c.isdigit() for c in text)

    def find(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _CANDIDATE.finditer(text, timeout=self._timeout_s):
            end = self._longest_valid_end(text, match.start(), match.end())
            if end is not None:
                spans.append(Span(match.start(), end, self.entity, 1.0))
        return spans

    @staticmethod
    def _longest_valid_end(text: str, start: int, end: int) -> int | None:
        for stop in range(end, start + 15, -1):
            if not text[stop - 1].isalnum() or (stop < len(text) and text[stop].isalnum()):
                continue
            compact = "".join(c for c in text[start:stop] if c.isalnum())
            if compact.islower() and _SEPA_LENGTHS.get(compact[:2].upper()) != len(compact):
                continue
            if iban_checksum_ok(compact.upper()):
                return stop
        return None
