import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Schemas are built from lib/validation/zod's `z`, which turns off zod's `new Function` probe in the
// browser before any schema exists (the CSP forbids it); type-only imports are harmless.
const ZOD_DIRECT = { name: "zod", allowTypeImports: true, message: "Import z from @/lib/validation/zod." };
// The OpenAPI generator is server-only: schemas shared with the browser carry zod's own `.meta({ id, description })`,
// which the generator reads, so the browser never downloads it or has zod's prototypes patched.
const OPENAPI_GENERATOR = {
  name: "@asteasolutions/zod-to-openapi",
  message: "Only lib/api/openapi.ts imports the generator; describe schemas with .meta({ id, description }).",
};
const LIB_LAYERING = { group: ["@/components/*", "@/app/*"], message: "lib/ never imports from components/ or app/." };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='openapi']", message: "Use .meta({ id, description }): .openapi() needs the generator's prototype patch." },
      ],
    },
  },
  {
    // The data and domain layer stands on its own: UI code imports lib, never the other way round.
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [ZOD_DIRECT, OPENAPI_GENERATOR], patterns: [LIB_LAYERING] }],
    },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx", "app/**/*.ts", "app/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD_DIRECT, OPENAPI_GENERATOR] }] },
  },
  // The modules that configure zod and pick its API, and the env module.
  { files: ["lib/validation/zod.ts", "lib/validation/zod-api.ts", "lib/env.ts"], rules: { "no-restricted-imports": "off" } },
  // The one place that builds the OpenAPI document (server-only: served by /api/v1/openapi.json).
  { files: ["lib/api/openapi.ts"], rules: { "no-restricted-imports": ["error", { paths: [ZOD_DIRECT], patterns: [LIB_LAYERING] }] } },
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];
export default config;
