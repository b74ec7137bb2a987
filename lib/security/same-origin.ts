// CSRF defence for cookie-authenticated writes: the browser says where a request comes from in
// `Origin` (and `Sec-Fetch-Site`), and a page on another origin cannot forge either. Pure, so the
// decision table is unit-tested (same-origin.test.ts).

export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

type HeaderReader = { get(name: string): string | null };

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether a write came from one of `trusted` origins. `Origin` decides when present (`null`, an
 * opaque origin from a sandboxed frame, data: URL or a redirect chain, is refused); without it,
 * `Sec-Fetch-Site: same-origin` is accepted unless `requireOrigin` (server actions, whose fetch
 * always sends Origin).
 */
export function checkSameOrigin(headers: HeaderReader, trusted: readonly string[], options: { requireOrigin?: boolean } = {}): OriginVerdict {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return { ok: false, reason: "an opaque (null) origin" };
    let normalised: string;
    try {
      normalised = new URL(origin).origin;
    } catch {
      return { ok: false, reason: "a malformed Origin header" };
    }
    return trusted.includes(normalised) ? { ok: true } : { ok: false, reason: `another origin (${normalised.slice(0, 100)})` };
  }
  if (options.requireOrigin) return { ok: false, reason: "no Origin header" };
  if (headers.get("sec-fetch-site") === "same-origin") return { ok: true };
  return { ok: false, reason: "neither an Origin header nor Sec-Fetch-Site: same-origin" };
}

export function csrfMessage(reason: string): string {
  return `Refused a cookie-authenticated write from ${reason}: send it from the app's own pages or use an API token (Authorization: Bearer …).`;
}
