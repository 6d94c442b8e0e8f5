"""Schema for the kennisbank: articles, every version of them, their use, and missed searches.

One migration (appended to storage.migrations.MIGRATIONS); never edit it once shipped.
"""

KB = """
-- The current state of each article. `uid` names it across the team's laptops; `hlc` is the
-- team clock of the version shown (last writer wins), '' for a version made outside a team.
CREATE TABLE kb_articles (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    questions TEXT NOT NULL DEFAULT '[]',
    answer TEXT NOT NULL DEFAULT '',
    product TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    review_on TEXT,
    status TEXT NOT NULL DEFAULT 'concept',
    version INTEGER NOT NULL DEFAULT 1,
    hlc TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX kb_articles_title ON kb_articles(title COLLATE NOCASE);

-- Every version ever saved (here or on a colleague's laptop): who, when, the whole content.
CREATE TABLE kb_versions (
    id INTEGER PRIMARY KEY,
    article_uid TEXT NOT NULL,
    version INTEGER NOT NULL,
    content TEXT NOT NULL,
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    event_id TEXT UNIQUE
);
CREATE INDEX kb_versions_article ON kb_versions(article_uid, id);

-- An answer inserted into a reply or a phone note (counts only: no text, no resident).
CREATE TABLE kb_uses (
    id INTEGER PRIMARY KEY,
    article_uid TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT ''
);
CREATE INDEX kb_uses_article ON kb_uses(article_uid);

-- Searches that found nothing, with numbers, addresses and names stripped first.
CREATE TABLE kb_missed_searches (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    query TEXT NOT NULL
);
"""
