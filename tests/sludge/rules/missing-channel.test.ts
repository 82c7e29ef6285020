import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("missing-channel", () => {
  it("flags customer steps that name no channel", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer" },
      { id: "review", lane: "backstage" },
    ]);
    expectFindings(lintRule("missing-channel", catalog), [{ target: { service: "svc", step: "apply" }, message: "names no channel" }]);
  });

  it("passes customer steps with a channel", () => {
    expect(lintRule("missing-channel", oneService([{ id: "apply", lane: "customer", channel: "web" }, { id: "review", lane: "backstage" }]))).toEqual([]);
  });

  it("checks the lanes it is given", () => {
    expectFindings(lintRule("missing-channel", oneService([{ id: "review", lane: "backstage" }]), { lanes: ["backstage"] }), [
      { target: { service: "svc", step: "review" }, message: "names no channel" },
    ]);
  });
});
