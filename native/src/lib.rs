//! `streamguard_native`: the structured masking plan as compiled code, for the worker's data path.
//!
//! One `ViewEngine` per (rules version, writer schema): it walks each Avro record body once and returns
//! every audience's view already Avro-encoded (and framed), or the quarantine reason code. The Python plan
//! (`masking/plan.py`) stays the reference: `masking/native_plan.py` compiles the same decisions into the
//! document this module parses, and falls back to the Python plan for anything it does not cover.

mod actions;
mod avro;
mod engine;
mod plan;
mod produce;

use std::panic::{self, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};
use sha2::{Digest, Sha256};

use crate::actions::mask_key;
use crate::avro::Failure;
use crate::engine::Engine;
use crate::plan::{compile_op, compile_slot, KeyPlanSpec, Op, PlanSpec};

/// Every audience's views column-wise, and the failures as (index, reason code).
type Masked<'py> = (Vec<Bound<'py, PyList>>, Vec<(usize, String)>);

#[pyclass(module = "streamguard_native", frozen)]
struct ViewEngine {
    engine: Engine,
    frame: Vec<u8>,
}

impl ViewEngine {
    /// Every audience's framed view of one value into `outs`, or the reason it fails.
    fn views_of(&self, value: &[u8], max_bytes: usize, outs: &mut [Vec<u8>]) -> Result<(), String> {
        self.admit(value, max_bytes)?;
        for out in outs.iter_mut() {
            out.clear();
            out.extend_from_slice(&self.frame);
        }
        // A bug here must fail the record closed, not unwind into the worker: a panic becomes a failure.
        let body = &value[self.frame.len()..];
        let walked = panic::catch_unwind(AssertUnwindSafe(|| self.engine.views(body, outs)));
        walked
            .unwrap_or(Err(Failure::Internal))
            .map_err(|failure| failure.code())
    }

    /// The checks made before decoding, with the reason codes of `agents.codec` and `agents.processor`.
    fn admit(&self, value: &[u8], max_bytes: usize) -> Result<(), String> {
        if value.len() > max_bytes {
            return Err("oversize".to_string());
        }
        if value.len() < self.frame.len() {
            return Err("undecodable:too_short_for_wire_format".to_string());
        }
        if value[0] != self.frame[0] {
            return Err("undecodable:bad_magic_byte".to_string());
        }
        if value[..self.frame.len()] != self.frame[..] {
            let id = u32::from_be_bytes(value[1..5].try_into().expect("4 bytes"));
            return Err(format!("schema_id:{id}"));
        }
        Ok(())
    }
}

#[pymethods]
impl ViewEngine {
    /// `plan`: the JSON plan document; `keys`: the derived keys its ops refer to by index; `frame`: the
    /// Confluent wire-format header (magic byte, schema id) that inputs carry and views are written with.
    #[new]
    #[pyo3(signature = (plan, keys, frame))]
    fn new(plan: &str, keys: Vec<Vec<u8>>, frame: Vec<u8>) -> PyResult<Self> {
        if frame.len() != 5 || frame[0] != 0 {
            return Err(PyValueError::new_err(
                "frame must be a 5-byte Confluent wire-format header",
            ));
        }
        // serde's message may quote the offending token; report only where the document is wrong.
        let spec: PlanSpec = serde_json::from_str(plan).map_err(|error| {
            PyValueError::new_err(format!(
                "invalid plan document at line {} column {}",
                error.line(),
                error.column()
            ))
        })?;
        let audiences = spec.audiences;
        let root = compile_slot(spec.root, &keys, audiences).map_err(PyValueError::new_err)?;
        Ok(ViewEngine {
            engine: Engine { root, audiences },
            frame,
        })
    }

    #[getter]
    fn audiences(&self) -> usize {
        self.engine.audiences
    }

    /// Every audience's view of each framed value, column-wise: one list per audience, aligned with `values`,
    /// and the failures as `(index, reason code)`. A failed record has None in every column, and so has a
    /// None value (a tombstone is a tombstone in every view). Values over `max_bytes`, or not framed with
    /// this engine's schema id, fail as `oversize`, `undecodable:...`, or `schema_id:<id>` (the caller routes
    /// those to the plan of their own schema).
    fn mask<'py>(
        &self,
        py: Python<'py>,
        values: &Bound<'py, PyList>,
        max_bytes: usize,
    ) -> PyResult<Masked<'py>> {
        let columns: Vec<Bound<'py, PyList>> = (0..self.engine.audiences)
            .map(|_| PyList::empty(py))
            .collect();
        let mut failures = Vec::new();
        let mut outs: Vec<Vec<u8>> = vec![Vec::with_capacity(512); self.engine.audiences];
        for (index, value) in values.iter().enumerate() {
            let written = if value.is_none() {
                Ok(false) // a tombstone is a tombstone in every view
            } else {
                let value = value.cast::<PyBytes>()?.as_bytes();
                self.views_of(value, max_bytes, &mut outs).map(|()| true)
            };
            match written {
                Ok(true) => {
                    for (column, out) in columns.iter().zip(&outs) {
                        column.append(PyBytes::new(py, out))?;
                    }
                    continue;
                }
                Ok(false) => {}
                Err(reason) => failures.push((index, reason)),
            }
            for column in &columns {
                column.append(py.None())?;
            }
        }
        Ok((columns, failures))
    }
}

