import type { PreparedDocument } from "./prepare";

/**
 * brat and most Python tools read .txt files with universal newlines, turning CRLF and lone
 * CR into LF. For those formats we write the text that way ourselves and shift offsets by the
 * CRs removed before them, so offsets index the file exactly as those tools see it. A position
 * between the CR and LF of a pair maps to just before the merged LF.
 */
export type LfText = { text: string; map(offset: number): number };

export function lfText(p: PreparedDocument): LfText {
  const cps = Array.from(p.doc.text);
  // removed[i] = CRs of CRLF pairs strictly before code point i.
  const removed = new Int32Array(cps.length + 1);
  for (let i = 0; i < cps.length; i++) removed[i + 1] = (removed[i] ?? 0) + (cps[i] === "\r" && cps[i + 1] === "\n" ? 1 : 0);
  return {
    text: p.doc.text.replace(/\r\n?/gu, "\n"),
    map: (offset) => offset - (removed[offset] ?? 0),
  };
}
