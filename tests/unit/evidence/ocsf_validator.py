"""A validator of OCSF documents against the vendored 1.3.0 classes, for the SIEM formats' tests.

``ocsf_problems(document)`` lists what the vendored schema says is wrong with a document: an unknown class or
profile, a missing required attribute, an undefined one, a failed constraint, a value of the wrong type,
out of range or outside its enum, an enum caption that does not name the value.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from typing import Any

from streamguard.evidence.siem_formats import OCSF_VERSION

SCHEMA = json.loads((files("streamguard.evidence") / "ocsf" / f"ocsf-{OCSF_VERSION}-classes.json").read_text())


def ocsf_problems(document: dict[str, Any]) -> list[str]:
    classes = [c for c in SCHEMA["classes"].values() if c["uid"] == document.get("class_uid")]
    if not classes:
        return [f"class_uid {document.get('class_uid')!r} is not a vendored class"]
    profiles = document.get("metadata", {}).get("profiles", [])
    problems = [
        f"metadata.profiles: {p!r} is not a profile of the class" for p in profiles if p not in classes[0]["profiles"]
    ]
    if document.get("type_uid") != document.get("class_uid", 0) * 100 + document.get("activity_id", 0):
        problems.append("type_uid is not class_uid * 100 + activity_id")
    return problems + _item_problems(document, classes[0], set(profiles), "")


def _item_problems(value: dict[str, Any], item: dict[str, Any], profiles: set[str], path: str) -> list[str]:
    attributes = {
        name: attribute
        for name, attribute in item["attributes"].items()
        if not attribute.get("profiles") or profiles & set(attribute["profiles"])
    }
    problems = [f"{path}{name}: not defined here" for name in value if name not in attributes]
    problems += [
        f"{path}{name}: required but missing"
        for name, attribute in attributes.items()
        if attribute["requirement"] == "required" and name not in value
    ]
    for kind, names in item["constraints"].items():
        present = sum(name in value for name in names)
        if (kind == "at_least_one" and present < 1) or (kind == "just_one" and present != 1):
            problems.append(f"{path.rstrip('.') or 'document'}: constraint {kind} of {names} fails")
    for name, element in value.items():
        if name in attributes:
            problems += _attribute_problems(element, attributes[name], profiles, f"{path}{name}")
            problems += _sibling_problems(value, name, attributes[name], path)
    return problems


def _attribute_problems(value: Any, attribute: dict[str, Any], profiles: set[str], path: str) -> list[str]:
    if attribute.get("is_array"):
        if not isinstance(value, list):
            return [f"{path}: an array expected, got {type(value).__name__}"]
        return [
            p for i, element in enumerate(value) for p in _value_problems(element, attribute, profiles, f"{path}[{i}]")
        ]
    return _value_problems(value, attribute, profiles, path)


def _value_problems(value: Any, attribute: dict[str, Any], profiles: set[str], path: str) -> list[str]:
    type_name = attribute["type"]
    if type_name == "object":  # ``unmapped``: free-form by definition
        return [] if isinstance(value, dict) else [f"{path}: an object expected"]
    if type_name in SCHEMA["objects"]:
        if not isinstance(value, dict):
            return [f"{path}: object {type_name} expected, got {type(value).__name__}"]
        return _item_problems(value, SCHEMA["objects"][type_name], profiles, f"{path}.")
    if type_name not in SCHEMA["types"]:
        return [f"{path}: object type {type_name} is not vendored, so it cannot be validated"]
    problems = _scalar_problems(value, SCHEMA["types"][type_name], type_name, path)
    if "enum" in attribute and str(value) not in attribute["enum"]:
        problems.append(f"{path}: {value!r} is not in the enum {sorted(attribute['enum'])}")
    return problems


_BASE_TYPES = {"integer_t": int, "long_t": int, "string_t": str, "boolean_t": bool, "float_t": (int, float)}


def _scalar_problems(value: Any, data_type: dict[str, Any], type_name: str, path: str) -> list[str]:
    base = data_type["base"]
    if base == "json_t":
        return []
    wrong_bool = isinstance(value, bool) and base != "boolean_t"
    if wrong_bool or not isinstance(value, _BASE_TYPES[base]):
        return [f"{path}: {type_name} expected, got {type(value).__name__} {value!r}"]
    problems = []
    if "regex" in data_type and not re.search(data_type["regex"], value):
        problems.append(f"{path}: {value!r} does not match {type_name}")
    if "max_len" in data_type and len(value) > data_type["max_len"]:
        problems.append(f"{path}: longer than {data_type['max_len']}")
    if "range" in data_type and not data_type["range"][0] <= value <= data_type["range"][1]:
        problems.append(f"{path}: {value} out of range {data_type['range']}")
    return problems


def _sibling_problems(value: dict[str, Any], name: str, attribute: dict[str, Any], path: str) -> list[str]:
    """An enum's caption attribute, when present, names the enum's value (``Other`` leaves it free)."""
    sibling = attribute.get("sibling")
    if sibling not in value or "enum" not in attribute or value[name] == 99:
        return []
    caption = attribute["enum"].get(str(value[name]))
    return (
        []
        if caption is None or value[sibling] == caption
        else [f"{path}{sibling}: {value[sibling]!r} is not {caption!r}"]
    )