/// The record key's views: one op per audience (or none: the key passes), as `masking.key_plan` decides.
#[pyclass(module = "streamguard_native", frozen)]
struct KeyEngine {
    ops: Vec<Option<Op>>,
}

#[pymethods]
impl KeyEngine {
    /// `plan`: `{"audiences": n, "ops": [op | null, ...]}` with hash_hex, pseudonym or encrypt ops; `keys`:
    /// the derived keys they refer to by index.
    #[new]
    fn new(plan: &str, keys: Vec<Vec<u8>>) -> PyResult<Self> {
        let spec: KeyPlanSpec = serde_json::from_str(plan).map_err(|error| {
            PyValueError::new_err(format!(
                "invalid key plan at line {} column {}",
                error.line(),
                error.column()
            ))
        })?;
        if spec.ops.len() != spec.audiences {
            return Err(PyValueError::new_err("one key op (or null) per audience"));
        }
        let ops = spec
            .ops
            .into_iter()
            .map(|op| {
                op.map(|op| match compile_op(op, &keys, "<key>")? {
                    op @ (Op::HashHex { .. } | Op::Pseudonym { .. } | Op::Encrypt { .. }) => Ok(op),
                    _ => Err("<key>: keys take hash_hex, pseudonym or encrypt".to_string()),
                })
                .transpose()
            })
            .collect::<Result<Vec<_>, String>>()
            .map_err(PyValueError::new_err)?;
        Ok(KeyEngine { ops })
    }

    /// Each audience's keys, aligned with `keys` (bytes or None); an audience whose key passes gets `keys`
    /// itself.
    fn mask<'py>(
        &self,
        py: Python<'py>,
        keys: &Bound<'py, PyList>,
    ) -> PyResult<Vec<Bound<'py, PyList>>> {
        let raw: Vec<Option<Bound<'py, PyBytes>>> = keys
            .iter()
            .map(|key| {
                if key.is_none() {
                    Ok(None)
                } else {
                    Ok(Some(key.cast_into::<PyBytes>()?))
                }
            })
            .collect::<PyResult<_>>()?;
        self.ops
            .iter()
            .map(|op| match op {
                None => Ok(keys.clone()),
                Some(op) => {
                    let column = PyList::empty(py);
                    for key in &raw {
                        match key {
                            None => column.append(py.None())?,
                            Some(key) => {
                                column.append(PyBytes::new(py, &mask_key(op, key.as_bytes())))?
                            }
                        }
                    }
                    Ok(column)
                }
            })
            .collect()
    }
}

/// Per-record digests under one salt: SHA-256(salt || record), a tombstone counted as its mark. The salt is
/// absorbed once (one per output and batch), so each record costs one clone of the hasher.
struct RecordDigests<'a> {
    salted: Sha256,
    tombstone_mark: &'a [u8],
}

impl<'a> RecordDigests<'a> {
    fn new(salt: &[u8], tombstone_mark: &'a [u8]) -> Self {
        let mut salted = Sha256::new();
        salted.update(salt);
        Self {
            salted,
            tombstone_mark,
        }
    }

    fn of(&self, value: Option<&[u8]>) -> [u8; 32] {
        let mut hasher = self.salted.clone();
        hasher.update(value.unwrap_or(self.tombstone_mark));
        hasher.finalize().into()
    }

    fn of_item(&self, value: &Bound<'_, PyAny>) -> PyResult<[u8; 32]> {
        if value.is_none() {
            Ok(self.of(None))
        } else {
            Ok(self.of(Some(value.cast::<PyBytes>()?.as_bytes())))
        }
    }
}

/// RFC 9162 leaf hash: SHA-256(0x00 || record digest).
fn leaf_hash(digest: &[u8; 32]) -> [u8; 32] {
    let mut leaf = Sha256::new();
    leaf.update([0u8]);
    leaf.update(digest);
    leaf.finalize().into()
}

