"""Compile the OCSF event classes streamguard exports into a small JSON file (run by hand; its output is committed).

    python scripts/vendor_ocsf.py /path/to/ocsf-schema [--ref 1.3.0]

The argument is a git repository of ocsf/ocsf-schema (a clone or a bare mirror): files are read with
``git show REF:PATH``, so nothing needs checking out and the output names the exact commit it came from.
The script flattens what the OCSF schema compiler flattens for these classes, following the compiler's rules:

- ``$include`` of a profile or include file puts its attributes under the item's own, which win key by key;
  a profile's attributes are tagged with the profile's name, until an item sets ``"profile": null``;
- ``extends`` puts a class or object on top of a copy of its parent: attributes merge, profiles add up,
  anything else (``constraints`` among them) replaces the parent's;
- each attribute is finally laid on top of its dictionary entry (type, ``is_array``, enum, sibling), and an
  attribute without a requirement is optional; each timestamp gets its optional ``*_dt`` twin of the
  datetime profile;
- an item's profiles are its own, those of every object its attributes lead to, and datetime if it has a timestamp.

For 1.3.0 the result was compared with ocsf/ocsf-schema-compiler's output for the same classes and
objects: the same attributes, types, requirements, enum values and captions, siblings, profiles and
constraints.

Only API Activity (6003), Data Security Finding (2006), Detection Finding (2004, for monitoring's alerts) and
the objects in ``OBJECTS`` (those streamguard's documents descend into) are written, with enum captions but
no descriptions, so the file stays small. The unit tests validate every exported OCSF document against it;
none of this runs at test or export time.
"""

from __future__ import annotations

import argparse
import copy
import json
import subprocess
from pathlib import Path
from typing import Any

CLASSES = ("api_activity", "data_security_finding", "detection_finding")
# The objects streamguard's OCSF documents contain; a document holding any other object fails validation.
OBJECTS = (
    "metadata",
    "product",
    "actor",
    "user",
    "api",
    "service",
    "request",
    "network_endpoint",
    "resource_details",
    "finding_info",
    "data_security",
    "analytic",
)
OUT_DIR = Path(__file__).resolve().parent.parent / "streamguard" / "evidence" / "ocsf"

JsonObject = dict[str, Any]


class SchemaTree:
    """The schema's files at one git ref of a local repository."""

    def __init__(self, repository: Path, ref: str) -> None:
        self.repository, self.ref = repository, ref
        self.commit = self._git("rev-parse", f"{ref}^{{commit}}").strip()

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(self.repository), *args], check=True, capture_output=True, text=True
        ).stdout

    def read(self, path: str) -> JsonObject:
        return json.loads(self._git("show", f"{self.commit}:{path}"))

    def items_by_name(self, folder: str) -> dict[str, JsonObject]:
        names = self._git("ls-tree", "-r", "--name-only", self.commit, folder).split()
        items = (self.read(path) for path in names if path.endswith(".json"))
        return {item["name"]: item for item in items}


def _deep_merge(base: JsonObject, top: JsonObject) -> None:
    """``top`` laid on ``base`` in place: nested objects merge, anything else in ``top`` wins."""
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _deep_merge(base[key], value)
        else:
            base[key] = copy.deepcopy(value)


def _merge_attribute(base: JsonObject, top: JsonObject) -> None:
    """One attribute's details laid on another's; ``profile`` (one name, or null for none) sets ``profiles``."""
    top = dict(top)
    if "profile" in top:
        profile = top.pop("profile")
        base["profiles"] = None if profile is None else [profile]
    if top.get("profiles") and base.get("profiles"):
        top["profiles"] = sorted(set(base["profiles"]) | set(top["profiles"]))
    _deep_merge(base, top)


def _merge_attributes(base: JsonObject, top: JsonObject) -> None:
    for name, details in top.items():
        _merge_attribute(base.setdefault(name, {}), details)


