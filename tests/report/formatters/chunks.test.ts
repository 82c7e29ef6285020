/**
 * Issue 21: output of any size. `formatFindingsChunks` gives exactly the text of `formatFindings`, in chunks of a
 * few thousand findings, so a million findings are never one string.
 */
import { describe, expect, it } from "vitest";
import { FINDING_FORMATS, formatFindings, formatFindingsChunks, lintCatalog, parseCatalog, serializeCatalog } from "../../../src/index.js";
import { catalog, service } from "../../sludge/rules/fixtures.js";

/** A service of `steps` steps, each with a wet signature and a fee on paper: several findings a step. */
function manyFindings(steps: number) {
  const parsed = catalog({
    services: [
      service(
        "svc",
        Array.from({ length: steps }, (_, i) => ({ id: `s${i}`, lane: "customer" as const, channel: "paper", signature: "wet" as const, customerMinutes: 30, fee: 20 })),
      ),
    ],
  });
  const text = serializeCatalog(parsed, { format: "json" });
  return { text, result: lintCatalog(parseCatalog(JSON.parse(text)), { today: "2026-12-01", preset: "all" }) };
}

describe("formatFindingsChunks", () => {
  const { text, result } = manyFindings(3_000);

  it.each(FINDING_FORMATS.map((f) => [f]))("%s: the chunks joined are formatFindings' text", (format) => {
    const options = { catalogFile: "catalog.json", catalogText: text, toolVersion: "1.2.3" };
    const chunks = [...formatFindingsChunks(result, format, options)];
    expect(chunks.join("")).toBe(formatFindings(result, format, options));
    if (format !== "markdown") {
      // Thousands of findings: several chunks, none holding them all.
      expect(result.findings.length).toBeGreaterThan(6_000);
      expect(chunks.length).toBeGreaterThan(2);
      const longest = Math.max(...chunks.map((c) => c.length));
      expect(longest).toBeLessThan(chunks.join("").length / 2);
    }
  });

  it("writes empty lists as JSON.stringify does", () => {
    const { result: clean } = manyFindings(0 + 1);
    const none = { ...clean, findings: [], waived: [] };
    expect([...formatFindingsChunks(none, "json")].join("")).toBe(formatFindings(none, "json"));
    expect(JSON.parse(formatFindings(none, "json")).findings).toEqual([]);
  });
});