/// RFC 9162 root of the leaves: inner nodes SHA-256(0x01 || left || right), an odd node out carried up a
/// level; the empty tree's root is SHA-256 of nothing.
fn merkle_root(mut level: Vec<[u8; 32]>) -> [u8; 32] {
    if level.is_empty() {
        return Sha256::digest(b"").into();
    }
    while level.len() > 1 {
        let mut next = Vec::with_capacity(level.len().div_ceil(2));
        for pair in level.chunks(2) {
            if let [left, right] = pair {
                let mut node = Sha256::new();
                node.update([1u8]);
                node.update(left);
                node.update(right);
                next.push(node.finalize().into());
            } else {
                next.push(pair[0]);
            }
        }
        level = next;
    }
    level[0]
}

/// `evidence.digests.batch_digest` for a list of values (bytes or None): SHA-256 over each record's salted
/// digest, SHA-256(salt || record), a tombstone counted as its mark. Hex.
#[pyfunction]
fn batch_digest(
    values: &Bound<'_, PyList>,
    tombstone_mark: &[u8],
    salt: &[u8],
) -> PyResult<String> {
    let records = RecordDigests::new(salt, tombstone_mark);
    let mut outer = Sha256::new();
    for value in values.iter() {
        outer.update(records.of_item(&value)?);
    }
    Ok(hex(&outer.finalize()))
}

/// A view's batch digest and its RFC 9162 Merkle root over the same salted per-record digests, in one pass
/// (the reference is `evidence/digests.py`).
#[pyfunction]
fn view_digests(
    values: &Bound<'_, PyList>,
    tombstone_mark: &[u8],
    salt: &[u8],
) -> PyResult<(String, String)> {
    let records = RecordDigests::new(salt, tombstone_mark);
    let mut outer = Sha256::new();
    let mut leaves: Vec<[u8; 32]> = Vec::with_capacity(values.len());
    for value in values.iter() {
        let digest = records.of_item(&value)?;
        outer.update(digest);
        leaves.push(leaf_hash(&digest));
    }
    Ok((hex(&outer.finalize()), hex(&merkle_root(leaves))))
}

/// The length of the longest bytes object in `column` (None skipped; 0 if there is none): the data path's
/// check that no view outgrows what the broker takes, without a Python call per record.
#[pyfunction]
fn longest(column: &Bound<'_, PyList>) -> PyResult<usize> {
    let mut longest = 0;
    for item in column.iter() {
        if !item.is_none() {
            longest = longest.max(item.cast::<PyBytes>()?.as_bytes().len());
        }
    }
    Ok(longest)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[pymodule]
fn streamguard_native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<ViewEngine>()?;
    module.add_class::<KeyEngine>()?;
    module.add_class::<produce::ViewProducer>()?;
    module.add_function(wrap_pyfunction!(batch_digest, module)?)?;
    module.add_function(wrap_pyfunction!(longest, module)?)?;
    module.add_function(wrap_pyfunction!(view_digests, module)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_digest_is_the_sha256_of_the_salt_then_the_record() {
        let salt = [7u8; 32];
        let records = RecordDigests::new(&salt, b"\x00tombstone");
        let mut joined = salt.to_vec();
        joined.extend_from_slice(b"view");
        let expected: [u8; 32] = Sha256::digest(&joined).into();
        assert_eq!(records.of(Some(b"view")), expected);
        let mut tombstone = salt.to_vec();
        tombstone.extend_from_slice(b"\x00tombstone");
        let expected: [u8; 32] = Sha256::digest(&tombstone).into();
        assert_eq!(records.of(None), expected);
    }

    #[test]
    fn another_salt_gives_another_digest_and_no_salt_the_plain_sha256() {
        let one = RecordDigests::new(&[1u8; 32], b"t");
        let two = RecordDigests::new(&[2u8; 32], b"t");
        assert_ne!(one.of(Some(b"view")), two.of(Some(b"view")));
        let plain: [u8; 32] = Sha256::digest(b"view").into();
        assert_eq!(RecordDigests::new(b"", b"t").of(Some(b"view")), plain);
    }

    #[test]
    fn the_merkle_root_follows_rfc_9162() {
        let leaves: Vec<[u8; 32]> = (0u8..3).map(|n| leaf_hash(&[n; 32])).collect();
        let node = |left: &[u8; 32], right: &[u8; 32]| -> [u8; 32] {
            let mut hasher = Sha256::new();
            hasher.update([1u8]);
            hasher.update(left);
            hasher.update(right);
            hasher.finalize().into()
        };
        let expected = node(&node(&leaves[0], &leaves[1]), &leaves[2]);
        assert_eq!(merkle_root(leaves.clone()), expected);
        assert_eq!(merkle_root(leaves[..1].to_vec()), leaves[0]);
        let empty: [u8; 32] = Sha256::digest(b"").into();
        assert_eq!(merkle_root(Vec::new()), empty);
    }
}
