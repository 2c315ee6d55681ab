""".proto text into descriptors, with protoc.

Producers in Java, Go or C# register Protobuf schemas as ``.proto`` text, and a schema registry hands that text
back; streamguard has no compiled classes for them. Python's ``protobuf`` builds message types from
descriptors but cannot parse ``.proto`` text, so the text (and the files it imports) is written to a scratch
directory and compiled by protoc, as shipped in ``grpcio-tools`` with Google's well-known types, in a child
process: the one file-system touch here, and protoc's messages come back as the error's text (they name the
file, line and column, and quote the schema, never a record). The files written are named by the registry's
references, so a name must stay inside the scratch directory; protoc itself refuses an import that is
absolute or climbs out with ``..`` (checked: "not allowed in the virtual path").
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

import grpc_tools

from streamguard.core.errors import RulesError

_WELL_KNOWN = Path(grpc_tools.__file__).parent / "_proto"
COMPILE_TIMEOUT_S = 30.0


def compile_proto(name: str, text: str, imports: Mapping[str, str], source: str) -> bytes:
    """A serialized ``FileDescriptorSet`` of ``text`` (file ``name``) and everything it imports: the files in
    ``imports`` (import path -> text) and Google's well-known types. RulesError naming ``source`` if protoc
    refuses it."""
    files = {name: text, **imports}
    with tempfile.TemporaryDirectory(prefix="streamguard-proto-") as scratch:
        root = Path(scratch)
        for path, content in files.items():
            target = root / _relative(path, source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        out = root / "descriptors.pb"
        command = [sys.executable, "-m", "grpc_tools.protoc", f"-I{root}", f"-I{_WELL_KNOWN}", "--include_imports"]
        try:
            done = subprocess.run(
                [*command, f"--descriptor_set_out={out}", _relative(name, source)],
                capture_output=True,
                text=True,
                timeout=COMPILE_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise RulesError(f"{source}: protoc did not finish in {COMPILE_TIMEOUT_S:.0f} s") from None
        if done.returncode != 0 or not out.exists():
            raise RulesError(f"{source}: not a valid .proto schema: {_first_lines(done.stderr, root)}")
        return out.read_bytes()


def _relative(path: str, source: str) -> str:
    """An import path inside the scratch directory: relative, no ``..`` (a schema names files, not places)."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise RulesError(f"{source}: import path {path!r} must be relative, without '..'")
    return str(pure)


def _first_lines(stderr: str, root: Path) -> str:
    lines = [line.replace(f"{root}/", "") for line in stderr.strip().splitlines() if line.strip()]
    return "; ".join(lines[:3]) or "protoc failed"
