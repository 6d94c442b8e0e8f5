"""Schema for listening on Mastodon: the terms each account watches, and the public posts found.

One migration (appended to storage.migrations.MIGRATIONS); never edit it once shipped.
"""

LISTENING = """
-- Public hashtags ('#gemeentevoorbeeld') and keywords ('lantaarnpaal') a Mastodon account
-- watches. Where fetching got to is kept per term in mastodon_sync (stream 'tag:...' or
-- 'search:...').
CREATE TABLE mastodon_watch (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    UNIQUE (account_id, term)
);

-- Public posts found by a watched term. Not cases: they feed the trends and can be made into
-- a case on request. Only what that needs is kept (no avatar, bio or follower counts), and
-- posts older than the account's listening period are purged on every fetch pass, so
-- listening never becomes a register of residents. `status` is the trimmed status JSON that
-- making a case files (as the case's original).
CREATE TABLE mastodon_posts (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    status_id TEXT NOT NULL,
    uri TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL DEFAULT '',
    author_acct TEXT NOT NULL DEFAULT '',
    author_name TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    terms TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX mastodon_posts_created ON mastodon_posts(created_at);
CREATE INDEX mastodon_posts_author ON mastodon_posts(author_acct);
"""
