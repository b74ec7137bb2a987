-- CreateTable
CREATE TABLE "suggestion_rule_decisions" (
    "project_id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suggestion_rule_decisions_pkey" PRIMARY KEY ("project_id","rule")
);

-- AddForeignKey
ALTER TABLE "suggestion_rule_decisions" ADD CONSTRAINT "suggestion_rule_decisions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Decisions made before this table existed.
INSERT INTO "suggestion_rule_decisions" ("project_id", "rule", "accepted", "rejected")
SELECT d."project_id", s."rule",
       count(*) FILTER (WHERE s."status" = 'ACCEPTED')::int,
       count(*) FILTER (WHERE s."status" = 'REJECTED')::int
FROM "suggestions" s JOIN "documents" d ON d."id" = s."document_id"
WHERE s."status" <> 'PENDING'
GROUP BY d."project_id", s."rule";
