"""Issue 3's masking benchmarks in one run: structured plan cost, then free-text detection.

    .venv/bin/python -m bench.masking

Each part measures its baselines in the same run and prints the ratios (see the two modules).
"""

from __future__ import annotations

import subprocess
import sys


def main() -> None:
    for module, args in (("bench.masking_structured", ["--seconds", "5"]), ("bench.masking_freetext", [])):
        print(f"== {module} ==", flush=True)
        subprocess.run([sys.executable, "-m", module, *args], check=True)


if __name__ == "__main__":
    main()
