"""Read evidence says where each principal comes from: the ``source`` column of ``read_access``.

Rows indexed before it named principals from the local broker's authorizer log only: they get
``authorizer-log``; rows without a principal keep none.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("read_access", sa.Column("source", sa.String, nullable=True))
    op.execute("UPDATE read_access SET source = 'authorizer-log' WHERE kafka_principal IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("read_access") as table:
        table.drop_column("source")
