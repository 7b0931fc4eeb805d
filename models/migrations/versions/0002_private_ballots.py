"""Ballots stored without rowid (no order of casting), round voter counts and the cut line.

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _rebuild_ballots() -> None:
    # A rowid table keeps rows in the order they were cast, which could be matched
    # against who stood at the booth when. WITHOUT ROWID keeps them in key order.
    op.create_table(
        "_ballot_new",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=True),
        sa.Column("voter_key_hash", sa.String(length=128), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_ballot_participant_id_participant"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["voting_round.id"],
            name=op.f("fk_ballot_round_id_voting_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballot")),
        sqlite_with_rowid=False,
    )
    op.execute(
        "INSERT INTO _ballot_new (id, round_id, participant_id, voter_key_hash, source) "
        "SELECT id, round_id, participant_id, voter_key_hash, source FROM ballot WHERE NOT replaced"
    )
    op.create_table(
        "_vote_new",
        sa.Column("ballot_id", sa.String(length=36), nullable=False),
        sa.Column("idea_id", sa.String(length=36), nullable=False),
        sa.Column("dots", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ballot_id"], ["ballot.id"], name=op.f("fk_vote_ballot_id_ballot"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["idea_id"], ["idea.id"], name=op.f("fk_vote_idea_id_idea"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("ballot_id", "idea_id", name=op.f("pk_vote")),
        sqlite_with_rowid=False,
    )
    op.execute(
        "INSERT INTO _vote_new (ballot_id, idea_id, dots) "
        "SELECT ballot_id, idea_id, dots FROM vote WHERE ballot_id IN (SELECT id FROM _ballot_new)"
    )
    op.drop_table("vote")
    op.drop_table("ballot")
    op.rename_table("_ballot_new", "ballot")
    op.rename_table("_vote_new", "vote")
    with op.batch_alter_table("ballot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ballot_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ballot_voter_key_hash"), ["voter_key_hash"], unique=False)


def upgrade() -> None:
    _rebuild_ballots()
    # Never written: who voted in a named round is on the ballot; in an anonymous one, nowhere.
    op.drop_table("voting_round_voter")
    with op.batch_alter_table("voting_round", schema=None) as batch_op:
        batch_op.add_column(sa.Column("voters_expected", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("shortlist_size", sa.Integer(), nullable=True))
    with op.batch_alter_table("voting_round", schema=None) as batch_op:
        batch_op.alter_column("voters_expected", server_default=None)


def downgrade() -> None:
    # Back to the first release's shape (ballots in rowid tables, a replaced flag, a voter table).
    with op.batch_alter_table("voting_round", schema=None) as batch_op:
        batch_op.drop_column("shortlist_size")
        batch_op.drop_column("voters_expected")
    op.create_table(
        "voting_round_voter",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_voting_round_voter_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["voting_round.id"],
            name=op.f("fk_voting_round_voter_round_id_voting_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("round_id", "participant_id", name=op.f("pk_voting_round_voter")),
    )
    op.create_table(
        "_ballot_old",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=True),
        sa.Column("voter_key_hash", sa.String(length=128), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("replaced", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_ballot_participant_id_participant"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["voting_round.id"],
            name=op.f("fk_ballot_round_id_voting_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballot")),
    )
    op.execute(
        "INSERT INTO _ballot_old (id, round_id, participant_id, voter_key_hash, source, replaced) "
        "SELECT id, round_id, participant_id, voter_key_hash, source, 0 FROM ballot"
    )
    op.create_table(
        "_vote_old",
        sa.Column("ballot_id", sa.String(length=36), nullable=False),
        sa.Column("idea_id", sa.String(length=36), nullable=False),
        sa.Column("dots", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ballot_id"], ["ballot.id"], name=op.f("fk_vote_ballot_id_ballot"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["idea_id"], ["idea.id"], name=op.f("fk_vote_idea_id_idea"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("ballot_id", "idea_id", name=op.f("pk_vote")),
    )
    op.execute("INSERT INTO _vote_old (ballot_id, idea_id, dots) SELECT ballot_id, idea_id, dots FROM vote")
    op.drop_table("vote")
    op.drop_table("ballot")
    op.rename_table("_ballot_old", "ballot")
    op.rename_table("_vote_old", "vote")
    with op.batch_alter_table("ballot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ballot_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ballot_voter_key_hash"), ["voter_key_hash"], unique=False)
