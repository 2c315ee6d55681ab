"""``streamguard prove`` and ``streamguard replay``: what an audience saw of one record, provable offline;
and a session's records processed again to show the audit's digests are reproducible.

``prove RAW_TOPIC PARTITION OFFSET --audience A`` asks the server for a proof (JSON) that contains the
audience's view value: the server gives it to that audience's principals, auditors and admins only. ``prove
--check FILE`` needs no server and no secret, only the log's public key (``--log-key``, or
``STREAMGUARD_LOG_KEYS``; else the server's, which it says) and, to require them, the witnesses' keys.
``replay SESSION --audience A`` has the server process the session again with its keys, and prints digests,
counts and positions, never a value.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from streamguard.app.cli.api_client import connect
from streamguard.evidence.proof_check import check_proof
from streamguard.evidence.proofs import ProofError, RecordProof
from streamguard.evidence.replay import EventReplay, ReplayReport


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
        keys = log_key or _log_keys()
        problems = check_proof(proof, log_keys=keys, witness_keys=witness_key or [], require_witness=require_witness)
        _report_check(check, proof, problems, json_output)
        raise typer.Exit(1 if problems else 0)
    if raw_topic is None or partition is None or offset is None or not audience:
        raise typer.BadParameter("give RAW_TOPIC PARTITION OFFSET and --audience, or --check FILE")
    params = {"topic": raw_topic, "partition": partition, "offset": offset, "audience": audience}
    proof = RecordProof.from_json(connect().get_text("/api/proofs", **params), "the server's proof")
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


def _log_keys() -> list[str]:
    """The log verifier keys to check with: configured here, else the server's (said on stderr: pin them)."""
    configured = [key.strip() for key in os.environ.get("STREAMGUARD_LOG_KEYS", "").split(",") if key.strip()]
    if configured:
        return configured
    keys = connect().get("/api/keys")["log_keys"]
    typer.echo("note: checked with the server's log keys (pin them: --log-key or STREAMGUARD_LOG_KEYS)", err=True)
    return list(keys)


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
    json_output: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Have the server process a session's raw records again under its recorded rules and keys; exit 1 unless
    every view digest and Merkle root matches its audit event."""
    answer = connect().post("/api/replay", {"session": session_id, "audience": audience})
    report = ReplayReport.model_validate(answer)
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
