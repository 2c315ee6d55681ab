"""``streamguard keys new | split``: a deployment's keyring, and the part of it each process holds; ``keys
rotate``: a new active key in the keyring file, every earlier key kept; ``keys public``: the checkpoint signing
keys' verifier keys."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from streamguard.agents.checkpoints import (
    CONTROL_SIGNING_SLOT,
    DATA_SIGNING_SLOT,
    control_signer,
    log_signer,
    log_verifier_keys,
)
from streamguard.app.services.keyrings import deployment_keyring, write_keyring_file
from streamguard.app.settings import load_settings
from streamguard.core.errors import KeyringError
from streamguard.masking.keyring_file import ENV_VAR, generate_keyring_json, keyring_for, rotated

group = typer.Typer(help="Manage the keyring (key ids are printed, key material never).", no_args_is_help=True)


class Slot(StrEnum):
    MASK = "mask"
    ENCRYPT = "encrypt"
    ALL = "all"  # mask and encrypt
    SIGN = "sign"
    EVIDENCE = "evidence"
    CONTROL = "control"


_NEVER_OVERWRITTEN = "Where to write it; an existing file is never overwritten."


class Holder(StrEnum):
    WORKER = "worker"
    SERVER = "server"


@group.command("new")
def new(path: Annotated[Path, typer.Argument(help=_NEVER_OVERWRITTEN)]) -> None:
    """Write a new keyring with a key for every slot (mode 0600): the deployment's whole keyring. Keep it
    offline, and give each process its part (``keys split``)."""
    _write(path, generate_keyring_json())
    typer.echo(f"{path}: a new keyring with mask, encrypt, sign, evidence and control keys (mode 0600)")


@group.command("split")
def split(
    source: Annotated[Path, typer.Argument(help="The whole keyring (``keys new``).")],
    holder: Annotated[
        Holder,
        typer.Option("--for", help="worker: mask, encrypt, sign, evidence; server: mask, encrypt, evidence, control."),
    ],
    out: Annotated[Path, typer.Option("--out", help=_NEVER_OVERWRITTEN)],
) -> None:
    """Write the part of a keyring one process holds: a worker's has no control key (it cannot sign the
    control chain), the server's no sign key (it cannot sign a data chain; give it the data chains' verifier
    keys, ``keys public``, as STREAMGUARD_LOG_KEYS)."""
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise KeyringError(f"{source}: cannot read keyring ({error.strerror})") from None
    _write(out, keyring_for(text, source=str(source), holder=holder.value))
    typer.echo(f"{out}: the {holder.value}'s keys from {source} (mode 0600)")


def _write(path: Path, text: str) -> None:
    try:
        write_keyring_file(path, text)
    except FileExistsError:
        raise KeyringError(f"{path}: exists; a keyring is never overwritten (move it away first)") from None
    except OSError as error:
        raise KeyringError(f"{path}: cannot write keyring ({error.strerror})") from None


@group.command()
def rotate(
    slot: Annotated[
        Slot,
        typer.Option(
            "--slot",
            help="Which active key to replace: mask (hash, pseudonym), encrypt, all (both), sign (the data "
            "chains' checkpoints), evidence (digest salts) or control (the control chain's checkpoints).",
        ),
    ] = Slot.ALL,
) -> None:
    """Make a new random key active; earlier keys stay for decryption and replay. Workers use it once restarted."""
    if ENV_VAR in os.environ:
        raise KeyringError(f"the keyring comes from {ENV_VAR}: rotate it in the secret store that sets it")
    path = load_settings().resolved_keyring_path
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise KeyringError(f"{path}: cannot read keyring ({error.strerror})") from None
    slots = ("mask", "encrypt") if slot is Slot.ALL else (slot.value,)
    new_text, key_id = rotated(text, source=str(path), slots=slots)
    staged = path.with_name(f".{path.name}.rotating")
    with os.fdopen(os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as keyring_file:
        keyring_file.write(new_text)
    staged.replace(path)  # atomic: a reader sees the old keyring or the new one, never half of one
    typer.echo(f"{path}: key {key_id} is now active for {', '.join(slots)}; earlier keys kept")


@group.command("public")
def public(
    active: Annotated[bool, typer.Option("--active", help="Only the key that signs checkpoints now.")] = False,
    control: Annotated[
        bool, typer.Option("--control", help="The control chain's keys (the server's), not the data chains'.")
    ] = False,
) -> None:
    """Print the verifier keys of checkpoint signing (the data chains', or --control the control chain's), the
    one signing now first, then those the slot had before a rotation (its older checkpoints verify with them).
    Public keys only: pin them where you verify."""
    settings = load_settings()
    keyring = deployment_keyring(settings)
    signer = control_signer if control else log_signer
    signing = str(signer(keyring, settings.log_origin).verifier_key)
    typer.echo(signing)
    if not active:
        slot = CONTROL_SIGNING_SLOT if control else DATA_SIGNING_SLOT
        for vkey in log_verifier_keys(keyring, settings.log_origin, slot):
            if vkey != signing:
                typer.echo(vkey)
