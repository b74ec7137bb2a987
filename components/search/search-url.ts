// The search's state lives in the URL (the API's own parameter names), so every search is a link.

export type QueryState = Record<string, string>;

export const FILTER_LABELS: Record<string, string> = {
  mode: "Mode",
  scope: "Scope",
  type: "Type",
  speaker: "Speaker",
  target: "Target",
  stance: "Stance",
  layer: "Layer",
  state: "State",
  source: "Source",
  language: "Language",
  from: "From",
  to: "To",
  boilerplate: "Boilerplate",
};

export function queryString(state: QueryState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value !== "" && key !== "cursor") params.set(key, value);
  return params.toString();
}

export function withFilter(state: QueryState, key: string, value: string | null): QueryState {
  const next = { ...state };
  if (value === null || value === "") delete next[key];
  else next[key] = value;
  return next;
}

export function searchHref(projectId: string, state: QueryState): string {
  const qs = queryString(state);
  return `/projects/${projectId}/search${qs ? `?${qs}` : ""}`;
}

export function readerHref(projectId: string, hit: { documentId: string; start: number; end: number }): string {
  return `/projects/${projectId}/documents/${hit.documentId}/read?start=${hit.start}&end=${hit.end}`;
}
