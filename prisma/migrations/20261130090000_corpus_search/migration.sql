-- Corpus search. Each sentence row carries its own text and its document's language, written by
-- the application in the same statement that stores the sentence (it holds the document text in
-- memory, so slicing is linear). PostgreSQL derives the tsvector from them as a stored generated
-- column, so COPY and INSERT fill the index without a trigger reading documents.text per row (a
-- per-row substr of a 2 MB text is quadratic). Annotations and gold are searched in place.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The text-search configuration for a document language: stemming and stop words for English and
-- Russian, plain lower-cased words otherwise.
CREATE FUNCTION stancebench_ts_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lower(split_part(coalesce(language, ''), '-', 1))
    WHEN 'en' THEN 'english'::regconfig
    WHEN 'ru' THEN 'russian'::regconfig
    ELSE 'simple'::regconfig END
$$;

ALTER TABLE "sentences" ADD COLUMN "text" TEXT, ADD COLUMN "language" TEXT;

-- Existing sentences, once, in time linear in the text: one row per character of each sentence
-- (generate_series over its range) joined by position, instead of a substr per sentence.
WITH chars AS (
  SELECT d.id AS document_id, c.ch, c.pos - 1 AS pos
  FROM documents d CROSS JOIN LATERAL regexp_split_to_table(d.text, '') WITH ORDINALITY AS c(ch, pos)
  WHERE EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)
), positions AS (
  SELECT s.id, s.document_id, g.pos FROM sentences s CROSS JOIN LATERAL generate_series(s.start, s."end" - 1) AS g(pos)
), texts AS (
  SELECT p.id, string_agg(c.ch, '' ORDER BY p.pos) AS text
  FROM positions p JOIN chars c ON c.document_id = p.document_id AND c.pos = p.pos GROUP BY p.id
)
UPDATE sentences s SET "text" = t.text, "language" = d.language
FROM texts t, documents d WHERE t.id = s.id AND d.id = s.document_id;
-- A zero-length sentence has no characters, so no texts row: the empty string.
UPDATE sentences s SET "text" = '', "language" = d.language FROM documents d WHERE d.id = s.document_id AND s."text" IS NULL;

ALTER TABLE "sentences" ALTER COLUMN "text" SET NOT NULL, ALTER COLUMN "language" SET NOT NULL;

-- The first 100,000 characters of a sentence are full-text indexed: a tsvector is capped at 1 MB,
-- and a hostile line without sentence ends can be one multi-megabyte "sentence" (exact mode,
-- through the trigram index, still finds text past that point).
ALTER TABLE "sentences" ADD COLUMN "tsv" TSVECTOR
  GENERATED ALWAYS AS (to_tsvector(stancebench_ts_config("language"), left("text", 100000))) STORED;
CREATE INDEX "sentences_tsv_idx" ON "sentences" USING GIN ("tsv");
-- Statistics on the configuration expression the search conditions test, so the planner knows
-- how many sentences each language has (without them it guesses 0.5 % and picks nested loops).
CREATE STATISTICS "sentences_ts_config_stats" ON (stancebench_ts_config("language")) FROM "sentences";
CREATE INDEX "sentences_text_trgm_idx" ON "sentences" USING GIN ("text" gin_trgm_ops);

-- A corrected document language re-stems its sentences (the generated column follows).
CREATE FUNCTION stancebench_document_language_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sentences SET "language" = NEW.language WHERE document_id = NEW.id AND "language" IS DISTINCT FROM NEW.language;
  RETURN NULL;
END $$;
CREATE TRIGGER "documents_search_language" AFTER UPDATE OF "language" ON "documents"
  FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language) EXECUTE FUNCTION stancebench_document_language_update();

-- Filters of search and analytics.
CREATE INDEX "annotations_document_id_start_idx" ON "annotations"("document_id", "start");
CREATE INDEX "documents_project_id_published_at_idx" ON "documents"("project_id", "published_at");

-- CreateTable
CREATE TABLE "saved_searches" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_searches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "saved_searches_project_id_created_at_idx" ON "saved_searches"("project_id", "created_at");

-- AddForeignKey
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
