"""Runs the alembic migrations in models/migrations programmatically, step by step."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, application_id: int) -> None:
    """Bring the schema to the newest revision in one transaction, then mark the file as ours.

    Foreign keys are switched off while tables are rebuilt in batch mode (SQLite
    cannot alter a table in place) and checked before the transaction commits.
    """
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration left broken references: {problems[:5]}")
                connection.exec_driver_sql(f"PRAGMA application_id = {int(application_id)}")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
