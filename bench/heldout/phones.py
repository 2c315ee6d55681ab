"""Phones: prefixes of national numbering plans (written here), digits from mimesis, national formats."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bench.heldout.locales import _Source

# "area:subscriber length[:first digits of the subscriber number]"; '#' in an area is a digit mimesis draws.
_PLANS_SPEC = {
    "GB": "20:8:3478 121:7:234567 161:7 131:7:2345678 141:7 113:7:2345 117:7:2349 114:7:2345 115:7:26789 116:7:234 "
    "151:7 191:7 1223:6 1865:6 1603:6 7412:6 7415:6 7432:6 7446:6 7481:6 7500:6 7503:6 7514:6 7531:6 7545:6 "
    "7557:6 7584:6 7702:6 7711:6 7723:6 7734:6 7745:6 7756:6 7766:6 7769:6 7780:6 7802:6 7810:6 7825:6 7832:6 "
    "7846:6 7853:6 7867:6 7870:6 7886:6 7890:6 7903:6 7917:6 7932:6 7944:6 7958:6 7962:6 7970:6 7985:6 7990:6",
    "IE": "1:7 1:7 21:7:4 91:6:5 61:6:2345 83:7 85:7 86:7 87:7 89:7",
    "DE": "30:8 30:7 40:8 89:8 69:8 221:7 211:7 711:7 341:7 351:7 511:7 911:7 421:7 6221:6 151:8 160:7 170:7 "
    "171:7 176:8 177:8 179:7",
    "AT": "1:7 1:7 316:6 512:6 662:6 732:6 463:6 650:7 660:7 664:7 664:7 676:7 680:7 681:7 688:7 699:7",
    "CH": "21:7 22:7 26:7 31:7 32:7 41:7 43:7 44:7 44:7 52:7 56:7 61:7 62:7 71:7 81:7 91:7 76:7 77:7 78:7 79:7",
    "FR": "1:8 2:8:1234578 3:8 4:8 5:8:12345678 6:8:1245678 6:8:1245678 7:8:5678",  # not the overseas ranges
    "BE": "2:7:234567 3:7:234567 4:7:23 9:7:234 16:6 50:6 11:6 15:6 14:6 56:6 71:6 81:6 470:6 472:6 473:6 474:6 "
    "475:6 476:6 477:6 478:6 479:6 484:6 485:6 486:6 487:6 488:6 489:6 491:6 492:6 493:6 494:6 495:6 496:6 "
    "497:6 498:6 499:6",
    "ES": "91#:6 93#:6 96#:6 954:6 952:6 944:6 985:6 976:6 971:6 6##:6 6##:6 6##:6",
    "IT": "02:8 06:8 011:7 055:7 081:7 051:7 041:7 010:7 091:7 320:7 328:7 329:7 333:7 335:7 338:7 339:7 340:7 "
    "345:7 347:7 348:7 349:7 366:7 380:7 389:7 392:7 393:7",
    "NL": "20:7 10:7 70:7 30:7 40:7 50:7 13:7 76:7 43:7 24:7 26:7 53:7 58:7 71:7 543:6 546:6 575:6 251:6 "
    "6:8:12345 6:8:12345 6:8:12345",
}
_PLANS: dict[str, tuple[tuple[str, int, str], ...]] = {
    country: tuple(
        (parts[0], int(parts[1]), parts[2] if len(parts) > 2 else "23456789")
        for parts in (entry.split(":") for entry in spec.split())
    )
    for country, spec in _PLANS_SPEC.items()
}
# Area codes mimesis's en data offers that are not assigned in the North American Numbering Plan.
_US_UNASSIGNED = {"278", "627", "679", "752", "764", "927", "935", "957"}
_CA_AREAS = ("416", "647", "437", "604", "778", "514", "438", "613", "343", "403", "587", "780", "902", "506", "709")
_SUB_GROUPS: dict[str, dict[int, tuple[tuple[int, ...], ...]]] = {
    "GB": {8: ((4, 4),), 7: ((3, 4),), 6: ((6,), (3, 3))},
    "IE": {7: ((3, 4),), 6: ((3, 3), (6,))},
    "DE": {8: ((8,), (8,), (4, 4), (3, 3, 2)), 7: ((7,), (7,), (3, 4), (3, 2, 2)), 6: ((6,), (3, 3), (2, 2, 2))},
    "AT": {8: ((8,), (4, 4)), 7: ((7,), (3, 2, 2), (3, 4)), 6: ((6,), (3, 3), (2, 2, 2))},
    "CH": {7: ((3, 2, 2),)},
    "FR": {8: ((2, 2, 2, 2),)},
    "BE": {7: ((3, 2, 2),), 6: ((2, 2, 2),)},
    "ES": {6: ((3, 3), (2, 2, 2))},
    "IT": {8: ((4, 4), (8,)), 7: ((3, 4), (7,), (4, 3))},
    "NL": {8: ((8,), (4, 4), (2, 2, 2, 2)), 7: ((3, 4), (7,), (3, 2, 2)), 6: ((6,), (2, 2, 2), (3, 3))},
}
_PHONE_FORMATS = {
    "GB": ("nat", "nat", "nat", "nat_compact", "intl", "intl", "intl_trunk", "intl_compact", "intl_00"),
    "IE": ("nat", "nat", "nat", "nat_compact", "intl", "intl", "intl_trunk", "intl_00", "intl_compact"),
    "DE": ("nat", "nat", "nat_slash", "nat_paren", "nat_dash", "nat_compact", "nat_dots", "intl", "intl", "intl_trunk",
           "intl_00", "intl_compact", "intl_dash"),
    "AT": ("nat", "nat", "nat_slash", "nat_compact", "intl", "intl", "intl_trunk", "intl_00", "intl_compact"),
    "CH": ("nat", "nat", "nat", "nat_compact", "intl", "intl", "intl_trunk", "intl_00", "intl_compact"),
    "FR": ("nat", "nat", "nat", "nat_dots", "nat_compact", "intl", "intl", "intl_trunk", "intl_00", "intl_compact"),
    "BE": ("nat", "nat", "nat_slashdots", "nat_dots", "nat_compact", "intl", "intl", "intl_trunk", "intl_00",
           "intl_compact"),
    "ES": ("nat", "nat", "nat", "nat_compact", "nat_dots", "intl", "intl", "intl_00", "intl_compact"),
    "IT": ("nat", "nat", "nat", "nat_compact", "nat_dots", "intl", "intl", "intl_00", "intl_compact"),
    "NL": ("nat", "nat", "nat_dash", "nat_dash", "nat_compact", "intl", "intl", "intl_trunk", "intl_00",
           "intl_compact"),
    "US": ("paren", "paren", "dash", "dash", "dots", "spaces", "compact", "intl", "intl_dash", "intl_paren", "one_dash",
           "intl_compact"),
}  # fmt: skip
_PHONE_FORMATS["CA"] = _PHONE_FORMATS["US"]
_MOBILE_AREAS = {"GB": r"7", "IE": r"8[35679]$", "DE": r"1[5-7]", "AT": r"6\d\d$", "CH": r"7[5-9]$", "FR": r"[67]$",
                 "BE": r"4\d\d$", "ES": r"6", "IT": r"3", "NL": r"6$"}  # fmt: skip


@dataclass(frozen=True)
class _Phone:
    country: str
    cc: str
    trunk: str
    area: str
    sub: str

    @property
    def national_digits(self) -> str:
        return self.trunk + self.area + self.sub


def _new_phone(src: _Source, rng: random.Random, *, mobile: bool | None = None) -> _Phone:
    p = src.profile
    if p.country in ("US", "CA"):
        # US area codes from mimesis's own en numbers; Canadian ones from the plan
        area = rng.choice(_CA_AREAS)
        while p.country == "US" and (area in _CA_AREAS or area in _US_UNASSIGNED):
            area = re.sub(r"\D", "", src.person.telephone())[1:4]
        exchange = rng.choice("23456789") + src.digits(2)
        if exchange[1:] == "11":
            exchange = exchange[0] + "2" + exchange[2]
        return _Phone(p.country, p.cc, "", area, exchange + src.digits(4))
    plan = _PLANS[p.country]
    if mobile is not None:
        pattern = _MOBILE_AREAS[p.country]
        plan = tuple(e for e in plan if bool(re.match(pattern, e[0])) == mobile) or plan
    area_mask, sub_len, firsts = rng.choice(plan)
    area = src.person.telephone(mask=area_mask) if "#" in area_mask else area_mask
    sub = rng.choice(firsts) + src.digits(sub_len - 1)
    return _Phone(p.country, p.cc, p.trunk, area, sub)


def _group(digits: str, sizes: Sequence[int]) -> list[str]:
    out, i = [], 0
    for size in sizes:
        out.append(digits[i : i + size])
        i += size
    return out


def _render_phone(ph: _Phone, fmt: str, rng: random.Random) -> str:
    if ph.country in ("US", "CA"):
        a, e, line = ph.area, ph.sub[:3], ph.sub[3:]
        return {
            "paren": f"({a}) {e}-{line}",
            "dash": f"{a}-{e}-{line}",
            "dots": f"{a}.{e}.{line}",
            "spaces": f"{a} {e} {line}",
            "compact": f"{a}{e}{line}",
            "intl": f"+1 {a} {e} {line}",
            "intl_dash": f"+1-{a}-{e}-{line}",
            "intl_paren": f"+1 ({a}) {e}-{line}",
            "one_dash": f"1-{a}-{e}-{line}",
            "intl_compact": f"+1{a}{e}{line}",
            "intl_00": f"001 {a} {e} {line}",
        }[fmt]
    choices = _SUB_GROUPS[ph.country].get(len(ph.sub), ((len(ph.sub),),))
    groups = _group(ph.sub, rng.choice(choices))
    spaced = " ".join(groups)
    nat_area = ph.trunk + ph.area
    if fmt == "intl_trunk" and not ph.trunk:
        fmt = "intl"
    return {
        "nat": f"{nat_area} {spaced}",
        "nat_compact": nat_area + ph.sub,
        "nat_paren": f"({nat_area}) {spaced}",
        "nat_slash": f"{nat_area}/{ph.sub}",
        "nat_slashdots": f"{nat_area}/{'.'.join(groups)}",
        "nat_dash": f"{nat_area}-{ph.sub}",
        "nat_dots": f"{nat_area}.{'.'.join(groups)}",
        "intl": f"+{ph.cc} {ph.area} {spaced}",
        "intl_trunk": f"+{ph.cc} ({ph.trunk}){ph.area} {spaced}",
        "intl_00": f"00{ph.cc} {ph.area} {spaced}",
        "intl_compact": f"+{ph.cc}{ph.area}{ph.sub}",
        "intl_dash": f"+{ph.cc}-{ph.area}-{ph.sub}",
        "intl_digits00": f"00{ph.cc}{ph.area}{ph.sub}",
    }[fmt]


def _any_phone_text(ph: _Phone, rng: random.Random) -> str:
    return _render_phone(ph, rng.choice(_PHONE_FORMATS[ph.country]), rng)
