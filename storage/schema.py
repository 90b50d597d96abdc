"""The database schema, as sqlite-utils migrations. Tables and the view are the user-facing contract."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("storywatch")


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            canonical_url TEXT NOT NULL UNIQUE,
            source TEXT,
            site_name TEXT,
            title TEXT,
            author TEXT,
            published TEXT,
            language TEXT,
            agency TEXT,
            text TEXT,
            content_hash TEXT,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            fetched_at TEXT,
            signal TEXT,
            etag TEXT,
            last_modified TEXT
        )
        """
    )
    db.execute("CREATE INDEX articles_content_hash ON articles(content_hash)")
    db.execute("CREATE INDEX articles_source ON articles(source)")
    db.execute(
        """
        CREATE TABLE article_urls (
            url TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX article_urls_article ON article_urls(article_id)")
    db.execute(
        """
        CREATE TABLE article_versions (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            version INTEGER NOT NULL,
            fetched_at TEXT NOT NULL,
            title TEXT,
            text TEXT,
            content_hash TEXT,
            PRIMARY KEY (article_id, version)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            story TEXT,
            pid INTEGER,
            stats TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE story_articles (
            story TEXT NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            status TEXT NOT NULL CHECK (status IN ('seed', 'follow_up', 'duplicate')),
            duplicate_of INTEGER REFERENCES articles(id),
            score REAL,
            reason TEXT,
            new_sentences TEXT,
            first_seen TEXT NOT NULL,
            run_id INTEGER REFERENCES runs(id),
            PRIMARY KEY (story, article_id)
        )
        """
    )
    db.execute("CREATE INDEX story_articles_article ON story_articles(article_id)")
    db.execute(
        """
        CREATE TABLE article_bands (
            band INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (band, bucket, article_id)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX article_bands_article ON article_bands(article_id)")
    db.execute(
        """
        CREATE TABLE boilerplate (
            site TEXT NOT NULL,
            hash TEXT NOT NULL,
            articles INTEGER NOT NULL DEFAULT 0,
            sample TEXT,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            PRIMARY KEY (site, hash)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE http_validators (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            checked_at TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    db["articles"].enable_fts(
        ["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    db.execute(
        """
        CREATE VIEW story_timeline AS
        SELECT
            sa.story AS story,
            sa.status AS status,
            a.published AS published,
            a.source AS source,
            a.title AS title,
            a.url AS url,
            a.canonical_url AS canonical_url,
            d.canonical_url AS duplicate_of_url,
            sa.score AS score,
            a.version AS version,
            a.agency AS agency,
            sa.new_sentences AS new_sentences,
            a.text AS text,
            sa.first_seen AS first_seen,
            a.id AS article_id
        FROM story_articles sa
        JOIN articles a ON a.id = sa.article_id
        LEFT JOIN articles d ON d.id = sa.duplicate_of
        ORDER BY sa.story, COALESCE(a.published, sa.first_seen), a.id
        """
    )


@migrations()
def m002_story_candidates(db: Database) -> None:
    """Pages that match a story's query but are not (yet) in it: decided at the end of each run, with their scores."""
    db.execute(
        """
        CREATE TABLE story_candidates (
            story TEXT NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            similarity REAL NOT NULL,
            score REAL,
            reason TEXT,
            first_seen TEXT NOT NULL,
            run_id INTEGER REFERENCES runs(id),
            decided_at TEXT,
            PRIMARY KEY (story, article_id)
        )
        """
    )


@migrations()
def m005_boilerplate_learned(db: Database) -> None:
    """When each recurring line of a site became learned boilerplate, and when the site's stored texts were last
    cleaned of what it had learned (so that a crawl that ended early is caught up by the next one)."""
    db.execute("ALTER TABLE boilerplate ADD COLUMN learned_at TEXT")
    db.execute(
        """
        CREATE TABLE boilerplate_sites (
            site TEXT PRIMARY KEY,
            recleaned_at TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    # Lines learned before this migration count as learned now: the next crawl cleans the stored texts of them.
    db.execute("UPDATE boilerplate SET learned_at = last_seen WHERE articles >= 2")
