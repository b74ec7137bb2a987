// Links from a chart to its data: the API's CSV of the same view and the search listing the
// annotations behind a bar or cell (same filters, scope=annotations).

export type Filters = Record<string, string>;

export function csvHref(projectId: string, view: string, filters: Filters, extra: Filters = {}): string {
  return `/api/v1/projects/${projectId}/analytics/${view}?${new URLSearchParams({ ...filters, ...extra, format: "csv" })}`;
}

export function drillHref(projectId: string, filters: Filters, extra: Filters = {}): string {
  const params: Filters = { layer: "gold", ...filters, ...extra, scope: "annotations" };
  return `/projects/${projectId}/search?${new URLSearchParams(params)}`;
}
