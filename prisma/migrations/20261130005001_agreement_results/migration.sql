-- AlterEnum
ALTER TYPE "TaskKind" ADD VALUE 'AGREEMENT';

-- CreateTable
CREATE TABLE "agreement_results" (
    "project_id" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "data_version" BIGINT NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL,
    "task_id" TEXT NOT NULL,

    CONSTRAINT "agreement_results_pkey" PRIMARY KEY ("project_id")
);

-- CreateIndex
CREATE INDEX "audit_events_project_id_id_idx" ON "audit_events"("project_id", "id");

-- AddForeignKey
ALTER TABLE "agreement_results" ADD CONSTRAINT "agreement_results_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

