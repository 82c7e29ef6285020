/** The one way out of both modes: the built document, parsed as a catalog, or an {@link A11ImportError}. */
import type { Catalog } from "../../model/schema.js";
import { safeParseCatalog } from "../../model/validate.js";
import { A11ImportError } from "../a11-error.js";

/** The document as a valid, frozen catalog; `what` names it in the error. */
export function validated(document: unknown, what: string): Catalog {
  const result = safeParseCatalog(document);
  if (!result.success) {
    throw new A11ImportError("invalid_catalog", `${what} is not a valid catalog: ${result.issues[0]?.path ?? ""} ${result.issues[0]?.message ?? ""}`.trim(), {
      issues: result.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    });
  }
  return result.catalog;
}
