// The annotator's sentence rows, built once from the text answer's [index, start, end] tuples.

/** One sentence as the annotator draws and navigates it; `pos` is its place in the full list. */
export type Row = { index: number; start: number; end: number; boilerplate: boolean; pos: number };

/**
 * Rows straight from the tuples, in one loop into a preallocated array: a long document has
 * 20,000 sentences, and this runs between the text's arrival and the first render.
 */
export function rowsOf(sentences: readonly (readonly [number, number, number])[], boilerplate: readonly number[]): Row[] {
  const marked = new Set(boilerplate);
  const rows = new Array<Row>(sentences.length);
  for (let pos = 0; pos < sentences.length; pos++) {
    const [index, start, end] = sentences[pos]!;
    rows[pos] = { index, start, end, boilerplate: marked.has(index), pos };
  }
  return rows;
}
