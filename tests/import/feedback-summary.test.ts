import { describe, expect, it } from "vitest";
import { type FeedbackCollection, FeedbackCollectionSchema, type Service, fiscalQuarter, summarizeFeedback } from "../../src/index.js";

function v1(
  fiscalYear: number,
  quarter: number,
  questions: { driver: string; counts?: number[]; mean?: number; scale?: number }[],
  volumes: { customers?: number; offered?: number; respondents?: number } = {},
  channel?: string,
): FeedbackCollection {
  return FeedbackCollectionSchema.parse({ survey: "v1", fiscalYear, quarter, volumes, questions, ...(channel ? { channel } : {}) });
}

function service(feedback: FeedbackCollection[]): Pick<Service, "id" | "feedback"> {
  return { id: "svc", feedback };
}

describe("summarizeFeedback", () => {
  it("pools each driver's answers over a quarter's collections", () => {
    const summary = summarizeFeedback(
      service([
        v1(2023, 1, [{ driver: "ease", counts: [1, 1, 2, 3, 3] }], { customers: 1000, offered: 100, respondents: 10 }, "web"),
        v1(2023, 1, [{ driver: "ease", counts: [0, 0, 0, 5, 5] }, { driver: "custom", counts: [1, 1, 1, 1, 1] }], { offered: 50, respondents: 10 }, "phone"),
      ]),
    );
    expect(summary.collections).toBe(2);
    expect(summary.quarters).toHaveLength(1);
    const q = summary.quarters[0]!;
    expect(q.label).toBe("FY2023 Q1");
    expect(q.customers).toBe(1000);
    expect(q.offered).toBe(150);
    expect(q.respondents).toBe(20);
    expect(q.responseRate).toBeCloseTo(20 / 150, 12);
    expect(q.customQuestions).toBe(1);
    expect(q.drivers).toHaveLength(1);
    const ease = q.drivers[0]!;
    expect(ease.driver).toBe("ease");
    expect(ease.questions).toBe(2);
    expect(ease.answers).toBe(20);
    // (1*1 + 1*2 + 2*3 + 3*4 + 3*5 + 5*4 + 5*5) / 20 = 81 / 20
    expect(ease.mean).toBeCloseTo(81 / 20, 12);
    // agree = 4 or 5: 3 + 3 + 5 + 5 = 16 of 20
    expect(ease.agreeShare).toBeCloseTo(0.8, 12);
  });

  it("filters by channel and orders quarters, drivers and trends", () => {
    const feedback = [
      v1(2023, 2, [{ driver: "trust", counts: [0, 0, 0, 0, 4] }, { driver: "satisfaction", counts: [0, 0, 0, 2, 2] }], {}, "web"),
      v1(2022, 4, [{ driver: "satisfaction", counts: [2, 0, 0, 0, 2] }], {}, "web"),
      v1(2022, 4, [{ driver: "satisfaction", counts: [0, 0, 0, 0, 9] }], {}, "phone"),
    ];
    const all = summarizeFeedback(service(feedback));
    expect(all.quarters.map((q) => q.label)).toEqual(["FY2022 Q4", "FY2023 Q2"]);
    expect(all.missingQuarters).toEqual([fiscalQuarter(2023, 1)]);
    expect(all.quarters[1]!.drivers.map((d) => d.driver)).toEqual(["satisfaction", "trust"]);
    expect(all.trends.map((t) => [t.driver, t.direction])).toEqual([
      ["satisfaction", "up"],
      ["trust", "single"],
    ]);
    // FY2022 Q4 pools both channels: 11 of 13 answers agree; FY2023 Q2: 4 of 4.
    expect(all.trends[0]!.agreeShareChange).toBeCloseTo(1 - 11 / 13, 12);
    const web = summarizeFeedback(service(feedback), { channel: "web" });
    expect(web.collections).toBe(2);
    const sat = web.trends[0]!;
    expect(sat.points.map((p) => p.agreeShare)).toEqual([0.5, 1]);
    expect(sat.agreeShareChange).toBeCloseTo(0.5, 12);
    expect(sat.meanChange).toBeCloseTo(4.5 - 3, 12);
    expect(sat.direction).toBe("up");
    expect(summarizeFeedback(service(feedback), { channel: "web", flatThreshold: 0.6 }).trends[0]!.direction).toBe("flat");
    const phoneThenWeb = [v1(2022, 1, [{ driver: "ease", counts: [0, 0, 0, 0, 4] }]), v1(2022, 2, [{ driver: "ease", counts: [4, 0, 0, 0, 0] }])];
    expect(summarizeFeedback(service(phoneThenWeb)).trends[0]!.direction).toBe("down");
  });

  it("maps other scales onto 1..5 and uses a bare mean weighted by respondents", () => {
    const summary = summarizeFeedback(
      service([
        // 7-point: agree is 5, 6 or 7; point 7 maps to 5, point 1 to 1.
        v1(2021, 3, [{ driver: "efficiency", scale: 7, counts: [1, 0, 0, 0, 0, 0, 1] }], { respondents: 2 }),
        // No counts: its mean 4 weighs its 6 respondents; it adds no answers and no agree share.
        v1(2021, 3, [{ driver: "efficiency", mean: 4 }], { respondents: 6 }),
      ]),
    );
    const eff = summary.quarters[0]!.drivers[0]!;
    expect(eff.questions).toBe(2);
    expect(eff.answers).toBe(2);
    expect(eff.agreeShare).toBe(0.5);
    expect(eff.mean).toBeCloseTo((1 + 5 + 4 * 6) / 8, 12);
    expect(summary.quarters[0]!.responseRate).toBeNull();
    expect(summary.quarters[0]!.customers).toBeNull();
  });

  it("summarizes v2 trust answers and tolerates empty feedback", () => {
    const v2 = FeedbackCollectionSchema.parse({ survey: "v2", fiscalYear: 2024, quarter: 1, trust: { positive: 30, negative: 10 } });
    const summary = summarizeFeedback(service([v2]));
    expect(summary.quarters[0]!.trustPositiveShare).toBe(0.75);
    expect(summary.quarters[0]!.drivers).toEqual([]);
    expect(summarizeFeedback(service([]))).toEqual({ service: "svc", collections: 0, quarters: [], trends: [], missingQuarters: [] });
  });

  it("does not change with the order of the collections", () => {
    const feedback = [
      v1(2022, 1, [{ driver: "ease", counts: [1, 2, 3, 4, 5] }], { offered: 10, respondents: 3 }),
      v1(2022, 2, [{ driver: "ease", counts: [5, 4, 3, 2, 1] }], { offered: 10, respondents: 3 }),
      v1(2022, 1, [{ driver: "equity", counts: [0, 1, 0, 1, 0] }], { offered: 20, respondents: 4 }),
    ];
    const a = summarizeFeedback(service(feedback));
    const b = summarizeFeedback(service([...feedback].reverse()));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
