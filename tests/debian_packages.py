"""Installing a Debian package the tests need (Chromium, PostgreSQL) when the machine lacks it, as root.

A fresh machine may have no package lists yet: an install that fails is retried once after
``apt-get update``. Returns why not instead of raising, so the caller can skip saying exactly why.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

APT_TIMEOUT_SECONDS = 900
APT_LOCK_WAIT_SECONDS = "300"  # another session may be installing a package at the same moment


def install_debian_package(package: str) -> str | None:
    """None once apt-get installed ``package``, else why it could not."""
    if os.geteuid() != 0:
        return f"installing Debian's {package} package needs root (apt-get), and the tests do not run as root"
    if shutil.which("apt-get") is None:
        return f"there is no apt-get on this machine to install Debian's {package} package with"
    apt = ["apt-get", "-o", f"DPkg::Lock::Timeout={APT_LOCK_WAIT_SECONDS}"]
    install = [*apt, "install", "-y", "--no-install-recommends", package]
    if _apt(install) is None:
        return None
    failure = _apt([*apt, "update"]) or _apt(install)
    return None if failure is None else f"apt-get could not install {package}: {failure}"


def _apt(command: list[str]) -> str | None:
    """None when ``command`` succeeded, else the last lines it printed."""
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        done = subprocess.run(
            command, env=environment, capture_output=True, text=True, timeout=APT_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        return f"{shlex.join(command)} took longer than {APT_TIMEOUT_SECONDS} s"
    if done.returncode == 0:
        return None
    return " | ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
