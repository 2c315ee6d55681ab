//! Avro binary encoding: a bounds-checked reader over one record body, and the writers for the values
//! the actions produce. Every malformed input is an `Undecodable`, never a panic.

/// Why a record cannot be turned into views; mapped to the quarantine reason codes of the Python plan.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// The bytes are not a value of the writer schema (`undecodable:avro_body`).
    Undecodable,
    /// Bytes left after the record (`undecodable:trailing_bytes`).
    TrailingBytes,
    /// A value the action cannot mask, as `reason` at the field path (`invalid_value:address.zip`).
    Value(&'static str, String),
    /// A bug in the engine (it panicked): the record fails closed (`internal_error:native_engine`).
    Internal,
}

impl Failure {
    pub fn code(&self) -> String {
        match self {
            Failure::Undecodable => "undecodable:avro_body".to_string(),
            Failure::TrailingBytes => "undecodable:trailing_bytes".to_string(),
            Failure::Value(reason, path) => format!("{reason}:{path}"),
            Failure::Internal => "internal_error:native_engine".to_string(),
        }
    }
}

pub type Result<T> = std::result::Result<T, Failure>;

pub struct Reader<'a> {
    pub buf: &'a [u8],
    pub pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    pub fn at_end(&self) -> bool {
        self.pos == self.buf.len()
    }

    pub fn read_long(&mut self) -> Result<i64> {
        let mut value: u64 = 0;
        for shift in (0..70).step_by(7) {
            let byte = *self.buf.get(self.pos).ok_or(Failure::Undecodable)?;
            self.pos += 1;
            if shift == 63 && byte > 1 {
                return Err(Failure::Undecodable); // more than 64 bits
            }
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok((value >> 1) as i64 ^ -((value & 1) as i64));
            }
        }
        Err(Failure::Undecodable)
    }

    pub fn read_int(&mut self) -> Result<i32> {
        i32::try_from(self.read_long()?).map_err(|_| Failure::Undecodable)
    }

    pub fn take(&mut self, size: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(size).ok_or(Failure::Undecodable)?;
        let slice = self.buf.get(self.pos..end).ok_or(Failure::Undecodable)?;
        self.pos = end;
        Ok(slice)
    }

    pub fn read_bytes(&mut self) -> Result<&'a [u8]> {
        let size = usize::try_from(self.read_long()?).map_err(|_| Failure::Undecodable)?;
        self.take(size)
    }

    pub fn read_str(&mut self) -> Result<&'a str> {
        std::str::from_utf8(self.read_bytes()?).map_err(|_| Failure::Undecodable)
    }

    pub fn read_boolean(&mut self) -> Result<bool> {
        match self.take(1)?[0] {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Failure::Undecodable),
        }
    }

    pub fn read_float(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    pub fn read_double(&mut self) -> Result<f64> {
        Ok(f64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }

    /// The item count of the next array or map block (0 ends the value). A negative count is followed by
    /// the block's size in bytes, which only matters to readers that skip.
    pub fn read_block_count(&mut self) -> Result<u64> {
        let count = self.read_long()?;
        if count < 0 {
            self.read_long()?;
        }
        Ok(count.unsigned_abs())
    }
}

pub fn write_long(out: &mut Vec<u8>, value: i64) {
    let mut zigzag = ((value << 1) ^ (value >> 63)) as u64;
    while zigzag >= 0x80 {
        out.push((zigzag as u8) | 0x80);
        zigzag >>= 7;
    }
    out.push(zigzag as u8);
}

pub fn write_bytes(out: &mut Vec<u8>, value: &[u8]) {
    write_long(out, value.len() as i64);
    out.extend_from_slice(value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longs_round_trip_through_zigzag_varints() {
        for value in [
            0,
            -1,
            1,
            63,
            -64,
            64,
            i64::from(i32::MAX),
            i64::MIN,
            i64::MAX,
        ] {
            let mut out = Vec::new();
            write_long(&mut out, value);
            let mut reader = Reader::new(&out);
            assert_eq!(reader.read_long(), Ok(value));
            assert!(reader.at_end());
        }
    }

    #[test]
    fn malformed_input_is_undecodable_not_a_panic() {
        let too_long = [0xff; 11]; // more than 64 bits of varint
        assert_eq!(
            Reader::new(&too_long).read_long(),
            Err(Failure::Undecodable)
        );
        assert_eq!(Reader::new(&[0x80]).read_long(), Err(Failure::Undecodable)); // cut short
        assert_eq!(Reader::new(&[0x01]).read_bytes(), Err(Failure::Undecodable)); // negative length
        assert_eq!(
            Reader::new(&[0x06, b'a']).read_str(),
            Err(Failure::Undecodable)
        ); // 3 bytes promised
        assert_eq!(
            Reader::new(&[0x04, 0xc3, 0x28]).read_str(),
            Err(Failure::Undecodable)
        ); // not UTF-8
        assert_eq!(
            Reader::new(&[0x02]).read_boolean(),
            Err(Failure::Undecodable)
        );
        let big_int = {
            let mut out = Vec::new();
            write_long(&mut out, i64::from(i32::MAX) + 1);
            out
        };
        assert_eq!(Reader::new(&big_int).read_int(), Err(Failure::Undecodable));
    }
}
