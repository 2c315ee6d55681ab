# streamguard: `make demo` and `make test` work on a fresh machine and are safe to repeat.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NATIVE_STAMP := $(VENV)/.native
NATIVE_SOURCES := native/Cargo.toml native/Cargo.lock native/pyproject.toml $(wildcard native/src/*.rs)

.PHONY: demo console test test-cluster setup lint bench kafka-start kafka-stop clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

# The native engine (Rust, built by maturin into the venv); rebuilt only when its sources change.
$(NATIVE_STAMP): $(STAMP) $(NATIVE_SOURCES)
	@command -v cargo >/dev/null || { echo "streamguard: building the native engine needs Rust's cargo (install it with rustup)"; exit 1; }
	$(BIN)/python -m pip install -q ./native
	touch $(NATIVE_STAMP)

setup: $(STAMP) $(NATIVE_STAMP)

demo: setup
	$(BIN)/python -m harness.demo

# The web console over the demo's evidence (after `make demo`), until Ctrl-C.
console: setup
	$(BIN)/python -m harness.console

test: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	cd native && cargo test -q
	$(BIN)/python -m pytest -q -p no:cacheprovider --durations=15 --ignore=tests/cluster

# Broker failures on a three-broker cluster (one per test module, faults in sequence): about 6 minutes.
test-cluster: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/cluster

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	cd native && cargo fmt --check && cargo clippy -q --release -- -D warnings

bench: setup
	$(BIN)/python -m bench.masking
	$(BIN)/python -m bench.pipeline
	$(BIN)/python -m bench.verify
	$(BIN)/python -m bench.approvals
	$(BIN)/python -m bench.api

kafka-start: $(STAMP)
	$(BIN)/streamguard kafka start

kafka-stop: $(STAMP)
	$(BIN)/streamguard kafka stop

clean:
	-$(BIN)/streamguard kafka stop
	rm -rf $(VENV) local
