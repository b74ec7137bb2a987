import { z } from "./zod";

export const MAX_EXTERNAL_SUGGESTERS = 10;

export const externalSuggesterInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Name is required")
      .max(60, "At most 60 characters")
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/u, "Letters, digits, - and _ only (it becomes the rule external:<name>)"),
    url: z
      .string()
      .trim()
      .min(1, "URL is required")
      .max(2000, "At most 2,000 characters")
      .regex(/^https?:\/\/\S+$/iu, "Enter the full base URL of the service, starting with http:// or https://"),
    token: z.string().trim().max(2000, "At most 2,000 characters").default(""),
  })
  .meta({ id: "ExternalSuggesterInput" });

export const externalSuggesterDtoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string().meta({ description: "Base URL; suggestion runs POST to <url>/predict" }),
    hasToken: z.boolean().meta({ description: "The token itself is never returned" }),
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    lastOkAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ExternalSuggester" });

export type ExternalSuggesterInput = z.input<typeof externalSuggesterInputSchema>;
export type ExternalSuggesterDto = z.infer<typeof externalSuggesterDtoSchema>;
