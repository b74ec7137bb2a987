// Reads the sample articles in prisma/seed-data for tests.
import { readFileSync } from "node:fs";
import path from "node:path";

export const CORPUS = {
  globalPartners: "000_b6d02cbe4d3cd247.txt",
  saenko: "001_76e662822ce1a712.txt",
  wangYi: "002_3170f47b669f6bdd.txt",
  cnnInosmi: "003_cd31678b99444365.txt",
  moscowPost: "004_b51bea047a2feabe.txt",
} as const;

export function readCorpus(name: keyof typeof CORPUS): string {
  return readFileSync(path.resolve(__dirname, "../../prisma/seed-data", CORPUS[name]), "utf8");
}
