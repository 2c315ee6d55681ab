"""The evidence store's first schema: audit events, checkpoints, cosignatures, sessions, export cursors.

Revision ID: 0001
Revises: none

Written by hand to match ``streamguard.store.models`` as it was then; later changes come as new revisions,
never as edits here, since stores already migrated past this one will not run it again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_UTC_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String, nullable=False),
        sa.Column("chain", sa.String, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("dataset", sa.String, nullable=True),
        sa.Column("raw_topic", sa.String, nullable=False),
        sa.Column("partition", sa.Integer, nullable=False),
        sa.Column("first_offset", sa.BigInteger, nullable=False),
        sa.Column("last_offset", sa.BigInteger, nullable=False),
        sa.Column("recorded_at", _UTC_TIME, nullable=False),
        sa.Column("worker", sa.String, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_events_chain_seq", "audit_events", ["chain", "seq"])
    op.create_index("ix_audit_events_recorded_at", "audit_events", ["recorded_at"])
    op.create_index("ix_audit_events_dataset", "audit_events", ["dataset"])
    op.create_table(
        "checkpoints",
        sa.Column("origin", sa.String, primary_key=True),
        sa.Column("size", sa.BigInteger, primary_key=True),
        sa.Column("root_hex", sa.String(64), primary_key=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("recorded_at", _UTC_TIME, nullable=False),
    )
    op.create_index("ix_checkpoints_recorded_at", "checkpoints", ["recorded_at"])
    op.create_table(
        "cosignatures",
        sa.Column("origin", sa.String, primary_key=True),
        sa.Column("size", sa.BigInteger, primary_key=True),
        sa.Column("root_hex", sa.String(64), primary_key=True),
        sa.Column("witness", sa.String, primary_key=True),
        sa.Column("line", sa.Text, nullable=False),
        sa.Column("timestamp", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("dataset", sa.String, nullable=True),
        sa.Column("raw_topic", sa.String, nullable=False),
        sa.Column("identity", sa.String, nullable=False),
        sa.Column("first_seen", _UTC_TIME, nullable=False),
        sa.Column("last_seen", _UTC_TIME, nullable=False),
        sa.Column("records", sa.BigInteger, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_sessions_last_seen", "sessions", ["last_seen"])
    op.create_index("ix_sessions_dataset_last_seen", "sessions", ["dataset", "last_seen"])
    op.create_index("ix_sessions_identity_last_seen", "sessions", ["identity", "last_seen"])
    op.create_table(
        "export_cursors",
        sa.Column("name", sa.String, primary_key=True),
        sa.Column("position", sa.Text, nullable=False),
        sa.Column("updated_at", _UTC_TIME, nullable=False),
    )


def downgrade() -> None:
    for table in ("export_cursors", "sessions", "cosignatures", "checkpoints", "audit_events"):
        op.drop_table(table)
