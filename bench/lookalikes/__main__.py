"""Runs the self-check: .venv/bin/python -m bench.lookalikes"""

from __future__ import annotations

from bench.lookalikes.checks import main

if __name__ == "__main__":
    main()
