"""Internal signals of the masking plan; ``DatasetMasker`` turns them into ``MaskOutcome.failure`` codes.

They carry reason codes and field paths only, never the value that could not be masked.
"""

from __future__ import annotations


class ValueMaskingError(Exception):
    """Raised by an action closure: this value cannot be masked (``reason`` is a code such as
    ``invalid_value``); the plan adds the field path."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RecordMaskingError(Exception):
    """A record that must fail closed; ``code`` is ``reason:field.path``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
