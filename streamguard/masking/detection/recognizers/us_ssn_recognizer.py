"""US social security numbers: Presidio's patterns and rules, plus the SSA's unissued 9xx area numbers."""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import UsSsnRecognizer


class StrictUsSsnRecognizer(UsSsnRecognizer):
    """Also rejects area numbers 900-999: the SSA never issues them (they are ITINs or unassigned)."""

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = "".join(c for c in pattern_text if c.isdigit())
        if len(digits) == 9 and digits[0] == "9":
            return True
        return bool(super().invalidate_result(pattern_text))
