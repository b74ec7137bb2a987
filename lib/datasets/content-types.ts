// Content type of a dataset file from its extension; every text format is UTF-8.
const BY_EXTENSION: Record<string, string> = {
  jsonl: "application/x-ndjson; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
  tsv: "text/tab-separated-values; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  zip: "application/zip",
};

export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  return /^[a-z0-9]{1,10}$/u.test(ext) ? ext : "";
}

export function contentTypeOf(name: string): string {
  return BY_EXTENSION[extensionOf(name)] ?? "text/plain; charset=utf-8";
}

/**
 * Download name of one file of a version: "<project> v<n> <path with / as ->" plus its last
 * extension; the caller still passes it through contentDisposition (which sanitises it).
 */
export function downloadBaseName(projectName: string, version: number, fileName: string): { base: string; extension: string } {
  const found = extensionOf(fileName);
  const stem = (found ? fileName.slice(0, -(found.length + 1)) : fileName).replaceAll("/", "-");
  const extension = found || "txt";
  return { base: `${projectName} v${version} ${stem}`, extension };
}

/**
 * The {name} path parameter: stored names never contain "%" (file stems escape with "~"), so a
 * name still holding "%2F" was not decoded by the router and is decoded here once.
 */
export function decodeFileNameParam(name: string): string {
  if (!name.includes("%")) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
