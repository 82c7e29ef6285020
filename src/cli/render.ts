/**
 * Rendering many diagrams to SVG with one browser, with progress on stderr.
 */
import { RenderSvgError, createSvgRenderer, type SvgRenderer } from "../index.js";
import type { CliContext } from "./context.js";
import { CliError, messageWithoutHint } from "./errors.js";

/** Starts a renderer; a missing browser or dependency becomes a one-line `CliError` with the fix. */
export async function startRenderer(ctx: CliContext): Promise<SvgRenderer> {
  ctx.io.err("starting headless Chromium for SVG rendering\n");
  try {
    return await createSvgRenderer({ executablePath: ctx.io.env.CHROMIUM_PATH || undefined });
  } catch (error) {
    if (error instanceof RenderSvgError) throw new CliError("render_failed", messageWithoutHint(error), error.hint, { cause: error });
    throw error;
  }
}

/** A counter line on stderr: `[3/12] rendering x.svg`. */
export function progress(ctx: CliContext, total: number): (label: string) => void {
  let done = 0;
  const width = String(total).length;
  return (label) => {
    done += 1;
    ctx.io.err(`[${String(done).padStart(width)}/${total}] ${label}\n`);
  };
}
