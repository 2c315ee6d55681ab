"""A real town, the postcodes it plausibly uses, its telephone area code and some of its real streets."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Town:
    name: str
    # Postcode patterns, space-separated. "#" is a random digit. For GB a pattern is an outward code ("LS6") and the
    # inward part is added; for NL it is the four digits and the two letters are added.
    postcodes_text: str
    area: str  # the area code as dialled inside the country ("0113", "030", "91", "06")
    streets_text: str  # real streets of the town, ";"-separated, written as on the street sign
    province: str = ""  # Italian province code, written after the town on Italian addresses
    postcodes: tuple[str, ...] = field(init=False)
    streets: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "postcodes", tuple(self.postcodes_text.split()))
        object.__setattr__(self, "streets", tuple(s.strip() for s in self.streets_text.split(";") if s.strip()))
