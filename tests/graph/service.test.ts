import { describe, expect, it } from "vitest";
import {
  GraphAnalysisError,
  analyzeService,
  stepReach,
} from "../../src/index.js";
import { deepFreeze } from "../../src/model/validate.js";
import { assertDeepFrozen } from "../../src/testing/index.js";
import { type StepSpec, catalog, chain, key, service, steps } from "./fixtures.js";

/**
 * A benefit: 20% go to an in-person interview, the others upload a birth certificate; a backstage review grants
 * 90% and leaves 10% in limbo (a dead end), and sends 30% back to apply (rework). The decision letter is physical
 * evidence attached to the decision. An orphan step is reachable from nowhere.
 */
function benefitCatalog() {
  return catalog({
    services: [
      service("benefit", [
        ...steps(
          {
            id: "apply",
            channel: "web",
            customerMinutes: 30,
            dataAsked: ["ssn"],
            identityProofing: "remote",
            credential: "login-gov",
            next: [
              { to: "interview", kind: "branch", share: 0.2 },
              { to: "upload", kind: "branch" },
            ],
          },
          {
            id: "interview",
            channel: "office",
            customerMinutes: 60,
            travelMinutes: 30,
            dataAsked: ["ssn"],
            documentsAsked: ["birth-cert"],
            identityProofing: "in-person",
            next: [{ to: "review" }],
          },
          { id: "upload", channel: "web", customerMinutes: 10, documentsAsked: ["birth-cert"], next: [{ to: "review" }] },
          {
            id: "review",
            lane: "backstage",
            role: "irs-agent",
            waitDays: 10,
            next: [
              { to: "decide", kind: "branch", share: 0.9 },
              { to: "limbo", kind: "branch", share: 0.1 },
              { to: "apply", kind: "rework", share: 0.3 },
            ],
          },
          { id: "limbo", lane: "backstage" },
          { id: "decide", lane: "frontstage", channel: "mail", outcome: "granted" },
          { id: "letter", lane: "physical-evidence", attachedTo: "decide", customerMinutes: 5 },
          { id: "orphan", customerMinutes: 15, outcome: "withdrawn" },
        ),
      ]),
    ],
  });
}

