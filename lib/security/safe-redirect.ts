// Where to send the browser after sign-in: only a path on this app. Browsers read "/\evil.example",
// "/\t/evil.example" and "//evil.example" as other hosts, so the value is parsed the way a browser
// parses it (WHATWG URL against the app's URL) and must keep the app's origin, and the path handed
// back must not itself start a protocol-relative URL.
export function safeNextPath(next: string | undefined | null, base: URL, fallback = "/projects"): string {
  if (!next || !next.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return new URL(path, base).origin === base.origin ? path : fallback;
}
