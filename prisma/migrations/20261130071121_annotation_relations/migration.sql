-- CreateTable
CREATE TABLE "annotation_relations" (
    "id" TEXT NOT NULL,
    "document_id" TEXT NOT NULL,
    "layer" "AnnotationLayer" NOT NULL,
    "author_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "from_id" TEXT NOT NULL,
    "to_id" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'manual',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "annotation_relations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "annotation_relations_document_id_layer_author_id_idx" ON "annotation_relations"("document_id", "layer", "author_id");

-- CreateIndex
CREATE INDEX "annotation_relations_to_id_idx" ON "annotation_relations"("to_id");

-- CreateIndex
CREATE UNIQUE INDEX "annotation_relations_from_id_to_id_type_key" ON "annotation_relations"("from_id", "to_id", "type");

-- AddForeignKey
ALTER TABLE "annotation_relations" ADD CONSTRAINT "annotation_relations_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_relations" ADD CONSTRAINT "annotation_relations_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_relations" ADD CONSTRAINT "annotation_relations_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

