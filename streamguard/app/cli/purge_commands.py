"""``streamguard evidence purge`` (asked of the server, for admins) and ``streamguard evidence verify-archive``
(offline, public keys only): retention of the evidence store."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

import typer

from streamguard.app.cli.api_client import connect
from streamguard.app.services.archive_files import read_archive
from streamguard.core.errors import EvidenceError


def purge(
    older_than: Annotated[str, typer.Option("--older-than", help="Age of what goes, such as 400d.")],
    archive: Annotated[
        Path | None, typer.Option("--archive", help="Write what goes here first (gzip JSON lines); never replaced.")
    ] = None,
    no_archive: Annotated[bool, typer.Option("--no-archive", help="Delete without an archive.")] = False,
) -> None:
    """Delete evidence older than a given age from the store (the audit topic keeps its own retention), after
    an archive that verifies offline, which the server keeps and writes here too; the purge is itself
    recorded in the control chain. An existing archive file is never overwritten."""
    if (archive is None) == (not no_archive):
        raise EvidenceError("say where the archive goes (--archive FILE), or that there is none (--no-archive)")
    if archive is not None and archive.exists():
        raise EvidenceError(f"{archive} exists: an archive is never overwritten (it may hold purged evidence)")
    client = connect()
    name = archive.name if archive else None
    result = client.post("/api/evidence/purge", {"older_than": older_than, "archive": name})
    cutoff = result["cutoff"][:16].replace("T", " ")
    if result["event_seq"] is None:
        typer.echo(f"nothing recorded before {cutoff} UTC: nothing purged")
        return
    where = ""
    if archive is not None and result["archive"]:
        _write_new(archive, client.get_bytes(f"/api/evidence/archives/{quote(result['archive'], safe='')}"))
        where = f", archived to {archive} (sha256 {result['archive_sha256']})"
    typer.echo(
        f"purged {result['events']} events, {result['sessions']} sessions and {result['checkpoints']} checkpoints "
        f"recorded before {cutoff} UTC{where}; recorded as audit event seq {result['event_seq']}"
    )


def _write_new(path: Path, data: bytes) -> None:
    """Write ``path``, which must not exist (O_EXCL: never over an earlier archive)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise EvidenceError(f"{path} appeared meanwhile; the server keeps the archive, download it again") from None
    with os.fdopen(descriptor, "wb") as sink:
        sink.write(data)


def verify_archive(
    path: Annotated[Path, typer.Argument(help="An archive written by `evidence purge`.")],
    log_key: Annotated[list[str], typer.Option("--log-key", help="Trusted log verifier key (repeatable).")] = [],  # noqa: B006
    witness_key: Annotated[list[str], typer.Option("--witness-key", help="Witness cosignature key.")] = [],  # noqa: B006
) -> None:
    """Verify an evidence archive offline, with public keys only; exit status 0 when it holds, 1 otherwise."""
    keys = log_key or _server_keys()
    check = read_archive(path, keys, witness_key)
    for problem in check.problems:
        typer.secho(f"✗ {problem}", fg=typer.colors.RED)
    cosigned = f", cosigned by {', '.join(sorted(check.cosigned_by))}" if check.cosigned_by else ""
    verdict = "intact" if check.intact else f"{len(check.problems)} problems"
    typer.echo(
        f"{path}: {verdict}: {check.events} events in {check.chains} chains, {check.sessions} sessions{cosigned}"
    )
    sys.exit(0 if check.intact else 1)


def _server_keys() -> list[str]:
    """The log keys to check with when none is pinned: the server's (said on stderr: pin them)."""
    keys = connect().get("/api/keys")
    typer.echo("note: checked with the server's log keys (pin them with --log-key)", err=True)
    return [*keys["log_keys"], *keys["control_keys"]]
