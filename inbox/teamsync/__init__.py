"""Team synchronisation over the shared mailbox: see docs/design/team-sync.md."""
