/**
 * The official SARIF 2.1.0 schema (copied from https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/
 * sarif-schema-2.1.0.json via ../shared/schemas). It declares draft-04, which ajv 8 does not ship; the schema uses
 * no draft-04-only keyword (no boolean exclusiveMinimum), so it is checked as draft-07 with `id` read as `$id`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: under ESM interop its function may sit on `default`.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

/** A validator of SARIF 2.1.0 logs. */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, "sarif-schema-2.1.0.json"), "utf8")) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}