def _resolve_includes(tree: SchemaTree, item: JsonObject) -> JsonObject:
    item = copy.deepcopy(item)
    own = item.setdefault("attributes", {})
    includes = own.pop("$include", [])
    merged: JsonObject = {}
    for path in [includes] if isinstance(includes, str) else includes:
        included = tree.read(path)
        annotations = included.get("annotations", {})
        for name, details in included.get("attributes", {}).items():
            details = {**annotations, **details}
            if included.get("meta") == "profile":
                details["profiles"] = [included["name"]]
            _merge_attribute(merged.setdefault(name, {}), details)
    for name, details in own.items():
        if "$include" in details:
            raise SystemExit(f"{item['name']}.{name}: attribute-level $include is not supported by this script")
    _merge_attributes(merged, own)
    item["attributes"] = merged
    return item


def _flatten(tree: SchemaTree, items: dict[str, JsonObject], name: str) -> JsonObject:
    item = _resolve_includes(tree, items[name])
    parent_name = item.get("extends")
    if not parent_name:
        return item
    flattened = _flatten(tree, items, parent_name)
    for key, value in item.items():
        if key == "attributes":
            _merge_attributes(flattened["attributes"], value)
        elif key == "profiles":
            flattened["profiles"] = sorted(set(flattened.get("profiles", [])) | set(value))
        else:
            flattened[key] = value
    return flattened


