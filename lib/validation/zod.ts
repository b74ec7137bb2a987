import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

// Every schema in lib/validation is built from this `z`, so the same object validates forms,
// server actions and API bodies and also describes the API in the generated OpenAPI document.
extendZodWithOpenApi(z);

// In the browser, no compiled validators: zod probes `new Function` for them, which the page's CSP
// forbids (and reports as a violation even though zod catches it). zod decides when a schema is
// created, so every module that builds schemas imports `z` from here, never from "zod" directly.
// The server keeps the fast path.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
