//! Walks one Avro record body once and writes every audience's view at the same time.
//!
//! Untouched parts of the record (no action anywhere inside) are validated and copied as bytes, so a view
//! costs little more than a memcpy for fields that pass; only slots with an action are decoded.

use std::collections::HashSet;

use crate::actions::apply;
use crate::avro::{write_bytes, write_long, Failure, Reader, Result};
use crate::plan::{Kind, Logical, Op, Slot, Type};

/// Days since 1970-01-01 of 0001-01-01 and 9999-12-31: the dates Python (and so fastavro) can represent.
pub const MIN_DAY: i64 = -719_162;
pub const MAX_DAY: i64 = 2_932_896;

pub struct Engine {
    pub root: Slot,
    pub audiences: usize,
}

impl Engine {
    /// Append each audience's view of `body` to its buffer in `outs`.
    pub fn views(&self, body: &[u8], outs: &mut [Vec<u8>]) -> Result<()> {
        let mut reader = Reader::new(body);
        let mut walk = Walk {
            failure: None,
            begins: Vec::with_capacity(outs.len()),
        };
        walk_slot(&self.root, &mut reader, outs, &mut walk)?;
        if !reader.at_end() {
            return Err(Failure::TrailingBytes);
        }
        // A value that cannot be masked is reported only once the whole body decoded: a corrupt record
        // is `undecodable` whichever field the corruption happens to reach first.
        walk.failure.map_or(Ok(()), Err)
    }
}

/// What one record's walk carries along: the first value that could not be masked, and scratch space for
/// where each audience's output of the current slot begins (what a repeated action copies).
struct Walk {
    failure: Option<Failure>,
    begins: Vec<usize>,
}

fn copy_all(outs: &mut [Vec<u8>], bytes: &[u8]) {
    for out in outs {
        out.extend_from_slice(bytes);
    }
}

fn walk_slot(slot: &Slot, r: &mut Reader, outs: &mut [Vec<u8>], walk: &mut Walk) -> Result<()> {
    if !slot.touched {
        let start = r.pos;
        skip(&slot.ty, r)?;
        copy_all(outs, &r.buf[start..r.pos]);
        return Ok(());
    }
    match &slot.ops {
        Some(ops) => apply_ops(slot, ops, r, outs, walk),
        None => walk_type(&slot.ty, r, outs, walk),
    }
}

fn walk_type(ty: &Type, r: &mut Reader, outs: &mut [Vec<u8>], walk: &mut Walk) -> Result<()> {
    match &ty.kind {
        _ if !ty.touched => {
            let start = r.pos;
            skip(ty, r)?;
            copy_all(outs, &r.buf[start..r.pos]);
        }
        Kind::Record(fields) => {
            for field in fields {
                walk_slot(field, r, outs, walk)?;
            }
        }
        Kind::Array(items) => walk_blocks(r, outs, |r, parts| walk_slot(items, r, parts, walk))?,
        Kind::Map(values, None) => walk_blocks(r, outs, |r, parts| {
            let start = r.pos;
            r.read_str()?;
            copy_all(parts, &r.buf[start..r.pos]);
            walk_slot(values, r, parts, walk)
        })?,
        Kind::Map(values, Some(keys)) => {
            let mut seen: Vec<HashSet<Vec<u8>>> = vec![HashSet::new(); outs.len()];
            walk_blocks(r, outs, |r, parts| {
                walk_slot(keys, r, parts, walk)?;
                distinct_keys(keys, parts, &walk.begins, &mut seen);
                walk_slot(values, r, parts, walk)
            })?
        }
        Kind::Union(branches) => {
            let (index, branch) = union_branch(branches, r)?;
            for out in outs.iter_mut() {
                write_long(out, index);
            }
            walk_type(branch, r, outs, walk)?;
        }
        _ => unreachable!("only containers can be touched without an action of their own"),
    }
    Ok(())
}

/// Masked map keys stay distinct within their map: a key equal to an earlier one of the same map becomes
/// `key~2`, `key~3`, ... (as `masking.plan_compile` does), so no entry overwrites another.
fn distinct_keys(
    keys: &Slot,
    parts: &mut [Vec<u8>],
    begins: &[usize],
    seen: &mut [HashSet<Vec<u8>>],
) {
    let Some(ops) = &keys.ops else { return };
    for (audience, op) in ops.iter().enumerate() {
        if op.is_none() {
            continue; // this audience sees the source keys, distinct already
        }
        let part = &mut parts[audience];
        let begin = begins[audience];
        let Ok(key) = Reader::new(&part[begin..]).read_bytes().map(<[u8]>::to_vec) else {
            continue; // the op failed: the record fails, whatever its keys
        };
        let mut candidate = key.clone();
        let mut n = 2;
        while seen[audience].contains(&candidate) {
            candidate = [key.as_slice(), b"~", n.to_string().as_bytes()].concat();
            n += 1;
        }
        if candidate != key {
            part.truncate(begin);
            write_bytes(part, &candidate);
        }
        seen[audience].insert(candidate);
    }
}

