-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "import_key" TEXT;

-- CreateTable
CREATE TABLE "task_units" (
    "id" TEXT NOT NULL,
    "task_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "file_id" TEXT,
    "first_line" INTEGER NOT NULL DEFAULT 0,
    "content" BYTEA,
    "encoding" TEXT NOT NULL DEFAULT 'utf-8',
    "native" BOOLEAN NOT NULL DEFAULT false,
    "document_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "result" JSONB,

    CONSTRAINT "task_units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_claims" (
    "job_id" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "project_id" TEXT,
    "worker_key" INTEGER NOT NULL,
    "claimed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_claims_pkey" PRIMARY KEY ("job_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "task_units_task_id_position_key" ON "task_units"("task_id", "position");

-- CreateIndex
CREATE INDEX "job_claims_project_id_idx" ON "job_claims"("project_id");

