import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/route-params";
import { loadDocumentText } from "@/lib/annotator/document-text";
import { documentTextQuerySchema } from "@/lib/validation/document-text";

type Params = { documentId: string };

// The text and its sentence boundaries never change, so `?v={sha256}` is cached by the browser for
// good (private: it is behind sign-in). Without `v`, or with an old one, it must be revalidated.
export const GET = apiRoute<Params>(async (request, user, { documentId }) => {
  const { v } = parseQuery(request, documentTextQuerySchema);
  const body = await loadDocumentText(user, documentId);
  const etag = `"${body.sha256}"`;
  const cacheControl = v === body.sha256 ? "private, max-age=31536000, immutable" : "private, no-cache";
  const headers = { ETag: etag, "Cache-Control": cacheControl, Vary: "Cookie, Authorization" };
  if (request.headers.get("if-none-match") === etag) return new NextResponse(null, { status: 304, headers });
  return new NextResponse(JSON.stringify(body), { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
});
