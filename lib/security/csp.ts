// The Content-Security-Policy of every page, built per request around a fresh nonce (proxy.ts).
// Next.js reads the nonce from the request's copy of this header and puts it on its own scripts
// and inline styles; nothing else may run.

export type CspOptions = { nonce: string; dev: boolean; https: boolean };

export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': chunks loaded by the nonced bootstrap run; no host allow-list to bypass.
    // React's dev build evaluates server stacks with eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // <style> and stylesheets: our own files and nonced inline styles (Next.js's dev server
    // injects styles without a nonce).
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // style="…" attributes: React renders them on the server (layout widths, the virtualised
    // annotator's row offsets, chart sizes), and they cannot carry a nonce. An attribute can only
    // restyle its own element — no selectors, and url() loads stay under img-src/font-src 'self'.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** A path whose decoded form has control characters or broken escapes names no page. */
export function isHostilePath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return /[\u0000-\u001f\u007f-\u009f]/.test(decoded) || !decoded.isWellFormed();
}

export const HSTS = "max-age=31536000";
