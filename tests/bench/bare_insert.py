"""Baseline for the demo figure: the same number of rows written with bare sqlite3."""

import sqlite3
import sys
import uuid

con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA journal_mode = WAL")
con.execute("PRAGMA synchronous = FULL")
con.execute("CREATE TABLE participant (id TEXT PRIMARY KEY, role TEXT)")
con.execute("CREATE TABLE idea (id TEXT PRIMARY KEY, title TEXT, text TEXT)")
con.execute("CREATE TABLE backing (id TEXT PRIMARY KEY, idea_id TEXT, text TEXT)")
con.execute("BEGIN")
con.executemany("INSERT INTO participant VALUES (?, 'citizen')", [(str(uuid.uuid4()),) for _ in range(60)])
ideas = [(str(uuid.uuid4()), f"Idé {i}", "Beskrivning " * 10) for i in range(1000)]
con.executemany("INSERT INTO idea VALUES (?, ?, ?)", ideas)
con.executemany("INSERT INTO backing VALUES (?, ?, 'Tack!')", [(str(uuid.uuid4()), i[0]) for i in ideas[::2]])
con.execute("COMMIT")
con.close()
