/**
 * The shape and document breakages of {@link arbBrokenCatalog}: bad values, missing fields, unknown and forbidden
 * keys, format versions and nesting too deep (the integrity breakages are in broken-catalog-sites.ts).
 */
import { type CatalogIssueCode, type PathSegment } from "../../model/issues.js";
import type { Catalog } from "../../model/schema.js";
import { Breaker, get, issue, type Json, MAX_DEPTH, obj, type Site } from "./broken-catalog-sites.js";

interface ShapeChange {
  readonly path: PathSegment[];
  readonly code: CatalogIssueCode;
  readonly value?: unknown;
  readonly remove?: boolean;
  readonly what: string;
  /** What the change claims when more than its own field: a discriminator claims its whole object. */
  readonly claim?: PathSegment[];
}

/** Candidate changes that break the schema at one field each. */
function badValueChanges(c: Catalog): ShapeChange[] {
  const out: ShapeChange[] = [];
  c.agencies.forEach((_, i) => {
    out.push({ path: ["agencies", i, "hisp"], code: "invalid_type", value: "yes", what: "hisp is the text 'yes'" });
    out.push({ path: ["agencies", i, "id"], code: "invalid_format", value: "1st agency", what: "an id that starts with a digit and holds a space" });
    out.push({ path: ["agencies", i, "level"], code: "invalid_value", value: "feds", what: "an unknown government level" });
  });
  c.channels.forEach((_, i) => out.push({ path: ["channels", i, "kind"], code: "invalid_value", value: "web", what: "an unknown channel kind" }));
  c.sources.forEach((_, i) => out.push({ path: ["sources", i, "url"], code: "invalid_format", value: "not a url", what: "a malformed URL" }));
  c.services.forEach((s, i) => {
    const base: PathSegment[] = ["services", i];
    out.push({ path: [...base, "kind"], code: "invalid_value", value: "benefit", what: "an unknown service kind" });
    out.push({ path: [...base, "steps"], code: "too_small", value: [], what: "a service without steps" });
    out.push({ path: [...base, "occasion", "annualVolume"], code: "invalid_type", value: 1.5, what: "a fractional annual volume" });
    out.push({ path: [...base, "name"], code: "too_small", value: "   ", what: "a blank name" });
    s.feedback.forEach((_, k) => {
      out.push({ path: [...base, "feedback", k, "quarter"], code: "too_big", value: 5, what: "a fifth quarter" });
      out.push({
        path: [...base, "feedback", k, "survey"],
        code: "invalid_value",
        value: "v3",
        what: "an unknown survey",
        claim: [...base, "feedback", k],
      });
    });
    s.steps.forEach((step, j) => {
      const at: PathSegment[] = [...base, "steps", j];
      out.push({ path: [...at, "customerMinutes"], code: "too_small", value: -5, what: "negative customer minutes" });
      out.push({ path: [...at, "waitDays"], code: "invalid_type", value: "3 days", what: "wait days as text" });
      out.push({ path: [...at, "lane"], code: "invalid_value", value: "frontstag", what: "a misspelt lane" });
      out.push({ path: [...at, "name"], code: "invalid_type", value: 42, what: "a number as a name" });
      out.push({ path: [...at, "id"], code: "too_big", value: `a${"b".repeat(100)}`, what: "an id of 101 characters" });
      out.push({ path: [...at, "signature"], code: "invalid_value", value: "ink", what: "an unknown signature kind" });
      out.push({ path: [...at, "languages", step.languages.length], code: "invalid_format", value: "English", what: "a language name instead of a tag" });
      step.next.forEach((_, f) => out.push({ path: [...at, "next", f, "share"], code: "too_big", value: 1.5, what: "a share over 1" }));
      if (step.failPoint !== undefined) {
        out.push({ path: [...at, "failPoint", "share"], code: "too_small", value: -0.1, what: "a negative fail-point share" });
      }
    });
  });
  c.waivers.forEach((_, i) => out.push({ path: ["waivers", i, "expires"], code: "invalid_format", value: "2024-13-01", what: "a thirteenth month" }));
  return out;
}

function missingFieldChanges(c: Catalog): ShapeChange[] {
  const out: ShapeChange[] = [{ path: ["name"], code: "missing_field", remove: true, what: "the catalog has no name" }];
  const required = (path: PathSegment[], fields: readonly string[]): void => {
    for (const field of fields) out.push({ path: [...path, field], code: "missing_field", remove: true, what: `'${field}' removed` });
  };
  c.agencies.forEach((_, i) => required(["agencies", i], ["id", "name"]));
  c.channels.forEach((_, i) => required(["channels", i], ["kind"]));
  c.tools.forEach((_, i) => required(["tools", i], ["kind"]));
  c.services.forEach((s, i) => {
    required(["services", i], ["agency", "kind", "occasion", "offering"]);
    s.steps.forEach((_, j) => required(["services", i, "steps", j], ["id", "name", "lane"]));
    s.feedback.forEach((_, k) => {
      out.push({ path: ["services", i, "feedback", k, "survey"], code: "missing_field", remove: true, what: "'survey' removed", claim: ["services", i, "feedback", k] });
      required(["services", i, "feedback", k], ["fiscalYear"]);
    });
  });
  c.lifeExperiences.forEach((x, e) => {
    required(["lifeExperiences", e], ["services"]);
    x.links.forEach((_, k) => required(["lifeExperiences", e, "links", k], ["kind", "from"]));
  });
  c.waivers.forEach((_, i) => required(["waivers", i], ["note", "justification"]));
  return out;
}

