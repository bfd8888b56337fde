-- keyfig database schema, version 1: the articles, their claims and the numbers set aside.
-- keyfig runs this file on an empty database (SQLite or PostgreSQL: only types and statements
-- both understand), then records the version in schema_version. A later version goes in
-- schema_v2.sql, holding only the changes from version 1; keyfig applies the missing ones in order.

CREATE TABLE schema_version (version INTEGER NOT NULL);

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,       -- article.id of the claims JSON
    source      TEXT,
    title       TEXT,
    date        TEXT,                   -- YYYY-MM-DD, or NULL when the article gives none
    items       INTEGER,
    url         TEXT,
    format      TEXT
);

-- One row per number: claims ("claim" 1) and, where the JSON had them (extract --all, or
-- extract --db, which always keeps them), the numbers set aside ("claim" 0, with a reason).
CREATE TABLE claims (
    article     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id          INTEGER NOT NULL,       -- the claim's id within its article
    claim       INTEGER NOT NULL,
    reason      TEXT,
    value       DOUBLE PRECISION,
    value_text  TEXT,
    unit        TEXT,
    kind        TEXT,
    subject     TEXT,
    approx      TEXT,
    range_low   DOUBLE PRECISION,
    range_high  DOUBLE PRECISION,
    change_direction TEXT,
    change_from DOUBLE PRECISION,
    change_basis TEXT,
    span_start  BIGINT,
    span_end    BIGINT,
    byte_start  BIGINT,
    byte_end    BIGINT,
    text        TEXT,
    sentence    TEXT,
    item        INTEGER,
    rule        TEXT,
    subject_rule TEXT,
    page        INTEGER,
    bbox        TEXT,                   -- [x, y, width, height] as JSON text, or NULL
    -- folded keys, for grouping beside the text as written
    subject_key TEXT,                   -- subject, traditional->simplified, full-width folded
    unit_key    TEXT,                   -- unit, folded the same way
    value_base  DOUBLE PRECISION,       -- value in the kind's base unit (元 米 千克 秒 平方米 升), where the unit has a factor
    period      TEXT,                   -- the date named in the claim's sentence (folded), or NULL
    PRIMARY KEY (article, id)
);

CREATE INDEX claims_subject ON claims (subject_key);
CREATE INDEX claims_unit ON claims (unit_key);
CREATE INDEX claims_kind ON claims (kind);
CREATE INDEX claims_article ON claims (article);
CREATE INDEX articles_date ON articles (date);
