import type { z } from "zod";
import { ApiError, apiErrorOf } from "./api-error";

export const OFFLINE_MESSAGE = "The server could not be reached. Check your connection and try again.";

type RequestOptions<S extends z.ZodType> = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Sent as JSON. */
  json?: unknown;
  /** The response schema (a zod schema shared with the route's catalog entry). */
  schema: S;
  /**
   * A hand-written check used instead of the schema at run time (the schema still gives the
   * type): for a large answer on the page's critical path. Returns null when the body does not fit.
   */
  check?: (body: unknown) => z.output<S> | null;
  /** What the user reads when the server gives no message of its own. */
  fallback: string;
  /** What the user reads when there is no answer at all. */
  offline?: string;
  /** The browser cache mode; "no-store" unless the URL is immutable (a versioned, preloaded answer). */
  cache?: RequestCache;
};

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * One `/api/v1` call from the browser: the session cookie goes along (same origin), a non-2xx
 * answer throws an ApiError, a 2xx answer is checked against the response schema and typed by it.
 */
export async function apiRequest<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? (options.json === undefined ? "GET" : "POST"),
      cache: options.cache ?? "no-store",
      ...(options.json === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(options.json) }),
    });
  } catch {
    throw new ApiError(0, "network", options.offline ?? OFFLINE_MESSAGE);
  }
  let body: unknown;
  try {
    body = await readBody(res);
  } catch {
    throw new ApiError(0, "network", options.offline ?? OFFLINE_MESSAGE);
  }
  return resultOf(res.status, body, options);
}

/** A finished answer (from fetch or XMLHttpRequest) → the typed data, or an ApiError. */
export function resultOf<S extends z.ZodType>(status: number, body: unknown, options: { schema: S; fallback: string; check?: (body: unknown) => z.output<S> | null }): z.output<S> {
  if (status < 200 || status > 299) throw apiErrorOf(status, body, options.fallback);
  if (options.check) {
    const checked = options.check(body);
    if (checked === null) throw new ApiError(status, "bad_response", options.fallback);
    return checked;
  }
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) throw new ApiError(status, "bad_response", options.fallback);
  return parsed.data;
}
