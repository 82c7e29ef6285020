import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { catalogJsonSchema } from "../../src/index.js";
import { smallCatalog } from "../fixtures/small-catalog.js";

const committed = JSON.parse(readFileSync(new URL("../../schema/catalog.schema.json", import.meta.url), "utf8"));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(committed);
}

describe("the shipped JSON Schema", () => {
  it("is the one generated from the zod schemas (run `npm run schema:write` after a model change)", () => {
    expect(committed).toEqual(catalogJsonSchema());
  });

  it("is draft-07 with a versioned $id (the package version)", () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(committed.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(committed.$id).toBe(`https://unpkg.com/service-blueprint@${version}/schema/catalog.schema.json`);
  });

  it("accepts a valid catalog", () => {
    const validate = validator();
    expect(validate(smallCatalog()), JSON.stringify(validate.errors)).toBe(true);
  });

  it("accepts every bundled example, as a user's editor would read it", () => {
    const validate = validator();
    const root = join(import.meta.dirname, "..", "..", "examples");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".yaml"))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const doc: unknown = parseYaml(readFileSync(join(root, file), "utf8"), { maxAliasCount: -1 });
      expect(validate(doc), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it("rejects broken shapes", () => {
    const validate = validator();
    const broken: any[] = [
      { name: "no version" },
      { version: 2, name: "x" },
      { version: 1, name: "x", agencies: [{ id: "1bad", name: "A" }] },
      { version: 1, name: "x", channels: [{ id: "c", name: "C", kind: "pigeon" }] },
      { version: 1, name: "x", unknown: true },
    ];
    const step: any = smallCatalog();
    step.services[0].steps[0].customerMinutes = -1;
    broken.push(step);
    for (const doc of broken) expect(validate(doc), JSON.stringify(doc).slice(0, 80)).toBe(false);
  });
});
