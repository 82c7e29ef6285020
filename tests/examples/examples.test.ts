/**
 * The life-experience examples under examples/: every catalog parses and validates (from text and from a plain
 * value), keeps its evidence honest (a reported fact cites a source, every source is listed in the README),
 * declares no vocabulary it never uses, and pairs each to-be catalog with its as-is one.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { type Catalog, formatIssues, safeParseCatalog, safeParseCatalogText } from "../../src/index.js";

const root = join(import.meta.dirname, "..", "..", "examples");

/** The examples this suite owns: the priority life experiences and the small-business one. */
const LIFE_EXPERIENCE_EXAMPLES = [
  "approaching-retirement",
  "facing-a-financial-shock",
  "having-a-child",
  "recovering-from-a-disaster",
  "starting-a-small-business",
  "transitioning-to-civilian-life",
] as const;

/** Examples whose sources describe a redesign, so they carry a to-be catalog. */
const WITH_TO_BE = [
  "approaching-retirement",
  "facing-a-financial-shock",
  "having-a-child",
  "recovering-from-a-disaster",
  "transitioning-to-civilian-life",
] as const;

interface ExampleFile {
  readonly dir: string;
  readonly file: string;
  readonly text: string;
}

/** Every catalog file (YAML with a top-level `version`) of the owned examples, in a stable order. */
function exampleFiles(): ExampleFile[] {
  const files: ExampleFile[] = [];
  for (const dir of LIFE_EXPERIENCE_EXAMPLES) {
    const path = join(root, dir);
    if (!existsSync(path) || !statSync(path).isDirectory()) continue;
    for (const file of readdirSync(path).sort()) {
      if (!/\.ya?ml$/.test(file)) continue;
      const text = readFileSync(join(path, file), "utf8");
      if (/^version:/m.test(text)) files.push({ dir, file, text });
    }
  }
  return files;
}

function parseExample(example: ExampleFile): Catalog {
  const result = safeParseCatalogText(example.text, { format: "yaml", source: `${example.dir}/${example.file}` });
  if (!result.success) throw new Error(formatIssues(result.issues, `${example.dir}/${example.file}`));
  return result.catalog;
}

/** Every id a catalog refers to, per collection, so unused vocabulary can be found. */
function referencedIds(catalog: Catalog): Record<string, Set<string>> {
  const used: Record<string, Set<string>> = {
    agencies: new Set(),
    channels: new Set(),
    roles: new Set(),
    tools: new Set(),
    dataElements: new Set(),
    documentTypes: new Set(),
    sources: new Set(),
  };
  const add = (collection: string, ids: readonly (string | undefined)[]): void => {
    for (const id of ids) if (id !== undefined) used[collection]!.add(id);
  };
  for (const agency of catalog.agencies) add("agencies", [agency.department]);
  for (const x of [...catalog.channels, ...catalog.roles, ...catalog.tools]) add("agencies", [x.agency]);
  for (const d of catalog.dataElements) add("agencies", d.heldBy);
  for (const d of catalog.documentTypes) add("agencies", [d.issuedBy, ...d.heldBy]);
  for (const service of catalog.services) {
    add("agencies", [service.agency]);
    add("channels", service.channels);
    add("roles", service.roles);
    add("tools", service.tools);
    add("sources", service.sources);
    for (const f of service.feedback) add("channels", [f.channel]);
    for (const step of service.steps) {
      add("channels", [step.channel]);
      add("roles", [step.role]);
      add("tools", [...step.tools, step.credential]);
      add("dataElements", step.dataAsked);
      add("documentTypes", step.documentsAsked);
      add("sources", step.sources);
    }
  }
  for (const experience of catalog.lifeExperiences) {
    add("sources", experience.sources);
    for (const link of experience.links) {
      add("dataElements", link.data);
      add("documentTypes", link.documents);
    }
  }
  return used;
}

const files = exampleFiles();

