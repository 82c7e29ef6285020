import { describe, it } from "vitest";
import { languageGap } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(languageGap, {
  valid: [
    {
      name: "steps in several languages and steps that state none",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web", languages: ["en", "es-US"] },
        { id: "call", lane: "customer", channel: "phone" },
      ]),
    },
  ],
  invalid: [
    {
      name: "customer-facing steps offered in one language (dialects of it too), letters included",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web", languages: ["en"] },
        { id: "dialects", lane: "customer", channel: "web", languages: ["en-US", "en-GB"] },
        { id: "letter", lane: "physical-evidence", channel: "mail", languages: ["en"] },
        { id: "review", lane: "backstage", languages: ["en"] },
      ]),
      findings: [
        { target: atStep("apply"), message: "offered only in en" },
        { target: atStep("dialects"), message: "offered only in en" },
        { target: atStep("letter"), message: "offered only in en" },
      ],
    },
    {
      name: "a required language missing, and with flagUndeclared a step that states none",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web", languages: ["en", "zh"] },
        { id: "call", lane: "customer", channel: "phone" },
      ]),
      options: { requiredLanguages: ["es"], flagUndeclared: true },
      findings: [
        { target: atStep("apply"), message: "is not offered in 'es' (offered in en, zh)" },
        { target: atStep("call"), message: "states no languages" },
      ],
    },
  ],
});
