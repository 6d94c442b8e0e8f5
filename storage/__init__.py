"""Loket's storage: one SQLite file plus a content-addressed blob folder. Never imports Qt."""
