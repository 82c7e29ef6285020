/**
 * Runs the built CLI (`dist/cli.js`, built by the `pretest` script) as a subprocess.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, "../..");
/** The built binary. */
export const CLI = join(ROOT, "dist/cli.js");

/** What a run printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
export interface RunOptions {
  /** Working directory (default: the repository root). */
  readonly cwd?: string;
  /** Extra environment; `NO_COLOR` and `FORCE_COLOR` are removed unless given here. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `node dist/cli.js ...args` and collects its output. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npx tsup' (npm test builds it first)`);
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  Object.assign(env, options.env);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "sb-cli-"));
}

/** A bundled example: its as-is catalog and, when it has one, its to-be. */
export interface Example {
  readonly name: string;
  readonly asIs: string;
  readonly toBe: string | undefined;
}

/**
 * The bundled examples with an `as-is.yaml` (found on disk, so new examples are covered without a change here).
 * `federal-hisp-services` (a 34,000-line import) has no as-is and is left to its own tests.
 */
export function examples(): Example[] {
  const dir = join(ROOT, "examples");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "as-is.yaml")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      name,
      asIs: `examples/${name}/as-is.yaml`,
      toBe: existsSync(join(dir, name, "to-be.yaml")) ? `examples/${name}/to-be.yaml` : undefined,
    }));
}
