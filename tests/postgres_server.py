"""A throwaway PostgreSQL cluster for the tests: found or installed, started on 127.0.0.1, stopped after.

``postgres_binaries`` finds ``initdb`` and ``pg_ctl`` (PATH, then Debian's /usr/lib/postgresql/*/bin),
installs Debian's ``postgresql`` package when they are missing and the tests run as root, and skips the test,
saying why, when neither works. ``PostgresServer.start`` makes a cluster in a fresh temporary folder that
listens on a free port of 127.0.0.1 only, with its socket inside that folder, so it meets no other cluster
on the machine; ``stop`` ends it and removes the folder, and the next start ends the clusters of test runs
that were killed before they could. PostgreSQL refuses to run as root, so as root the
cluster belongs to, and runs as, the ``postgres`` system user.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from streamguard.core.errors import StreamguardError
from tests.debian_packages import install_debian_package

SUPERUSER = "streamguard"
_FOLDER_PREFIX = "streamguard-pg-"
_OWNER_FILE = "owner.pid"  # the test process the cluster belongs to
_DEBIAN_BIN_DIRS = "/usr/lib/postgresql/*/bin"
_SERVER_USERS = ("postgres", "nobody")  # the first that exists runs the cluster when the tests run as root
_READY_SECONDS = 30
_SERVER_SETTINGS = {  # a test cluster: no durability wanted, so nothing waits for the disk
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}


class PostgresServerError(StreamguardError):
    """The test cluster could not be created, started or reached; the message quotes its log's end."""


def postgres_binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``; installs Debian's ``postgresql`` first when none does."""
    found = _find_binaries()
    if found:
        return found
    why_not = install_debian_package("postgresql")
    found = _find_binaries()
    if why_not or not found:
        where = f"on PATH or under {_DEBIAN_BIN_DIRS}"
        pytest.skip(f"PostgreSQL's initdb and pg_ctl are not {where}: {why_not or 'apt-get installed none there'}")
    return found


def _find_binaries() -> Path | None:
    on_path = shutil.which("initdb")
    if on_path and (Path(on_path).parent / "pg_ctl").exists():
        return Path(on_path).parent
    debian = [folder for folder in Path("/").glob(_DEBIAN_BIN_DIRS.lstrip("/")) if (folder / "initdb").exists()]
    newest_first = sorted(debian, key=lambda folder: _major_version(folder.parent.name), reverse=True)
    return next((folder for folder in newest_first if (folder / "pg_ctl").exists()), None)


def _major_version(name: str) -> int:
    return int(name) if name.isdigit() else -1


@dataclass(frozen=True)
class PostgresServer:
    binaries: Path
    folder: Path
    port: int
    user: pwd.struct_passwd | None  # whom the cluster runs as, when the tests run as root

    @property
    def url(self) -> str:
        return self.database_url("postgres")

    @classmethod
    def start(cls, binaries: Path) -> PostgresServer:
        user = _server_user()
        _stop_abandoned_clusters(binaries, user)
        folder = Path(tempfile.mkdtemp(prefix=_FOLDER_PREFIX))
        server = cls(binaries, folder, _free_port(), user)
        try:
            (folder / _OWNER_FILE).write_text(str(os.getpid()))
            (folder / "socket").mkdir()
            if user:
                for owned in (folder, folder / "socket"):
                    os.chown(owned, user.pw_uid, user.pw_gid)
            server._run("initdb", "-D", "data", "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "-N")
            waiting = ("-w", "-t", str(_READY_SECONDS))
            server._run("pg_ctl", "start", "-D", "data", "-l", "server.log", *waiting, "-o", server._options())
            server._wait_until_connectable()
        except BaseException:
            server.stop()
            raise
        return server

    def stop(self) -> None:
        try:
            if (self.folder / "data" / "postmaster.pid").exists():
                self._run("pg_ctl", "stop", "-D", "data", "-m", "fast", "-w")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def database_url(self, name: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{name}"

    def create_database(self, name: str) -> str:
        """A new, empty database of this cluster, and its URL."""
        with psycopg.connect(self._conninfo, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.database_url(name)

    @property
    def _conninfo(self) -> str:
        return f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname=postgres connect_timeout=2"

    def _options(self) -> str:
        settings = {**_SERVER_SETTINGS, "port": str(self.port), "unix_socket_directories": str(self.folder / "socket")}
        return " ".join(f"-c {name}={shlex.quote(value)}" for name, value in settings.items())

    def _run(self, program: str, *arguments: str) -> None:
        as_user = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []} if self.user else {}
        done = subprocess.run(
            [str(self.binaries / program), *arguments],
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            **as_user,
        )
        if done.returncode != 0:
            raise PostgresServerError(
                f"{program} {' '.join(arguments[:1])} failed: {self._tail(done.stderr or done.stdout)}"
            )

    def _wait_until_connectable(self) -> None:
        deadline = time.monotonic() + _READY_SECONDS
        while True:
            try:
                psycopg.connect(self._conninfo).close()
                return
            except psycopg.OperationalError as error:
                if time.monotonic() > deadline:
                    raise PostgresServerError(
                        f"the test cluster on 127.0.0.1:{self.port} never accepted: {error}"
                    ) from None
                time.sleep(0.2)

    def _tail(self, output: str) -> str:
        log = self.folder / "server.log"
        text = log.read_text(errors="replace") if log.exists() else output
        return " | ".join(text.strip().splitlines()[-5:])


def _stop_abandoned_clusters(binaries: Path, user: pwd.struct_passwd | None) -> None:
    """Stop and remove the clusters of test runs that were killed before their teardown, so that they do not
    pile up; a cluster whose test run is still alive (another session's) is left alone."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_FOLDER_PREFIX}*"):
        try:
            owner = int((folder / _OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue  # not one of ours, being set up, or not ours to read
        if not _is_running(owner):
            PostgresServer(binaries, folder, 0, user).stop()


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, another user's
    return True


def _server_user() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    for name in _SERVER_USERS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    pytest.skip(f"running as root, and none of the users {', '.join(_SERVER_USERS)} exists to run PostgreSQL as")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
