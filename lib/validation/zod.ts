import * as z from "./zod-api";

// Every schema in lib/validation is built from this `z`, so the same object validates forms,
// server actions and API bodies. OpenAPI names and descriptions are zod's own `.meta({ id, description })`,
// which the server-side document generator (lib/api/openapi.ts) reads; the generator itself never reaches
// the browser, so nothing here may import it or patch zod's prototypes.
//
// In the browser, no compiled validators: zod probes `new Function` for them, which the page's CSP
// forbids (and reports as a violation even though zod catches it). zod decides when a schema is
// created, so every module that builds schemas imports `z` from here, never from "zod" directly.
// The server keeps the fast path.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
