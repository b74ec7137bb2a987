-- Dataset files stored as the raw-deflate stream a zip entry carries (encoding 'deflate'), with the
-- CRC-32 and deflated size the zip's records need; files stored before stay 'identity'.
ALTER TABLE "dataset_files"
  ADD COLUMN "encoding" TEXT NOT NULL DEFAULT 'identity',
  ADD COLUMN "crc32" BIGINT,
  ADD COLUMN "stored_bytes" BIGINT;