describe("analyzeService on a hand-built service", () => {
  const report = analyzeService(benefitCatalog(), "benefit");

  it("finds entries and outcomes", () => {
    expect(report.entries.map(key)).toEqual(["benefit/apply"]);
    expect(report.outcomes.map(key)).toEqual(["benefit/decide", "benefit/orphan"]);
  });

  it("splits reach by branch shares, gives the remainder to unstated branches and attached steps their host's", () => {
    expect(report.reach.map((r) => [r.step, r.share])).toEqual([
      ["apply", 1],
      ["interview", 0.2],
      ["upload", 0.8],
      ["review", 1],
      ["limbo", 0.1],
      ["decide", 0.9],
      ["letter", 0.9],
      ["orphan", 0],
    ]);
    expect(stepReach(benefitCatalog(), "benefit")).toEqual(report.reach);
  });

  it("adds the repeats rework sends customers back for, split by the branches on the way back", () => {
    // By hand: review sends 30% of its customers (reach 1) back to apply: 0.3 redo apply; of them 20% take the
    // interview (0.06) and 80% upload (0.24); all of them meet review again (0.3).
    // visits: apply 1 + 0.3 = 1.3; interview 0.2 + 0.06 = 0.26; upload 0.8 + 0.24 = 1.04; review 1.3; others = reach.
    const visits = new Map(report.reach.map((r) => [r.step, r.visits ?? r.share]));
    expect(visits.get("apply")).toBeCloseTo(1.3, 12);
    expect(visits.get("interview")).toBeCloseTo(0.26, 12);
    expect(visits.get("upload")).toBeCloseTo(1.04, 12);
    expect(visits.get("review")).toBeCloseTo(1.3, 12);
    expect(report.reach.find((r) => r.step === "decide")?.visits).toBeUndefined();
    expect(report.reworkLoops[0]?.repeated.map((r) => [r.step.step, r.share])).toEqual([
      ["apply", 1],
      ["upload", 0.8],
      ["interview", 0.2],
      ["review", 1],
    ]);
  });

  it("computes the expected time from visits", () => {
    // 30 × 1.3 + (60 + 30) × 0.26 + 10 × 1.04 + 5 × 0.9 = 39 + 23.4 + 10.4 + 4.5 = 77.3 minutes; review's 10 days × 1.3.
    expect(report.expected.minutes).toBeCloseTo(77.3, 10);
    expect(report.expected.waitDays).toBeCloseTo(13, 10);
    expect(report.expected.days).toBeCloseTo(13 + report.expected.minutes / 1440, 10);
  });

  it("lists and counts the paths, with the critical and the shortest one", () => {
    const { paths } = report;
    expect(paths.count).toBe(4);
    expect(paths.capped).toBe(false);
    expect(paths.note).toBeUndefined();
    expect(paths.paths.map((p) => p.steps.map((s) => s.step).join(">"))).toEqual([
      "apply>interview>review>decide",
      "apply>interview>review>limbo",
      "apply>upload>review>decide",
      "apply>upload>review>limbo",
    ]);
    expect(paths.paths.map((p) => p.end)).toEqual(["granted", "dead-end", "granted", "dead-end"]);
    expect(paths.paths.map((p) => p.time.minutes)).toEqual([125, 120, 45, 40]);
    expect(paths.critical?.steps.map((s) => s.step)).toEqual(["apply", "interview", "review", "decide"]);
    expect(paths.critical?.time).toEqual({ minutes: 125, waitDays: 10, days: 10 + 125 / 1440 });
    expect(paths.shortest?.steps.map((s) => s.step)).toEqual(["apply", "upload", "review", "limbo"]);
  });

  it("caps the list but still counts every path", () => {
    const capped = analyzeService(benefitCatalog(), "benefit", { maxPaths: 3 });
    expect(capped.paths.paths).toHaveLength(3);
    expect(capped.paths.count).toBe(4);
    expect(capped.paths.capped).toBe(true);
    expect(capped.paths.note).toBe("listed 3 of 4 paths (maxPaths is 3)");
    const bySteps = analyzeService(benefitCatalog(), "benefit", { maxPathSteps: 9 });
    expect(bySteps.paths.paths).toHaveLength(2);
    expect(bySteps.paths.note).toContain("maxPathSteps");
  });

  it("finds the rework loop and the steps it repeats, through the branch most customers take", () => {
    expect(report.reworkLoops).toEqual([
      {
        from: { service: "benefit", step: "review" },
        backTo: { service: "benefit", step: "apply" },
        steps: [
          { service: "benefit", step: "apply" },
          { service: "benefit", step: "upload" },
          { service: "benefit", step: "review" },
        ],
        share: 0.3,
        // In flow (topological) order; everyone sent back meets review again.
        repeated: [
          { step: { service: "benefit", step: "apply" }, share: 1 },
          { step: { service: "benefit", step: "upload" }, share: 0.8 },
          { step: { service: "benefit", step: "interview" }, share: 0.2 },
          { step: { service: "benefit", step: "review" }, share: 1 },
        ],
      },
    ]);
    expect(report.cycles).toEqual([]);
  });

  it("finds the dead end (not the attached letter) and the unreachable step", () => {
    expect(report.deadEnds.map(key)).toEqual(["benefit/limbo"]);
    expect(report.unreachable.map(key)).toEqual(["benefit/orphan"]);
  });

  it("finds data and identity asked twice on one path, not a document asked on exclusive branches", () => {
    // ssn and identity: asked at apply (everyone), again at interview (the 20% who take it): 0.2 meet both.
    // birth-cert: interview (20%) and upload (80%) are exclusive branches, no customer meets both: no repeat.
    const apply = { service: "benefit", step: "apply", agency: "ssa" };
    const interview = { service: "benefit", step: "interview", agency: "ssa" };
    const repeats = [{ step: interview, first: [apply], share: 0.2, shared: false, links: [] }];
    expect(report.repeatedAsks).toEqual([
      { kind: "data", item: "ssn", scope: "path", shared: false, asks: [apply, interview], repeats },
      { kind: "identity", item: "identity", scope: "path", shared: false, asks: [apply, interview], repeats },
    ]);
  });

  it("finds channel switches (over steps without a channel) and lane changes, and crossings of the line of visibility", () => {
    expect(report.handOffs.agencies).toEqual([]);
    // Backstage review has no channel: the customer meets the mailed decision next, from the office or the web.
    expect(report.handOffs.channels.map((c) => `${c.from.step}>${c.to.step}:${c.fromChannel}>${c.toChannel}:${c.groupChange}`)).toEqual([
      "apply>interview:web>office:true",
      "interview>apply:office>web:true",
      "interview>decide:office>mail:true",
      "upload>decide:web>mail:true",
    ]);
    expect(report.handOffs.lanes.map((c) => `${c.from.step}>${c.to.step}:${c.crossesVisibility}`)).toEqual([
      "decide>letter:false",
      "interview>review:true",
      "review>apply:true",
      "review>decide:true",
      "upload>review:true",
    ]);
    expect(report.counts.laneChanges).toBe(5);
    expect(report.counts.visibilityCrossings).toBe(4);
    expect(report.counts.channelSwitches).toBe(4);
  });

  it("counts agencies, lanes and channels", () => {
    const { counts } = report;
    expect(counts.steps).toBe(8);
    expect(counts.reachableSteps).toBe(7);
    expect(counts.agencies).toEqual(["irs", "ssa"]);
    expect(counts.lanes).toEqual([
      { lane: "physical-evidence", steps: 1, minutes: 5 },
      { lane: "customer", steps: 4, minutes: 145 },
      { lane: "frontstage", steps: 1, minutes: 0 },
      { lane: "backstage", steps: 2, minutes: 0 },
      { lane: "support", steps: 0, minutes: 0 },
    ]);
    expect(counts.channels).toEqual([
      { channel: "mail", kind: "postal-mail", steps: 1 },
      { channel: "office", kind: "in-person", steps: 1 },
      { channel: "web", kind: "website", steps: 2 },
    ]);
  });

  it("names the largest contributors in the summary", () => {
    expect(report.contributors.map((c) => [c.step, Number(c.expectedMinutes.toFixed(9))])).toEqual([
      ["apply", 39],
      ["interview", 23.4],
      ["upload", 10.4],
    ]);
    expect(report.summary).toContain("'apply' (39 min), 'interview' (23.4 min), 'upload' (10.4 min)");
    expect(report.summary).toContain("critical path (by minutes) 125 min and 10 days over 4 steps");
    expect(report.summary).toContain("1 rework loop, 1 dead end, 1 unreachable step, 2 repeated asks");
  });

  it("is frozen, and a frozen catalog's memoised index gives the same report, call after call", () => {
    assertDeepFrozen(report, "the service report");
    const cat = deepFreeze(benefitCatalog());
    expect(analyzeService(cat, "benefit")).toEqual(report);
    expect(analyzeService(cat, "benefit")).toEqual(report);
  });
});

