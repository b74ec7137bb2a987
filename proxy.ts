import { NextResponse, type NextRequest } from "next/server";
import { appUrl, isDevelopment } from "@/lib/env";
import { contentSecurityPolicy, HSTS, isHostilePath, newNonce } from "@/lib/security/csp";

// Runs before every page (not /api, not static files): a per-request nonce and the CSP built around
// it, HSTS when the app is served over https, and a 404 for paths no page could have. Authorization
// never depends on this file: pages and routes check the session themselves.
export function proxy(request: NextRequest) {
  if (isHostilePath(request.nextUrl.pathname)) {
    return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const https = appUrl().protocol === "https:";
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, dev: isDevelopment(), https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  // API responses are JSON and files with their own fixed policy (next.config.js), and proxying
  // them would buffer every upload body in memory.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico).*)"],
};
