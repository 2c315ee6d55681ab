"""``streamguard prove`` and ``streamguard replay``: what an audience saw of one record, provable offline;
and a session's records processed again to show the audit's digests are reproducible.

``prove RAW_TOPIC PARTITION OFFSET --audience A`` reads the broker and writes a proof (JSON) that contains the
audience's view value: give it only to someone cleared for that view. ``prove --check FILE`` needs no broker
and no secret, only the log's public key (derived from the local keyring when it is there) and, to require
them, the witnesses' keys. ``replay SESSION --audience A`` prints digests, counts and positions, never a value.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from streamguard.app.settings import Settings, load_settings
from streamguard.core.errors import KeyringError
from streamguard.evidence.proofs import ProofError, RecordProof, check_proof
from streamguard.evidence.replay import EventReplay, ReplayReport
from streamguard.masking.keyring_file import ENV_VAR, load_keyring

if TYPE_CHECKING:
    from streamguard.masking.keys import Keyring


def prove(
    raw_topic: Annotated[str | None, typer.Argument(help="The raw topic, e.g. raw.customers.")] = None,
    partition: Annotated[int | None, typer.Argument(help="The raw record's partition.")] = None,
    offset: Annotated[int | None, typer.Argument(help="The raw record's offset.")] = None,
    audience: Annotated[str, typer.Option("--audience", help="Whose view to prove (checked against --check).")] = "",
    out: Annotated[Path | None, typer.Option("--out", help="Write the proof here (default: stdout).")] = None,
    check: Annotated[Path | None, typer.Option("--check", help="Verify this proof file offline instead.")] = None,
    log_key: Annotated[
        list[str] | None, typer.Option("--log-key", help="A trusted log verifier key (default: the local keyring's).")
    ] = None,
    witness_key: Annotated[
        list[str] | None, typer.Option("--witness-key", help="A witness verifier key whose cosignature to check.")
    ] = None,
    require_witness: Annotated[
        bool, typer.Option("--require-witness", help="Fail unless every --witness-key cosigned the checkpoint.")
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Prove what AUDIENCE saw of RAW_TOPIC[PARTITION]@OFFSET, or (--check) verify such a proof offline."""
    if check is not None:
        proof = _read_proof(check)
        if audience and audience != proof.audience:
            raise ProofError(f"{check} proves the view of audience {proof.audience}, not {audience}")
        keys = log_key or [_local_log_key()]
        problems = check_proof(proof, log_keys=keys, witness_keys=witness_key or [], require_witness=require_witness)
        _report_check(check, proof, problems, json_output)
        raise typer.Exit(1 if problems else 0)
    if raw_topic is None or partition is None or offset is None or not audience:
        raise typer.BadParameter("give RAW_TOPIC PARTITION OFFSET and --audience, or --check FILE")
    from streamguard.app.services.evidence.record_proofs import (
        build_proof,  # reads the broker: only this mode needs Kafka
    )

    proof = build_proof(load_settings(), raw_topic, partition, offset, audience)
    if out is None:
        typer.echo(proof.to_json(), nl=False)
    else:
        out.write_text(proof.to_json(), encoding="utf-8")
    _report_built(proof, out, json_output)


def _read_proof(path: Path) -> RecordProof:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProofError(f"{path}: cannot read proof ({getattr(error, 'strerror', None) or 'not UTF-8'})") from None
    return RecordProof.from_json(text, str(path))


def _local_keyring(settings: Settings) -> Keyring | None:
    """The keyring this machine's worker uses, if there is one (never created here: new keys prove nothing)."""
    if ENV_VAR in os.environ:
        return load_keyring(None)
    path = settings.resolved_keyring_path
    return load_keyring(path) if path.exists() else None


def _local_log_key() -> str:
    from streamguard.agents.checkpoints import log_signer

    settings = load_settings()
    keyring = _local_keyring(settings)
    if keyring is None:
        raise KeyringError(
            f"no --log-key given and no local keyring at {settings.resolved_keyring_path}: pass the log's verifier "
            "key with --log-key"
        )
    return str(log_signer(keyring, settings.log_origin).verifier_key)


