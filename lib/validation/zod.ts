import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

// Every schema in lib/validation is built from this `z`, so the same object validates forms,
// server actions and API bodies and also describes the API in the generated OpenAPI document.
extendZodWithOpenApi(z);

export { z };
