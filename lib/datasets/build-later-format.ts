import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import { pgTransaction } from "@/lib/db/sql";
import { createWriters } from "@/lib/export/all-formats";
import { readNativeJsonl, NATIVE_FILE } from "@/lib/formats/native/jsonl";
import type { AgreementFigure, ExportContext } from "@/lib/export/types";
import type { ExportFormat } from "@/lib/validation/datasets";
import { DatasetFileStore, onClient } from "./file-store";
import { readFileLines } from "./read-chunks";

type StoredManifest = {
  project: string;
  dataset_version: number;
  created_at: string;
  license: string | null;
  source_description: string | null;
  schema: unknown;
  stance_targets: string[];
  agreement: AgreementFigure[];
};

/** The writers' context as it was when the version was built, from its manifest. */
function contextOf(m: StoredManifest): ExportContext {
  return {
    projectName: m.project,
    datasetVersion: m.dataset_version,
    createdAt: m.created_at,
    schema: m.schema,
    license: m.license,
    sourceDescription: m.source_description,
    stanceTargets: m.stance_targets,
  };
}

/**
 * Builds one format of a finished version from its stored native JSONL (lossless, so the format
 * describes exactly the version's snapshot, whatever changed in the project since) and its
 * manifest. One transaction on one connection: the version row is locked, every read and write
 * goes through it, and the files and `later_formats` appear together or not at all, so a crash
 * leaves nothing half-built and the retried job starts over.
 */
export async function buildLaterFormat(versionId: string, format: ExportFormat): Promise<"built" | "exists" | "missing"> {
  return pgTransaction(async (client) => {
    const { rows } = await client.query<{ formats: string[]; later_formats: string[]; manifest: StoredManifest | null; status: string; native: string | null }>(
      `SELECT v.formats, v.later_formats, v.manifest, v.status::text AS status,
              (SELECT f.id FROM dataset_files f WHERE f.dataset_version_id = v.id AND f.name = $2) AS native
       FROM dataset_versions v WHERE v.id = $1 FOR UPDATE`,
      [versionId, NATIVE_FILE],
    );
    const v = rows[0];
    if (!v || v.status !== "DONE" || !v.manifest || !v.native) return "missing";
    if (v.formats.includes(format) || v.later_formats.includes(format)) return "exists";
    const ctx = contextOf(v.manifest);
    const [writer] = createWriters([format]);
    const store = new DatasetFileStore(versionId, onClient(client));
    store.add(writer!.format, writer!.begin(ctx));
    for await (const line of readFileLines(v.native, client)) {
      if (line === "") continue;
      store.add(writer!.format, writer!.document(readNativeJsonl(line)));
      if (store.full) await store.flush();
    }
    store.add(writer!.format, writer!.end({ agreement: v.manifest.agreement ?? [] }));
    await store.finish();
    await client.query("UPDATE dataset_versions SET later_formats = array_append(later_formats, $2) WHERE id = $1", [versionId, format]);
    return "built";
  }, pgPool());
}
