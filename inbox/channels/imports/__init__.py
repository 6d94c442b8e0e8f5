"""Importers for files: .eml, .mbox, and later the social platforms' own export files."""
