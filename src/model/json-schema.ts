import * as z from "zod";
import { CATALOG_FORMAT_VERSION, CatalogSchema } from "./schema.js";
import { PACKAGE_VERSION } from "./version.js";

/**
 * The URL of this version's catalog JSON Schema (the `$id` of {@link catalogJsonSchema}): a `$schema` that works
 * from any folder, for example in a `# yaml-language-server: $schema=...` comment.
 *
 * @example
 * ```ts
 * import { CATALOG_SCHEMA_URL } from "service-blueprint";
 * CATALOG_SCHEMA_URL; // "https://unpkg.com/service-blueprint@0.1.0/schema/catalog.schema.json"
 * ```
 */
export const CATALOG_SCHEMA_URL = `https://unpkg.com/service-blueprint@${PACKAGE_VERSION}/schema/catalog.schema.json`;

/**
 * The JSON Schema (draft-07, which the YAML language server and most editors support fully) of the catalog format,
 * generated from the zod schemas: editors use it for completion and checking (for example the YAML language
 * server, with a `# yaml-language-server: $schema=...` comment). The package ships it as
 * `service-blueprint/schema.json` (the file `schema/catalog.schema.json`); its `$id` is the URL of this version's
 * file on unpkg, `https://unpkg.com/service-blueprint@<version>/schema/catalog.schema.json`, which works from
 * any folder.
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
  const schema = z.toJSONSchema(CatalogSchema, { io: "input", target: "draft-7" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: CATALOG_SCHEMA_URL,
    $comment: `service-blueprint catalog format version ${CATALOG_FORMAT_VERSION}`,
    ...schema,
  };
}
