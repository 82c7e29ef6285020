import { parseCatalog, type Catalog, type CatalogInput } from "../../src/index.js";

/**
 * A cross-agency catalog that exercises every blueprint feature: all five lanes, attached steps (moments), branches
 * with shares, rework, waits (opaque and tracked), fail points, outcomes, two agencies joined by a data-share and a
 * customer-carries hand-off, and A-11 v1 feedback for the journey scores. Facts are illustrative.
 */
export function retirementInput(): CatalogInput {
  return {
    version: 1,
    name: "Approaching retirement (test)",
    agencies: [
      { id: "ssa", name: "Social Security Administration", acronym: "SSA", hisp: true },
      { id: "irs", name: "Internal Revenue Service", acronym: "IRS", hisp: true },
      { id: "cms", name: "Centers for Medicare & Medicaid Services", acronym: "CMS", hisp: true },
    ],
    channels: [
      { id: "ssa-web", name: "my Social Security", kind: "website", agency: "ssa" },
      { id: "ssa-office", name: "SSA field office", kind: "in-person", agency: "ssa" },
      { id: "ssa-phone", name: "SSA national 800 number", kind: "phone", agency: "ssa" },
      { id: "mail", name: "Postal mail", kind: "postal-mail" },
      { id: "cms-web", name: "Medicare.gov", kind: "website", agency: "cms" },
    ],
    roles: [
      { id: "claims", name: "Claims specialist", agency: "ssa" },
      { id: "clerk", name: "Field office clerk", agency: "ssa" },
      { id: "irs-exchange", name: "Wage data exchange", kind: "automated", agency: "irs" },
      { id: "cms-staff", name: "Enrollment processor", agency: "cms" },
    ],
    tools: [{ id: "login-gov", name: "Login.gov", kind: "identity-verification" }],
    dataElements: [
      { id: "ssn", name: "Social Security number", sensitive: true, heldBy: ["ssa", "irs"] },
      { id: "earnings", name: "Earnings history", heldBy: ["ssa", "irs"] },
    ],
    documentTypes: [{ id: "birth-cert", name: "Birth certificate" }],
    services: [
      {
        id: "ssa-retire",
        name: "Apply for retirement benefits",
        agency: "ssa",
        kind: "benefits",
        designated: true,
        occasion: { kind: "life-event", story: "I am ready to retire", annualVolume: 3_000_000 },
        offering: { name: "Retirement benefit", kind: "benefit" },
        channels: ["ssa-web", "ssa-office", "ssa-phone"],
        steps: [
          { id: "learn", name: "Learn when to claim", lane: "customer", activity: "learn", channel: "ssa-web", customerMinutes: 30, entry: true, next: [{ to: "apply" }] },
          { id: "web-page", name: "Retirement planner page", lane: "physical-evidence", channel: "ssa-web", attachedTo: "learn" },
          {
            id: "apply",
            name: "Apply online",
            lane: "customer",
            channel: "ssa-web",
            customerMinutes: 45,
            identityProofing: "remote",
            credential: "login-gov",
            dataAsked: ["ssn", "earnings"],
            next: [{ to: "check" }],
          },
          { id: "form", name: "Online application form", lane: "physical-evidence", channel: "ssa-web", attachedTo: "apply" },
          { id: "check", name: "Website checks the form", lane: "frontstage", channel: "ssa-web", role: "claims", attachedTo: "apply", next: [{ to: "verify" }] },
          {
            id: "verify",
            name: "Verify earnings record",
            lane: "backstage",
            role: "claims",
            waitDays: 10,
            waitVisibility: "opaque",
            next: [
              { to: "decide", kind: "branch", share: 0.8, label: "record complete" },
              { to: "visit", kind: "branch", share: 0.2, label: "documents missing" },
            ],
          },
          { id: "wages", name: "IRS wage data exchange", lane: "support", role: "irs-exchange", attachedTo: "verify" },
          {
            id: "visit",
            name: "Bring documents to the office",
            lane: "customer",
            channel: "ssa-office",
            customerMinutes: 40,
            travelMinutes: 60,
            holdMinutes: 35,
            documentsAsked: ["birth-cert"],
            failPoint: { description: "Wrong document brought", share: 0.15 },
            next: [{ to: "clerk-check" }],
          },
          { id: "clerk-check", name: "Clerk checks documents", lane: "frontstage", channel: "ssa-office", role: "clerk", attachedTo: "visit", next: [{ to: "decide" }] },
          {
            id: "decide",
            name: "Claims specialist decides",
            lane: "backstage",
            role: "claims",
            waitDays: 30,
            waitVisibility: "status-on-request",
            next: [
              { to: "award", kind: "branch", share: 0.95, label: "granted" },
              { to: "denial", kind: "branch", share: 0.05, label: "denied" },
              { to: "visit", kind: "rework", share: 0.05, label: "more documents" },
            ],
          },
          { id: "award", name: "Award letter", lane: "physical-evidence", channel: "mail", outcome: "granted" },
          { id: "denial", name: "Denial notice", lane: "physical-evidence", channel: "mail", next: [{ to: "appeal" }] },
          { id: "appeal", name: "Ask for reconsideration", lane: "customer", channel: "ssa-phone", customerMinutes: 20, holdMinutes: 45, signature: "wet", outcome: "referred" },
        ],
        feedback: [
          {
            survey: "v1",
            fiscalYear: 2024,
            quarter: 2,
            transactionPoint: "apply",
            volumes: { respondents: 1200 },
            questions: [
              { driver: "satisfaction", mean: 4.1 },
              { driver: "ease", mean: 3.7 },
              { driver: "efficiency", counts: [10, 20, 30, 40, 100] },
            ],
          },
          {
            survey: "v1",
            fiscalYear: 2024,
            quarter: 2,
            channel: "ssa-office",
            volumes: { respondents: 300 },
            questions: [
              { driver: "satisfaction", mean: 2.2 },
              { driver: "efficiency", mean: 1.8 },
            ],
          },
        ],
      },
      {
        id: "cms-enroll",
        name: "Enroll in Medicare Part B",
        agency: "cms",
        kind: "benefits",
        occasion: { kind: "life-event", story: "I turn 65", annualVolume: 800_000 },
        offering: { name: "Medicare Part B", kind: "insurance" },
        steps: [
          { id: "enroll", name: "Fill in the enrollment form", lane: "customer", channel: "mail", customerMinutes: 25, signature: "wet", dataAsked: ["ssn"], next: [{ to: "process" }] },
          { id: "process", name: "Process enrollment", lane: "backstage", role: "cms-staff", waitDays: 21, waitVisibility: "opaque", next: [{ to: "card" }] },
          { id: "card", name: "Medicare card", lane: "physical-evidence", channel: "mail", outcome: "granted" },
        ],
      },
    ],
    lifeExperiences: [
      {
        id: "retire",
        name: "Approaching retirement",
        priority: true,
        services: ["ssa-retire", "cms-enroll"],
        links: [
          { id: "award-to-medicare", kind: "customer-carries", from: { service: "ssa-retire", step: "award" }, to: { service: "cms-enroll", step: "enroll" }, documents: ["birth-cert"], waitDays: 5 },
          { id: "ssn-share", kind: "data-share", from: { service: "ssa-retire", step: "decide" }, to: { service: "cms-enroll", step: "process" }, data: ["ssn"] },
        ],
      },
    ],
  };
}

