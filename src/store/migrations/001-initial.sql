-- reportmill storage schema, shared by PostgreSQL and PGlite.
-- One row per document holds the current report (the full JSON, the truth for export); the child
-- tables are that report flattened for queries. Child rows are keyed by their position in the
-- report (ord), not by the report's own ids, because nothing guarantees those are unique.
-- A document is replaced as a whole when its extractor version or content changes.

CREATE TABLE documents (
  id                  text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  extractor_version   text NOT NULL,
  report_hash         text NOT NULL,
  filename            text NOT NULL,
  format              text NOT NULL,
  bytes               bigint NOT NULL,
  pages               integer NOT NULL,
  language_code       text NOT NULL,
  language_confidence double precision NOT NULL,
  language_script     text NOT NULL,
  title               text,
  organization        text,
  period_year         integer,
  period_quarter      integer,
  blob_key            text,
  report              jsonb NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_language_idx ON documents (language_code);
CREATE INDEX documents_period_idx ON documents (period_year, period_quarter);

CREATE TABLE goals (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  goal_id     text NOT NULL,
  number      text,
  title       text NOT NULL,
  PRIMARY KEY (document_id, ord)
);

CREATE TABLE measures (
  document_id       text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord               integer NOT NULL,
  measure_id        text NOT NULL,
  goal_id           text,
  number            text,
  text              text NOT NULL,
  responsible       jsonb NOT NULL,
  expected_results  jsonb NOT NULL,
  status_raw        text,
  status            text NOT NULL,
  start_date        text,  -- ISO 8601 as printed in the report; text because the model does not promise a real calendar date
  end_date          text,
  score             double precision,
  narrative         text,
  data              jsonb NOT NULL,  -- the whole measure, so fields added later survive a round trip
  PRIMARY KEY (document_id, ord)
);
CREATE INDEX measures_status_idx ON measures (status);
CREATE INDEX measures_goal_idx ON measures (document_id, goal_id);

CREATE TABLE indicators (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  measure_ord integer NOT NULL,
  ord         integer NOT NULL,
  name        text,
  baseline    text,
  target      text,
  actual      text,
  PRIMARY KEY (document_id, measure_ord, ord)
);

CREATE TABLE quantities (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  measure_ord integer NOT NULL,
  ord         integer NOT NULL,
  value       double precision NOT NULL,
  unit        text,
  text        text NOT NULL,
  PRIMARY KEY (document_id, measure_ord, ord)
);

CREATE TABLE findings (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  code        text NOT NULL,
  severity    text NOT NULL,
  message     text NOT NULL,
  location    jsonb NOT NULL,
  cause       text,
  PRIMARY KEY (document_id, ord)
);
CREATE INDEX findings_code_idx ON findings (code);

CREATE TABLE normalized_tables (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  table_id    text NOT NULL,
  pages       jsonb NOT NULL,
  header_rows integer NOT NULL,
  columns     integer NOT NULL,
  rows        integer NOT NULL,
  roles       jsonb NOT NULL,
  group_rows  jsonb NOT NULL,
  cells       jsonb NOT NULL,
  PRIMARY KEY (document_id, ord)
);

-- Documents that could not be processed. Kept apart from documents so a failed reprocess never
-- deletes a report that was stored before.
CREATE TABLE ingest_failures (
  document_id text PRIMARY KEY,
  filename    text NOT NULL,
  code        text NOT NULL,
  message     text NOT NULL,
  failed_at   timestamptz NOT NULL DEFAULT now()
);

-- Originals and stage hand-offs when the blob store lives in the database (REPORTMILL_BLOBS=database),
-- so that workers on several machines need nothing shared but Redis and PostgreSQL.
CREATE TABLE blobs (
  key        text PRIMARY KEY,
  bytes      bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
