export { suggestForDocument } from "./suggest";
export { proposeMerges, EntityIndex } from "./entities";
export { foldName, translitKey, compactKey, namesLikelySame } from "./names";
export { jaroWinkler, levenshtein, levenshteinRatio } from "./similarity";
export { buildOffsetIndex, sliceCodePoints } from "./offsets";
export type * from "./types";
