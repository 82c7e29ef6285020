import { describe, expect, it } from "vitest";
import type { FeedbackCollection } from "../../../src/index.js";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

const steps = [{ id: "apply", lane: "customer" as const, channel: "web" }];
const quarter = (fiscalYear: number, q: number): FeedbackCollection => ({
  survey: "v2",
  fiscalYear,
  quarter: q,
  volumes: {},
  wentWell: {},
  didNotGoWell: {},
});

describe("feedback-quarters-missing", () => {
  it("flags gaps between reports and quarters overdue since the last one", () => {
    // FY2024 Q2 ended 2024-03-31 and was due by 2024-04-30; on 2024-05-15 it is overdue, Q3 is not.
    const catalog = oneService(steps, { designated: true, feedback: [quarter(2023, 2), quarter(2023, 3), quarter(2024, 1)] });
    const findings = lintRule("feedback-quarters-missing", catalog, {}, { today: "2024-05-15" });
    expectFindings(findings, [{ target: { service: "svc" }, message: "missing feedback for 2 quarters: FY2023 Q4, FY2024 Q2" }]);
    expect(findings[0]!.evidence).toEqual([
      "reported: 3 quarters from FY2023 Q2 to FY2024 Q1",
      "gaps between reports: 1 quarter",
      "overdue on 2024-05-15: FY2024 Q2",
    ]);
  });

  it("passes an unbroken series whose next report is not yet due", () => {
    const catalog = oneService(steps, { designated: true, feedback: [quarter(2024, 1), quarter(2024, 2), quarter(2024, 1)] });
    expect(lintRule("feedback-quarters-missing", catalog, {}, { today: "2024-04-30" })).toEqual([]);
  });

  it("counts the due date exactly: a quarter is overdue the day after its grace period ends", () => {
    const catalog = oneService(steps, { designated: true, feedback: [quarter(2024, 1)] });
    // FY2024 Q2 ends 2024-03-31; with 30 days of grace it is due 2024-04-30.
    expect(lintRule("feedback-quarters-missing", catalog, {}, { today: "2024-04-30" })).toEqual([]);
    expectFindings(lintRule("feedback-quarters-missing", catalog, {}, { today: "2024-05-01" }), [
      { target: { service: "svc" }, message: "1 quarter: FY2024 Q2" },
    ]);
    // Fiscal years turn in October: FY2025 Q1 (Oct-Dec 2024) is overdue on 2025-01-31.
    const late = oneService(steps, { designated: true, feedback: [quarter(2024, 4)] });
    expectFindings(lintRule("feedback-quarters-missing", late, {}, { today: "2025-01-31" }), [
      { target: { service: "svc" }, message: "FY2025 Q1" },
    ]);
  });

  it("leaves services without feedback or not designated alone, and reads its options", () => {
    const none = oneService(steps, { designated: true });
    const plain = oneService(steps, { feedback: [quarter(2020, 1)] });
    expect(lintRule("feedback-quarters-missing", none, {}, { today: "2024-05-15" })).toEqual([]);
    expect(lintRule("feedback-quarters-missing", plain, {}, { today: "2024-05-15" })).toEqual([]);
    const stale = oneService(steps, { designated: true, feedback: [quarter(2020, 1)] });
    expect(lintRule("feedback-quarters-missing", stale, { checkRecent: false }, { today: "2024-05-15" })).toEqual([]);
    const [finding] = lintRule("feedback-quarters-missing", stale, { maxListed: 2 }, { today: "2024-05-15" });
    expect(finding?.message).toContain("17 quarters: FY2020 Q2, FY2020 Q3 and 15 more");
  });
});
