"""``python -m streamguard``: the same as the ``streamguard`` command."""

from streamguard.app.main import main

main()
