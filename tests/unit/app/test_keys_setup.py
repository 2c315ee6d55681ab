"""Where the worker's keys come from, and rotating them: no silent new keys, old tokens still decrypt, and the
audit names the key behind each span."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import fastavro
import pytest
from typer.testing import CliRunner

from streamguard.agents.batch import SourceRecord
from streamguard.agents.checkpoints import control_signer, log_signer, log_verifier_keys
from streamguard.agents.processor import DatasetProcessor
from streamguard.app.main import cli
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.core.errors import KeyringError
from streamguard.core.topics import TopicNames
from streamguard.masking.actions import ActionContext, build_action
from streamguard.masking.encryption import decrypt_token
from streamguard.masking.key_plan import compile_key_plan
from streamguard.masking.keyring_file import generate_keyring_json, load_keyring_file, parse_keyring, rotated
from streamguard.masking.keys import Keyring
from streamguard.masking.native_plan import compile_native_plan
from streamguard.masking.rules import FieldRule, parse_rules
from streamguard.masking.schema_tree import Node


def test_a_keyring_path_that_was_set_but_is_missing_is_an_error_in_development_too(tmp_path: Path) -> None:
    missing = tmp_path / "keyrnig.json"  # a typo
    with pytest.raises(KeyringError, match="no such keyring file"):
        deployment_keyring(Settings(home=tmp_path, keyring_path=missing))
    assert not missing.exists()
    with pytest.raises(KeyringError, match="no keyring at"):  # a reader never makes one ...
        deployment_keyring(Settings(home=tmp_path))
    assert not (tmp_path / "keyring.json").exists()
    made = deployment_keyring(Settings(home=tmp_path), create=True)  # ... a worker starting in development does
    assert stat.S_IMODE((tmp_path / "keyring.json").stat().st_mode) == 0o600
    assert set(made.active) == {"mask", "encrypt", "sign", "evidence", "control"}
    signing = {made.active[slot] for slot in ("sign", "evidence", "control")}
    assert len(signing) == 3
    assert made.active["mask"] not in signing  # no signing key is the masking key
    with pytest.raises(KeyringError, match="production"):  # ... and never in production
        deployment_keyring(Settings(home=tmp_path / "elsewhere", env="production"))


def _token(keyring_path: Path, action: str, value: str) -> str:
    rule = FieldRule.model_validate({"class": "contact", "action": action})
    keys = load_keyring_file(keyring_path)
    return build_action(action, rule, Node(kind="string"), ActionContext("analytics", "contact", keys))(value)  # type: ignore[no-any-return]


def test_rotation_changes_new_tokens_keeps_old_ones_decryptable_and_is_named_in_the_audit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring = tmp_path / "keyring.json"
    keyring.write_text(generate_keyring_json(("mask", "encrypt", "evidence")))
    monkeypatch.setenv("STREAMGUARD_KEYRING_PATH", str(keyring))
    before = {action: _token(keyring, action, "ana@example.org") for action in ("hash", "pseudonymize", "encrypt")}
    result = CliRunner().invoke(cli, ["keys", "rotate"])
    assert result.exit_code == 0, result.output
    assert "key k3 is now active for mask, encrypt" in result.output
    assert json.loads(keyring.read_text())["keys"].keys() == {"k1", "k2", "k3"}
    assert stat.S_IMODE(keyring.stat().st_mode) == 0o600
    after = {action: _token(keyring, action, "ana@example.org") for action in before}
    assert all(before[action] != after[action] for action in before)
    rotated = load_keyring_file(keyring)
    assert decrypt_token(rotated, before["encrypt"]) == b"ana@example.org"  # made with k1, still readable
    rules = parse_rules(
        "dataset: d\nformat: json\nkey: {class: public}\naudiences: {a: {}}\nfields: {x: {class: public}}\n"
    )
    processor = DatasetProcessor(rules, 1, rotated, TopicNames(), None, None, "w")  # type: ignore[arg-type]
    event = processor.process([SourceRecord("raw.d", 0, 0, b"k", b'{"x": 1}', [], 0)]).event
    assert event.key_ids == {"mask": "k3", "encrypt": "k3", "evidence": "k2"}


def test_a_signing_key_is_rotated_on_its_own_and_its_earlier_keys_stay_verifiable(tmp_path: Path) -> None:
    text = generate_keyring_json()
    with pytest.raises(KeyringError, match="one at a time"):
        rotated(text, source="k.json", slots=("sign", "mask"))
    before = parse_keyring(text, source="k.json")
    after = parse_keyring(rotated(text, source="k.json", slots=("sign",))[0], source="k.json")
    assert after.served("sign") == (before.active["sign"], after.active["sign"])
    assert log_verifier_keys(after, "o")[0] == str(log_signer(before, "o").verifier_key)
    assert str(log_signer(before, "o").verifier_key) not in log_verifier_keys(after, "o", "control")


def test_no_checkpoint_is_signed_with_a_key_that_also_masks() -> None:
    shared = Keyring({"k1": b"\x11" * 32}, {"mask": "k1", "encrypt": "k1", "sign": "k1"})
    with pytest.raises(KeyringError, match="also its encrypt, mask key"):
        log_signer(shared, "o")
    with pytest.raises(KeyringError, match="no active 'control' key"):
        control_signer(shared, "o")
    # what verify trusts for the data chains is only what the sign slot has had: never the masking key's
    assert log_verifier_keys(Keyring({"k1": b"\x11" * 32}, {"mask": "k1"}), "o") == []


def test_derived_keys_appear_in_no_repr_of_a_plan() -> None:
    keyring = Keyring({"k1": b"\x11" * 32}, {"mask": "k1", "encrypt": "k1"})
    schema = fastavro.parse_schema({"type": "record", "name": "R", "fields": [{"name": "e", "type": "string"}]})
    rules = parse_rules(
        "dataset: r\nformat: avro\nkey: {class: contact, action: hash}\naudiences: {a: {}}\n"
        "fields: {e: {class: contact, action: hash}}\n",
        schema=schema,
    )
    plan = compile_native_plan(rules, keyring, schema)
    for shown in (repr(plan), repr(compile_key_plan(rules, keyring))):
        for secret in plan.keys:
            assert secret.hex() not in shown
            assert repr(secret) not in shown


def test_each_process_gets_its_part_of_a_new_keyring_and_no_file_is_overwritten(tmp_path: Path) -> None:
    whole, worker, server = tmp_path / "whole.json", tmp_path / "worker.json", tmp_path / "server.json"
    runner = CliRunner()
    assert runner.invoke(cli, ["keys", "new", str(whole)]).exit_code == 0
    rotated_once = rotated(whole.read_text(), source="w", slots=("mask", "encrypt"))[0]  # an earlier masking key
    whole.unlink()
    whole.write_text(rotated_once)
    for holder, out in (("worker", worker), ("server", server)):
        result = runner.invoke(cli, ["keys", "split", str(whole), "--for", holder, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    full, as_worker, as_server = (load_keyring_file(path) for path in (whole, worker, server))
    assert set(as_worker.active) == {"mask", "encrypt", "sign", "evidence"}
    assert set(as_server.active) == {"mask", "encrypt", "evidence", "control"}
    assert full.active["control"] not in as_worker.key_ids  # the worker cannot sign the control chain
    assert full.active["sign"] not in as_server.key_ids  # nor the server a data chain
    for part in (as_worker, as_server):  # the same tokens, old ones included, and the same digest salts
        assert {slot: part.active[slot] for slot in ("mask", "encrypt", "evidence")} == {
            slot: full.active[slot] for slot in ("mask", "encrypt", "evidence")
        }
        assert part.served("mask") == full.served("mask")
        assert all(k in part.key_ids for k in full.served("mask"))
    with pytest.raises(KeyringError, match="no active 'control' key"):
        control_signer(as_worker, "o")
    again = runner.invoke(cli, ["keys", "split", str(whole), "--for", "server", "--out", str(server)])
    assert isinstance(again.exception, KeyringError)
    assert "server.json: exists; a keyring is never overwritten" in str(again.exception)
    assert load_keyring_file(server).key_ids == as_server.key_ids
