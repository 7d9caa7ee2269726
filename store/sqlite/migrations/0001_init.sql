-- 0001: documents and every layer of their analysis.
--
-- Each document is one row of documents; its layers hang off it by the
-- integer key documents.pk. Sentences and tokens, which nobody queries by
-- SQL, are kept compactly in documents.layers (see layers.go). The text is a
-- BLOB so that invalid UTF-8 survives byte for byte, and spans (byte
-- offsets) can be cut from it with substr().
--
-- Later migrations add tables beside these (a cross-document actor memory:
-- people and organisations with role, country, dates seen and evidence,
-- referencing documents.pk and entities.pk) without changing them.

CREATE TABLE documents (
	pk             INTEGER PRIMARY KEY,
	id             TEXT NOT NULL UNIQUE,
	url            TEXT UNIQUE,           -- NULL when unknown
	content_hash   BLOB NOT NULL UNIQUE,  -- SHA-256 of text
	source         TEXT NOT NULL COLLATE NOCASE,
	title          TEXT NOT NULL,
	published      TEXT,                  -- RFC 3339 in its own zone; NULL when unknown
	published_unix INTEGER,               -- seconds, for ordering
	published_day  TEXT,                  -- YYYY-MM-DD in its own zone, for filtering
	language       TEXT NOT NULL,
	text           BLOB NOT NULL,
	layers         BLOB NOT NULL,         -- sentences and tokens, encoded
	n_sentences    INTEGER NOT NULL,
	n_tokens       INTEGER NOT NULL,
	n_entities     INTEGER NOT NULL,
	n_events       INTEGER NOT NULL,
	n_problems     INTEGER NOT NULL,
	ingested       TEXT NOT NULL          -- RFC 3339, UTC
);
-- Listing order: by publication time (unknown last), id.
CREATE INDEX documents_order ON documents((published_unix IS NULL), published_unix, id);
CREATE INDEX documents_day ON documents(published_day);
CREATE INDEX documents_source ON documents(source);

CREATE TABLE entities (
	pk            INTEGER PRIMARY KEY,
	doc           INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
	seq           INTEGER NOT NULL,       -- position in Document.Entities
	id            TEXT NOT NULL,
	type          TEXT NOT NULL,
	name          TEXT NOT NULL,
	actor_country TEXT COLLATE NOCASE,    -- actor_* NULL when the entity has no actor
	actor_sector  TEXT COLLATE NOCASE,
	actor_code    TEXT,
	place_name    TEXT,                   -- place_* NULL when the entity is no place
	place_country TEXT,
	place_lat     REAL,
	place_lon     REAL,
	place_feature TEXT,
	place_id      TEXT,
	UNIQUE (doc, id),
	UNIQUE (doc, seq)
);
CREATE INDEX entities_country ON entities(actor_country);
CREATE INDEX entities_sector ON entities(actor_sector);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE mentions (
	entity     INTEGER NOT NULL REFERENCES entities(pk) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	PRIMARY KEY (entity, seq)
) WITHOUT ROWID;

CREATE TABLE times (
	doc        INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	type       TEXT NOT NULL,
	value      TEXT NOT NULL,
	PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE quotes (
	doc           INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
	seq           INTEGER NOT NULL,
	span_start    INTEGER NOT NULL,
	span_end      INTEGER NOT NULL,
	cue_start     INTEGER NOT NULL,
	cue_end       INTEGER NOT NULL,
	speaker       TEXT NOT NULL,          -- entity id, "" when unknown or anonymous
	speaker_start INTEGER,                -- NULL when no mention names the speaker
	speaker_end   INTEGER,
	anonymous     INTEGER NOT NULL,
	direct        INTEGER NOT NULL,
	PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE problems (
	doc        INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	stage      TEXT NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	msg        TEXT NOT NULL,
	PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE events (
	pk             INTEGER PRIMARY KEY,
	doc            INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
	seq            INTEGER NOT NULL,      -- position in Document.Events
	doc_id         TEXT NOT NULL,         -- documents.id, copied for ordering by index
	id             TEXT NOT NULL,
	plover         TEXT NOT NULL COLLATE NOCASE,
	mode           TEXT NOT NULL,
	context        TEXT,                  -- JSON array; NULL when empty
	cameo          TEXT NOT NULL,
	quad_class     INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	date           TEXT NOT NULL,
	date_precision TEXT NOT NULL,
	date_source    TEXT NOT NULL,
	date_start     TEXT,                  -- first and last day the event may fall on
	date_end       TEXT,                  -- (its date, else the publication date); NULL when neither
	loc_name       TEXT,                  -- loc_* NULL when the location is unknown
	loc_country    TEXT,
	loc_lat        REAL,
	loc_lon        REAL,
	modality       TEXT NOT NULL COLLATE NOCASE,
	attributed_to  TEXT NOT NULL,
	evidence_start INTEGER NOT NULL,
	evidence_end   INTEGER NOT NULL,
	trigger_start  INTEGER NOT NULL,
	trigger_end    INTEGER NOT NULL,
	rule           TEXT NOT NULL,
	UNIQUE (doc, seq)
);
-- Listing order: by date (undated last), document id, position.
CREATE INDEX events_order ON events((date_start IS NULL), date_start, doc_id, seq);
CREATE INDEX events_date_end ON events(date_end);
CREATE INDEX events_plover ON events(plover);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_modality ON events(modality);

-- event_actors lists the actors (side 0) and recipients (side 1) of each
-- event by entity id; an id that names no entity of the document is kept.
CREATE TABLE event_actors (
	event     INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
	side      INTEGER NOT NULL,           -- 0 actor, 1 recipient
	seq       INTEGER NOT NULL,
	doc       INTEGER NOT NULL,
	entity_id TEXT NOT NULL,
	PRIMARY KEY (event, side, seq)
) WITHOUT ROWID;
CREATE INDEX event_actors_entity ON event_actors(doc, entity_id);

-- Full-text indexes. Contentless: the text lives in documents.text; rowid
-- is documents.pk and events.pk respectively.
CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text, content='', contentless_delete=1,
	tokenize='porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE events_fts USING fts5(
	evidence, content='', contentless_delete=1,
	tokenize='porter unicode61 remove_diacritics 2'
);
