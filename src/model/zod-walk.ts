/**
 * Reads the structure of our zod schemas: the sub-schema at a path, an object's keys in declared order, and the
 * default of a field. Used for hints ("did you mean customerMinutes?") and for stable serialization.
 */
import type { z } from "zod";
import type { PathSegment } from "./issues.js";

/** The parts of zod's internal definition that we read; zod 4 keeps them on `schema._zod.def`. */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
  readonly valueType?: z.ZodType;
  readonly defaultValue?: unknown;
  readonly values?: readonly unknown[];
  readonly entries?: Record<string, unknown>;
}

/** @internal */
export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips optional, default and similar wrappers. @internal */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(current);
    if ((def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault") && def.innerType) {
      current = def.innerType;
    } else break;
  }
  return current;
}

/** For a discriminated union, the option whose discriminator literal matches `value`. @internal */
export function unionOption(schema: z.ZodType, value: unknown): z.ZodType | undefined {
  const def = defOf(schema);
  if (def.type !== "union" || !def.options) return undefined;
  const key = def.discriminator;
  if (key && value !== null && typeof value === "object") {
    const tag = (value as Record<string, unknown>)[key];
    for (const option of def.options) {
      const field = defOf(option).shape?.[key];
      if (field && (defOf(unwrap(field)).values ?? []).includes(tag)) return option;
    }
  }
  return def.options[0];
}

/**
 * The schema at a path inside `root`, following objects, arrays, records and discriminated unions (using the
 * document to pick the union option). `undefined` when the path leaves the schema.
 *
 * @internal
 */
export function schemaAt(root: z.ZodType, segments: readonly PathSegment[], document?: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  let value: unknown = document;
  for (const segment of segments) {
    if (!schema) return undefined;
    schema = unwrap(schema);
    let def = defOf(schema);
    if (def.type === "union") {
      schema = unionOption(schema, value);
      if (!schema) return undefined;
      def = defOf(schema);
    }
    if (def.type === "object" && typeof segment === "string") schema = def.shape?.[segment];
    else if (def.type === "array" && typeof segment === "number") schema = def.element;
    else if (def.type === "record") schema = def.valueType;
    else return undefined;
    value = value !== null && typeof value === "object" ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return schema;
}

/** The declared keys of the object schema at a path (for "did you mean" on unknown keys). @internal */
export function keysAt(root: z.ZodType, segments: readonly PathSegment[], document?: unknown): readonly string[] {
  const schema = schemaAt(root, segments, document);
  if (!schema) return [];
  let inner = unwrap(schema);
  if (defOf(inner).type === "union") {
    let value: unknown = document;
    for (const segment of segments) {
      value = value !== null && typeof value === "object" ? (value as Record<string | number, unknown>)[segment] : undefined;
    }
    inner = unionOption(inner, value) ?? inner;
  }
  return Object.keys(defOf(inner).shape ?? {});
}
