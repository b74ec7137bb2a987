import "server-only";
import { NextResponse } from "next/server";
import { STATUS_BY_CODE, type AppErrorCode } from "@/lib/errors";
import type { ImportResult } from "@/lib/validation/documents";

/**
 * One article: its own status (201 imported, 409 duplicate with the existing id, 4xx failure).
 * A batch: 201 if everything was imported, else 200; each item carries its own status.
 */
export function importResponse(results: ImportResult[], single: boolean): NextResponse {
  const summary = {
    imported: results.filter((r) => r.status === "imported").length,
    duplicates: results.filter((r) => r.status === "duplicate").length,
    failed: results.filter((r) => r.status === "failed").length,
  };
  const only = results[0];
  if (single && only && only.status !== "imported") {
    if (only.status === "duplicate") {
      return NextResponse.json(
        { error: { code: "duplicate", message: `This text is already in the project as "${only.title}".`, existingId: only.existingId }, results },
        { status: 409 },
      );
    }
    const code = (only.error?.code ?? "validation_failed") as AppErrorCode;
    return NextResponse.json({ error: { ...only.error, ...(only.line ? { line: only.line } : {}) }, results }, { status: STATUS_BY_CODE[code] ?? 400 });
  }
  return NextResponse.json({ results, ...summary }, { status: summary.imported === results.length ? 201 : 200 });
}
