"""Who is who in the app: the first beheerder, signing in and out, one's own password, and the
beheerder's screen for colleagues. The rules live in inbox.identity; these screens ask it."""
