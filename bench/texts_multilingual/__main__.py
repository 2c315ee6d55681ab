"""Runs the self-check: .venv/bin/python -m bench.texts_multilingual"""

from __future__ import annotations

from bench.texts_multilingual.checks import main

if __name__ == "__main__":
    main()
