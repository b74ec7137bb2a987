import type { AnnotatorShell, ShellAnnotation } from "./load-annotator-page";
import { packRows, unpackRows, type PackedRows } from "./packed-rows";

/** The annotator shell as the page sends it: the layer's annotations as columns (see packed-rows). */
export type PackedAnnotatorShell = Omit<AnnotatorShell, "annotations"> & { annotations: PackedRows<ShellAnnotation> };

export function packShell(shell: AnnotatorShell): PackedAnnotatorShell {
  return { ...shell, annotations: packRows(shell.annotations) };
}

/** Back to the shell the annotator components take, unchanged in shape. */
export function unpackShell(packed: PackedAnnotatorShell): AnnotatorShell {
  return { ...packed, annotations: unpackRows(packed.annotations) };
}
