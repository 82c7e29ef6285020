/**
 * Rendering many diagrams to SVG with one browser, with progress on stderr.
 */
import type { SvgRenderer } from "../render.js";
import type { CliContext } from "./context.js";
import { CliError, messageWithoutHint } from "./errors.js";

/** Starts a renderer; a missing browser or dependency becomes a one-line `CliError` with the fix. */
export async function startRenderer(ctx: CliContext): Promise<SvgRenderer> {
  // Loaded only for --svg: the renderer is Node-only and pulls in playwright-core when it starts.
  const { RenderSvgError, createSvgRenderer } = await import("../render.js");
  try {
    const renderer = await createSvgRenderer({ executablePath: ctx.io.env.CHROMIUM_PATH || undefined });
    ctx.io.err("rendering SVG in headless Chromium\n");
    return renderer;
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
