// Loads the seed articles for tests (read-only).
import fs from "node:fs";
import path from "node:path";

export const SEED_DIR = path.resolve(__dirname, "../../prisma/seed-data");

export function article(prefix: string): string {
  const file = fs.readdirSync(SEED_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed article ${prefix}`);
  return fs.readFileSync(path.join(SEED_DIR, file), "utf8");
}

export function allArticles(): Array<{ file: string; text: string }> {
  return fs
    .readdirSync(SEED_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => ({ file, text: fs.readFileSync(path.join(SEED_DIR, file), "utf8") }));
}

/** The line of an article containing `needle` (tests use real corpus sentences). */
export function lineWith(text: string, needle: string): string {
  const line = text.split("\n").find((l) => l.includes(needle));
  if (line === undefined) throw new Error(`corpus has no line with ${needle}`);
  return line.trim();
}
