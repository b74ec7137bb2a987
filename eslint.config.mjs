import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Schemas are built from lib/validation/zod's `z`, which turns off zod's `new Function` probe in the
// browser before any schema exists (the CSP forbids it); type-only imports are harmless.
const ZOD_DIRECT = { name: "zod", allowTypeImports: true, message: "Import z from @/lib/validation/zod." };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // The data and domain layer stands on its own: UI code imports lib, never the other way round.
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [ZOD_DIRECT], patterns: [{ group: ["@/components/*", "@/app/*"], message: "lib/ never imports from components/ or app/." }] }],
    },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx", "app/**/*.ts", "app/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD_DIRECT] }] },
  },
  // The one place that configures zod (and the env module, which must not pull in the OpenAPI extension).
  { files: ["lib/validation/zod.ts", "lib/env.ts"], rules: { "no-restricted-imports": "off" } },
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];
export default config;
