//! The compiled plan: the writer schema as a tree of slots, each with one optional action per audience.
//!
//! The Python side (`masking/native_plan.py`) decides every action from the steward rules and derives every
//! key; this side only parses that decision. Keys arrive as a separate list and ops refer to them by index,
//! so the plan document itself holds no secret and parse errors cannot echo one.

use aes_siv::{siv::Aes256Siv, KeyInit};
use hmac::Hmac;
use std::sync::Mutex;

use serde::Deserialize;
use sha2::Sha256;

pub type Mac = Hmac<Sha256>;

#[derive(Deserialize)]
pub struct PlanSpec {
    pub audiences: usize,
    pub root: SlotSpec,
}

#[derive(Deserialize)]
pub struct SlotSpec {
    pub path: String,
    #[serde(rename = "type")]
    pub ty: TypeSpec,
    #[serde(default)]
    pub ops: Option<Vec<Option<OpSpec>>>,
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeSpec {
    Null,
    Boolean,
    Int {
        #[serde(default)]
        logical: Option<String>,
    },
    Long {
        #[serde(default)]
        logical: Option<String>,
    },
    Float,
    Double,
    Bytes,
    String,
    Fixed {
        size: usize,
    },
    Enum {
        symbols: usize,
    },
    Record {
        fields: Vec<SlotSpec>,
    },
    Array {
        items: Box<SlotSpec>,
    },
    Map {
        values: Box<SlotSpec>,
        /// The map's keys as a string slot, when some audience's view masks them.
        #[serde(default)]
        keys: Option<Box<SlotSpec>>,
    },
    Union {
        branches: Vec<TypeSpec>,
    },
}

/// The record key's plan: one optional op per audience (hash_hex, pseudonym or encrypt), on raw key bytes.
#[derive(Deserialize)]
pub struct KeyPlanSpec {
    pub audiences: usize,
    pub ops: Vec<Option<OpSpec>>,
}

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum OpSpec {
    /// Exactly what an earlier audience's op writes for this slot (the Python side found them equal).
    SameAs {
        audience: usize,
    },
    Const {
        bytes: Vec<u8>,
        keep_null: bool,
    },
    HashHex {
        key: usize,
        length: usize,
    },
    HashBytes {
        key: usize,
    },
    HashFixed {
        key: usize,
        size: usize,
    },
    HashInt {
        key: usize,
        width: usize,
    },
    Pseudonym {
        key: usize,
        prefix: String,
        length: usize,
    },
    Partial {
        first: usize,
        last: usize,
        mask: String,
    },
    Prefix {
        keep: usize,
        masked: Vec<u8>,
    },
    DateTrunc {
        to: String,
    },
    TimestampTrunc {
        to: String,
        unit: i64,
    },
    BucketInt {
        step: i64,
        min: i64,
    },
    BucketFloat {
        size: f64,
        masked: Vec<u8>,
    },
    Network {
        v4: u8,
        v6: u8,
        masked: Vec<u8>,
    },
    Encrypt {
        key: usize,
        head: String,
        as_bytes: bool,
    },
}

/// Range checks fastavro applies when it turns these logical types into Python dates.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Logical {
    None,
    Date,
    Timestamp { unit: i64 },
}

pub enum Kind {
    Null,
    Boolean,
    Int(Logical),
    Long(Logical),
    Float,
    Double,
    Bytes,
    Str,
    Fixed(usize),
    Enum(usize),
    Record(Vec<Slot>),
    Array(Box<Slot>),
    /// Values, and the keys' slot when some audience masks them.
    Map(Box<Slot>, Option<Box<Slot>>),
    Union(Vec<Type>),
}

pub struct Type {
    pub kind: Kind,
    /// Some slot inside this type has an action: it must be walked, not copied.
    pub touched: bool,
}

pub struct Slot {
    pub path: String,
    pub ty: Type,
    pub ops: Option<Vec<Option<Op>>>,
    pub touched: bool,
}

