"""Loket's domain: cases, messages, contacts and the services that change them. Never imports Qt."""
