"""``streamguard keys rotate``: a new active key in the keyring file, every earlier key kept; ``keys public``:
the checkpoint signing keys' verifier keys."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer

from streamguard.agents.checkpoints import log_signer, log_verifier_keys
from streamguard.app.services.keyrings import worker_keyring
from streamguard.app.settings import load_settings
from streamguard.core.errors import KeyringError
from streamguard.masking.keyring_file import ENV_VAR, rotated

group = typer.Typer(help="Manage the keyring (key ids are printed, key material never).", no_args_is_help=True)


class Slot(StrEnum):
    MASK = "mask"
    ENCRYPT = "encrypt"
    ALL = "all"


@group.command()
def rotate(
    slot: Annotated[
        Slot, typer.Option("--slot", help="Which active key to replace: mask (hash, pseudonym), encrypt, or all.")
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
) -> None:
    """Print the verifier keys of checkpoint signing, the one signing now first, then those of every other key
    in the keyring (checkpoints signed before a rotation verify with them). Public keys only."""
    settings = load_settings()
    keyring = worker_keyring(settings)
    signing = str(log_signer(keyring, settings.log_origin).verifier_key)
    typer.echo(signing)
    if not active:
        for vkey in log_verifier_keys(keyring, settings.log_origin):
            if vkey != signing:
                typer.echo(vkey)
