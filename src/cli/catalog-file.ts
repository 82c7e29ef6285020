/**
 * Reading catalogs from files for the commands, and printing their issues as `file:line:column code message`.
 */
import type { CatalogIssue } from "../model/issues.js";
import type { Catalog } from "../model/schema.js";
import type { CatalogSource } from "../model/source.js";
import { safeParseCatalogBytes } from "../model/text.js";
import type { CliIo, Paint } from "./io.js";
import { readBytes } from "./io.js";
import { plural } from "../internal/words.js";

export { plural };

/** From this size on, reading a catalog says so on stderr (it takes seconds): progress, not output. */
export const LARGE_FILE_BYTES = 16 * 1024 * 1024;

/** A catalog read from a file, with its text (and its source, when kept for line and column lookups). */
export interface CatalogFile {
  readonly file: string;
  readonly text: string;
  readonly catalog: Catalog;
  readonly source?: CatalogSource;
}

/** How to read catalog files. */
export interface LoadOptions {
  /** Keep each catalog's source, to place findings without parsing the text again. */
  readonly keepSource?: boolean;
}

/** The outcome of reading a catalog file: the catalog, or its issues. */
export type LoadResult =
  | { readonly ok: true; readonly value: CatalogFile }
  | { readonly ok: false; readonly file: string; readonly issues: readonly CatalogIssue[] };

/**
 * Reads and validates a catalog file from its bytes (so that bytes that are not UTF-8 are an issue, not replaced);
 * a missing file throws a `CliError`, an invalid catalog returns its issues.
 */
export async function loadCatalogFile(io: CliIo, file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const bytes = await readBytes(io, file, "catalog");
  const large = bytes.length >= LARGE_FILE_BYTES;
  const started = performance.now();
  if (large) io.err(`${file}: validating ${(bytes.length / 1e6).toFixed(1)} MB\n`);
  const result = safeParseCatalogBytes(bytes, { source: file, keepSource: options.keepSource === true });
  if (large) io.err(`${file}: ${result.success ? "valid" : "invalid"}, checked in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (!result.success) return { ok: false, file, issues: result.issues };
  if (result.source !== undefined) return { ok: true, value: { file, text: result.source.text, catalog: result.catalog, source: result.source } };
  // Valid, so valid UTF-8: decoded once more for the text, without the byte-order mark the library skipped.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { ok: true, value: { file, text: bytes.toString("utf8", bom), catalog: result.catalog } };
}

/**
 * One issue as `file:line:column code message (at path)` and its hint on the next line.
 *
 * @example `as-is.yaml:17:9 unknown_reference channel 'ssa-onlin' is not defined (at services[0].steps[2].channel)`
 */
export function formatIssueLines(file: string, issues: readonly CatalogIssue[], style: Paint): string {
  let out = "";
  for (const issue of issues) {
    const where = `${file}:${issue.line ?? 1}:${issue.column ?? 1}`;
    const at = issue.path === "" ? "" : style.dim(` (at ${issue.path})`);
    out += `${where} ${style.red(issue.code)} ${issue.message}${at}\n`;
    if (issue.hint !== undefined && issue.hint !== "") out += `  hint: ${issue.hint}\n`;
  }
  return out;
}

/** Loads several catalogs; prints every invalid one's issues to stderr and says whether all were valid. */
export async function loadCatalogFiles(
  io: CliIo,
  files: readonly string[],
  style: Paint,
  options: LoadOptions = {},
): Promise<{ readonly loaded: readonly CatalogFile[]; readonly invalid: number }> {
  const loaded: CatalogFile[] = [];
  let invalid = 0;
  for (const file of files) {
    const result = await loadCatalogFile(io, file, options);
    if (result.ok) loaded.push(result.value);
    else {
      invalid += 1;
      io.err(formatIssueLines(file, result.issues, style));
      io.err(`${file}: invalid catalog (${plural(result.issues.length, "issue")}); run 'service-blueprint validate ${file}'\n`);
    }
  }
  return { loaded, invalid };
}

