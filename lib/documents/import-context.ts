/**
 * What every importer (plain articles, native JSONL, Label Studio) receives. Its own file so the
 * per-format importers and the dispatcher in import-files.ts both import it without importing each other.
 *
 * `deferSuggestions`: the caller queues suggestions itself (a background batch queues one run at its end).
 * `importKeyPrefix`: set by a background import ("<task id>:<file id>"); each document remembers
 * its line under it, so a batch re-run after a crash recognises the lines it stored before.
 */
export type ImportContext = { projectId: string; userId: string | null; deferSuggestions?: boolean; importKeyPrefix?: string; lineOffset?: number };

/**
 * Options of the transaction that stores one annotated document with its layers and audit events:
 * a long article can carry thousands of spans, more than Prisma's default 5 s allows on a busy machine.
 */
export const IMPORT_TRANSACTION = { timeout: 60_000 } as const;

/** The key a document stored from `line` (1-based, within this part of the file) carries. */
export function importKeyOf(ctx: ImportContext, line: number | undefined): string | null {
  return ctx.importKeyPrefix ? `${ctx.importKeyPrefix}:${(line ?? 0) + (ctx.lineOffset ?? 0)}` : null;
}
