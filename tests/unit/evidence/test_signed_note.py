"""Signed notes: the Go ``golang.org/x/mod/sumdb/note`` test vectors, the C2SP spec's example, and the rules
that make a note unforgeable (unknown keys ignored, a failing known key rejects the note)."""

from __future__ import annotations

import base64

import pytest

from streamguard.evidence.signed_note import (
    COSIGNATURE_ED25519,
    ED25519,
    BadSignatureError,
    MalformedNoteError,
    NoteError,
    NoteSigner,
    UnverifiedNoteError,
    VerifierKey,
    generate_seed,
    key_id,
    open_note,
    parse_note,
    sign_note,
)

# golang.org/x/mod v0.43.0, sumdb/note/note_test.go
PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
PETER_SIG = (
    "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)
ENOCH_SIG = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"
# c2sp.org/signed-note, "Verifier keys: Example"
SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
SPEC_NOTE = (
    "This is an example message.\n\n"
    "— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"
)


def _peter() -> NoteSigner:
    material = base64.b64decode(PETER_SKEY.split("+", 4)[4])  # PRIVATE+KEY+name+id+base64 (which has a "+")
    assert material[0] == ED25519
    return NoteSigner("PeterNeumann", material[1:])


def test_the_go_signer_key_gives_the_go_verifier_key_and_signature() -> None:
    signer = _peter()
    assert str(signer.verifier_key) == PETER_VKEY
    assert key_id("PeterNeumann", ED25519, signer.verifier_key.public_key).hex() == "c74f20a3"
    assert sign_note(TEXT, signer) == TEXT + "\n" + PETER_SIG  # Ed25519 is deterministic: byte for byte


def test_verifier_keys_parse_and_print_back() -> None:
    for vkey in (PETER_VKEY, ENOCH_VKEY, SPEC_VKEY):
        assert str(VerifierKey.parse(vkey)) == vkey


def test_every_mangled_verifier_key_is_refused() -> None:
    """As the Go tests do: every proper substring and every single incremented byte must fail to parse."""
    manglings = {PETER_VKEY[i:j] for i in range(len(PETER_VKEY)) for j in range(i + 1, len(PETER_VKEY) + 1)}
    manglings |= {PETER_VKEY[:i] + chr(ord(c) + 1) + PETER_VKEY[i + 1 :] for i, c in enumerate(PETER_VKEY)}
    manglings.discard(PETER_VKEY)
    for mangled in manglings:
        with pytest.raises(NoteError):
            VerifierKey.parse(mangled)


@pytest.mark.parametrize(
    "vkey",
    [
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",  # wrong key length
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # unknown algorithm
    ],
)
def test_go_bad_verifier_keys_with_adjusted_key_ids_are_refused(vkey: str) -> None:
    with pytest.raises(NoteError):
        VerifierKey.parse(vkey)


def test_one_known_key_verifies_and_the_unknown_signature_is_kept_unchecked() -> None:
    opened = open_note(TEXT + "\n" + PETER_SIG + ENOCH_SIG, [VerifierKey.parse(PETER_VKEY)])
    assert opened.text == TEXT
    assert opened.verified_by == ("PeterNeumann",)
    assert [signature.line() for signature in opened.other_signatures] == [ENOCH_SIG]


def test_both_known_keys_verify() -> None:
    verifiers = [VerifierKey.parse(PETER_VKEY), VerifierKey.parse(ENOCH_VKEY)]
    opened = open_note(TEXT + "\n" + PETER_SIG + ENOCH_SIG, verifiers)
    assert opened.verified_by == ("PeterNeumann", "EnochRoot")
    assert opened.other_signatures == ()


def test_the_spec_example_verifies() -> None:
    assert open_note(SPEC_NOTE, [VerifierKey.parse(SPEC_VKEY)]).text == "This is an example message.\n"


def test_a_note_without_a_known_key_is_rejected() -> None:
    with pytest.raises(UnverifiedNoteError):
        open_note(TEXT + "\n" + PETER_SIG + ENOCH_SIG, [])


def test_a_failing_signature_by_a_known_key_rejects_the_note_even_beside_a_good_one() -> None:
    corrupted = PETER_SIG[:60] + "ABCD" + PETER_SIG[60:]  # same name and key id, another signature
    with pytest.raises(BadSignatureError, match=r"signature by 'PeterNeumann\+c74f20a3' does not verify"):
        open_note(TEXT + "\n" + corrupted, [VerifierKey.parse(PETER_VKEY)])
    with pytest.raises(BadSignatureError):
        open_note(TEXT + "\n" + PETER_SIG + corrupted, [VerifierKey.parse(PETER_VKEY)])


def test_a_signature_sharing_only_the_name_of_a_known_key_is_ignored() -> None:
    impostor = NoteSigner("PeterNeumann", generate_seed())  # same name, another key, so another key id
    note = sign_note(TEXT, impostor)
    with pytest.raises(UnverifiedNoteError):
        open_note(note, [VerifierKey.parse(PETER_VKEY)])
    opened = open_note(note.removesuffix("\n") + "\n" + PETER_SIG, [VerifierKey.parse(PETER_VKEY)])
    assert opened.verified_by == ("PeterNeumann",)
    assert len(opened.other_signatures) == 1


def test_repeated_unknown_signatures_are_kept_once() -> None:
    opened = open_note(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG, [VerifierKey.parse(PETER_VKEY)])
    assert opened.verified_by == ("PeterNeumann",)
    assert [signature.line() for signature in opened.other_signatures] == [ENOCH_SIG]


@pytest.mark.parametrize(
    "note",
    [
        TEXT.encode(),
        (TEXT + "\n").encode(),
        (TEXT + "\n" + PETER_SIG[:-1]).encode(),
        ("\x01" + TEXT + "\n" + PETER_SIG).encode(),
        b"\xff" + (TEXT + "\n" + PETER_SIG).encode(),
        (TEXT + "\n" + "— Bad Name " + PETER_SIG.split(" ", 2)[2]).encode(),
        (TEXT + "\n" + PETER_SIG + "Unexpected line.\n").encode(),
        (TEXT + "\n" + PETER_SIG * 101).encode(),
    ],
    ids=["no-signatures", "blank-only", "no-final-newline", "control", "not-utf8", "space-in-name", "stray", "101"],
)
def test_go_malformed_notes_are_refused(note: bytes) -> None:
    with pytest.raises(MalformedNoteError):
        open_note(note, [VerifierKey.parse(PETER_VKEY)])


def test_a_malformed_signature_line_is_named_by_its_line_number() -> None:
    with pytest.raises(MalformedNoteError, match="malformed signature line 5"):
        parse_note(TEXT + "\n" + PETER_SIG + "— PeterNeumann not*base64\n")


def test_notes_with_empty_lines_and_unicode_round_trip() -> None:
    text = "Ognuno sta solo sul cuor della terra\n\ned è subito sera.\n\n"
    signer = NoteSigner("quasimodo.example/salvatore", generate_seed())
    opened = open_note(sign_note(text, signer), [signer.verifier_key])
    assert opened.text == text


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("no newline", "must end in a newline"),
        ("tab\there\n", r"line 1 has control character U\+0009"),
        ("", "newline"),
    ],
)
def test_invalid_texts_are_not_signed(text: str, problem: str) -> None:
    with pytest.raises(MalformedNoteError, match=problem):
        sign_note(text, _peter())


