"""What every layer may import: the exception root, topic names, the rule-set record and reason codes.

No I/O and no imports from the rest of streamguard: ``masking`` and ``evidence`` build on this, ``agents`` on
those, ``app`` on everything (the import contract in ``pyproject.toml`` keeps it so).
"""
