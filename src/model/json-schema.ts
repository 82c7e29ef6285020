import { z } from "zod";
import { CATALOG_FORMAT_VERSION, CatalogSchema } from "./schema.js";

/**
 * The JSON Schema (draft 2020-12) of the catalog format, generated from the zod schemas: editors use it for
 * completion and checking (for example the YAML language server, with a `# yaml-language-server: $schema=...`
 * comment). The package ships it as `service-blueprint/schema.json`.
 *
 * It checks shapes only; references, unique ids and reachability are checked by {@link safeParseCatalog}.
 *
 * @returns a fresh JSON Schema object
 * @example
 * ```ts
 * import { catalogJsonSchema } from "service-blueprint";
 * const schema = catalogJsonSchema();
 * schema.title; // "Catalog"
 * ```
 */
export function catalogJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CatalogSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: "https://unpkg.com/service-blueprint/schema/catalog.schema.json",
    $comment: `service-blueprint catalog format version ${CATALOG_FORMAT_VERSION}`,
    ...schema,
  };
}
