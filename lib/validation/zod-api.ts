// The part of zod's API this project builds schemas with; lib/validation/zod.ts exports it as `z`.
// zod's own `z` is one object holding all of zod (every locale, JSON Schema conversion, the
// compiler): a bundler keeps an object whole once it is passed around, so the browser downloaded
// ~290 kB of zod it never ran. Named re-exports let it keep only these. Add a name here when a
// schema needs it; English messages stay (zod installs its default locale by itself).
export {
  array,
  boolean,
  coerce,
  config,
  discriminatedUnion,
  enum,
  intersection,
  literal,
  looseObject,
  null,
  number,
  object,
  preprocess,
  record,
  string,
  tuple,
  union,
  unknown,
  uuid,
  ZodError,
} from "zod";
export type { infer, input, output, RefinementCtx, ZodType } from "zod";
