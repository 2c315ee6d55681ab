//! The value actions, byte-for-byte as `streamguard/masking/actions.py` and `generalize.py` compute them for
//! values fastavro decodes (the equivalence tests in `tests/unit/masking/test_native_plan*.py` hold them to
//! it). Where a generalization would keep the whole value, the op writes the `masked` constant it was given.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::Mac as _;
use sha3::digest::{ExtendableOutput, Update, XofReader};

use crate::avro::{write_bytes, write_long, Failure, Reader, Result};
use crate::engine::{MAX_DAY, MIN_DAY};
use crate::plan::{Kind, Mac, Op, Type};

const INVALID: &str = "invalid_value";
const MISMATCH: &str = "type_mismatch";

/// Write the masked form of `value` (the encoded value of `ty`, already validated) to `out`.
pub fn apply(op: &Op, ty: &Type, value: &[u8], out: &mut Vec<u8>, path: &str) -> Result<()> {
    let mut r = Reader::new(value);
    let invalid = |reason: &'static str| Failure::Value(reason, path.to_string());
    match op {
        Op::Const { bytes, .. } => out.extend_from_slice(bytes),
        Op::SameAs(_) => unreachable!("the engine copies an earlier audience's output instead"),
        Op::HashHex { mac, length } => {
            let digest = hex(&hmac(mac, r.read_str()?.as_bytes()));
            write_bytes(out, &digest[..*length]);
        }
        Op::HashBytes { mac } => write_bytes(out, &hmac(mac, r.read_bytes()?)),
        Op::HashFixed { mac, size } => {
            let mut shake = sha3::Shake256::default();
            shake.update(&hmac(mac, value));
            let start = out.len();
            out.resize(start + size, 0);
            shake.finalize_xof().read(&mut out[start..]);
        }
        Op::HashInt { mac, width } => {
            let digest = hmac(mac, r.read_long()?.to_string().as_bytes());
            let keyed = if *width == 4 {
                i64::from(i32::from_be_bytes(digest[..4].try_into().expect("4 bytes")))
            } else {
                i64::from_be_bytes(digest[..8].try_into().expect("8 bytes"))
            };
            write_long(out, keyed);
        }
        Op::Pseudonym {
            mac,
            prefix,
            length,
        } => {
            let digest = hex(&hmac(mac, r.read_str()?.as_bytes()));
            write_long(out, (prefix.len() + 1 + length) as i64);
            out.extend_from_slice(prefix.as_bytes());
            out.push(b'_');
            out.extend_from_slice(&digest[..*length]);
        }
        Op::Partial { first, last, mask } => {
            write_bytes(out, partial(r.read_str()?, *first, *last, mask).as_bytes())
        }
        Op::Prefix { keep, masked } => {
            let text = r.read_str()?;
            match text.char_indices().nth(*keep) {
                Some((end, _)) => write_bytes(out, &text.as_bytes()[..end]),
                None => out.extend_from_slice(masked), // the prefix would be the whole value
            }
        }
        Op::DateTrunc { to_year } => write_long(out, truncate_day(r.read_long()?, *to_year)),
        Op::TimestampTrunc { to_year, unit } => {
            let day = r.read_long()?.div_euclid(unit * 86_400);
            write_long(out, truncate_day(day, *to_year) * 86_400 * unit);
        }
        Op::BucketInt { step, min } => {
            let value = i128::from(r.read_long()?);
            let step = i128::from(*step);
            let bucket = (value - value.rem_euclid(step)).max(i128::from(*min));
            write_long(out, i64::try_from(bucket).map_err(|_| invalid(INVALID))?);
        }
        Op::BucketFloat { size, masked } => match ty.kind {
            Kind::Float => {
                let bucket = float_bucket(f64::from(r.read_float()?), *size)
                    .ok_or_else(|| invalid(INVALID))?;
                let narrow = bucket as f32;
                if narrow.is_infinite() {
                    return Err(invalid(INVALID));
                }
                if f64::from(narrow.next_up()) >= bucket + size {
                    out.extend_from_slice(masked); // a bucket of one representable value
                } else {
                    out.extend_from_slice(&narrow.to_le_bytes());
                }
            }
            Kind::Double => {
                let bucket =
                    float_bucket(r.read_double()?, *size).ok_or_else(|| invalid(INVALID))?;
                if bucket.next_up() >= bucket + size {
                    out.extend_from_slice(masked);
                } else {
                    out.extend_from_slice(&bucket.to_le_bytes());
                }
            }
            _ => return Err(invalid(MISMATCH)),
        },
        Op::Network { v4, v6, masked } => match network(r.read_str()?, *v4, *v6) {
            Some(Some(network)) => write_bytes(out, network.as_bytes()),
            Some(None) => out.extend_from_slice(masked), // a network of one address is the address
            None => return Err(invalid(INVALID)),
        },
        Op::Encrypt {
            cipher,
            head,
            as_bytes,
        } => {
            let plaintext = if *as_bytes {
                r.read_bytes()?
            } else {
                r.read_str()?.as_bytes()
            };
            let sealed = cipher
                .lock()
                .expect("cipher lock")
                .encrypt::<_, &[u8]>([], plaintext)
                .map_err(|_| invalid(INVALID))?;
            let token = format!("{head}{}", URL_SAFE_NO_PAD.encode(sealed));
            write_bytes(out, token.as_bytes());
        }
    }
    Ok(())
}

fn hmac(mac: &Mac, data: &[u8]) -> [u8; 32] {
    let mut mac = mac.clone();
    hmac::Mac::update(&mut mac, data);
    mac.finalize().into_bytes().into()
}

