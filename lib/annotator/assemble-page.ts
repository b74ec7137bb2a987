import type { DocumentTextDto } from "@/lib/validation/document-text";
import type { AnnotatorPageData, AnnotatorShell } from "./load-annotator-page";
import { rowsOf } from "./text-rows";

/** The page's first render plus the document's text: what the annotator works with. */
export function assemblePage(shell: AnnotatorShell, content: DocumentTextDto): AnnotatorPageData {
  const { boilerplate, layerOwner, annotations, document, ...rest } = shell;
  return {
    ...rest,
    document: { ...document, text: content.text },
    sentences: rowsOf(content.sentences, boilerplate),
    annotations: annotations.map((a) => ({ ...a, documentId: document.id, layer: layerOwner.layer, authorId: a.authorId ?? layerOwner.authorId ?? "", text: null })),
  };
}
