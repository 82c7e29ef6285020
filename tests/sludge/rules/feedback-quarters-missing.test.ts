import { describe, it } from "vitest";
import { type FeedbackCollection, feedbackQuartersMissing } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { oneService } from "./fixtures.js";

const steps = [{ id: "apply", lane: "customer" as const, channel: "web" }];
const quarter = (fiscalYear: number, q: number): FeedbackCollection => ({
  survey: "v2",
  fiscalYear,
  quarter: q,
  volumes: {},
  wentWell: {},
  didNotGoWell: {},
});
const svc = { service: "svc" };
// FY2024 Q2 ended 2024-03-31 and was due by 2024-04-30; on 2024-05-15 it is overdue, Q3 is not.
const gaps = oneService(steps, { designated: true, feedback: [quarter(2023, 2), quarter(2023, 3), quarter(2024, 1)] });
const afterQ1 = oneService(steps, { designated: true, feedback: [quarter(2024, 1)] });
const stale = oneService(steps, { designated: true, feedback: [quarter(2020, 1)] });

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(feedbackQuartersMissing, {
  valid: [
    {
      name: "an unbroken series whose next report is not yet due",
      catalog: oneService(steps, { designated: true, feedback: [quarter(2024, 1), quarter(2024, 2), quarter(2024, 1)] }),
      today: "2024-04-30",
    },
    // FY2024 Q2 ends 2024-03-31; with 30 days of grace it is due 2024-04-30.
    { name: "a quarter on its due date, not yet overdue", catalog: afterQ1, today: "2024-04-30" },
    { name: "a designated service without feedback", catalog: oneService(steps, { designated: true }), today: "2024-05-15" },
    { name: "a service that is not designated", catalog: oneService(steps, { feedback: [quarter(2020, 1)] }), today: "2024-05-15" },
    { name: "a stale series when checkRecent is off", catalog: stale, options: { checkRecent: false }, today: "2024-05-15" },
  ],
  invalid: [
    {
      name: "gaps between reports and quarters overdue since the last one",
      catalog: gaps,
      today: "2024-05-15",
      findings: [
        {
          target: svc,
          message: "missing feedback for 2 quarters: FY2023 Q4, FY2024 Q2",
          exactEvidence: ["reported: 3 quarters from FY2023 Q2 to FY2024 Q1", "gaps between reports: 1 quarter", "overdue on 2024-05-15: FY2024 Q2"],
        },
      ],
    },
    { name: "a quarter overdue the day after its grace period ends", catalog: afterQ1, today: "2024-05-01", findings: [{ target: svc, message: "1 quarter: FY2024 Q2" }] },
    {
      // Fiscal years turn in October: FY2025 Q1 (Oct-Dec 2024) is overdue on 2025-01-31.
      name: "a quarter of the next fiscal year, which turns in October",
      catalog: oneService(steps, { designated: true, feedback: [quarter(2024, 4)] }),
      today: "2025-01-31",
      findings: [{ target: svc, message: "FY2025 Q1" }],
    },
    {
      name: "17 missing quarters, maxListed of them named",
      catalog: stale,
      options: { maxListed: 2 },
      today: "2024-05-15",
      findings: [{ target: svc, message: "17 quarters: FY2020 Q2, FY2020 Q3 and 15 more" }],
    },
  ],
});
