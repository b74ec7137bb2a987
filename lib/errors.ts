// One typed error for the whole app; lib/api/respond.ts maps codes to HTTP statuses in one place.
export const APP_ERROR_CODES = [
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "csrf",
  "not_found",
  "conflict",
  "duplicate",
  "stale_version",
  "invalid_state",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "unavailable",
  "internal",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  stale_version: 409,
  invalid_state: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  // Something stored is damaged: said plainly rather than as a generic failure.
  internal: 500,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Extra JSON for the client: per-field errors, the current state on a conflict, the existing id… */
  readonly details?: Record<string, unknown>;
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (message = "You do not have permission to do this.") => new AppError("forbidden", message);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
