"""``python -m streamguard``: the same as the ``streamguard`` command."""

from streamguard.app.cli import main

main()
