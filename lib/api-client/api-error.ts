/**
 * The browser's view of a failed `/api/v1` call. The server answers every error with
 * `{error: {code, message, fields?, …}}` (lib/api/handler.ts); this turns that body — or a body
 * that is not that shape (a proxy's HTML page, an empty 502) — into one typed error.
 */
import { APP_ERROR_CODES, type AppErrorCode } from "@/lib/errors";

export type ApiErrorCode =
  | AppErrorCode
  /** An unexpected failure on the server (the one code AppError never carries). */
  | "internal"
  /** No answer at all: offline, DNS, connection reset. */
  | "network"
  /** A 2xx answer that does not match the response schema. */
  | "bad_response";

const KNOWN = new Set<string>([...APP_ERROR_CODES, "internal"]);

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** Field path → messages, as the shared zod schemas report them. */
  readonly fields: Record<string, string[]>;
  /** Everything else the server put in `error` (existingId, current state…). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: ApiErrorCode, message: string, fields: Record<string, string[]> = {}, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }

  /** The first message for a field, else the overall message: what a form shows next to an input. */
  messageFor(field: string): string {
    return this.fields[field]?.[0] ?? this.message;
  }
}

/** The code a status means when the body does not say (mirrors the server's status table). */
function codeOfStatus(status: number): ApiErrorCode {
  if (status === 400 || status === 422) return "validation_failed";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 429) return "rate_limited";
  if (status === 503) return "unavailable";
  return "internal";
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/**
 * The ApiError for a non-2xx answer: the server's code and message when the body carries them,
 * else `fallback` (a sentence for the user, never the raw body) with the code the status implies.
 */
export function apiErrorOf(status: number, body: unknown, fallback: string): ApiError {
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== "object" || error === null) return new ApiError(status, codeOfStatus(status), fallback);
  const { code, message, fields, ...details } = error as Record<string, unknown>;
  const cleanFields: Record<string, string[]> = {};
  if (typeof fields === "object" && fields !== null) {
    for (const [key, messages] of Object.entries(fields)) if (isStringList(messages)) cleanFields[key] = messages;
  }
  return new ApiError(
    status,
    typeof code === "string" && KNOWN.has(code) ? (code as ApiErrorCode) : codeOfStatus(status),
    typeof message === "string" && message.trim() ? message : fallback,
    cleanFields,
    details,
  );
}

/** The message to show for anything a call threw (an ApiError, or a bug in the caller). */
export function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** Like messageOf, but a refused input names its first field ("reason: A reason is required…"). */
export function fieldMessageOf(error: unknown, fallback: string): string {
  const field = error instanceof ApiError ? Object.entries(error.fields)[0] : undefined;
  return field ? `${field[0]}: ${field[1][0] ?? (error as ApiError).message}` : messageOf(error, fallback);
}
