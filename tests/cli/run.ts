/**
 * Runs the CLI: in this process from its sources ({@link runCliInProcess}, what most CLI tests use), or the built
 * binary (`dist/cli.js`, built by the `pretest` script) as a subprocess ({@link runCli}, for what only the real
 * process shows: the bin's own `--version`, exit codes set on the process, real standard streams).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CliIo } from "../../src/cli/io.js";
import { PACKAGE_VERSION } from "../../src/model/version.js";

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

/** Options of {@link runCli} and {@link runCliInProcess}. */
export interface RunOptions {
  /** Working directory (default: the repository root). */
  readonly cwd?: string;
  /** Extra environment; `NO_COLOR` and `FORCE_COLOR` are removed unless given here. */
  readonly env?: Readonly<Record<string, string>>;
  /** Standard input (default: none, as from /dev/null). */
  readonly stdin?: string | Buffer;
}

/** The environment of a run: this process's, without `NO_COLOR` / `FORCE_COLOR` unless the options give them. */
function runEnv(options: RunOptions): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return Object.assign(env, options.env);
}

/**
 * Runs the command line in this process, through `runCli` of src/cli/program.ts with an io that collects the
 * output: what the binary does, less the process around it (stdout and stderr are not terminals).
 */
export async function runCliInProcess(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    out: (text) => void (stdout += text),
    outChunk: async (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    outIsTty: false,
    errIsTty: false,
    env: runEnv(options),
    cwd: resolve(options.cwd ?? ROOT),
    readStdin: async () => Buffer.from(options.stdin ?? ""),
  };
  // Loaded on the first run: the smoke tests of the binary import this file without needing the program.
  const { runCli: runProgram } = await import("../../src/cli/program.js");
  const code = await runProgram(args, io, PACKAGE_VERSION);
  return { code, stdout, stderr };
}

/** Runs `node dist/cli.js ...args` and collects its output. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npx tsup' (npm test builds it first)`);
  const env = runEnv(options);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env, stdio: [options.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
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
