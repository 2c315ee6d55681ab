//! Producing a view's records in one native loop, through the worker's own confluent-kafka producer.
//!
//! confluent-kafka's `produce` costs ~3.7 µs a record with one header and ~1.8 µs without (this machine): the
//! keyword arguments, and the header list converted tuple by tuple. The data path calls it three times per
//! source record. Here the same librdkafka call (`rd_kafka_produceva`, what `produce` itself uses) runs in a
//! loop over a view's columns, and the evidence header is written from its prefix, the source offset and its
//! suffix without a Python object per record.
//!
//! The librdkafka handle is the one the Python `Producer` holds: the same transaction, the same queues, so
//! records produced here and by `produce` keep their call order. confluent-kafka keeps it as the first field
//! after the object header (`Handle.rk` in its `confluent_kafka.h`); it is read on every call, not cached, and
//! used only if librdkafka's opaque of that handle is the Python object itself, which confluent-kafka sets
//! (`rd_kafka_conf_set_opaque(conf, h)`). A closed producer reads as a null handle and is refused. The
//! functions come from the librdkafka that confluent-kafka's extension module was linked with.

use std::ffi::{c_char, c_int, c_void, CString};
use std::io::Write;
use std::mem::size_of;

use libloading::Library;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

const VTYPE_TOPIC: c_int = 1;
const VTYPE_PARTITION: c_int = 3;
const VTYPE_VALUE: c_int = 4;
const VTYPE_KEY: c_int = 5;
const VTYPE_MSGFLAGS: c_int = 7;
const VTYPE_TIMESTAMP: c_int = 8;
const VTYPE_HEADER: c_int = 9;
const MSG_F_COPY: c_int = 0x2;
/// `RD_KAFKA_RESP_ERR__QUEUE_FULL`: the caller lets librdkafka drain (serving its callbacks) and goes on.
const QUEUE_FULL: c_int = -184;

