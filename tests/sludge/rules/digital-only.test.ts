import { describe, it } from "vitest";
import { digitalOnly } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { catalog, exactly, oneService, service } from "./fixtures.js";

const webAndPhone = oneService([{ id: "apply", lane: "customer", channel: "web" }], { channels: ["web", "phone"] });

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(digitalOnly, {
  valid: [
    { name: "a service with a phone path", catalog: webAndPhone },
    { name: "a service with an in-person kiosk step", catalog: oneService([{ id: "apply", lane: "customer", channel: "web" }, { id: "visit", lane: "customer", channel: "kiosk" }]) },
    { name: "a service with no digital channel at all", catalog: oneService([{ id: "apply", lane: "customer", channel: "mail" }]) },
  ],
  invalid: [
    {
      name: "services reachable only through digital (and paper) channels",
      catalog: catalog({
        services: [
          service("online", [{ id: "apply", lane: "customer", channel: "web" }, { id: "notice", lane: "physical-evidence", channel: "mail" }]),
          service("app-only", [{ id: "apply", lane: "customer", channel: "app" }], { channels: ["app", "web"] }),
        ],
      }),
      findings: [
        { target: { service: "online" }, message: "offers no assisted channel", evidence: [exactly("channel groups offered: digital, paper")] },
        { target: { service: "app-only" }, message: "only digital" },
      ],
    },
    {
      name: "a phone path when only in-person counts as assisted",
      catalog: webAndPhone,
      options: { assisted: ["in-person"] },
      findings: [{ target: { service: "svc" }, message: "(in-person)" }],
    },
  ],
});
