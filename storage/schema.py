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
def m003_frontier(db: Database) -> None:
    """Pages discovered and not yet stored or finally rejected: what a killed or failed run leaves to the next.

    One row per normalised URL. `claimed_by` is the run that took the entry (NULL: waiting); `storing_at` says that
    run had extracted the page and was storing it, so a claim that dies there counts as a failed attempt. The partial indexes
    keep "the next N due entries" and "this run's claims" cheap whatever the number of waiting rows;
    `frontier_sources` keeps the per-source counts in step by triggers, so status and run stats never count rows.
    """
    db.execute(
        """
        CREATE TABLE frontier (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            fetch_url TEXT NOT NULL,
            source TEXT NOT NULL,
            via TEXT NOT NULL,
            listing TEXT,
            title TEXT,
            summary TEXT,
            published TEXT,
            updated TEXT,
            found_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            claimed_by INTEGER,
            storing_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX frontier_due ON frontier(next_attempt_at, id) WHERE claimed_by IS NULL")
    db.execute("CREATE INDEX frontier_claimed ON frontier(claimed_by) WHERE claimed_by IS NOT NULL")
    db.execute(
        """
        CREATE TABLE frontier_sources (
            source TEXT PRIMARY KEY,
            waiting INTEGER NOT NULL DEFAULT 0,
            failing INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TRIGGER frontier_added AFTER INSERT ON frontier BEGIN
            INSERT OR IGNORE INTO frontier_sources (source) VALUES (new.source);
            UPDATE frontier_sources SET waiting = waiting + 1, failing = failing + (new.attempts > 0)
            WHERE source = new.source;
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER frontier_removed AFTER DELETE ON frontier BEGIN
            UPDATE frontier_sources SET waiting = waiting - 1, failing = failing - (old.attempts > 0)
            WHERE source = old.source;
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER frontier_changed AFTER UPDATE OF attempts, source ON frontier
        WHEN (old.attempts > 0) != (new.attempts > 0) OR old.source != new.source BEGIN
            UPDATE frontier_sources SET waiting = waiting - 1, failing = failing - (old.attempts > 0)
            WHERE source = old.source;
            INSERT OR IGNORE INTO frontier_sources (source) VALUES (new.source);
            UPDATE frontier_sources SET waiting = waiting + 1, failing = failing + (new.attempts > 0)
            WHERE source = new.source;
        END
        """
    )


@migrations()
def m004_membership_decided_from_the_store(db: Database) -> None:
    """Membership is decided again at every run from the stored documents, so an article can leave a story.

    `story_departures` records each time one did (when, why, with the status it had); `story_timeline_all` shows a
    story's current members and, with status 'left', the articles that left it and are not back. `article_terms`
    keeps each article's term weights (a pure function of its text, checked against its content hash; terms one
    a line, weights as little-endian doubles, exact), so that a decision does not compute them again for every
    stored article at every run; `story_candidates.matched_terms` likewise keeps the query terms a candidate matched.
    The index orders the context articles
    (the newest stored articles outside a story) without sorting the articles table.
    """
    db.execute(
        """
        CREATE TABLE story_departures (
            id INTEGER PRIMARY KEY,
            story TEXT NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            status TEXT NOT NULL,
            duplicate_of INTEGER REFERENCES articles(id),
            joined_at TEXT,
            left_at TEXT NOT NULL,
            run_id INTEGER REFERENCES runs(id),
            score REAL,
            reason TEXT
        )
        """
    )
    db.execute("CREATE INDEX story_departures_article ON story_departures(story, article_id)")
    db.execute(
        """
        CREATE TABLE article_terms (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            content_hash TEXT NOT NULL,
            terms TEXT NOT NULL,
            weights BLOB NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX articles_newest ON articles(COALESCE(published, first_seen), canonical_url)")
    # The query terms a candidate matched, noted when it was stored: the decision does not read its text again.
    db.execute("ALTER TABLE story_candidates ADD COLUMN matched_terms TEXT")
    db.execute(
        """
        CREATE VIEW story_timeline_all AS
        SELECT * FROM (
            SELECT story, status, published, source, title, url, canonical_url, duplicate_of_url, score, version,
                   agency, new_sentences, text, first_seen, article_id, NULL AS left_at
            FROM story_timeline
            UNION ALL
            SELECT d.story, 'left', a.published, a.source, a.title, a.url, a.canonical_url, NULL, d.score,
                   a.version, a.agency, NULL, a.text, d.joined_at, a.id, d.left_at
            FROM story_departures d
            JOIN articles a ON a.id = d.article_id
            WHERE d.id = (SELECT MAX(d2.id) FROM story_departures d2
                          WHERE d2.story = d.story AND d2.article_id = d.article_id)
              AND NOT EXISTS (SELECT 1 FROM story_articles sa
                              WHERE sa.story = d.story AND sa.article_id = d.article_id)
        )
        ORDER BY story, COALESCE(published, first_seen), article_id
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


@migrations()
def m006_learned_boilerplate_index(db: Database) -> None:
    """A site's learned lines by index: the crawl reads them for every page it extracts, and a site's table of
    counted lines grows with every article stored (about fifteen lines each), most of them seen once."""
    db.execute("CREATE INDEX boilerplate_learned ON boilerplate(site, hash) WHERE learned_at IS NOT NULL")


@migrations()
def m007_frontier_due_by_source(db: Database) -> None:
    """A source's next due entries by index: claims share the window among the sources (storage.frontier.claim)."""
    db.execute("CREATE INDEX frontier_due_by_source ON frontier(source, next_attempt_at, id) WHERE claimed_by IS NULL")


# How much of the full-text index's merging one article write does ('merge' is counted in pages of about 4 KB).
# FTS5's own automatic merging works in bursts: after every 64 leaf pages written it merges 64 pages per level of
# the index at once, inside whatever insert crossed the line. At 5,000 stored articles that insert took 30-50 ms,
# and it held the crawl's event loop for as long. Merging a little after every write instead keeps each write's share
# small: an article writes a few leaf pages, and each is merged again once per level of the index.
# Measured on 30,000 invented articles of about 4 KB inserted one per transaction (a script, not a test):
#   FTS5's automerge (4 segments a merge):   18.2 s CPU, slowest insert 50 ms, 237 inserts over 20 ms;
#   64-page steps, 4 segments a merge:       18.3 s, slowest 15 ms, none over 20 ms;
#   64-page steps, 8 segments a merge:       14.8-15.5 s, slowest 19 ms, none over 20 ms (a level holds up to 8
#                                            segments before it is merged: a search reads a few more of them);
#   the same steps taken in the triggers:    17.4 s, slowest 15 ms, none over 20 ms.
# The steps are taken by the triggers that write the index (m010), so every writer takes them (the crawl, a
# reclean, a user's own SQL), for about 0.09 ms more per insert than a statement of the writer's own. FTS5 still
# merges at once when a level reaches FTS_CRISIS_SEGMENTS, as a backstop.
FTS_MERGE_PAGES = 64
FTS_MERGE_SEGMENTS = 8
FTS_CRISIS_SEGMENTS = 32


@migrations()
def m008_text_index_steps(db: Database) -> None:
    """The full-text index follows an article's title and text, not every update of its row: the crawl moves
    `last_seen`, a change signal or the HTTP validators of known articles often, and each of those updates had deleted
    and re-inserted the whole text in the index. Its segments are merged in small steps (m010), not in FTS5's bursts
    (automerge 0), eight at a time.  As it was released: stores already hold it, so it is not changed."""
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        """
        CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
          INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END
        """
    )
    for option, value in (("automerge", 0), ("usermerge", FTS_MERGE_SEGMENTS), ("crisismerge", FTS_CRISIS_SEGMENTS)):
        db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES (?, ?)", [option, value])


# m009 (the samples of boilerplate lines seen once cleared) was withdrawn: see storage/boilerplate.py. Stores that ran
# it keep its record, which no code reads.


@migrations()
def m010_text_index_merged_by_triggers(db: Database) -> None:
    """The merge steps are taken by the triggers that write an article's title and text (FTS_MERGE_PAGES), so every
    writer takes them: the crawl, a reclean, a user's own SQL.  Before, the store's Python code took them after its
    own writes; stores written then get the triggers here."""
    step = f"INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', {FTS_MERGE_PAGES});"
    db.execute("DROP TRIGGER IF EXISTS articles_ai")
    db.execute(
        f"""
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
          INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
          {step}
        END
        """
    )
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        f"""
        CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
          INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
          {step}
        END
        """
    )


@migrations()
def m011_story_decisions(db: Database) -> None:
    """What each story was last decided on (crawler.decision_inputs): a run whose stored inputs, seeds, settings and
    code are those of the last decision does not decide the story again."""
    db.execute(
        """
        CREATE TABLE story_decisions (
            story TEXT PRIMARY KEY,
            inputs TEXT NOT NULL,
            run_id INTEGER,
            decided_at TEXT NOT NULL
        )
        """
    )


@migrations()
def m012_staged_bands(db: Database) -> None:
    """The near-duplicate keys of the articles a crawl stores, appended here in the order stored and merged into
    `article_bands` in key order at the end of the crawl (storage.dedup_index)."""
    db.execute(
        """
        CREATE TABLE article_bands_staged (
            band INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            article_id INTEGER NOT NULL
        )
        """
    )


@migrations()
def m013_index_versions(db: Database) -> None:
    """Which definition the keys of a derived index were computed with (`article_bands`: crawler.dedup.KEY_VERSION):
    keys of another version are computed again from the stored texts (crawler.rekey)."""
    db.execute("CREATE TABLE index_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL)")


@migrations()
def m014_reclean_pending(db: Database) -> None:
    """What a re-clean must read (crawler.reclean): the article that first had each recurring line, and the stored
    articles that may hold a learned line. Lines counted before this have no first article: a site that learns
    one of them is read whole, as before."""
    db.execute("ALTER TABLE boilerplate ADD COLUMN first_article INTEGER")
    db.execute("CREATE TABLE reclean_pending (article_id INTEGER PRIMARY KEY)")
