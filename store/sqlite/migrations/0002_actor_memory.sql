-- 0002: the cross-document memory of actors.
--
-- An actor is a person or organisation a document's text taught something
-- about (a title, an apposition, a possessive, an "of" phrase, a nominal).
-- Its role history is a list of rows of actor_roles, one per country,
-- sector and role seen over a range of days: the same role seen again
-- extends its range, a change starts a new row. actor_evidence keeps every
-- piece of text that taught a role, with the document it came from; the
-- ranges and counts of roles and actors are kept in step with it. Days are
-- YYYY-MM-DD (the publication day of the document in its own zone), NULL
-- when the document is undated. Documents are referred to by id, not by
-- key: facts are remembered as soon as they are learned, before their
-- document is stored.

CREATE TABLE actors (
	pk         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,             -- as first written
	name_key   TEXT NOT NULL,             -- store.NameKey(name)
	type       TEXT NOT NULL,             -- PERSON, ORG, ...
	gender     TEXT NOT NULL,             -- m, f or ''
	first_seen TEXT,
	last_seen  TEXT,
	n_docs     INTEGER NOT NULL,
	UNIQUE (name_key, type)
);
CREATE INDEX actors_order ON actors(n_docs DESC, last_seen DESC, name);

-- actor_names are the keys an actor is looked up by: its whole name
-- (whole = 1) and, for people, surname variants (whole = 0).
CREATE TABLE actor_names (
	key   TEXT NOT NULL,
	actor INTEGER NOT NULL REFERENCES actors(pk) ON DELETE CASCADE,
	whole INTEGER NOT NULL,
	PRIMARY KEY (key, actor)
) WITHOUT ROWID;
CREATE INDEX actor_names_actor ON actor_names(actor);

CREATE TABLE actor_roles (
	pk         INTEGER PRIMARY KEY,
	actor      INTEGER NOT NULL REFERENCES actors(pk) ON DELETE CASCADE,
	country    TEXT NOT NULL COLLATE NOCASE,
	sector     TEXT NOT NULL COLLATE NOCASE,
	code       TEXT NOT NULL,
	role       TEXT NOT NULL,
	role_key   TEXT NOT NULL,             -- store.NameKey(role)
	first_seen TEXT,
	last_seen  TEXT,
	n_docs     INTEGER NOT NULL
);
CREATE INDEX actor_roles_actor ON actor_roles(actor);
CREATE INDEX actor_roles_key ON actor_roles(role_key, last_seen);
CREATE INDEX actor_roles_country ON actor_roles(country);
CREATE INDEX actor_roles_sector ON actor_roles(sector);

CREATE TABLE actor_evidence (
	pk         INTEGER PRIMARY KEY,
	role       INTEGER NOT NULL REFERENCES actor_roles(pk) ON DELETE CASCADE,
	actor      INTEGER NOT NULL REFERENCES actors(pk) ON DELETE CASCADE,
	doc_id     TEXT NOT NULL,             -- documents.id (the document may not be stored)
	entity     TEXT NOT NULL,             -- entity id in that document
	how        TEXT NOT NULL,             -- title, apposition, possessive, of, nominal
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	seen       TEXT,
	UNIQUE (role, doc_id, entity, span_start, span_end)
);
CREATE INDEX actor_evidence_doc ON actor_evidence(doc_id);
CREATE INDEX actor_evidence_actor ON actor_evidence(actor, doc_id);
CREATE INDEX actor_evidence_role ON actor_evidence(role, seen);