const UNKNOWN_KEYS = ["colour", "chanel", "lanes", "customerMinute", "notes", "owner", "priorty", "nextStep", "x-extra"] as const;

function unknownKeyChanges(c: Catalog, variant: number): ShapeChange[] {
  const key = UNKNOWN_KEYS[variant % UNKNOWN_KEYS.length]!;
  const objects: PathSegment[][] = [[]];
  c.agencies.forEach((_, i) => objects.push(["agencies", i]));
  c.channels.forEach((_, i) => objects.push(["channels", i]));
  c.services.forEach((s, i) => {
    objects.push(["services", i], ["services", i, "occasion"], ["services", i, "offering"]);
    s.steps.forEach((step, j) => {
      objects.push(["services", i, "steps", j]);
      step.next.forEach((_, f) => objects.push(["services", i, "steps", j, "next", f]));
    });
    s.feedback.forEach((_, k) => objects.push(["services", i, "feedback", k]));
  });
  c.lifeExperiences.forEach((x, e) => {
    objects.push(["lifeExperiences", e]);
    x.links.forEach((_, k) => objects.push(["lifeExperiences", e, "links", k], ["lifeExperiences", e, "links", k, "from"]));
  });
  c.waivers.forEach((_, i) => objects.push(["waivers", i], ["waivers", i, "target"]));
  return objects.map((path) => ({ path: [...path, key], code: "unrecognized_key", value: "planted", what: `an unknown field '${key}'` }));
}

export function shapeSites(b: Breaker, breakage: "bad-value" | "missing-field" | "unknown-key", variant: number): Site[] {
  const changes =
    breakage === "bad-value" ? badValueChanges(b.base) : breakage === "missing-field" ? missingFieldChanges(b.base) : unknownKeyChanges(b.base, variant);
  return changes.map((change) => ({
    // A change claims its field (so nothing else changes inside it); a discriminator claims its whole object,
    // since a discriminated union checks nothing else once the discriminator is wrong.
    claim: change.claim ?? change.path,
    plant: () => {
      const parent = get(b.doc, change.path.slice(0, -1)) as Record<PathSegment, unknown>;
      const field = change.path[change.path.length - 1]!;
      if (change.remove) delete parent[field];
      else parent[field] = structuredClone(change.value);
      return [issue(change.code, change.path, breakage, change.what)];
    },
  }));
}

// ── document ─────────────────────────────────────────────────────────────────────────────────────────────────

const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"] as const;

export function forbiddenKeySites(b: Breaker, variant: number): Site[] {
  const key = FORBIDDEN_KEYS[variant % FORBIDDEN_KEYS.length]!;
  const objects: PathSegment[][] = [[]];
  b.base.agencies.forEach((_, i) => objects.push(["agencies", i]));
  b.base.services.forEach((s, i) => {
    objects.push(["services", i]);
    s.steps.forEach((_, j) => objects.push(["services", i, "steps", j]));
  });
  return objects.map((path) => ({
    claim: [...path, "+forbidden"],
    plant: () => {
      // An own, enumerable property, as JSON.parse would make it: assignment to `__proto__` would set the prototype.
      Object.defineProperty(obj(b.doc, path), key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
      return [issue("forbidden_key", [...path, key], "forbidden-key", `a '${key}' key`)];
    },
  }));
}

export function versionSite(b: Breaker, variant: number): Site {
  const choices: { value: unknown; code: CatalogIssueCode; what: string }[] = [
    { value: 2, code: "unsupported_version", what: "format version 2, newer than this release" },
    { value: "1", code: "unsupported_version", what: "the version as text" },
    { value: 0, code: "unsupported_version", what: "format version 0" },
    { value: 1.5, code: "unsupported_version", what: "a fractional version" },
    { value: undefined, code: "missing_field", what: "no version" },
  ];
  const choice = choices[variant % choices.length]!;
  return {
    claim: ["version"],
    plant: () => {
      if (choice.value === undefined) delete b.doc.version;
      else b.doc.version = choice.value;
      return [issue(choice.code, ["version"], "unsupported-version", choice.what)];
    },
  };
}

export function tooDeepSite(b: Breaker, variant: number): Site {
  const hosts: PathSegment[][] = [[]];
  b.base.services.forEach((_, i) => hosts.push(["services", i]));
  const host = hosts[variant % hosts.length]!;
  return {
    claim: [...host, "+deep"],
    plant: () => {
      // A chain of objects well past the limit; the validator reports the first object at depth 64.
      let chain: Json = { end: true };
      for (let level = 0; level < MAX_DEPTH + 16; level++) chain = { deeper: chain };
      obj(b.doc, host).nested = chain;
      const path: PathSegment[] = [...host, "nested"];
      while (path.length < MAX_DEPTH) path.push("deeper");
      return [issue("document_too_deep", path, "too-deep", `nesting deeper than ${MAX_DEPTH} levels`)];
    },
  };
}

// ── assembling ───────────────────────────────────────────────────────────────────────────────────────────────
