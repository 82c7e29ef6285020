/**
 * `compare <as-is> <to-be> --diagram [--service <id>]`: the compare view as Mermaid, on stdout or in --output
 * (written whole, never over a file the command reads), with figures that agree with `compare`'s text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMermaid } from "../helpers/mermaid-parse.js";
import { runCliInProcess, tempDir } from "./run.js";

const before = "examples/approaching-retirement/as-is.yaml";
const after = "examples/approaching-retirement/to-be.yaml";
const service = "ssa-retirement-claim";

describe("compare --diagram", () => {
  it("writes a Mermaid flowchart of one service to stdout", async () => {
    const run = await runCliInProcess(["compare", before, after, "--diagram", "--service", service]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^---\ntitle: "As-is vs to-be/);
    expect(await parseMermaid(run.stdout)).toBe("flowchart-v2");
    expect(run.stdout).toMatch(/classDef cmpChanged /);
  });

  it("shows the service's hours a year as the text output does", async () => {
    const text = (await runCliInProcess(["compare", before, after])).stdout;
    const diagram = (await runCliInProcess(["compare", before, after, "--diagram", "--service", service])).stdout;
    const figures = /Customer hours a year#58; ([\d#;4]+) → ([\d#;4]+)/.exec(diagram);
    expect(figures).not.toBeNull();
    const [b, a] = [figures![1]!, figures![2]!].map((f) => f.replaceAll("#44;", ","));
    // The text's per-service row: "  <name>  <before> → <after>  <delta>".
    expect(text).toMatch(new RegExp(`Apply for Social Security retirement benefits\\s+${b} → +${a} `));
  });

  it("writes --output whole, and never over a file it reads", async () => {
    const dir = tempDir();
    const out = join(dir, "compare.mmd");
    const run = await runCliInProcess(["compare", before, after, "--diagram", "--service", service, "--output", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`wrote ${out}`);
    expect(await parseMermaid(readFileSync(out, "utf8"))).toBe("flowchart-v2");
    const copy = join(dir, "as-is.yaml");
    writeFileSync(copy, readFileSync(before, "utf8"));
    const refused = await runCliInProcess(["compare", copy, after, "--diagram", "--service", service, "--output", copy]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("output_is_input");
    expect(readFileSync(copy, "utf8")).toBe(readFileSync(before, "utf8"));
  });

  it("asks for --service when the catalogs hold several, and suggests a near id", async () => {
    const none = await runCliInProcess(["compare", before, after, "--diagram"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/options.service: the catalogs hold \d+ services/);
    expect(none.stderr).toContain(service);
    const typo = await runCliInProcess(["compare", before, after, "--diagram", "--service", "ssa-retirement-clam"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(`did you mean '${service}'?`);
  });

  it("refuses --service without --diagram", async () => {
    const run = await runCliInProcess(["compare", before, after, "--service", service]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--service applies only with --diagram");
  });
});