def _report_check(path: Path, proof: RecordProof, problems: list[str], json_output: bool) -> None:
    if json_output:
        summary = {"proof": str(path), "raw": proof.raw, "audience": proof.audience, "valid": not problems}
        typer.echo(json.dumps({**summary, "problems": problems}, indent=2))
        return
    console = Console(soft_wrap=True)  # a problem is one line, whatever the terminal's width
    if not problems:
        console.print(
            f"[green]valid[/green]: {escape(str(path))} proves what [bold]{escape(proof.audience)}[/bold] saw of "
            f"{escape(_view_of(proof))}, audit event seq {proof.event_index})"
        )
        return
    console.print(f"[red]invalid[/red]: {escape(f'{path} ({proof.raw}, audience {proof.audience})')}:")
    for problem in problems:
        console.print(f"  - {problem}", markup=False, highlight=False)


def _report_built(proof: RecordProof, out: Path | None, json_output: bool) -> None:
    where = str(out) if out else "stdout"
    if json_output and out is not None:
        typer.echo(json.dumps({"proof": where, "raw": proof.raw, "audience": proof.audience}, indent=2))
        return
    Console(stderr=out is None, soft_wrap=True).print(
        f"proof for [bold]{escape(proof.audience)}[/bold] of {escape(_view_of(proof))}, leaf {proof.leaf_index} of "
        f"{proof.leaf_count}, audit event seq {proof.event_index}) -> {escape(where)}"
    )


def _view_of(proof: RecordProof) -> str:
    return f"{proof.raw} (view {proof.view_topic}[{proof.view_partition}]@{proof.view_offset}"


def replay(
    session_id: Annotated[str, typer.Argument(help="The session id (or a prefix of 8+ characters).")],
    audience: Annotated[str, typer.Option("--audience", help="Whose view to reproduce.")],
    keyring_path: Annotated[
        Path | None, typer.Option("--keyring", help="Keyring file holding the recorded key ids (default: local).")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Process a session's raw records again under its recorded rules and keys; exit 1 unless every view
    digest and Merkle root matches its audit event."""
    from streamguard.app.services.evidence.replay import replay_session, session_events
    from streamguard.store import EvidenceStore

    settings = load_settings()
    keyring = load_keyring(keyring_path) if keyring_path else _local_keyring(settings)
    if keyring is None:
        raise KeyringError(f"no --keyring given and no local keyring at {settings.resolved_keyring_path}")
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        events = session_events(store, session_id)
    report = replay_session(settings, events, audience, keyring)
    if json_output:
        typer.echo(report.model_dump_json(indent=2))
    else:
        _print_replay(session_id, report)
    raise typer.Exit(0 if report.matches else 1)


def _print_replay(session_id: str, report: ReplayReport) -> None:
    table = Table(title=f"replay of session {session_id} for {report.audience}")
    for column in ("chain", "seq", "offsets", "rules", "keys", "result"):
        table.add_column(column)
    for event in report.events:
        keys = ", ".join(f"{slot}={key_id}" for slot, key_id in sorted(event.key_ids.items()))
        table.add_row(
            event.chain,
            str(event.seq),
            f"{event.first_offset}..{event.last_offset}",
            f"v{event.rule_version}",
            keys,
            _outcome(event),
        )
    console = Console()
    console.print(table)
    verdict = "[green]every view reproduced[/green]" if report.matches else "[red]not reproduced[/red]"
    console.print(f"{len(report.events)} event(s): {verdict}")


def _outcome(event: EventReplay) -> str:
    if event.problem is not None:
        return f"[yellow]{escape(event.problem)}[/yellow]"
    view = event.view
    if view is None:
        return "[yellow]not replayed[/yellow]"
    if view.matches:
        return "[green]match[/green]"
    where = f" from view position {view.first_difference}" if view.first_difference is not None else ""
    return f"[red]differs{where}[/red] (digest {view.reproduced_digest[:12]}, recorded {view.expected_digest[:12]})"
