import type { ReviewView } from "@/lib/review/review-types";

export type ApiError = { code: string; message: string; current?: unknown; open?: OpenMatch[]; fields?: Record<string, string[]> };
export type OpenMatch = { matchKey: string; kind: string; type: string; start: number | null; end: number | null; sentenceIndex: number | null; differences: string[] };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** JSON call to /api/v1; errors come back as the API's error object, never thrown. */
export async function callApi<T>(url: string, post?: { body?: unknown }): Promise<ApiResult<T>> {
  try {
    const res = await fetch(
      url,
      post ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(post.body ?? {}) } : { cache: "no-store" },
    );
    const data = (await res.json()) as unknown;
    if (res.ok) return { ok: true, data: data as T };
    const error = (data as { error?: ApiError }).error;
    return { ok: false, error: error ?? { code: "internal", message: "The server refused the request." } };
  } catch {
    return { ok: false, error: { code: "network", message: "Could not reach the server; check your connection and try again." } };
  }
}

export const fetchReview = (documentId: string) => callApi<ReviewView>(`/api/v1/documents/${documentId}/review`);

/** The first field message of a 400, else the error message. */
export function describeError(error: ApiError): string {
  const field = error.fields ? Object.entries(error.fields)[0] : undefined;
  return field ? `${field[0]}: ${field[1][0] ?? error.message}` : error.message;
}
