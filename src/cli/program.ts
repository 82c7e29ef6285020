/**
 * The command line: one commander program, its commands, and how failures become exit codes.
 *
 * Exit codes: 0 clean; 1 findings at or above `--fail-on`, or an invalid catalog; 2 a usage or setup error (an
 * unknown flag, a missing file, a bad config, a file that would be overwritten).
 */
import { Command, CommanderError } from "commander";
import { type CliContext, createContext } from "./context.js";
import { CliError, EXIT } from "./errors.js";
import type { CliIo } from "./io.js";
import { PACKAGE_VERSION } from "../model/version.js";

/** Registers one command (its options, help and action) on the program. */
type Register = (program: Command, ctx: CliContext) => void;

/**
 * The commands in the order the help lists them, each module loaded only when its command is registered: a run of
 * `validate` does not load the sludge rules, the exporters or the HTML report.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  validate: async () => (await import("./commands/validate.js")).registerValidate,
  lint: async () => (await import("./commands/lint.js")).registerLint,
  diagram: async () => (await import("./commands/diagram.js")).registerDiagram,
  compare: async () => (await import("./commands/compare.js")).registerCompare,
  report: async () => (await import("./commands/report.js")).registerReport,
  schema: async () => (await import("./commands/schema.js")).registerSchema,
  init: async () => (await import("./commands/init.js")).registerInit,
  "import-a11": async () => (await import("./commands/import-a11.js")).registerImportA11,
};

/**
 * The command a command line runs, when it names one: its first word, after `--debug` (the one program option that
 * leaves the command to run). `undefined` for anything else, which needs every command registered: `help`, a
 * mistyped name, no command, or another option first (`-h lint` prints the program's help, which lists them all).
 */
function commandOf(argv: readonly string[]): string | undefined {
  const name = argv.find((arg) => arg !== "--debug");
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}

/** Where the docs are: shipped in the package, so this version's pages. */
const DOCS_URL = `https://unpkg.com/service-blueprint@${PACKAGE_VERSION}/docs/`;

/**
 * Commander's usage errors (`error: unknown option '--frmat'` and its `(Did you mean --format?)` line) in the
 * documented one-line form, `error usage: unknown option '--frmat' (did you mean --format?)`.
 */
function usageLine(text: string, ctx: CliContext): string {
  const lines = text.trim().split("\n");
  const first = (lines[0] ?? "").replace(/^error:\s*/, "");
  const hint = lines
    .slice(1)
    .map((line) => line.trim().replace(/^\((.*)\)$/, "$1"))
    .filter((line) => line !== "")
    .map((line) => line.charAt(0).toLowerCase() + line.slice(1))
    .join("; ");
  return `${ctx.errStyle.red("error")} usage: ${first}${hint === "" ? "" : ` (${hint})`}\n`;
}

/**
 * Builds the program for one run: with only the command `argv` names, or with every command when it names none
 * (the output of a command is the same either way; the program's help and did-you-mean need them all).
 */
export async function createProgram(ctx: CliContext, version: string, argv: readonly string[] = []): Promise<Command> {
  const program = new Command("service-blueprint");
  program
    .description(
      "Validate A-11 service catalogs, lint them for administrative burden (sludge), draw Mermaid diagrams, " +
        "compare a redesign with the current service, and write a self-contained HTML report.",
    )
    .version(version, "-V, --version", "print the version")
    .option("--debug", "print stack traces of unexpected errors")
    .helpOption("-h, --help", "show help for a command")
    .helpCommand("help [command]", "show help for a command")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.out(text),
      writeErr: (text) => ctx.io.err(text),
      outputError: (text, write) => write(usageLine(text, ctx)),
    })
    .addHelpText(
      "after",
      "\nExit codes:\n  0  clean\n  1  findings at or above --fail-on, or an invalid catalog\n  2  usage or setup error (bad flag, missing file, bad config, refusing to overwrite)\n" +
        "\nColour: on a terminal as Node's hasColors() decides (FORCE_COLOR, TERM=dumb), never when NO_COLOR is set.\n" +
        `Docs: ${DOCS_URL}cli.md`,
    );
  const named = commandOf(argv);
  const loaders = named === undefined ? Object.values(COMMANDS) : [COMMANDS[named]!];
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program, ctx);
  return program;
}

/**
 * Runs a command line (`argv` without the node and script paths) and returns the exit code. Never throws.
 */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const ctx = createContext(io, version);
  const debug = argv.includes("--debug");
  try {
    const program = await createProgram(ctx, version, argv);
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed its message (or the help / version) already.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      const hint = error.hint !== undefined ? ` (${error.hint})` : "";
      io.err(`${ctx.errStyle.red("error")} ${error.code}: ${error.message}${hint}\n`);
      if (debug && error.cause instanceof Error && error.cause.stack !== undefined) io.err(`${error.cause.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.err(`${ctx.errStyle.red("error")} internal: ${message}${debug ? "" : " (run with --debug for the stack trace)"}\n`);
    if (debug && error instanceof Error && error.stack !== undefined) io.err(`${error.stack}\n`);
    return EXIT.usage;
  }
}
