/**
 * The lint config file: found the way ESLint and Spectral find theirs, read as JSON, YAML or an ES module, with
 * plugins (ES modules of rules made with `defineRule`) loaded by path or package name.
 *
 * Discovery: from the working directory up to the project root (the first directory with a `package.json` or a
 * `.git`), the first of {@link CONFIG_FILE_NAMES} found. `--config <file>` names one; `--no-config` turns it off.
 */
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import type { Rule } from "../sludge/define-rule.js";
import { CliError } from "./errors.js";
import { type CliIo, readText } from "./io.js";

/** The names a config file may have, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES = Object.freeze([
  "service-blueprint.config.js",
  "service-blueprint.config.mjs",
  "service-blueprint.config.cjs",
  "service-blueprint.config.json",
  "service-blueprint.config.yaml",
  "service-blueprint.config.yml",
]);

/** Whether a path is a file or directory that exists. */
async function isThere(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The config file that applies to `cwd`: the first of {@link CONFIG_FILE_NAMES} in `cwd` or a parent, stopping at the
 * project root (a directory with `package.json` or `.git`). `undefined` when there is none.
 */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (await isThere(file)) return file;
    }
    if ((await isThere(join(dir, "package.json"))) || (await isThere(join(dir, ".git")))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A config file read: its raw value (plugins resolved to rules), and where it came from. */
export interface LoadedConfigFile {
  /** The file, as given or found. */
  readonly file: string;
  /** The configuration, with `plugins` loaded. */
  readonly value: Record<string, unknown>;
}

/** The `error invalid_config` for a config file. */
function configError(file: string, message: string, hint?: string, cause?: unknown): CliError {
  return new CliError("invalid_config", `${file}: ${message}`, hint, cause === undefined ? undefined : { cause });
}

/** The first line of an error's message. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * Reads a config file (`.js`/`.mjs`/`.cjs` as an ES module's default export, anything else as JSON or YAML) and loads
 * its plugins. Every problem is a one-line `invalid_config` error naming the file and, for plugins, `plugins[i]`.
 */
export async function loadConfigFile(io: CliIo, file: string): Promise<LoadedConfigFile> {
  const path = resolve(io.cwd, file);
  let value: unknown;
  if (/\.[cm]?js$/.test(path)) {
    if (!(await isThere(path))) throw new CliError("file_not_found", `config ${file} not found`, "check the path");
    try {
      const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
      value = module.default;
    } catch (cause) {
      throw configError(file, `cannot load: ${firstLine(cause)}`, undefined, cause);
    }
  } else {
    const text = await readText(io, file, "config");
    try {
      value = parseYaml(text, { maxAliasCount: 0 }) ?? {};
    } catch (cause) {
      throw configError(file, `not JSON or YAML: ${firstLine(cause)}`, undefined, cause);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw configError(file, "a lint config must be an object", "e.g. { preset: recommended, rules: { long-wait: warning } }");
  }
  const config = { ...(value as Record<string, unknown>) };
  if (config.plugins !== undefined) {
    if (!Array.isArray(config.plugins)) throw configError(file, "plugins: a list of module paths or package names", 'e.g. plugins: ["./rules/no-fax.js"]');
    const rules: Rule[] = [];
    for (const [i, entry] of (config.plugins as unknown[]).entries()) {
      if (typeof entry === "string") rules.push(...(await loadPlugin(file, path, entry, i)));
      else if (isRule(entry)) rules.push(entry);
      else throw configError(file, `plugins[${i}]: a module path, a package name or a rule made with defineRule`);
    }
    config.plugins = rules;
  }
  return { file, value: config };
}

/** Whether a value is a rule made with `defineRule` (by shape: the plugin may use another copy of the library). */
function isRule(value: unknown): value is Rule {
  if (typeof value !== "object" || value === null) return false;
  const { meta, check } = value as { meta?: { id?: unknown }; check?: unknown };
  return typeof check === "function" && typeof meta === "object" && meta !== null && typeof meta.id === "string";
}

/**
 * The rules a plugin module gives: its default export (a rule, a list of rules, or `{ rules }`), else every named
 * export that is a rule.
 */
function rulesOf(module: Record<string, unknown>): Rule[] | undefined {
  const main = module.default;
  if (isRule(main)) return [main];
  if (Array.isArray(main)) return main.every(isRule) ? main : undefined;
  if (typeof main === "object" && main !== null && Array.isArray((main as { rules?: unknown }).rules)) {
    const rules = (main as { rules: unknown[] }).rules;
    return rules.every(isRule) ? (rules as Rule[]) : undefined;
  }
  const named = Object.keys(module)
    .filter((key) => key !== "default")
    .sort()
    .map((key) => module[key])
    .filter(isRule);
  return named.length > 0 ? named : undefined;
}

/** Loads one plugin by path (relative to the config file) or package name (resolved from the config's folder). */
async function loadPlugin(file: string, configPath: string, specifier: string, i: number): Promise<Rule[]> {
  const where = `plugins[${i}] '${specifier}'`;
  const isPath = specifier.startsWith(".") || isAbsolute(specifier);
  let target: string;
  if (isPath) {
    target = resolve(dirname(configPath), specifier);
    if (!(await isThere(target))) throw configError(file, `${where}: no such file (paths are relative to the config file)`, "check the path");
  } else {
    const found = await resolvePackage(specifier, dirname(configPath));
    if (found === undefined) throw configError(file, `${where}: package not found from ${dirname(configPath)}`, `npm install ${specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/")}`);
    target = found;
  }
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(target).href)) as Record<string, unknown>;
  } catch (cause) {
    throw configError(file, `${where}: cannot load: ${firstLine(cause)}`, undefined, cause);
  }
  const rules = rulesOf(module);
  if (rules === undefined) {
    throw configError(file, `${where}: exports no rule made with defineRule`, "export default a rule, a list of rules or { rules: [...] }");
  }
  return rules;
}

/** The entry of a package's `exports["."]` for `import`, following nested conditions. */
function importEntry(exports: unknown): string | undefined {
  if (typeof exports === "string") return exports;
  if (Array.isArray(exports)) {
    for (const item of exports) {
      const found = importEntry(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof exports !== "object" || exports === null) return undefined;
  const record = exports as Record<string, unknown>;
  if ("." in record) return importEntry(record["."]);
  for (const condition of ["import", "node", "default"]) if (condition in record) return importEntry(record[condition]);
  return undefined;
}

/**
 * Finds a package's ES module entry from a folder: the `import` (or `node`, `default`) condition of its `exports`,
 * else `module`, `main` or `index.js`; falls back on Node's own resolution of a subpath (`pkg/rules.js`).
 */
async function resolvePackage(specifier: string, from: string): Promise<string | undefined> {
  const parts = specifier.split("/");
  const nameLength = specifier.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, nameLength).join("/");
  if (parts.length === nameLength) {
    let dir = from;
    for (;;) {
      const root = join(dir, "node_modules", name);
      const manifest = await readFile(join(root, "package.json"), "utf8").then(
        (text) => JSON.parse(text) as { exports?: unknown; module?: string; main?: string },
        () => undefined,
      );
      if (manifest !== undefined) {
        const entry = importEntry(manifest.exports) ?? manifest.module ?? manifest.main ?? "index.js";
        return join(root, entry);
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  try {
    return createRequire(join(from, "noop.js")).resolve(specifier);
  } catch {
    return undefined;
  }
}
