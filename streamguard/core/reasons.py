"""Quarantine reason codes and the headers that carry them: one list for the whole data path.

A reason names the problem and, where there is one, the field path; never a value. The native engine
(``native/``) emits the same codes for the checks it runs.

Record faults (the record alone is quarantined):

- ``undecodable:<what>``: framing (``too_short_for_wire_format``, ``bad_magic_byte``), ``avro_body``,
  ``trailing_bytes``, ``json``, ``json_not_an_object``;
- ``unknown_schema_id``: the registry does not know the writer schema id;
- ``schema_mismatch``: the dataset's rules do not fit the writer schema;
- ``oversize``: key and value together larger than the rules' ``max_record_bytes`` (the quarantine record
  then carries only their sizes and digests: the payload is what was too large);
- ``oversize_view``: a masked view (key and value) larger than the broker takes (``MAX_VIEW_BYTES``);
- ``unencodable``: a view its schema (or JSON) cannot carry, such as a lone surrogate in a JSON string;
- ``identity:missing_signature``, ``identity:unknown_producer``, ``identity:bad_signature``: signed datasets;
- ``<code>:<field.path>``: a value that cannot be masked (``invalid_value``, ``type_mismatch``,
  ``detector_failed``, ``text_too_large``, ``mask_error``);
- ``key:<code>``: the same for a record key (an Avro key: ``key:undecodable:avro_body``,
  ``key:unknown_schema_id``, ``key:schema_mismatch``, ...), and ``key:schema_drift``: a key schema with a field
  the rules were not validated with (a key field never gets the unclassified policy: it could merge keys);

and one for a bug in streamguard (see ``streamguard.agents.failure_policy``):

- ``internal_error``: processing the batch raised an unexpected error; the batch is quarantined whole.
"""

from __future__ import annotations

REASON_HEADER = "streamguard-reason"
DATASET_HEADER = "streamguard-dataset"

OVERSIZE = "oversize"
OVERSIZE_VIEW = "oversize_view"
UNENCODABLE = "unencodable"
SIZE_HEADER = "streamguard-size"  # on an oversize record's quarantine entry: key=<bytes>;value=<bytes>;sha256=<hex>
# What a view's key and value may weigh together: under librdkafka's default message.max.bytes (1,000,000)
# with room for the evidence header and record overhead.
MAX_VIEW_BYTES = 990_000
UNKNOWN_SCHEMA_ID = "unknown_schema_id"
SCHEMA_MISMATCH = "schema_mismatch"
KEY_REASON = "key:"  # prefixes the reason of a record whose key failed
SCHEMA_DRIFT = "schema_drift"
INTERNAL_ERROR = "internal_error"
NATIVE_SCHEMA_ID = "schema_id:"  # the native engine hands a record of another writer schema back to Python
