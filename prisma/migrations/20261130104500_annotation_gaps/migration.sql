-- Discontinuous spans: inner ranges a span excludes, [{"start":…,"end":…}] in code points,
-- sorted and strictly inside [start, end). NULL: a contiguous span (every existing row).
ALTER TABLE "annotations" ADD COLUMN "gaps" JSONB;