@pytest.mark.parametrize("name", ["", "has space", "plus+sign", "new\nline"])
def test_invalid_key_names_are_refused(name: str) -> None:
    with pytest.raises(NoteError, match="key name"):
        NoteSigner(name, generate_seed())


def test_seeds_must_be_32_bytes() -> None:
    with pytest.raises(NoteError, match="32 bytes, not 31"):
        NoteSigner("n", bytes(31))


def test_cosignature_keys_are_not_note_keys() -> None:
    """The same key under type 0x04 has another key id, and open_note refuses it outright."""
    seed = generate_seed()
    note_key = NoteSigner("w", seed).verifier_key
    cosignature_key = NoteSigner("w", seed, signature_type=COSIGNATURE_ED25519).verifier_key
    assert note_key.public_key == cosignature_key.public_key
    assert note_key.key_id != cosignature_key.key_id
    with pytest.raises(NoteError, match="not an Ed25519 note key"):
        open_note(sign_note(TEXT, NoteSigner("w", seed)), [cosignature_key])


def test_verifier_keys_whose_base64_has_a_plus_round_trip() -> None:
    keys = [NoteSigner("k", bytes([i]) * 32).verifier_key for i in range(64)]
    assert any("+" in str(key).split("+", 2)[2] for key in keys)  # the case that matters is really among them
    assert all(VerifierKey.parse(str(key)) == key for key in keys)