#[repr(C)]
#[derive(Clone, Copy)]
struct Memory {
    ptr: *const c_void,
    size: usize,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct Header {
    name: *const c_char,
    value: *const c_void,
    size: isize,
}

/// `rd_kafka_vu_t`'s union, padded to librdkafka's 64 bytes.
#[repr(C)]
#[derive(Clone, Copy)]
union Value {
    cstr: *const c_char,
    int: c_int,
    int32: i32,
    int64: i64,
    memory: Memory,
    header: Header,
    pad: [u8; 64],
}

/// `rd_kafka_vu_t`: one typed argument of `rd_kafka_produceva`.
#[repr(C)]
#[derive(Clone, Copy)]
struct Arg {
    vtype: c_int,
    value: Value,
}

type ProduceVa = unsafe extern "C" fn(*mut c_void, *const Arg, usize) -> *mut c_void;
type ErrorCode = unsafe extern "C" fn(*const c_void) -> c_int;
type ErrorDestroy = unsafe extern "C" fn(*mut c_void);
type Opaque = unsafe extern "C" fn(*const c_void) -> *mut c_void;

/// The librdkafka functions this module calls, resolved once per producer.
struct RdKafka {
    produceva: ProduceVa,
    error_code: ErrorCode,
    error_destroy: ErrorDestroy,
    opaque: Opaque,
    _library: Library, // keeps the functions' library mapped
}

impl RdKafka {
    /// The functions as `extension` (confluent-kafka's compiled module, already loaded) resolves them: a
    /// handle's symbol lookup covers its dependencies, so this is the librdkafka it links.
    fn open(extension: &str) -> Result<Self, String> {
        // SAFETY: the library is confluent-kafka's own extension, already initialised by its import; the
        // symbols are librdkafka's public C API with the signatures declared above (rdkafka.h).
        unsafe {
            let library = Library::new(extension).map_err(|error| error.to_string())?;
            let produceva = *library
                .get::<ProduceVa>(b"rd_kafka_produceva\0")
                .map_err(|error| error.to_string())?;
            let error_code = *library
                .get::<ErrorCode>(b"rd_kafka_error_code\0")
                .map_err(|error| error.to_string())?;
            let error_destroy = *library
                .get::<ErrorDestroy>(b"rd_kafka_error_destroy\0")
                .map_err(|error| error.to_string())?;
            let opaque = *library
                .get::<Opaque>(b"rd_kafka_opaque\0")
                .map_err(|error| error.to_string())?;
            Ok(RdKafka {
                produceva,
                error_code,
                error_destroy,
                opaque,
                _library: library,
            })
        }
    }
}

/// A view's records into one confluent-kafka `Producer`, with the evidence header of each.
#[pyclass(module = "streamguard_native", frozen)]
pub struct ViewProducer {
    producer: Py<PyAny>,
    rdkafka: RdKafka,
    header_name: CString,
}

impl ViewProducer {
    /// The producer's librdkafka handle, if it is still the one whose opaque is the producer object.
    fn handle(&self, py: Python<'_>) -> PyResult<*mut c_void> {
        let object = self.producer.bind(py).as_ptr();
        // SAFETY: `new` checked that the object is confluent-kafka's Producer, whose C struct starts with
        // the object header and then the handle; the handle is checked against its opaque before any use.
        let handle = unsafe {
            *(object as *const u8)
                .add(size_of::<pyo3::ffi::PyObject>())
                .cast::<*mut c_void>()
        };
        if handle.is_null() {
            return Err(PyRuntimeError::new_err("the producer is closed"));
        }
        // SAFETY: a non-null handle of a live Producer object is a live rd_kafka_t.
        let opaque = unsafe { (self.rdkafka.opaque)(handle) };
        if opaque as *mut pyo3::ffi::PyObject != object {
            return Err(PyRuntimeError::new_err(
                "the producer's librdkafka handle is not where this module expects it",
            ));
        }
        Ok(handle)
    }
}

#[pymethods]
impl ViewProducer {
    /// `producer`: a `confluent_kafka.Producer`, the exact type (a subclass could lay its object out
    /// otherwise); `header_name`: the evidence header every record carries. RuntimeError if the handle does
    /// not check out, TypeError for any other object.
    #[new]
    fn new(py: Python<'_>, producer: Py<PyAny>, header_name: &str) -> PyResult<Self> {
        let extension = py.import("confluent_kafka.cimpl")?;
        if !producer
            .bind(py)
            .get_type()
            .is(&extension.getattr("Producer")?)
        {
            return Err(PyTypeError::new_err("expected a confluent_kafka.Producer"));
        }
        let path: String = extension.getattr("__file__")?.extract()?;
        let rdkafka = RdKafka::open(&path).map_err(|error| {
            PyRuntimeError::new_err(format!("librdkafka is not reachable: {error}"))
        })?;
        let header_name = CString::new(header_name)
            .map_err(|_| PyValueError::new_err("a header name has no NUL byte"))?;
        let bound = ViewProducer {
            producer,
            rdkafka,
            header_name,
        };
        bound.handle(py)?;
        Ok(bound)
    }