/// Array or map items, re-blocked as one block (how fastavro writes them) since their sizes change.
fn walk_blocks(
    r: &mut Reader,
    outs: &mut [Vec<u8>],
    mut item: impl FnMut(&mut Reader, &mut [Vec<u8>]) -> Result<()>,
) -> Result<()> {
    let mut parts: Vec<Vec<u8>> = vec![Vec::new(); outs.len()];
    let mut total: i64 = 0;
    for_each_item(r, |r| {
        total += 1;
        item(r, &mut parts)
    })?;
    for (out, part) in outs.iter_mut().zip(parts) {
        if total > 0 {
            write_long(out, total);
            out.extend_from_slice(&part);
        }
        out.push(0);
    }
    Ok(())
}

/// A block count no larger than the bytes left: every item takes at least one byte except nulls, and a
/// corrupt count must not make us loop for ever.
fn block_count(r: &mut Reader) -> Result<u64> {
    let count = r.read_block_count()?;
    if count > (r.buf.len() - r.pos) as u64 + 1 {
        return Err(Failure::Undecodable);
    }
    Ok(count)
}

fn union_branch<'t>(branches: &'t [Type], r: &mut Reader) -> Result<(i64, &'t Type)> {
    let index = r.read_long()?;
    let branch = usize::try_from(index)
        .ok()
        .and_then(|i| branches.get(i))
        .ok_or(Failure::Undecodable)?;
    Ok((index, branch))
}

fn apply_ops(
    slot: &Slot,
    ops: &[Option<Op>],
    r: &mut Reader,
    outs: &mut [Vec<u8>],
    walk: &mut Walk,
) -> Result<()> {
    let start = r.pos;
    let (index, value_type) = match &slot.ty.kind {
        Kind::Union(branches) => {
            let (index, branch) = union_branch(branches, r)?;
            (Some(index), branch)
        }
        _ => (None, &slot.ty),
    };
    let is_null = matches!(value_type.kind, Kind::Null);
    let value_start = r.pos;
    skip(value_type, r)?;
    let whole = &r.buf[start..r.pos];
    let value = &r.buf[value_start..r.pos];
    walk.begins.clear();
    for (audience, op) in ops.iter().enumerate() {
        let (done, rest) = outs.split_at_mut(audience);
        let out = &mut rest[0];
        let begin = out.len();
        match op {
            // The earlier audience's output for this slot is the tail of its buffer.
            Some(Op::SameAs(earlier)) => {
                out.extend_from_slice(&done[*earlier][walk.begins[*earlier]..])
            }
            None => out.extend_from_slice(whole),
            Some(Op::Const { bytes, keep_null }) if !(is_null && *keep_null) => {
                out.extend_from_slice(bytes)
            }
            Some(Op::Const { .. }) => out.extend_from_slice(whole),
            Some(_) if is_null => out.extend_from_slice(whole), // actions never see null: it stays null
            Some(op) => {
                if let Some(index) = index {
                    write_long(out, index);
                }
                if let Err(error) = apply(op, value_type, value, out, &slot.path) {
                    walk.failure.get_or_insert(error);
                }
            }
        }
        walk.begins.push(begin);
    }
    Ok(())
}

/// Validate one value and move past it (the checks fastavro makes when it decodes).
pub fn skip(ty: &Type, r: &mut Reader) -> Result<()> {
    match &ty.kind {
        Kind::Null => {}
        Kind::Boolean => {
            r.read_boolean()?;
        }
        Kind::Int(logical) => check_logical(i64::from(r.read_int()?), *logical)?,
        Kind::Long(logical) => check_logical(r.read_long()?, *logical)?,
        Kind::Float => {
            r.take(4)?;
        }
        Kind::Double => {
            r.take(8)?;
        }
        Kind::Bytes => {
            r.read_bytes()?;
        }
        Kind::Str => {
            r.read_str()?;
        }
        Kind::Fixed(size) => {
            r.take(*size)?;
        }
        Kind::Enum(symbols) => {
            let index = r.read_long()?;
            if index < 0 || index as u64 >= *symbols as u64 {
                return Err(Failure::Undecodable);
            }
        }
        Kind::Record(fields) => {
            for field in fields {
                skip(&field.ty, r)?;
            }
        }
        Kind::Array(items) => for_each_item(r, |r| skip(&items.ty, r))?,
        Kind::Map(values, _) => for_each_item(r, |r| {
            r.read_str()?;
            skip(&values.ty, r)
        })?,
        Kind::Union(branches) => {
            let (_, branch) = union_branch(branches, r)?;
            skip(branch, r)?;
        }
    }
    Ok(())
}

/// Every item of an array or map value, block by block.
fn for_each_item(r: &mut Reader, mut item: impl FnMut(&mut Reader) -> Result<()>) -> Result<()> {
    loop {
        let count = block_count(r)?;
        if count == 0 {
            return Ok(());
        }
        for _ in 0..count {
            item(r)?;
        }
    }
}

fn check_logical(value: i64, logical: Logical) -> Result<()> {
    let day = match logical {
        Logical::None => return Ok(()),
        Logical::Date => value,
        Logical::Timestamp { unit } => value.div_euclid(unit * 86_400),
    };
    if (MIN_DAY..=MAX_DAY).contains(&day) {
        Ok(())
    } else {
        Err(Failure::Undecodable)
    }
}
