-- CreateTable
CREATE TABLE "external_suggesters" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "token" TEXT,
    "last_error" TEXT,
    "last_error_at" TIMESTAMP(3),
    "last_ok_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_suggesters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "external_suggesters_project_id_name_key" ON "external_suggesters"("project_id", "name");

-- AddForeignKey
ALTER TABLE "external_suggesters" ADD CONSTRAINT "external_suggesters_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
