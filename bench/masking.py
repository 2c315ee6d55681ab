"""The masking benchmarks in one run: structured plan cost, free-text detection, records quoting their own values.

    .venv/bin/python -m bench.masking

Each part measures its baselines in the same run and prints the ratios (see the three modules).
"""

from __future__ import annotations

import subprocess
import sys


def main() -> None:
    parts = (
        ("bench.masking_structured", ["--seconds", "5"]),
        ("bench.masking_freetext", []),
        ("bench.masking_records", []),
    )
    for module, args in parts:
        print(f"== {module} ==", flush=True)
        subprocess.run([sys.executable, "-m", module, *args], check=True)


if __name__ == "__main__":
    main()
