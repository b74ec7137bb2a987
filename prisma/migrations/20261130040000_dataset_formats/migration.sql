-- Formats built with each dataset version (the rest are built at first request). Versions made
-- before the choice existed were built with every format.
ALTER TABLE "dataset_versions" ADD COLUMN "formats" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
UPDATE "dataset_versions" SET "formats" = ARRAY['native-jsonl','spans-jsonl','sentences-csv','spans-csv','brat','attribution','stance-tsv','checkworthy-tsv','semeval2020','huggingface','label-studio'];
-- Formats built later, at first request, from the version's native JSONL.
ALTER TABLE "dataset_versions" ADD COLUMN "later_formats" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
