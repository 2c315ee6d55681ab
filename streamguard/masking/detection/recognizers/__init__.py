"""The explicit registry of regex recognizers: which one serves which entity, built from the config.

Presidio classes are used where they are precise (Luhn-checked cards, SSN rules, IP parsing); ours
where free text needs more (offline email check, IBANs with spaces, international phones, addresses,
postcodes). No recognizer is built from a fake-data generator's word lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from presidio_analyzer.predefined_recognizers import IpRecognizer

from streamguard.masking.detection.config import DetectionConfig
from streamguard.masking.detection.lexicon import load_lexicon
from streamguard.masking.detection.patterns import ContextBooster, PatternAdapter, TextRecognizer
from streamguard.masking.detection.recognizers.credit_card_recognizer import LuhnCardRecognizer
from streamguard.masking.detection.recognizers.cued_name_recognizer import CuedNameRecognizer
from streamguard.masking.detection.recognizers.email_recognizer import OfflineEmailRecognizer
from streamguard.masking.detection.recognizers.european_address_recognizer import (
    EuropeanAddressRecognizer,
    PostcodeTownRecognizer,
)
from streamguard.masking.detection.recognizers.field_value_recognizer import FieldValueRecognizer
from streamguard.masking.detection.recognizers.iban_recognizer import IbanRecognizer
from streamguard.masking.detection.recognizers.name_evidence_recognizer import NameEvidenceRecognizer
from streamguard.masking.detection.recognizers.phone_recognizer import InternationalPhoneRecognizer
from streamguard.masking.detection.recognizers.postal_code_recognizer import PostalCodeRecognizer
from streamguard.masking.detection.recognizers.spoken_address_recognizer import SpokenAddressRecognizer
from streamguard.masking.detection.recognizers.street_address_recognizer import StreetAddressRecognizer
from streamguard.masking.detection.recognizers.us_ssn_recognizer import StrictUsSsnRecognizer

__all__ = ["ContextualRecognizer", "build_recognizers"]

# A postcode's context word comes right before it ("zip 94107"); a wider window would let "zip 94107,
# order 12345" promote the order number too. Value: characters looked at (before, after).
_WINDOWS = {"POSTAL_CODE": (12, 0)}
# "v1.2.3.4", "version 10.0.0.1", "upgrading to 14.6.6.1" or "since the 4.3.1.8 rollout" is a release, not a host.
_VERSION_WORDS = (
    r"(?:\b(?:version|versión|versione|versie|ver|release|build|firmware|v)\s*\.?\s*|"
    r"\b(?:upgrad\w*|updat\w*|aktualisier\w*|actualiz\w*|aggiorn\w*|bijgewerkt|migrat\w*)\s+"
    r"(?:to|auf|zu|naar|vers|à|a|al|alla)\s+|"
    r"\b(?:since|seit|depuis|desde|sinds)\s+(?:the|der|dem|la|le|el|il|de|het)\s+|\bv)$"
)


@dataclass(frozen=True)
class ContextualRecognizer:
    recognizer: TextRecognizer
    booster: ContextBooster


def _regex_recognizers(config: DetectionConfig) -> list[TextRecognizer]:
    timeout = config.regex_timeout_s
    candidates: list[TextRecognizer] = [
        PatternAdapter(OfflineEmailRecognizer(), timeout, required_char="@"),
        PatternAdapter(LuhnCardRecognizer(), timeout, min_digits=13),
        PatternAdapter(StrictUsSsnRecognizer(), timeout, min_digits=9),
        PatternAdapter(IpRecognizer(), timeout, min_digits=2, veto_before=_VERSION_WORDS),
        IbanRecognizer(timeout),
    ]
    if config.field_values:
        candidates.append(FieldValueRecognizer(load_lexicon(), timeout))
    if config.cued_names:
        candidates.append(PatternAdapter(CuedNameRecognizer(), timeout))
    if config.name_evidence:
        # Beside the learned model, a common given name alone is left to it (name_evidence_recognizer.py).
        lone = not config.learned_model
        candidates.append(NameEvidenceRecognizer(load_lexicon(), timeout, lone_common_names=lone))
    if config.international_phones:
        candidates.append(InternationalPhoneRecognizer())
    address: list[TextRecognizer] = []
    if config.street_addresses:
        address.append(PatternAdapter(StreetAddressRecognizer(), timeout, min_digits=1))
        address.append(EuropeanAddressRecognizer(timeout))
    if config.postal_codes:
        address.append(PatternAdapter(PostalCodeRecognizer(), timeout, min_digits=1))
        address.append(PostcodeTownRecognizer(load_lexicon(), timeout))
    address = [r for r in address if config.wants(r.entity)]
    if address:  # the same grammars, and towns, in text written all in lower case
        address.append(SpokenAddressRecognizer(load_lexicon(), tuple(address)))
    return [r for r in candidates if config.wants(r.entity)] + address


def build_recognizers(config: DetectionConfig) -> list[ContextualRecognizer]:
    return [
        ContextualRecognizer(
            r,
            ContextBooster(r.context, config.context_boost, *_WINDOWS.get(r.entity, ContextBooster.WINDOW)),
        )
        for r in _regex_recognizers(config)
    ]
