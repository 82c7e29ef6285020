/**
 * Where a command reads and writes: the streams, the environment and the files. Kept in one object so that the
 * commands stay testable and so that machine output (stdout) is never mixed with progress (stderr).
 */
import { randomBytes } from "node:crypto";
import { open, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { WriteStream } from "node:tty";
import { CliError } from "./errors.js";

/** The outside world of a command. */
export interface CliIo {
  /** Machine or report output. */
  readonly out: (text: string) => void;
  /**
   * The same, for output written in many chunks: resolves when the stream can take more, so that a huge output
   * is never all buffered in memory (absent: {@link CliIo.out}).
   */
  readonly outChunk?: (text: string) => Promise<void>;
  /** Progress, notices and errors. */
  readonly err: (text: string) => void;
  /** Whether stdout / stderr are terminals. */
  readonly outIsTty: boolean;
  readonly errIsTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Reads all of standard input (for the file argument `-`); absent when there is none. */
  readonly readStdin?: () => Promise<Buffer | string>;
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    outChunk: (text) => new Promise<void>((done) => (process.stdout.write(text) ? done() : process.stdout.once("drain", done))),
    err: (text) => void process.stderr.write(text),
    outIsTty: process.stdout.isTTY === true,
    errIsTty: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/**
 * Colour as Node's own `hasColors()` decides for the environment (`FORCE_COLOR`, `NODE_DISABLE_COLORS`, `TERM=dumb`,
 * CI), only on a terminal unless `FORCE_COLOR` asks for it (CI logs that show colour), and never when `NO_COLOR`
 * is set to anything non-empty (https://no-color.org): `NO_COLOR` wins.
 */
export function colorWanted(io: CliIo, stream: "out" | "err"): boolean {
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== "") return false;
  const force = io.env.FORCE_COLOR;
  const tty = stream === "out" ? io.outIsTty : io.errIsTty;
  if (!tty && (force === undefined || force === "")) return false;
  return WriteStream.prototype.hasColors(io.env as Record<string, string>);
}

/** ANSI styles that turn into nothing when colour is off. */
export interface Paint {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

/** Styles for a stream. */
export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/**
 * The files each command has read (real paths), so that no output is written over one of them. Per `CliIo` (one
 * command run), not on a catalog index: it is about the files a run touches, not about any catalog.
 */
const inputs = new WeakMap<CliIo, Set<string>>();

/** A path with symbolic links resolved, when it exists. */
async function realTarget(path: string): Promise<string> {
  return realpath(path).catch(() => path);
}

/**
 * Reads a text file, turning a missing or unreadable file into a one-line {@link CliError}. The file is remembered
 * as an input: {@link writeAtomic} will not replace it.
 */
export async function readText(io: CliIo, file: string, what = "file"): Promise<string> {
  return (await readBytes(io, file, what)).toString("utf8");
}

/**
 * Reads a file's bytes (a catalog is decoded strictly by the library, so that bytes that are not UTF-8 are
 * reported instead of replaced), with the errors and the input bookkeeping of {@link readText}. The file `-` is
 * standard input.
 */
export async function readBytes(io: CliIo, file: string, what = "file"): Promise<Buffer> {
  if (file === "-") {
    if (io.readStdin === undefined) throw new CliError("read_failed", `no standard input to read the ${what} from`);
    const input = await io.readStdin();
    return typeof input === "string" ? Buffer.from(input, "utf8") : input;
  }
  try {
    const path = resolve(io.cwd, file);
    const bytes = await readFile(path);
    let read = inputs.get(io);
    if (read === undefined) inputs.set(io, (read = new Set()));
    read.add(await realTarget(path));
    return bytes;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError("file_not_found", `${what} ${file} not found`, "check the path", { cause });
    if (code === "EISDIR") throw new CliError("read_failed", `${what} ${file} is a directory`, "give a file", { cause });
    throw new CliError("read_failed", `cannot read ${what} ${file}: ${(cause as Error).message}`, undefined, { cause });
  }
}

/** Whether a path exists. */
export async function exists(io: CliIo, file: string): Promise<boolean> {
  return stat(resolve(io.cwd, file)).then(
    () => true,
    () => false,
  );
}

/**
 * Writes a file whole: first to a temporary file in the same directory, then renamed over the target, so that a
 * reader never sees half a file and a failure leaves the old file as it was. A file the command read (a catalog, a
 * config) is never the target unless `replaceInput` (`import-a11 --merge x --out x --force` updates a catalog in
 * place on purpose): `lint as-is.yaml --output as-is.yaml` is refused, not a lost catalog.
 */
export async function writeAtomic(
  io: CliIo,
  file: string,
  content: string | Uint8Array | Iterable<string>,
  options: { readonly replaceInput?: boolean } = {},
): Promise<void> {
  const target = resolve(io.cwd, file);
  if (options.replaceInput !== true && inputs.get(io)?.has(await realTarget(target)) === true) {
    throw new CliError("output_is_input", `${file} is a file this command reads`, "write the output to another file");
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    if (typeof content === "string" || content instanceof Uint8Array) await writeFile(temp, content, { flag: "wx" });
    else {
      // Chunks (a huge lint report): written one after the other, never joined into one string.
      const handle = await open(temp, "wx");
      try {
        for (const chunk of content) await handle.write(chunk);
      } finally {
        await handle.close();
      }
    }
    await rename(temp, target);
  } catch (cause) {
    await rm(temp, { force: true });
    const code = (cause as NodeJS.ErrnoException).code;
    const hint = code === "ENOENT" ? "create the directory first" : undefined;
    throw new CliError("write_failed", `cannot write ${file}: ${(cause as Error).message}`, hint, { cause });
  }
}

/** Writes chunks to stdout one after the other, waiting whenever the stream is full. */
export async function writeOutChunks(io: CliIo, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (io.outChunk !== undefined) await io.outChunk(chunk);
    else io.out(chunk);
  }
}

/** Refuses to replace an existing file unless `force`. */
export async function refuseOverwrite(io: CliIo, file: string, force: boolean | undefined): Promise<void> {
  if (!force && (await exists(io, file))) {
    throw new CliError("file_exists", `${file} already exists`, "pass --force to replace it");
  }
}
