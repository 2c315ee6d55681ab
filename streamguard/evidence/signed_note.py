"""C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys: key ids, verifier keys, signing and opening.

A note is a text ending in a newline, a blank line, then signature lines ``— <name> base64(key id || sig)``.
A signature is identified by its key's name and 4-byte key id together; verifiers ignore signatures by keys
they do not know (witness cosignatures travel in the same note), must check every one by a key they know,
and reject a note that no known key verified. Checkpoints (``checkpoint.py``) are notes of this kind.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from streamguard.core.errors import BadSignatureError, MalformedNoteError, NoteError, UnverifiedNoteError

ED25519 = 0x01  # signature type of Ed25519 note signatures
COSIGNATURE_ED25519 = 0x04  # signature type of timestamped Ed25519 checkpoint cosignatures (tlog-cosignature)
SIGNATURE_TYPES = {ED25519: "Ed25519 note", COSIGNATURE_ED25519: "Ed25519 cosignature"}  # both carry a 32-byte key
SEED_BYTES = 32
MAX_SIGNATURES = 100  # the spec asks for at least 16; a cap keeps a hostile note from costing unbounded checks
_SIGNATURE_PREFIX = "— "
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f]")  # ASCII controls other than newline are not allowed anywhere


def generate_seed() -> bytes:
    """A new random Ed25519 seed: the whole private key."""
    return secrets.token_bytes(SEED_BYTES)


def key_id(name: str, signature_type: int, public_key: bytes) -> bytes:
    """SHA-256(name || 0x0A || signature type || public key)[:4], as the spec recommends and cosignatures require."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([signature_type]) + public_key).digest()[:4]


def check_key_name(name: str) -> str:
    if not name or "+" in name or any(char.isspace() for char in name) or _CONTROL.search(name):
        raise NoteError(f"key name {name!r} must be non-empty, without spaces, '+' or control characters")
    return name


def decode_base64(text: str, what: str) -> bytes:
    """Standard base64 with padding, nothing else tolerated (no line breaks, no stray characters)."""
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise NoteError(f"{what} is not base64") from None