fn hex(bytes: &[u8; 32]) -> [u8; 64] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = [0u8; 64];
    for (index, byte) in bytes.iter().enumerate() {
        text[2 * index] = DIGITS[usize::from(byte >> 4)];
        text[2 * index + 1] = DIGITS[usize::from(byte & 0x0f)];
    }
    text
}

/// `value[:first] + mask * hidden + value[-last:]`, in characters; all masked when that would reveal it all.
/// The masked form of a raw record key (`masking.key_plan`): its hash or pseudonym as hex text, or its
/// encryption token; the Python side compiles only these three ops for keys.
pub fn mask_key(op: &Op, key: &[u8]) -> Vec<u8> {
    match op {
        Op::HashHex { mac, length } => hex(&hmac(mac, key))[..*length].to_vec(),
        Op::Pseudonym {
            mac,
            prefix,
            length,
        } => [prefix.as_bytes(), b"_", &hex(&hmac(mac, key))[..*length]].concat(),
        Op::Encrypt { cipher, head, .. } => {
            let sealed = cipher
                .lock()
                .expect("cipher lock")
                .encrypt::<_, &[u8]>([], key)
                .expect("AES-SIV encrypts any input");
            format!("{head}{}", URL_SAFE_NO_PAD.encode(sealed)).into_bytes()
        }
        _ => unreachable!("the key plan compiles only hash_hex, pseudonym and encrypt"),
    }
}

fn partial(value: &str, first: usize, last: usize, mask: &str) -> String {
    let size = value.chars().count();
    if first + last >= size {
        return mask.repeat(size);
    }
    let head: String = value.chars().take(first).collect();
    let tail: String = value.chars().skip(size - last).collect();
    format!("{head}{}{tail}", mask.repeat(size - first - last))
}

fn float_bucket(value: f64, size: f64) -> Option<f64> {
    let quotient = value / size;
    // Python floors to an int, which has no negative zero: `+ 0.0` turns -0.0 into 0.0 the same way.
    quotient
        .is_finite()
        .then(|| (quotient.floor() + 0.0) * size)
}

fn truncate_day(day: i64, to_year: bool) -> i64 {
    let (year, month, _) = civil_from_days(day);
    debug_assert!((MIN_DAY..=MAX_DAY).contains(&day));
    days_from_civil(year, if to_year { 1 } else { month }, 1)
}

/// Proleptic Gregorian (year, month, day) of days since 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// The network of an address, as Python's `ipaddress` prints it: `203.0.113.0/24`, `2001:db8:85a3::/48`;
/// `Some(None)` for a network of a single address (/32, /128), None for a value that is no address.
fn network(value: &str, v4: u8, v6: u8) -> Option<Option<String>> {
    Some(match value.trim().parse::<IpAddr>().ok()? {
        IpAddr::V4(_) if v4 == 32 => None,
        IpAddr::V6(_) if v6 == 128 => None,
        IpAddr::V4(address) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(v4)).unwrap_or(0);
            Some(format!(
                "{}/{v4}",
                Ipv4Addr::from(u32::from(address) & mask)
            ))
        }
        IpAddr::V6(address) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(v6)).unwrap_or(0);
            Some(format!(
                "{}/{v6}",
                compressed(Ipv6Addr::from(u128::from(address) & mask))
            ))
        }
    })
}

/// RFC 5952 text without the dotted IPv4 tail Rust prints for mapped addresses (Python 3.11 prints hex).
fn compressed(address: Ipv6Addr) -> String {
    let hextets = address.segments();
    let (mut best, mut run) = ((0, 0), (0, 0)); // (start, length)
    for (index, hextet) in hextets.iter().enumerate() {
        run = if *hextet == 0 {
            (if run.1 == 0 { index } else { run.0 }, run.1 + 1)
        } else {
            (0, 0)
        };
        if run.1 > best.1 {
            best = run;
        }
    }
    let text = |part: &[u16]| {
        part.iter()
            .map(|h| format!("{h:x}"))
            .collect::<Vec<_>>()
            .join(":")
    };
    if best.1 < 2 {
        return text(&hextets);
    }
    format!(
        "{}::{}",
        text(&hextets[..best.0]),
        text(&hextets[best.0 + best.1..])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for day in [MIN_DAY, -1, 0, 59, 11_016, 19_000, MAX_DAY] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(MIN_DAY), (1, 1, 1));
        assert_eq!(civil_from_days(MAX_DAY), (9999, 12, 31));
    }

    #[test]
    fn ipv6_text_matches_python() {
        let text = |value: &str, v4: u8, v6: u8| network(value, v4, v6).unwrap().unwrap();
        assert_eq!(
            text("2001:db8:85a3::8a2e:370:7334", 24, 48),
            "2001:db8:85a3::/48"
        );
        assert_eq!(text("1:0:0:1:0:0:0:1", 24, 127), "1:0:0:1::/127");
        assert_eq!(text("::ffff:1.2.3.4", 24, 120), "::ffff:102:300/120");
        assert_eq!(text("203.0.113.77", 20, 48), "203.0.112.0/20");
        assert_eq!(text("203.0.113.77", 0, 48), "0.0.0.0/0");
    }

    #[test]
    fn a_network_of_one_address_is_no_generalization() {
        assert_eq!(network("203.0.113.77", 32, 48), Some(None));
        assert_eq!(network("2001:db8::1", 24, 128), Some(None));
        assert_eq!(network("not an address", 24, 48), None);
    }
}
