"""Development plans can be deleted and restored; decisions keep their § numbers unique per workshop;
a recognition keeps whom it recognises apart from who gave it.

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    # One plan per idea still holds, but only among plans that are not deleted, so that a
    # deleted plan can wait for an undo while a new one is written.
    with op.batch_alter_table("development_plan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_constraint(batch_op.f("uq_development_plan_idea_id"), type_="unique")
    op.create_index(
        "uq_development_plan_live_idea",
        "development_plan",
        ["idea_id"],
        unique=True,
        sqlite_where=_LIVE,
        postgresql_where=_LIVE,
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f("uq_decision_workshop_id"), ["workshop_id", "number"])
    # No released Mylla wrote recognitions, so every existing entry starts with no one recognised.
    with op.batch_alter_table("follow_up_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recognised", sa.String(length=300), nullable=False, server_default=""))
    with op.batch_alter_table("follow_up_entry", schema=None) as batch_op:
        batch_op.alter_column("recognised", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("follow_up_entry", schema=None) as batch_op:
        batch_op.drop_column("recognised")
    # Deleted plans go with the column that marked them; the rest keep one plan per idea.
    op.execute("DELETE FROM development_plan WHERE deleted_at IS NOT NULL")
    op.drop_index("uq_development_plan_live_idea", table_name="development_plan")
    with op.batch_alter_table("development_plan", schema=None) as batch_op:
        batch_op.drop_column("deleted_at")
        batch_op.create_unique_constraint(batch_op.f("uq_development_plan_idea_id"), ["idea_id"])
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_decision_workshop_id"), type_="unique")