class Compiler:
    def __init__(self, tree: SchemaTree) -> None:
        self.tree = tree
        dictionary = tree.read("dictionary.json")
        self.dictionary: JsonObject = dictionary["attributes"]
        self.types: JsonObject = dictionary["types"]["attributes"]
        self.categories: JsonObject = tree.read("categories.json")["attributes"]
        self.events = tree.items_by_name("events")
        self.objects = tree.items_by_name("objects")
        self.used_types: set[str] = set()
        self.flat_objects: dict[str, JsonObject] = {}

    def attributes(self, item: JsonObject) -> JsonObject:
        """The item's attributes on their dictionary entries, each timestamp with its datetime-profile twin."""
        compiled = {}
        for name, details in sorted(item["attributes"].items()):
            if name not in self.dictionary:
                raise SystemExit(f"{item['name']}.{name} is not in the dictionary")
            full = copy.deepcopy(self.dictionary[name])
            _merge_attribute(full, details)
            compiled[name] = self._compact(full)
            if full["type"] == "timestamp_t":
                compiled[f"{name}_dt"] = {"type": "datetime_t", "requirement": "optional", "profiles": ["datetime"]}
                self.used_types.add("datetime_t")
        return compiled

    def _flat_object(self, name: str) -> JsonObject:
        if name not in self.flat_objects:
            self.flat_objects[name] = _flatten(self.tree, self.objects, name)
        return self.flat_objects[name]

    def _attribute_type(self, name: str, details: JsonObject) -> str:
        return details.get("type") or self.dictionary[name]["type"]

    def _reachable_objects(self, item: JsonObject) -> set[str]:
        """Every object an item's attributes lead to, at any depth (by their dictionary types)."""
        reachable: set[str] = set()
        pending = [item]
        while pending:
            for name in pending.pop()["attributes"]:
                object_name = self.dictionary[name]["type"]
                if object_name in self.objects and object_name not in reachable:
                    reachable.add(object_name)
                    pending.append(self._flat_object(object_name))
        return reachable

    def _datetime(self, item: JsonObject) -> set[str]:
        """The datetime profile, when the item has a timestamp for it to give a datetime twin."""
        types = {self._attribute_type(name, details) for name, details in item["attributes"].items()}
        return {"datetime"} if "timestamp_t" in types else set()

    def _class_profiles(self, flattened: JsonObject) -> list[str]:
        """A class's own profiles, its objects' (at any depth), and datetime wherever a timestamp is."""
        profiles = set(flattened.get("profiles", [])) | self._datetime(flattened)
        for name in self._reachable_objects(flattened):
            reached = self._flat_object(name)
            profiles |= set(reached.get("profiles", [])) | self._datetime(reached)
        return sorted(profiles)

    def _object_profiles(self, name: str, flattened: JsonObject) -> list[str]:
        """An object's own profiles and its objects' (at any depth), and datetime if it has a timestamp."""
        profiles = set(flattened.get("profiles", [])) | self._datetime(flattened)
        for reached in self._reachable_objects(flattened) - {name}:
            profiles |= set(self._flat_object(reached).get("profiles", []))
        return sorted(profiles)

    def _compact(self, full: JsonObject) -> JsonObject:
        attribute: JsonObject = {"type": full["type"], "requirement": full.get("requirement") or "optional"}
        if full["type"] in self.types:
            self.used_types.add(full["type"])
        elif full["type"] not in self.objects:
            raise SystemExit(f"type {full['type']!r} is neither a data type nor an object")
        if full.get("is_array"):
            attribute["is_array"] = True
        if "enum" in full:
            attribute["enum"] = {key: value.get("caption", "") for key, value in full["enum"].items()}
        if "sibling" in full:
            attribute["sibling"] = full["sibling"]
        if full.get("profiles"):
            attribute["profiles"] = full["profiles"]
        return attribute

    def compile_class(self, name: str) -> JsonObject:
        flattened = _flatten(self.tree, self.events, name)
        category = self.categories[flattened["category"]]
        class_uid = category["uid"] * 1000 + flattened["uid"]
        attributes = self.attributes(flattened)
        attributes["class_uid"]["enum"] = {str(class_uid): flattened["caption"]}
        attributes["category_uid"]["enum"] = {str(category["uid"]): category["caption"]}
        activities = attributes["activity_id"]["enum"]
        attributes["type_uid"]["enum"] = {
            str(class_uid * 100 + int(activity)): f"{flattened['caption']}: {caption}"
            for activity, caption in activities.items()
        }
        return {
            "uid": class_uid,
            "caption": flattened["caption"],
            "category_uid": category["uid"],
            "category_name": category["caption"],
            "profiles": self._class_profiles(flattened),
            "constraints": flattened.get("constraints", {}),
            "attributes": attributes,
        }

    def compile_object(self, name: str) -> JsonObject:
        flattened = self._flat_object(name)
        return {
            "caption": flattened["caption"],
            "profiles": self._object_profiles(name, flattened),
            "constraints": flattened.get("constraints", {}),
            "attributes": self.attributes(flattened),
        }

    def data_types(self) -> JsonObject:
        compiled = {}
        for name in sorted(self.used_types):
            details, base = self.types[name], name
            while "type" in self.types[base]:
                base = self.types[base]["type"]
            compiled[name] = {"base": base} | {
                key: details[key] for key in ("max_len", "range", "regex", "values") if key in details
            }
        return compiled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repository", type=Path, help="a git clone or mirror of ocsf/ocsf-schema")
    parser.add_argument("--ref", default="1.3.0", help="the release tag to compile (default: 1.3.0)")
    arguments = parser.parse_args()
    tree = SchemaTree(arguments.repository, arguments.ref)
    version = tree.read("version.json")["version"]
    compiler = Compiler(tree)
    classes = {name: compiler.compile_class(name) for name in CLASSES}
    objects = {name: compiler.compile_object(name) for name in OBJECTS}
    vendored = {
        "ocsf_version": version,
        "source": {"repository": "ocsf/ocsf-schema", "ref": arguments.ref, "commit": tree.commit},
        "classes": classes,
        "objects": objects,
        "types": compiler.data_types(),
    }
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = OUT_DIR / f"ocsf-{version}-classes.json"
    out.write_text(json.dumps(vendored, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size} bytes) from {arguments.ref} at {tree.commit}")


if __name__ == "__main__":
    main()