describe("analyzeService on other shapes", () => {
  it("does not call a step whose only flow is rework a dead end: it sends people back, it does not strand them", () => {
    const cat = catalog({
      services: [
        service("appeal", [
          { id: "decide", name: "Decide", lane: "backstage", next: [{ to: "done", kind: "branch", share: 0.8 }, { to: "review", kind: "branch", share: 0.2 }] },
          { id: "review", name: "Review the appeal", lane: "backstage", next: [{ to: "decide", kind: "rework" }] },
          { id: "done", name: "Letter", lane: "customer", outcome: "completed" },
        ]),
      ],
    });
    const report = analyzeService(cat, "appeal");
    expect(report.deadEnds).toEqual([]);
    expect(report.reworkLoops.map((loop) => [loop.from.step, loop.backTo.step])).toEqual([["review", "decide"]]);
  });

  it("marks identity checks sharing one credential as shared", () => {
    const cat = catalog({
      services: [
        service(
          "s",
          chain(
            { id: "a", identityProofing: "remote", credential: "login-gov" },
            { id: "b", identityProofing: "remote", credential: "login-gov" },
          ),
        ),
      ],
    });
    const [repeat] = analyzeService(cat, "s").repeatedAsks;
    expect(repeat).toMatchObject({ kind: "identity", scope: "path", shared: true });
  });

  it("reports a cycle of sequence flows and still counts finite paths", () => {
    const cat = catalog({
      services: [
        service(
          "loop",
          steps(
            { id: "a", customerMinutes: 1, next: [{ to: "b" }] },
            { id: "b", customerMinutes: 2, next: [{ to: "c" }] },
            { id: "c", customerMinutes: 3, next: [{ to: "a" }, { to: "done", kind: "branch" }] },
            { id: "done", outcome: "completed" },
          ),
        ),
      ],
    });
    const report = analyzeService(cat, "loop");
    expect(report.cycles.map((c) => c.map((r) => r.step))).toEqual([["a", "b", "c"]]);
    expect(report.paths.count).toBe(1);
    expect(report.paths.critical?.time.minutes).toBe(6);
    expect(report.reworkLoops).toEqual([]);
    expect(report.deadEnds).toEqual([]);
  });

  it("lists only the step sent back to when it does not lead back", () => {
    const cat = catalog({
      services: [
        service(
          "s",
          steps(
            { id: "a", next: [{ to: "b", kind: "branch", share: 0.5 }, { to: "c", kind: "branch", share: 0.5 }] },
            { id: "b", outcome: "completed", next: [{ to: "c", kind: "rework" }] },
            { id: "c", outcome: "denied", next: [{ to: "c", kind: "rework", share: 0.1 }] },
          ),
        ),
      ],
    });
    const loops = analyzeService(cat, "s").reworkLoops;
    expect(loops.map((l) => [l.from.step, l.backTo.step, l.steps.map((r) => r.step), l.share])).toEqual([
      ["b", "c", ["c"], undefined],
      ["c", "c", ["c"], 0.1],
    ]);
  });

  it("uses every step marked entry and the first step otherwise", () => {
    const cat = catalog({
      services: [
        service(
          "two",
          steps(
            { id: "z-first", next: [{ to: "end" }] },
            { id: "b-entry", entry: true, next: [{ to: "end" }] },
            { id: "a-entry", entry: true, next: [{ to: "end" }] },
            { id: "end", outcome: "completed" },
          ),
        ),
      ],
    });
    const report = analyzeService(cat, "two");
    expect(report.entries.map((r) => r.step)).toEqual(["a-entry", "b-entry"]);
    expect(report.unreachable.map((r) => r.step)).toEqual(["z-first"]);
    expect(report.paths.count).toBe(2);
  });

  it("clamps reach to 1 where flows meet", () => {
    const cat = catalog({
      services: [
        service(
          "s",
          steps(
            { id: "a", next: [{ to: "b", kind: "branch", share: 0.7 }, { to: "c", kind: "branch", share: 0.7 }] },
            { id: "b", next: [{ to: "d" }] },
            { id: "c", next: [{ to: "d" }] },
            { id: "d", outcome: "completed" },
          ),
        ),
      ],
    });
    expect(stepReach(cat, "s").find((r) => r.step === "d")?.share).toBe(1);
  });
});

