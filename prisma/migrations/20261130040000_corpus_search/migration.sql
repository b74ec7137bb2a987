-- Corpus search: a per-sentence search table kept in step with sentences and documents by
-- triggers (so every import path, COPY included, fills it), full-text and trigram indexes on it,
-- and saved searches per project. `sentence_search` is deliberately not a Prisma model: only
-- lib/search reads it, with SQL, and nothing writes it but the triggers below.
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

CREATE TABLE "sentence_search" (
    "sentence_id" INTEGER NOT NULL,
    "document_id" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "config" REGCONFIG NOT NULL,
    "tsv" TSVECTOR NOT NULL,
    CONSTRAINT "sentence_search_pkey" PRIMARY KEY ("sentence_id"),
    CONSTRAINT "sentence_search_sentence_id_fkey" FOREIGN KEY ("sentence_id") REFERENCES "sentences"("id") ON DELETE CASCADE
);
CREATE INDEX "sentence_search_document_id_idx" ON "sentence_search"("document_id");
CREATE INDEX "sentence_search_tsv_idx" ON "sentence_search" USING GIN ("tsv");
CREATE INDEX "sentence_search_content_trgm_idx" ON "sentence_search" USING GIN ("content" gin_trgm_ops);

-- New sentences (one statement may insert thousands): one join with their documents per statement.
CREATE FUNCTION stancebench_sentence_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sentence_search (sentence_id, document_id, content, config, tsv)
  SELECT n.id, n.document_id, x.content, x.config, to_tsvector(x.config, x.content)
  FROM new_rows n
  JOIN documents d ON d.id = n.document_id
  CROSS JOIN LATERAL (SELECT substr(d.text, n.start + 1, n."end" - n.start) AS content,
                             stancebench_ts_config(d.language) AS config) x
  ON CONFLICT (sentence_id) DO UPDATE SET content = EXCLUDED.content, config = EXCLUDED.config, tsv = EXCLUDED.tsv;
  RETURN NULL;
END $$;
CREATE TRIGGER "sentences_search_insert" AFTER INSERT ON "sentences"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stancebench_sentence_search_insert();

-- Offsets never change in practice (the text is immutable), but keep the index honest if they do.
CREATE FUNCTION stancebench_sentence_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sentence_search s SET content = x.content, tsv = to_tsvector(s.config, x.content)
  FROM new_rows n JOIN documents d ON d.id = n.document_id
  CROSS JOIN LATERAL (SELECT substr(d.text, n.start + 1, n."end" - n.start) AS content) x
  WHERE s.sentence_id = n.id AND s.content IS DISTINCT FROM x.content;
  RETURN NULL;
END $$;
CREATE TRIGGER "sentences_search_update" AFTER UPDATE ON "sentences"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stancebench_sentence_search_update();

-- A corrected document language re-stems its sentences.
CREATE FUNCTION stancebench_document_language_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF stancebench_ts_config(NEW.language) IS DISTINCT FROM stancebench_ts_config(OLD.language) THEN
    UPDATE sentence_search SET config = stancebench_ts_config(NEW.language),
                               tsv = to_tsvector(stancebench_ts_config(NEW.language), content)
    WHERE document_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "documents_search_language" AFTER UPDATE OF "language" ON "documents"
  FOR EACH ROW EXECUTE FUNCTION stancebench_document_language_update();

-- Existing sentences.
INSERT INTO sentence_search (sentence_id, document_id, content, config, tsv)
SELECT s.id, s.document_id, x.content, x.config, to_tsvector(x.config, x.content)
FROM sentences s JOIN documents d ON d.id = s.document_id
CROSS JOIN LATERAL (SELECT substr(d.text, s.start + 1, s."end" - s.start) AS content,
                           stancebench_ts_config(d.language) AS config) x;

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
