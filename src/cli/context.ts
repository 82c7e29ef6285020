/**
 * What every command gets: the io, colour styles per stream, and a way to set the exit code.
 */
import { type CliIo, type Paint, colorWanted, paint } from "./io.js";

/** The run of one command line. */
export interface CliContext {
  readonly io: CliIo;
  /** The package version. */
  readonly version: string;
  /** Whether stdout gets colour (a terminal or `FORCE_COLOR`, and no `NO_COLOR`). */
  readonly outColor: boolean;
  /** Styles for stdout (none when it is not a terminal or `NO_COLOR` is set). */
  readonly outStyle: Paint;
  /** Styles for stderr. */
  readonly errStyle: Paint;
  /** Raises the exit code (never lowers it). */
  exit(code: number): void;
  /** The exit code so far. */
  readonly exitCode: number;
}

/** A fresh context for one run. */
export function createContext(io: CliIo, version: string): CliContext {
  let code = 0;
  const outColor = colorWanted(io, "out");
  return {
    io,
    version,
    outColor,
    outStyle: paint(outColor),
    errStyle: paint(colorWanted(io, "err")),
    exit(next) {
      if (next > code) code = next;
    },
    get exitCode() {
      return code;
    },
  };
}