@dataclass(frozen=True)
class VerifierKey:
    """A public key as ``<name>+<hex key id>+<base64(signature type || public key)>`` (a "vkey")."""

    name: str
    signature_type: int
    public_key: bytes

    def __post_init__(self) -> None:
        check_key_name(self.name)
        if self.signature_type not in SIGNATURE_TYPES:
            raise NoteError(f"key {self.name!r}: signature type 0x{self.signature_type:02x} is not supported")
        if len(self.public_key) != 32:
            raise NoteError(f"key {self.name!r}: an Ed25519 public key is 32 bytes, not {len(self.public_key)}")

    @property
    def key_id(self) -> bytes:
        return key_id(self.name, self.signature_type, self.public_key)

    @property
    def label(self) -> str:
        """``name+keyid``: how messages name a key."""
        return f"{self.name}+{self.key_id.hex()}"

    def __str__(self) -> str:
        material = base64.b64encode(bytes([self.signature_type]) + self.public_key).decode()
        return f"{self.label}+{material}"

    @classmethod
    def parse(cls, vkey: str) -> VerifierKey:
        parts = vkey.split("+", 2)  # the base64 key material may itself contain "+"
        if len(parts) != 3 or not re.fullmatch(r"[0-9a-f]{8}", parts[1]):
            raise NoteError("a verifier key is <name>+<8 lowercase hex key id>+<base64 key>")
        name, id_hex, material_b64 = parts
        material = decode_base64(material_b64, f"verifier key {name!r}")
        if not material:
            raise NoteError(f"verifier key {name!r} has no key material")
        key = cls(name, material[0], material[1:])
        if key.key_id.hex() != id_hex:
            raise NoteError(f"verifier key {name!r}: key id {id_hex} does not match its key ({key.key_id.hex()})")
        return key

    def verifies(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class NoteSignature:
    """One signature line: who (name and key id) and the signature bytes after the key id."""

    name: str
    key_id: bytes
    signature: bytes

    def line(self) -> str:
        return f"{_SIGNATURE_PREFIX}{self.name} {base64.b64encode(self.key_id + self.signature).decode()}\n"

    @classmethod
    def parse(cls, line: str, where: str) -> NoteSignature:
        """``line`` without its newline; ``where`` names it in errors (``signature line 3``)."""
        malformed = MalformedNoteError(f"malformed {where} (expected '— <key name> <base64 signature>')")
        name, _, encoded = line.removeprefix(_SIGNATURE_PREFIX).partition(" ")
        if not line.startswith(_SIGNATURE_PREFIX) or not encoded:
            raise malformed
        try:
            check_key_name(name)
            raw = decode_base64(encoded, where)
        except NoteError:
            raise malformed from None
        if len(raw) < 5:
            raise MalformedNoteError(f"malformed {where}: a signature is a 4-byte key id and at least one byte")
        return cls(name, raw[:4], raw[4:])


class NoteSigner:
    """Signs as ``name`` with the Ed25519 key of a 32-byte ``seed``; ``signature_type`` selects the key id."""

    def __init__(self, name: str, seed: bytes, signature_type: int = ED25519) -> None:
        if len(seed) != SEED_BYTES:
            raise NoteError(f"key {name!r}: an Ed25519 seed is {SEED_BYTES} bytes, not {len(seed)}")
        self._private_key = Ed25519PrivateKey.from_private_bytes(seed)
        self.verifier_key = VerifierKey(name, signature_type, self._private_key.public_key().public_bytes_raw())

    @property
    def name(self) -> str:
        return self.verifier_key.name

    def sign_bytes(self, message: bytes) -> bytes:
        return self._private_key.sign(message)

    def signature_line(self, signature: bytes) -> str:
        return NoteSignature(self.name, self.verifier_key.key_id, signature).line()


def check_note_text(text: str) -> None:
    """The text a note signs: valid UTF-8, ending in a newline, no control characters but newlines."""
    if not text.endswith("\n"):
        raise MalformedNoteError("note text must end in a newline")
    if control := _CONTROL.search(text):
        line = text.count("\n", 0, control.start()) + 1
        raise MalformedNoteError(f"note line {line} has control character U+{ord(control.group()):04X}")
    try:
        text.encode()
    except UnicodeEncodeError as error:
        raise MalformedNoteError(f"note is not valid UTF-8 (character {error.start})") from None


def sign_note(text: str, signer: NoteSigner) -> str:
    """``text``, a blank line and the signer's Ed25519 signature line."""
    check_note_text(text)
    if signer.verifier_key.signature_type != ED25519:
        raise NoteError(f"key {signer.name!r} is not an Ed25519 note key (type 0x01)")
    return f"{text}\n{signer.signature_line(signer.sign_bytes(text.encode()))}"


@dataclass(frozen=True)
class ParsedNote:
    """A note split into text and signatures, nothing verified yet."""

    text: str
    signatures: tuple[NoteSignature, ...]


def parse_note(note: str | bytes) -> ParsedNote:
    """Split at the last blank line; every line after it must be a signature line."""
    if isinstance(note, bytes):
        try:
            note = note.decode()
        except UnicodeDecodeError as error:
            raise MalformedNoteError(f"note is not valid UTF-8 (byte {error.start})") from None
    split = note.rfind("\n\n")
    if split < 0:
        raise MalformedNoteError("note has no blank line before its signatures")
    text, block = note[: split + 1], note[split + 2 :]
    check_note_text(text)
    if not block.endswith("\n"):
        raise MalformedNoteError("note must end with a signature line and a newline")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise MalformedNoteError(f"note has {len(lines)} signatures, more than {MAX_SIGNATURES}")
    first = text.count("\n") + 2  # the text's lines, then the blank line
    signatures = tuple(NoteSignature.parse(line, f"signature line {first + n}") for n, line in enumerate(lines))
    return ParsedNote(text, signatures)


@dataclass(frozen=True)
class OpenedNote:
    """A verified note: its text, which known keys verified it, and the lines by keys not given (unchecked)."""

    text: str
    verified_by: tuple[str, ...]
    other_signatures: tuple[NoteSignature, ...]


def open_note(note: str | bytes, verifiers: Iterable[VerifierKey]) -> OpenedNote:
    """Check every signature by a known key (name and key id both match); the note needs at least one."""
    known: dict[tuple[str, bytes], VerifierKey] = {}
    for key in verifiers:
        if key.signature_type != ED25519:
            raise NoteError(f"key {key.label} is not an Ed25519 note key (type 0x01)")
        if known.setdefault((key.name, key.key_id), key) != key:
            raise NoteError(f"two verifier keys are both {key.label}")
    parsed = parse_note(note)
    verified: list[str] = []
    others: list[NoteSignature] = []
    for signature in parsed.signatures:
        key = known.get((signature.name, signature.key_id))
        if key is None:
            if signature not in others:
                others.append(signature)
        elif not key.verifies(parsed.text.encode(), signature.signature):
            raise BadSignatureError(f"signature by '{key.label}' does not verify")
        elif key.name not in verified:
            verified.append(key.name)
    if not verified:
        raise UnverifiedNoteError("note has no signature by a known key")
    return OpenedNote(parsed.text, tuple(verified), tuple(others))
