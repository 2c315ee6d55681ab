"""``streamguard evidence purge`` and ``streamguard evidence verify-archive``: retention of the evidence store."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer

from streamguard.app.services.control.callers import acting_as
from streamguard.app.services.evidence.indexing import index_evidence
from streamguard.app.services.evidence.purge import purge_evidence, read_archive
from streamguard.app.services.evidence.verify import trusted_keys
from streamguard.app.settings import load_settings
from streamguard.control.policy import Role
from streamguard.core.durations import parse_duration
from streamguard.core.errors import EvidenceError
from streamguard.store.evidence_store import EvidenceStore


def _age(text: str) -> timedelta:
    try:
        return parse_duration(text)
    except ValueError as error:
        raise EvidenceError(f"--older-than: {error}") from None


def purge(
    older_than: Annotated[str, typer.Option("--older-than", help="Age of what goes, such as 400d.")],
    archive: Annotated[
        Path | None, typer.Option("--archive", help="Write what goes here first (gzip JSON lines).")
    ] = None,
    no_archive: Annotated[bool, typer.Option("--no-archive", help="Delete without an archive.")] = False,
) -> None:
    """Delete evidence older than a given age from the store (the audit topic keeps its own retention), after
    writing an archive that verifies offline; the purge is itself recorded in the audit stream."""
    if (archive is None) == (not no_archive):
        raise EvidenceError("say where the archive goes (--archive FILE), or that there is none (--no-archive)")
    settings = load_settings()
    actor = acting_as(settings, Role.ADMIN, doing="purge evidence")
    cutoff = datetime.now(UTC) - _age(older_than)
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        index_evidence(settings, store, witness=None)
        result = purge_evidence(settings, store, cutoff, archive, actor)
    if result.event is None:
        typer.echo(f"nothing recorded before {cutoff:%Y-%m-%d %H:%M} UTC: nothing purged")
        return
    where = f", archived to {result.archive} (sha256 {result.archive_sha256})" if result.archive else ""
    typer.echo(
        f"purged {result.events} events, {result.sessions} sessions and {result.checkpoints} checkpoints recorded "
        f"before {cutoff:%Y-%m-%d %H:%M} UTC{where}; recorded as audit event seq {result.event.seq}"
    )


def verify_archive(
    path: Annotated[Path, typer.Argument(help="An archive written by `evidence purge`.")],
    log_key: Annotated[list[str], typer.Option("--log-key", help="Trusted log verifier key (repeatable).")] = [],  # noqa: B006
    witness_key: Annotated[list[str], typer.Option("--witness-key", help="Witness cosignature key.")] = [],  # noqa: B006
) -> None:
    """Verify an evidence archive offline, with public keys only; exit status 0 when it holds, 1 otherwise."""
    keys = trusted_keys(load_settings(), log_key, witness_key)
    check = read_archive(path, list(keys.log), list(keys.witnesses))
    for problem in check.problems:
        typer.secho(f"✗ {problem}", fg=typer.colors.RED)
    cosigned = f", cosigned by {', '.join(sorted(check.cosigned_by))}" if check.cosigned_by else ""
    verdict = "intact" if check.intact else f"{len(check.problems)} problems"
    typer.echo(
        f"{path}: {verdict}: {check.events} events in {check.chains} chains, {check.sessions} sessions{cosigned}"
    )
    sys.exit(0 if check.intact else 1)
