-- AlterTable
ALTER TABLE "users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "user_audit_events" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" TEXT,
    "target_user_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "user_audit_events_target_user_id_created_at_idx" ON "user_audit_events"("target_user_id", "created_at");

-- CreateIndex
CREATE INDEX "user_audit_events_created_at_idx" ON "user_audit_events"("created_at");

