/**
 * A catalog whose every label is hostile, and a check that an HTML page runs nothing but the report's script.
 */
import { JSDOM } from "jsdom";
import { expect } from "vitest";
import { type Catalog, type CatalogInput, parseCatalog } from "../../../src/index.js";
import type { Finding } from "../../../src/sludge/types.js";
import { smallCatalog } from "../../fixtures/small-catalog.js";

/** Strings that would run script if written into HTML unescaped, in any context. */
export const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\"'><svg onload=alert(1)>",
  "</script><script>alert(1)</script>",
  "</style><script>alert(1)</script>",
  "<!--<script>alert(1)//-->",
  "javascript:alert(1)",
  "<a href=\"javascript:alert(1)\">x</a>",
  "`${alert(1)}`",
  "\u2028</textarea><iframe src=javascript:alert(1)>",
] as const;

/** The small test catalog with hostile names, descriptions, stories and labels everywhere text is free. */
export function hostileCatalog(): Catalog {
  const input = smallCatalog() as CatalogInput & Record<string, unknown>;
  let i = 0;
  const next = (): string => HOSTILE[i++ % HOSTILE.length]!;
  const text = structuredClone(input) as unknown as {
    name: string;
    description?: string;
    agencies: { name: string }[];
    channels: { name: string }[];
    roles: { name: string }[];
    services: { name: string; description?: string; occasion: { story?: string }; offering: { name: string }; steps: { name: string; customerMinutes?: number }[] }[];
    lifeExperiences: { name: string; description?: string; links: { label?: string }[] }[];
  };
  text.name = next();
  text.description = next();
  for (const a of text.agencies) a.name = next();
  for (const c of text.channels) c.name = next();
  for (const r of text.roles) r.name = next();
  for (const s of text.services) {
    s.name = next();
    s.description = next();
    s.occasion.story = next();
    s.offering.name = next();
    for (const step of s.steps) step.name = next();
  }
  // Some minutes on the second service too, so that both have burden to chart.
  text.services[1]!.steps[0]!.customerMinutes = 12;
  for (const e of text.lifeExperiences) {
    e.name = next();
    e.description = next();
    for (const link of e.links) link.label = next();
  }
  return parseCatalog(text);
}

/** A finding with hostile text. */
export function hostileFinding(severity: Finding["severity"], service: string, step: string, n: number): Finding {
  return {
    ruleId: n % 2 === 0 ? "long-wait" : "wet-signature",
    severity,
    category: "compliance",
    categories: ["compliance"],
    message: HOSTILE[n % HOSTILE.length]!,
    target: { kind: "step", service, step, path: `services[0].steps[${n}]` },
    evidence: [HOSTILE[(n + 1) % HOSTILE.length]!],
    remediation: HOSTILE[(n + 2) % HOSTILE.length]!,
    burden: { minutesPerCustomer: 10, waitDays: 0, fee: 0, customersPerYear: 100 * (n + 1), annualHours: 16.7 * (n + 1), annualCost: 580 },
    fingerprint: `fp-${n}`,
  };
}

/**
 * Asserts that a page can run nothing but the report's own inline script: no other script element (except the
 * JSON data block), no `on*` attribute, no `javascript:` URL, no element that loads from outside, and that the
 * hostile strings appear only as text.
 */
export function expectInert(html: string): JSDOM {
  const dom = new JSDOM(html);
  const doc = dom.window.document;
  const scripts = [...doc.querySelectorAll("script")];
  const executable = scripts.filter((s) => s.type === "" || /javascript|module/i.test(s.type));
  expect(executable).toHaveLength(1);
  expect(executable[0]!.src).toBe("");
  for (const s of scripts) if (s !== executable[0]) expect(s.type).toBe("application/json");
  for (const el of doc.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      expect(attr.name.toLowerCase().startsWith("on"), `${el.tagName} has ${attr.name}`).toBe(false);
      expect(/^\s*(javascript|vbscript):/i.test(attr.value), `${el.tagName} ${attr.name}=${attr.value}`).toBe(false);
    }
  }
  expect(doc.querySelectorAll("iframe, object, embed, link, base, form, meta[http-equiv=refresh]")).toHaveLength(0);
  for (const img of doc.querySelectorAll("img")) expect(img.getAttribute("src")!.startsWith("data:image/svg+xml;base64,")).toBe(true);
  return dom;
}
