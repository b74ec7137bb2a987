import { z } from "zod";

// The one place that reads process.env: everything else imports `env()`.
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  ADMIN_PASSWORD: z.string().min(8, "ADMIN_PASSWORD must be at least 8 characters").optional(),
  STANCEBENCH_DATA_DIR: z.string().optional(),
  MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** The address people open in their browser; cookie-authenticated writes must come from it. */
  APP_URL: z.string().url().optional(),
  /** Interface `npm start` binds (demo mode: 127.0.0.1 unless set). */
  HOST: z.string().optional(),
  /** Connections this process keeps open to PostgreSQL for Prisma (see README "Connection pool"). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /**
   * Save-path statements prepared once per connection ("on"). "off" for a PgBouncer older than
   * 1.21 in transaction mode, which cannot route named prepared statements.
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"], { error: "DATABASE_PREPARED_STATEMENTS must be on or off" }).default("on"),
  /** Background jobs one project may run at once, over all worker processes. */
  JOBS_PER_PROJECT: z.coerce.number().int().min(1).default(2),
  /** Jobs of each kind one worker process runs at once (default: JOBS_PER_PROJECT + 1). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).optional(),
  /**
   * External suggesters may live on loopback or private addresses (10/8, 172.16/12, 192.168/16,
   * 127/8, fc00::/7 …). Off by default; link-local and metadata addresses are refused regardless.
   */
  EXTERNAL_SUGGESTERS_ALLOW_PRIVATE: z
    .enum(["0", "1", "true", "false"], { error: "EXTERNAL_SUGGESTERS_ALLOW_PRIVATE must be 1 or 0" })
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /** How long one external suggester call may take, from connecting to the last byte. */
  EXTERNAL_SUGGESTER_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${details}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Demo mode runs on the embedded database and seeds demo users; server mode uses DATABASE_URL. */
export function isDemoMode(): boolean {
  return process.env.STANCEBENCH_MODE === "demo";
}

/** Prisma's pool size for this process (DATABASE_POOL_SIZE, default 10). */
export function databasePoolSize(): number {
  return env().DATABASE_POOL_SIZE;
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it.");
  return url;
}

/** The app's public URL: APP_URL, else http://localhost:PORT. */
export function appUrl(): URL {
  return new URL(env().APP_URL ?? `http://localhost:${env().PORT}`);
}

/**
 * Origins a browser may send cookie-authenticated writes from. With APP_URL set, only its origin;
 * without it, the loopback names of the default address (localhost and 127.0.0.1 reach the same
 * server on the same port).
 */
export function trustedOrigins(): string[] {
  if (env().APP_URL) return [appUrl().origin];
  const port = env().PORT;
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

/** `next dev` (React's dev build needs eval; see lib/security/csp.ts). */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}
