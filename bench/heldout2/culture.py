"""The naming conventions of one culture: its given names, surnames and how a full name is put together."""

from __future__ import annotations

from dataclasses import dataclass, field


def _split(names: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in names.split(",") if n.strip())


@dataclass(frozen=True)
class Culture:
    key: str
    female_text: str
    male_text: str
    surnames_text: str
    # How the surname is built: "single"; "double" (Spanish, Galician: father's + mother's); "catalan" (double,
    # sometimes joined by "i"); "portuguese" (two, the last is the one used alone); "dutch" (particles such as
    # "van der" are lower case after a given name, capitalised when the surname stands alone); "somali" (father's
    # and grandfather's names).
    surname_style: str = "single"
    family_first: float = 0.0  # share of full names written family name first (Hungarian, Chinese, ...)
    fold: float = 0.0  # share written without diacritics, as many people abroad do
    middle_f: str = ""  # Vietnamese middle names (Thị, Văn...), used in family-first full names
    middle_m: str = ""
    female: tuple[str, ...] = field(init=False)
    male: tuple[str, ...] = field(init=False)
    # (masculine, feminine) surname pairs; the same string twice when the surname does not inflect.
    surnames: tuple[tuple[str, str], ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "female", _split(self.female_text))
        object.__setattr__(self, "male", _split(self.male_text))
        pairs = []
        for entry in _split(self.surnames_text):
            m, _, f = entry.partition("/")
            pairs.append((m, f or m))
        object.__setattr__(self, "surnames", tuple(pairs))

    def middles(self, female: bool) -> tuple[str, ...]:
        return _split(self.middle_f if female else self.middle_m)