describe("path counts past what can be listed", () => {
  it("counts 2^200 paths of 200 diamonds in linear time and lists none with maxPaths 0", () => {
    const stages = 200;
    const list: StepSpec[] = [];
    for (let i = 0; i < stages; i++) {
      const next = i + 1 < stages ? `a${i + 1}` : "end";
      list.push(
        { id: `a${i}`, customerMinutes: 1, next: [{ to: `b${i}`, kind: "branch", share: 0.5 }, { to: `c${i}`, kind: "branch", share: 0.5 }] },
        { id: `b${i}`, customerMinutes: 2, next: [{ to: next }] },
        { id: `c${i}`, customerMinutes: 3, next: [{ to: next }] },
      );
    }
    list.push({ id: "end", outcome: "completed" });
    const cat = catalog({ services: [service("diamonds", steps(...list))] });
    const report = analyzeService(cat, "diamonds", { maxPaths: 0 });
    expect(report.paths.count).toBe(2 ** stages);
    expect(report.paths.countExact).toBe(false);
    expect(report.paths.paths).toEqual([]);
    expect(report.paths.capped).toBe(true);
    expect(report.paths.note).toBe(`listed 0 of ${2 ** stages} paths (maxPaths is 0)`);
    expect(report.paths.critical?.time.minutes).toBe(stages * 4);
    expect(report.paths.shortest?.time.minutes).toBe(stages * 3);
    expect(report.expected.minutes).toBeCloseTo(stages * 3.5, 9);
    expect(report.summary).toContain("about 1.6e+60 paths from entry to end");
  });
});

describe("errors", () => {
  it("throws unknown_service with a suggestion", () => {
    const cat = benefitCatalog();
    expect(() => analyzeService(cat, "benefits")).toThrow(GraphAnalysisError);
    try {
      analyzeService(cat, "benefits");
    } catch (error) {
      expect(error).toMatchObject({ code: "unknown_service", path: "serviceId", suggestion: "benefit" });
      expect((error as Error).message).toBe("unknown service 'benefits'; did you mean 'benefit'?");
    }
    expect(() => stepReach(cat, "nothing-like-it")).toThrow(/unknown service 'nothing-like-it'/);
  });

  it("throws invalid_options with the option's path", () => {
    const cat = benefitCatalog();
    expect(() => analyzeService(cat, "benefit", { maxPaths: -1 })).toThrow(
      expect.objectContaining({ code: "invalid_options", path: "options.maxPaths" }),
    );
    expect(() => analyzeService(cat, "benefit", { pathMeasure: "hours" as "days" })).toThrow(
      expect.objectContaining({ code: "invalid_options", path: "options.pathMeasure" }),
    );
    expect(() => analyzeService(cat, "benefit", { maxPath: 3 } as never)).toThrow(/maxPath/);
  });
});
