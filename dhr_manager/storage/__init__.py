"""The encrypted workspace: one SQLite file, sealed fields, key slots, audit chain, migrations."""
