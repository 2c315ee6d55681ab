"""Email addresses: Presidio's pattern, validated against the bundled public-suffix snapshot."""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import EmailRecognizer

from streamguard.masking.detection.offline import has_public_suffix


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's ``EmailRecognizer`` whose domain check never downloads the suffix list."""

    def validate_result(self, pattern_text: str) -> bool:
        _, _, domain = pattern_text.rpartition("@")
        return has_public_suffix(domain)
