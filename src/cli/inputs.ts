/**
 * The catalog arguments of a command, expanded by the tool itself (so that they work the same in every shell,
 * and in npm scripts on Windows): `-` is standard input, a directory is every catalog file below it, and a glob
 * (`services/*.yaml`, `catalogs/**\/*.yml`, `{as-is,to-be}.yaml`) is every file that matches.
 */
import { readdir, stat } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { CONFIG_FILE_NAMES } from "./config-file.js";
import { CliError } from "./errors.js";
import type { CliIo } from "./io.js";

/** What a directory argument picks up. */
const CATALOG_FILE = /\.(ya?ml|json)$/i;
/** Files in a directory that are never catalogs. */
const NOT_CATALOGS = new Set([...CONFIG_FILE_NAMES, "package.json", "package-lock.json", "tsconfig.json", "catalog.schema.json"]);
/** Folders a directory walk skips. */
const SKIPPED = new Set(["node_modules", ".git"]);

/** Whether an argument is a glob. */
function isGlob(arg: string): boolean {
  return /[*?[{]/.test(arg);
}

/** A glob as a regular expression over `/`-separated paths: `**` any folders, `*` and `?` within a name, `{a,b}`, `[...]`. */
function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        out += slash ? "(?:[^/]*/)*" : ".*";
        i += slash ? 2 : 1;
      } else out += "[^/]*";
    } else if (c === "?") out += "[^/]";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      if (end < 0) out += "\\{";
      else {
        out += `(?:${glob
          .slice(i + 1, end)
          .split(",")
          .map((part) => part.replace(/[.+^$()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]"))
          .join("|")})`;
        i = end;
      }
    } else if (c === "[") {
      const end = glob.indexOf("]", i);
      if (end < 0) out += "\\[";
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, "^")}]`;
        i = end;
      }
    } else out += /[.+^$()|\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${out}$`);
}

/** Every file below `dir` (skipping node_modules and .git), as paths relative to `base`, `/`-separated. */
async function walk(base: string, dir: string, out: string[]): Promise<void> {
  const entries = await readdir(join(base, dir), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) await walk(base, path, out);
    } else if (entry.isFile()) out.push(path);
  }
}

/** The part of a glob before its first wildcard segment: where to start walking. */
function globBase(glob: string): string {
  const segments = glob.split("/");
  const fixed: string[] = [];
  for (const segment of segments) {
    if (isGlob(segment)) break;
    fixed.push(segment);
  }
  return fixed.slice(0, Math.min(fixed.length, segments.length - 1)).join("/");
}

/**
 * Expands the arguments: `-` stays (standard input, at most once), an existing file stays as given, a directory
 * becomes its catalog files (`.yaml`, `.yml`, `.json`, except configs and package files), a glob the files it
 * matches. Each group is sorted; a file named twice is read once. An argument that matches nothing is an error.
 */
export async function expandInputs(io: CliIo, args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = file === "-" ? "-" : resolve(io.cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(file);
    }
  };
  for (const arg of args) {
    if (arg === "-") {
      add(arg);
      continue;
    }
    const info = await stat(resolve(io.cwd, arg)).catch(() => undefined);
    if (info?.isFile()) add(arg);
    else if (info?.isDirectory()) {
      const files: string[] = [];
      await walk(resolve(io.cwd, arg), "", files);
      const picked = files.filter((file) => CATALOG_FILE.test(file) && !NOT_CATALOGS.has(file.split("/").pop()!)).sort();
      if (picked.length === 0) throw new CliError("file_not_found", `no catalog files (.yaml, .yml, .json) in ${arg}`, "give files, a folder with catalogs, or a glob");
      for (const file of picked) add(join(arg, file).split(sep).join("/"));
    } else if (isGlob(arg)) {
      const glob = arg.split(sep).join("/").replace(/^\.\//, "");
      const base = globBase(glob);
      const files: string[] = [];
      await walk(resolve(io.cwd, base === "" ? "." : base), "", files);
      const pattern = globToRegExp(glob);
      const matched = files
        .map((file) => (base === "" ? file : `${base}/${file}`))
        .filter((file) => pattern.test(file))
        .sort();
      if (matched.length === 0) throw new CliError("file_not_found", `no files match ${arg}`, "check the pattern (quote it so that the tool expands it)");
      for (const file of matched) add(file);
    } else add(arg); // missing: reading it gives the usual file_not_found
  }
  return out;
}