pub enum Op {
    SameAs(usize),
    Const {
        bytes: Vec<u8>,
        keep_null: bool,
    },
    HashHex {
        mac: Mac,
        length: usize,
    },
    HashBytes {
        mac: Mac,
    },
    HashFixed {
        mac: Mac,
        size: usize,
    },
    HashInt {
        mac: Mac,
        width: usize,
    },
    Pseudonym {
        mac: Mac,
        prefix: String,
        length: usize,
    },
    Partial {
        first: usize,
        last: usize,
        mask: String,
    },
    Prefix {
        keep: usize,
        masked: Vec<u8>,
    },
    DateTrunc {
        to_year: bool,
    },
    TimestampTrunc {
        to_year: bool,
        unit: i64,
    },
    BucketInt {
        step: i64,
        min: i64,
    },
    BucketFloat {
        size: f64,
        masked: Vec<u8>,
    },
    Network {
        v4: u8,
        v6: u8,
        masked: Vec<u8>,
    },
    Encrypt {
        cipher: Box<Mutex<Aes256Siv>>,
        head: String,
        as_bytes: bool,
    },
}

pub fn compile_slot(spec: SlotSpec, keys: &[Vec<u8>], audiences: usize) -> Result<Slot, String> {
    let ty = compile_type(spec.ty, keys, audiences)?;
    let ops = match spec.ops {
        None => None,
        Some(ops) if ops.len() != audiences => {
            return Err(format!(
                "{}: {} actions for {} audiences",
                spec.path,
                ops.len(),
                audiences
            ))
        }
        Some(ops) => Some(
            ops.into_iter()
                .map(|op| op.map(|op| compile_op(op, keys, &spec.path)).transpose())
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    if let Some(ops) = &ops {
        check_repeats(ops, &spec.path)?;
    }
    let touched = ty.touched
        || ops
            .as_ref()
            .is_some_and(|ops| ops.iter().any(Option::is_some));
    Ok(Slot {
        path: spec.path,
        ty,
        ops,
        touched,
    })
}

/// `SameAs` may only repeat an earlier audience's own action (the engine copies what that one wrote).
fn check_repeats(ops: &[Option<Op>], path: &str) -> Result<(), String> {
    for (audience, op) in ops.iter().enumerate() {
        if let Some(Op::SameAs(earlier)) = op {
            let repeatable =
                |op: &Option<Op>| matches!(op, Some(op) if !matches!(op, Op::SameAs(_)));
            if *earlier >= audience || !repeatable(&ops[*earlier]) {
                return Err(format!(
                    "{path}: audience {audience} repeats audience {earlier}, which has no action"
                ));
            }
        }
    }
    Ok(())
}

fn compile_type(spec: TypeSpec, keys: &[Vec<u8>], audiences: usize) -> Result<Type, String> {
    let slots = |fields: Vec<SlotSpec>| -> Result<Vec<Slot>, String> {
        fields
            .into_iter()
            .map(|field| compile_slot(field, keys, audiences))
            .collect()
    };
    let kind = match spec {
        TypeSpec::Null => Kind::Null,
        TypeSpec::Boolean => Kind::Boolean,
        TypeSpec::Int { logical } => Kind::Int(logical_of(logical.as_deref())?),
        TypeSpec::Long { logical } => Kind::Long(logical_of(logical.as_deref())?),
        TypeSpec::Float => Kind::Float,
        TypeSpec::Double => Kind::Double,
        TypeSpec::Bytes => Kind::Bytes,
        TypeSpec::String => Kind::Str,
        TypeSpec::Fixed { size } => Kind::Fixed(size),
        TypeSpec::Enum { symbols } => Kind::Enum(symbols),
        TypeSpec::Record { fields } => Kind::Record(slots(fields)?),
        TypeSpec::Array { items } => Kind::Array(Box::new(compile_slot(*items, keys, audiences)?)),
        TypeSpec::Map {
            values,
            keys: map_keys,
        } => Kind::Map(
            Box::new(compile_slot(*values, keys, audiences)?),
            map_keys
                .map(|slot| compile_slot(*slot, keys, audiences).map(Box::new))
                .transpose()?,
        ),
        TypeSpec::Union { branches } => Kind::Union(
            branches
                .into_iter()
                .map(|branch| compile_type(branch, keys, audiences))
                .collect::<Result<_, _>>()?,
        ),
    };
    let touched = match &kind {
        Kind::Record(fields) => fields.iter().any(|field| field.touched),
        Kind::Array(slot) => slot.touched,
        Kind::Map(values, map_keys) => {
            values.touched || map_keys.as_ref().is_some_and(|k| k.touched)
        }
        Kind::Union(branches) => branches.iter().any(|branch| branch.touched),
        _ => false,
    };
    Ok(Type { kind, touched })
}

fn logical_of(name: Option<&str>) -> Result<Logical, String> {
    match name {
        None => Ok(Logical::None),
        Some("date") => Ok(Logical::Date),
        Some("timestamp-millis") => Ok(Logical::Timestamp { unit: 1_000 }),
        Some("timestamp-micros") => Ok(Logical::Timestamp { unit: 1_000_000 }),
        Some(other) => Err(format!("logical type {other} is not supported natively")),
    }
}

pub fn compile_op(spec: OpSpec, keys: &[Vec<u8>], path: &str) -> Result<Op, String> {
    let key = |index: usize| {
        keys.get(index)
            .ok_or_else(|| format!("{path}: key #{index} missing"))
    };
    let mac = |index: usize| -> Result<Mac, String> {
        Mac::new_from_slice(key(index)?).map_err(|_| format!("{path}: unusable HMAC key #{index}"))
    };
    let to_year = |to: &str| match to {
        "year" => Ok(true),
        "month" => Ok(false),
        other => Err(format!("{path}: cannot truncate to {other}")),
    };
    Ok(match spec {
        OpSpec::SameAs { audience } => Op::SameAs(audience),
        OpSpec::Const { bytes, keep_null } => Op::Const { bytes, keep_null },
        OpSpec::HashHex { key, length } => Op::HashHex {
            mac: mac(key)?,
            length: length.min(64),
        },
        OpSpec::HashBytes { key } => Op::HashBytes { mac: mac(key)? },
        OpSpec::HashFixed { key, size } => Op::HashFixed {
            mac: mac(key)?,
            size,
        },
        OpSpec::HashInt { key, width } if width == 4 || width == 8 => Op::HashInt {
            mac: mac(key)?,
            width,
        },
        OpSpec::HashInt { width, .. } => return Err(format!("{path}: integer hash width {width}")),
        OpSpec::Pseudonym {
            key,
            prefix,
            length,
        } => Op::Pseudonym {
            mac: mac(key)?,
            prefix,
            length: length.min(64),
        },
        OpSpec::Partial { first, last, mask } => Op::Partial { first, last, mask },
        OpSpec::Prefix { keep, masked } => Op::Prefix { keep, masked },
        OpSpec::DateTrunc { to } => Op::DateTrunc {
            to_year: to_year(&to)?,
        },
        OpSpec::TimestampTrunc { to, unit } => Op::TimestampTrunc {
            to_year: to_year(&to)?,
            unit,
        },
        OpSpec::BucketInt { step, .. } if step <= 0 => {
            return Err(format!("{path}: bucket size {step}"))
        }
        OpSpec::BucketInt { step, min } => Op::BucketInt { step, min },
        OpSpec::BucketFloat { size, .. } if size.is_nan() || size <= 0.0 => {
            return Err(format!("{path}: bucket size"))
        }
        OpSpec::BucketFloat { size, masked } => Op::BucketFloat { size, masked },
        OpSpec::Network { v4, v6, masked } if v4 <= 32 && v6 <= 128 => {
            Op::Network { v4, v6, masked }
        }
        OpSpec::Network { .. } => return Err(format!("{path}: network prefix out of range")),
        OpSpec::Encrypt {
            key: index,
            head,
            as_bytes,
        } => {
            let cipher = Aes256Siv::new_from_slice(key(index)?)
                .map_err(|_| format!("{path}: encryption key #{index} is not 64 bytes"))?;
            Op::Encrypt {
                cipher: Box::new(Mutex::new(cipher)),
                head,
                as_bytes,
            }
        }
    })
}
