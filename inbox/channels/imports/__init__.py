"""Importers for files: .eml and .mbox, and the platforms' own exports (WhatsApp, Facebook and
Instagram, X), each checked by guard.py and held to the limits in limits.py before it is read."""
