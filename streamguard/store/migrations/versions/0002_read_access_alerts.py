"""Read evidence and monitoring alerts: the ``read_access`` and ``alerts`` tables.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_UTC_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "read_access",
        sa.Column("event_hash", sa.String(64), primary_key=True),
        sa.Column("entry", sa.Integer, primary_key=True),
        sa.Column("observed_at", _UTC_TIME, nullable=False),
        sa.Column("principal", sa.String, nullable=True),
        sa.Column("kafka_principal", sa.String, nullable=True),
        sa.Column("group_id", sa.String, nullable=False),
        sa.Column("topic", sa.String, nullable=False),
        sa.Column("partition", sa.Integer, nullable=False),
        sa.Column("committed_offset", sa.BigInteger, nullable=False),
        sa.Column("previous_offset", sa.BigInteger, nullable=True),
        sa.Column("end_offset", sa.BigInteger, nullable=True),
        sa.Column("clients", sa.Text, nullable=False),
        sa.Column("dataset", sa.String, nullable=True),
        sa.Column("audience", sa.String, nullable=True),
    )
    op.create_index("ix_read_access_topic_observed_at", "read_access", ["topic", "observed_at"])
    op.create_index("ix_read_access_group_observed_at", "read_access", ["group_id", "observed_at"])
    op.create_index("ix_read_access_principal_observed_at", "read_access", ["principal", "observed_at"])
    op.create_table(
        "alerts",
        sa.Column("event_hash", sa.String(64), primary_key=True),
        sa.Column("key", sa.String, nullable=False),
        sa.Column("rule", sa.String, nullable=False),
        sa.Column("subject", sa.String, nullable=False),
        sa.Column("severity", sa.String, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("at", _UTC_TIME, nullable=False),
    )
    op.create_index("ix_alerts_at", "alerts", ["at"])


def downgrade() -> None:
    op.drop_table("alerts")
    op.drop_table("read_access")
