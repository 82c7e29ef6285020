/**
 * What every view receives: the catalog, its index, the resolved options and a place for warnings.
 */
import type { CatalogIndex } from "../../model/index-lookup.js";
import type { Catalog, Service } from "../../model/schema.js";
import { suggest } from "../../model/did-you-mean.js";
import type { ResolvedOptions } from "./filters.js";
import { MermaidExportError, type MermaidWarning, type MermaidWarningCode } from "./types.js";

/** Input of a view. */
export interface ViewContext {
  readonly catalog: Catalog;
  readonly index: CatalogIndex;
  readonly options: ResolvedOptions;
  warn(code: MermaidWarningCode, message: string): void;
  readonly warnings: MermaidWarning[];
}

/** Finds a service by id or throws `unknown_service` with a did-you-mean hint. */
export function requireService(context: ViewContext, id: unknown, path: string): { service: Service; serviceIndex: number } {
  if (typeof id !== "string") throw new MermaidExportError("invalid_view", path, "must be a service id");
  const service = context.index.services.get(id);
  const serviceIndex = context.index.serviceIndexes.get(id);
  if (service === undefined || serviceIndex === undefined) {
    const guess = suggest(id, context.index.services.keys());
    throw new MermaidExportError(
      "unknown_service",
      path,
      `service '${id}' is not in the catalog`,
      guess === undefined ? "check the service id" : `did you mean '${guess}'?`,
    );
  }
  return { service, serviceIndex };
}

/** A short name for an agency: its acronym, else its name, else the id. */
export function agencyName(context: ViewContext, id: string): string {
  const agency = context.index.agencies.get(id);
  return agency?.acronym ?? agency?.name ?? id;
}