describe("life-experience examples", () => {
  it("has an as-is catalog and a README for each example, and a to-be where the sources describe a redesign", () => {
    for (const dir of LIFE_EXPERIENCE_EXAMPLES) {
      expect(existsSync(join(root, dir, "as-is.yaml")), `${dir}/as-is.yaml`).toBe(true);
      expect(existsSync(join(root, dir, "README.md")), `${dir}/README.md`).toBe(true);
    }
    for (const dir of WITH_TO_BE) expect(existsSync(join(root, dir, "to-be.yaml")), `${dir}/to-be.yaml`).toBe(true);
    expect(files.length).toBe(LIFE_EXPERIENCE_EXAMPLES.length + WITH_TO_BE.length);
  });

  for (const example of files) {
    const name = `${example.dir}/${example.file}`;

    describe(name, () => {
      it("parses and validates from YAML text with parseCatalogText's checks", () => {
        const catalog = parseExample(example);
        expect(catalog.version).toBe(1);
        expect(catalog.services.length).toBeGreaterThan(0);
      });

      it("validates from a plain value with safeParseCatalog, to the same catalog", () => {
        const result = safeParseCatalog(parseYaml(example.text));
        if (!result.success) throw new Error(formatIssues(result.issues, name));
        expect(result.catalog).toEqual(parseExample(example));
      });

      it("cites a source for every reported step and every service", () => {
        const catalog = parseExample(example);
        expect(catalog.sources.length).toBeGreaterThan(0);
        const uncited: string[] = [];
        for (const service of catalog.services) {
          if (service.sources.length === 0) uncited.push(service.id);
          for (const step of service.steps) {
            if (step.evidence === "reported" && step.sources.length === 0) uncited.push(`${service.id}.${step.id}`);
          }
        }
        expect(uncited).toEqual([]);
      });

      it("marks what it has not observed: no step claims `observed` evidence", () => {
        const catalog = parseExample(example);
        const observed = catalog.services.flatMap((s) => s.steps.filter((step) => step.evidence === "observed").map((step) => `${s.id}.${step.id}`));
        expect(observed).toEqual([]);
      });

      it("uses every agency, channel, role, tool, data element, document type and source it declares", () => {
        const catalog = parseExample(example);
        const used = referencedIds(catalog);
        const unused: string[] = [];
        const declared: Record<string, readonly { id: string }[]> = {
          agencies: catalog.agencies,
          channels: catalog.channels,
          roles: catalog.roles,
          tools: catalog.tools,
          dataElements: catalog.dataElements,
          documentTypes: catalog.documentTypes,
          sources: catalog.sources,
        };
        for (const [collection, items] of Object.entries(declared)) {
          for (const item of items) if (!used[collection]!.has(item.id)) unused.push(`${collection}.${item.id}`);
        }
        expect(unused).toEqual([]);
      });

      it("is listed, source by source, in the example's README", () => {
        const catalog = parseExample(example);
        const readme = readFileSync(join(root, example.dir, "README.md"), "utf8");
        const missing = catalog.sources.filter((s) => !readme.includes(s.url ?? s.title)).map((s) => s.id);
        expect(missing).toEqual([]);
      });
    });
  }

  for (const dir of WITH_TO_BE) {
    it(`${dir}: the to-be catalog models the same life experiences as the as-is one`, () => {
      const pair = files.filter((f) => f.dir === dir);
      const asIs = pair.find((f) => f.file === "as-is.yaml");
      const toBe = pair.find((f) => f.file === "to-be.yaml");
      expect(asIs && toBe).toBeTruthy();
      const before = parseExample(asIs!);
      const after = parseExample(toBe!);
      expect(after.lifeExperiences.map((x) => x.id).sort()).toEqual(before.lifeExperiences.map((x) => x.id).sort());
      // A redesign changes something a customer meets: the step lists must differ.
      expect(JSON.stringify(after.services)).not.toEqual(JSON.stringify(before.services));
    });
  }
});
