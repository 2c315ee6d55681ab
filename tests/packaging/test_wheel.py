"""The wheel, installed with its declared dependencies into a fresh virtualenv outside the checkout: one
import root, the sample dataset and the console's pages inside the package, and the preview commands working
from there."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(command: list[str], cwd: Path, stdin: str | None = None, timeout: float = 120) -> str:
    result = subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{command[:3]}: {result.stderr[-2000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the fresh venv's bin folder); the venv lives outside the checkout."""
    work = tmp_path_factory.mktemp("wheel")
    assert not work.is_relative_to(ROOT)
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work / "dist"), str(ROOT)],
        work,
        timeout=300,
    )
    [wheel] = (work / "dist").glob("streamguard-*.whl")
    _run([sys.executable, "-m", "venv", str(work / "venv")], work)
    python = str(work / "venv" / "bin" / "python")
    # uv resolves and installs the declared dependencies as pip would, in seconds instead of two minutes
    _run(
        [str(Path(sys.executable).with_name("uv")), "pip", "install", "-q", "--python", python, str(wheel)],
        work,
        timeout=900,
    )
    return wheel, work / "venv" / "bin"


def test_the_wheel_holds_one_import_root_and_the_sample_dataset(installed: tuple[Path, Path]) -> None:
    wheel, _bin = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"streamguard", wheel.name.split("-py3")[0] + ".dist-info"}
    for sample in ("customers.avsc", "customers.rules.yaml", "customers.sample.jsonl"):
        assert f"streamguard/schemas/{sample}" in names
    pages = {name.rpartition("/")[2] for name in names if name.startswith("streamguard/app/server/api/templates/")}
    assert {"base.html.j2", "inbox.html.j2", "session.html.j2", "dataset.html.j2", "console.css"} <= pages
    assert "streamguard/app/services/evidence/templates/report.html.j2" in names
    assert {"meta.json", "ner/model", "tok2vec/model"} <= {  # the learned detector, whole
        name.removeprefix("streamguard/masking/detection/ner_model/") for name in names
    }


def test_the_installed_package_shadows_nothing_and_keeps_its_home_outside_site_packages(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _wheel, bin_dir = installed
    python = str(bin_dir / "python")
    roots = ("app", "agents", "masking", "evidence", "schemas", "harness")
    probe = f"import importlib.util as u; print([m for m in {roots} if u.find_spec(m)])"
    assert _run([python, "-c", probe], tmp_path).strip() == "[]"
    where = "import streamguard; from streamguard.app.settings import load_settings as s; print(streamguard.__file__)"
    where += "; print(s().home)"
    package, home = _run([python, "-c", where], tmp_path).split()
    assert Path(package).is_relative_to(bin_dir.parent)  # the installed copy, not the checkout
    assert Path(home) == tmp_path.resolve() / "local"


def test_help_validate_and_mask_work_from_the_installed_package(installed: tuple[Path, Path], tmp_path: Path) -> None:
    _wheel, bin_dir = installed
    streamguard = str(bin_dir / "streamguard")
    assert "rules" in _run([streamguard, "--help"], tmp_path)
    samples = Path(
        _run([str(bin_dir / "python"), "-c", "import streamguard.schemas as s; print(s.SAMPLES)"], tmp_path).strip()
    )
    rules, schema = str(samples / "customers.rules.yaml"), str(samples / "customers.avsc")
    assert _run([streamguard, "rules", "validate", rules, "--schema", schema], tmp_path).startswith("OK ")
    sample = (samples / "customers.sample.jsonl").read_text()
    masked = _run(
        [streamguard, "mask", "--rules", rules, "--schema", schema, "--audience", "analytics"], tmp_path, sample
    )
    views = [json.loads(line) for line in masked.splitlines()]
    originals = [json.loads(line) for line in sample.splitlines() if line.strip()]
    assert len(views) == len(originals)
    for view, original in zip(views, originals, strict=True):
        assert view["customer_id"] == original["customer_id"]  # public
        assert original["email"] not in json.dumps(view)  # contact: not for analytics, free text scanned too
