"""The store: SQLAlchemy ORM tables, the database file, migrations and backups. No Qt."""
