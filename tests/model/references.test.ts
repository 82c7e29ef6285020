import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CatalogSchema, IdSchema } from "../../src/index.js";
import { REFERENCE_FIELDS, type ReferenceTarget } from "../../src/model/references.js";

/** A zod 4 schema's definition, as far as the walk needs it. */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, { _zod: { def: Def } }>;
  readonly element?: { _zod: { def: Def } };
  readonly innerType?: { _zod: { def: Def } };
  readonly options?: readonly { _zod: { def: Def } }[];
  readonly in?: { _zod: { def: Def } };
  readonly out?: { _zod: { def: Def } };
  readonly left?: { _zod: { def: Def } };
  readonly right?: { _zod: { def: Def } };
}

/**
 * Every place in the catalog schema that holds an id of IdSchema's kind, as a pattern (`services[].agency`), except
 * an item's own `id`: found by walking the zod definitions, independently of the table under test.
 */
function idFieldsOfSchema(): string[] {
  const idDef = (IdSchema as unknown as { _zod: { def: Def } })._zod.def;
  const found = new Set<string>();
  const walk = (def: Def, path: string, seen: Set<Def>): void => {
    if (def === idDef) {
      if (!/(^|\.)id$/.test(path)) found.add(path);
      return;
    }
    if (seen.has(def)) return;
    const next = new Set(seen).add(def);
    if (def.shape) for (const [key, child] of Object.entries(def.shape)) walk(child._zod.def, path === "" ? key : `${path}.${key}`, next);
    if (def.type === "array" && def.element) walk(def.element._zod.def, `${path}[]`, next);
    for (const child of [def.innerType, def.in, def.out, def.left, def.right, ...(def.options ?? [])]) if (child) walk(child._zod.def, path, next);
  };
  walk((CatalogSchema as unknown as { _zod: { def: Def } })._zod.def, "", new Set());
  return [...found].sort();
}

const TARGET_WORDS: Record<ReferenceTarget, string> = {
  sources: "a source",
  agencies: "an agency",
  channels: "a channel",
  roles: "a role",
  tools: "a tool",
  dataElements: "a data element",
  documentTypes: "a document type",
  services: "a service",
  lifeExperiences: "a life experience",
  step: "a step of the same service",
  "step-of-service": "a step of the service named beside it",
  "link-of-experience": "a link of the life experience named beside it",
};

/** The reference table of docs/modeling.md, as the model's table gives it. */
function docsTable(): string {
  const rows = REFERENCE_FIELDS.map((f) => `| \`${f.pattern}\` | ${TARGET_WORDS[f.target]} |`);
  return ["| Field | Names |", "| --- | --- |", ...rows].join("\n");
}

describe("the model's references, declared once (issue 20)", () => {
  it("list every field of the schema that holds another item's id, and nothing else", () => {
    expect(REFERENCE_FIELDS.map((f) => f.pattern).sort()).toEqual(idFieldsOfSchema());
  });

  it("are listed in docs/modeling.md as the table gives them", () => {
    const text = readFileSync(new URL("../../docs/modeling.md", import.meta.url), "utf8");
    const section = /<!-- references:start -->\n([\s\S]*?)\n<!-- references:end -->/.exec(text);
    expect(section?.[1], "docs/modeling.md needs the references table between its markers").toBe(docsTable());
  });
});
