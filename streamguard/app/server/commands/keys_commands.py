"""``streamguard keys rotate``: a new active key in the keyring file, every earlier key kept; ``keys public``:
the checkpoint signing keys' verifier keys."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer

from streamguard.agents.checkpoints import (
    CONTROL_SIGNING_SLOT,
    DATA_SIGNING_SLOT,
    control_signer,
    log_signer,
    log_verifier_keys,
)
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import load_settings
from streamguard.core.errors import KeyringError
from streamguard.masking.keyring_file import ENV_VAR, rotated

group = typer.Typer(help="Manage the keyring (key ids are printed, key material never).", no_args_is_help=True)


class Slot(StrEnum):
    MASK = "mask"
    ENCRYPT = "encrypt"
    ALL = "all"  # mask and encrypt
    SIGN = "sign"
    EVIDENCE = "evidence"
    CONTROL = "control"


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