    /// Produces records `start..stop` of one view to `topic`/`partition`: `keys` and `values` (bytes or None),
    /// `timestamps` (ms, 0 for the send time) and the evidence header `prefix + offset + suffix` from
    /// `offsets`, all aligned. No delivery reports. Returns where it stopped and librdkafka's error code
    /// there: `(stop, 0)` when every record is queued; the caller serves the queue on `QUEUE_FULL` (-184)
    /// and calls again from that index, and raises any other code.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (topic, partition, keys, values, timestamps, offsets, prefix, suffix, start, stop))]
    fn produce(
        &self,
        py: Python<'_>,
        topic: &str,
        partition: i32,
        keys: &Bound<'_, PyList>,
        values: &Bound<'_, PyList>,
        timestamps: &Bound<'_, PyList>,
        offsets: &Bound<'_, PyList>,
        prefix: &[u8],
        suffix: &[u8],
        start: usize,
        stop: usize,
    ) -> PyResult<(usize, i32)> {
        let count = values.len();
        if keys.len() != count || timestamps.len() != count || offsets.len() != count {
            return Err(PyValueError::new_err(
                "keys, values, timestamps and offsets must align",
            ));
        }
        if start > stop || stop > count {
            return Err(PyValueError::new_err(
                "start..stop must lie within the view",
            ));
        }
        let handle = self.handle(py)?;
        let topic =
            CString::new(topic).map_err(|_| PyValueError::new_err("a topic has no NUL byte"))?;
        let mut header = Vec::with_capacity(prefix.len() + 20 + suffix.len());
        // The same first three arguments for every record; the key, value, timestamp and header per record.
        let mut args = [
            arg(VTYPE_MSGFLAGS, Value { int: MSG_F_COPY }),
            arg(
                VTYPE_TOPIC,
                Value {
                    cstr: topic.as_ptr(),
                },
            ),
            arg(VTYPE_PARTITION, Value { int32: partition }),
            arg(VTYPE_KEY, Value { pad: [0; 64] }),
            arg(VTYPE_VALUE, Value { pad: [0; 64] }),
            arg(VTYPE_TIMESTAMP, Value { int64: 0 }),
            arg(VTYPE_HEADER, Value { pad: [0; 64] }),
        ];
        for index in start..stop {
            let key = bytes_or_none(&keys.get_item(index)?)?;
            let value = bytes_or_none(&values.get_item(index)?)?;
            let timestamp: i64 = timestamps.get_item(index)?.extract()?;
            let offset: i64 = offsets.get_item(index)?.extract()?;
            header.clear();
            header.extend_from_slice(prefix);
            write!(header, "{offset}").expect("writing to a Vec cannot fail");
            header.extend_from_slice(suffix);
            args[3].value = memory(key.as_ref().map(|key| key.as_bytes()));
            args[4].value = memory(value.as_ref().map(|value| value.as_bytes()));
            args[5].value = Value { int64: timestamp };
            args[6].value = Value {
                header: Header {
                    name: self.header_name.as_ptr(),
                    value: header.as_ptr().cast(),
                    size: header.len() as isize,
                },
            };
            // SAFETY: `handle` is the live producer's; every pointer in `args` outlives the call, and
            // librdkafka copies the key, the value and the header (MSG_F_COPY; headers are always copied).
            let error = unsafe { (self.rdkafka.produceva)(handle, args.as_ptr(), args.len()) };
            if !error.is_null() {
                // SAFETY: a non-null result is an rd_kafka_error_t the caller owns.
                let code = unsafe {
                    let code = (self.rdkafka.error_code)(error);
                    (self.rdkafka.error_destroy)(error);
                    code
                };
                return Ok((index, code));
            }
        }
        Ok((stop, 0))
    }

    /// librdkafka's error code for a full local queue.
    #[classattr]
    const QUEUE_FULL: i32 = QUEUE_FULL;
}

/// A key or value: bytes, or None for none.
fn bytes_or_none<'py>(item: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyBytes>>> {
    if item.is_none() {
        Ok(None)
    } else {
        Ok(Some(item.cast::<PyBytes>()?.clone()))
    }
}

fn arg(vtype: c_int, value: Value) -> Arg {
    Arg { vtype, value }
}

/// A key or value argument: where its bytes are and how many, or null for none.
fn memory(bytes: Option<&[u8]>) -> Value {
    let (ptr, size) = bytes.map_or((std::ptr::null(), 0), |bytes| {
        (bytes.as_ptr().cast(), bytes.len())
    });
    Value {
        memory: Memory { ptr, size },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_argument_has_librdkafka_s_layout() {
        // rd_kafka_vu_t: an int-sized enum, then the 64-byte union at pointer alignment.
        assert_eq!(size_of::<Arg>(), 72);
        assert_eq!(std::mem::align_of::<Arg>(), 8);
    }
}
