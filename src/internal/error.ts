/**
 * The base of every error the library throws: a message, a snake_case `code`, and a brand that survives crossing
 * module copies (the package ships ESM and CommonJS, so one program can hold two copies of each class, and
 * `instanceof` fails between them).
 */

/** The brand: a registered symbol, the same in every copy of the package and every realm. */
const BRAND = Symbol.for("service-blueprint.error");

/**
 * The base class of the library's errors: {@link CatalogValidationError}, {@link GraphAnalysisError},
 * {@link LintConfigError}, {@link RuleDefinitionError}, {@link MermaidExportError}, {@link FormatError}, the
 * importer's `A11ImportError` (`service-blueprint/import`) and the renderer's `RenderSvgError`
 * (`service-blueprint/render`). Each has a `code` to branch on; test with {@link isServiceBlueprintError}, which
 * also recognises an error thrown by another copy of the package (ESM and CommonJS loaded side by side), where
 * `instanceof` does not.
 *
 * @example
 * ```ts
 * import { ServiceBlueprintError, parseCatalog } from "service-blueprint";
 *
 * try {
 *   parseCatalog({ version: 1 });
 * } catch (error) {
 *   if (error instanceof ServiceBlueprintError) console.error(`${error.code}: ${error.message}`);
 * }
 * ```
 */
export abstract class ServiceBlueprintError extends Error {
  /** What went wrong, as a snake_case code (each subclass lists its own). */
  abstract readonly code: string;

  /**
   * @param message - what to tell the user
   * @param options - the error that caused this one, if any
   */
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is an error thrown by this library (by any copy of it), optionally with a given `code`. Use it
 * where an error may come from another copy of the package, e.g. a plugin that imports the CommonJS build while
 * the host imports ESM.
 *
 * @param value - anything caught
 * @param code - the code it must have, if any
 * @returns `true` for a library error (with that code)
 *
 * @example
 * ```ts
 * import { isServiceBlueprintError, parseCatalog } from "service-blueprint";
 *
 * try {
 *   parseCatalog({ version: 1 });
 * } catch (error) {
 *   if (isServiceBlueprintError(error, "invalid_catalog")) console.error(error.message);
 *   else throw error;
 * }
 * ```
 */
export function isServiceBlueprintError(value: unknown, code?: string): value is ServiceBlueprintError {
  if (typeof value !== "object" || value === null || (value as { [BRAND]?: unknown })[BRAND] !== true) return false;
  return code === undefined || (value as { code?: unknown }).code === code;
}