/** The phrase Mermaid's flowchart lexer reads as a `direction` statement from anywhere on a line. */
export const DIRECTION_PHRASE = "Await policy direction TBD";

/**
 * The retirement catalog with `direction TB`-style phrases in every kind of label: the waiting step, the service,
 * the agency and its acronym, a flow label, a hand-off label and the life experience.
 */
export function directionPhraseInput(): CatalogInput {
  const input = retirementInput() as unknown as {
    name: string;
    agencies: { id: string; name: string; acronym?: string }[];
    services: { id: string; name: string; steps: { id: string; name: string; next?: { label?: string }[] }[] }[];
    lifeExperiences: { name: string; links: { id: string; label?: string }[] }[];
  };
  const ssa = input.agencies.find((a) => a.id === "ssa")!;
  ssa.name = DIRECTION_PHRASE;
  ssa.acronym = "SSA direction LR";
  const service = input.services.find((s) => s.id === "ssa-retire")!;
  service.name = DIRECTION_PHRASE;
  const verify = service.steps.find((step) => step.id === "verify")!;
  verify.name = DIRECTION_PHRASE;
  verify.next![0]!.label = "redirection RL of the claim";
  const experience = input.lifeExperiences[0]!;
  experience.name = DIRECTION_PHRASE;
  experience.links.find((l) => l.id === "award-to-medicare")!.label = DIRECTION_PHRASE;
  return input as unknown as CatalogInput;
}

/** {@link directionPhraseInput}, parsed and frozen. */
export function directionPhraseCatalog(): Catalog {
  return parseCatalog(directionPhraseInput());
}

/** The retirement catalog, parsed and frozen. */
export function retirementCatalog(): Catalog {
  return parseCatalog(retirementInput());
}

/** What a test finding targets. */
export interface FindingTargetInput {
  readonly kind: "catalog" | "service" | "step" | "experience" | "link" | "waiver";
  readonly service?: string;
  readonly step?: string;
  readonly experience?: string;
  readonly link?: string;
}

/**
 * A finding shaped like the sludge linter's (every field of the contract), for overlay tests.
 */
export function finding(ruleId: string, severity: "error" | "warning" | "info", target: FindingTargetInput, waived = false) {
  return {
    ruleId,
    severity,
    category: "compliance" as const,
    categories: ["compliance" as const],
    message: `${ruleId} at ${target.step ?? target.service ?? target.experience ?? "catalog"}`,
    target: { ...target, path: "services[0]" },
    evidence: [],
    remediation: "fix it",
    burden: { minutesPerCustomer: 0, waitDays: 0, fee: 0, customersPerYear: 0, annualHours: 0, annualCost: 0 },
    fingerprint: `${ruleId}:${target.service ?? ""}:${target.step ?? ""}`,
    ...(waived ? { waiver: { index: 0, justification: "statutory-requirement" as const, note: "accepted" } } : {}),
  };
}

/** Findings on the retirement catalog: one of each severity on steps, one on the service, one on a link. */
export function retirementFindings() {
  return [
    finding("in-person-only", "error", { kind: "step", service: "ssa-retire", step: "visit" }),
    finding("wet-signature", "warning", { kind: "step", service: "ssa-retire", step: "appeal" }),
    finding("opaque-wait", "info", { kind: "step", service: "ssa-retire", step: "verify" }),
    finding("no-feedback-point", "info", { kind: "service", service: "cms-enroll" }),
    finding("customer-as-courier", "warning", { kind: "link", experience: "retire", link: "award-to-medicare" }),
    finding("wet-signature", "warning", { kind: "step", service: "cms-enroll", step: "enroll" }, true),
  ];
}
