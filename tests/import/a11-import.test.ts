import { describe, expect, it } from "vitest";
import { type Catalog, type FeedbackCollection, safeParseCatalog, serializeCatalog, summarizeFeedback } from "../../src/index.js";
import { A11ImportError, type A11ImportResult, importA11Feedback } from "../../src/import.js";
import { csvRow, csvText, realCsv, realHeader, realRecords } from "./helpers.js";

let real: A11ImportResult | undefined;
function imported(): A11ImportResult {
  real ??= importA11Feedback(realCsv());
  return real;
}

function service(catalog: Catalog, id: string) {
  const found = catalog.services.find((s) => s.id === id);
  expect(found, `service ${id}`).toBeDefined();
  return found!;
}

function collection(catalog: Catalog, serviceId: string, match: (c: FeedbackCollection) => boolean): FeedbackCollection {
  const found = service(catalog, serviceId).feedback.filter(match);
  expect(found).toHaveLength(1);
  return found[0]!;
}

function thrown(fn: () => unknown): A11ImportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(A11ImportError);
    return error as A11ImportError;
  }
  throw new Error("expected an A11ImportError");
}

describe("importA11Feedback on the real FY2021-FY2023 file", () => {
  it("builds a valid catalog of 28 providers, 47 services and 481 collections", () => {
    const { catalog } = imported();
    expect(safeParseCatalog(JSON.parse(JSON.stringify(catalog))).success).toBe(true);
    expect(Object.isFrozen(catalog.services[0]!.feedback)).toBe(true);
    const providers = catalog.agencies.filter((a) => a.hisp);
    expect(providers).toHaveLength(28);
    // 18 organizations, of which SSA, SBA, HUD, USAID, IRS, USCIS and US Fish and Wildlife are themselves the
    // provider; plus the Treasury, department of the IRS, which the file never names.
    expect(catalog.agencies).toHaveLength(40);
    expect(catalog.services).toHaveLength(47);
    expect(catalog.services.every((s) => s.designated && s.steps.length === 1 && s.steps[0]!.evidence === "assumed")).toBe(true);
    expect(catalog.services.reduce((n, s) => n + s.feedback.length, 0)).toBe(481);
    expect(catalog.channels.map((c) => `${c.id}:${c.kind}`)).toEqual([
      "automated-phone:automated-phone",
      "computer:computer",
      "email:email",
      "in-person:in-person",
      "mobile-app:mobile-app",
      "paper:paper",
      "phone:phone",
      "postal-mail:postal-mail",
      "website:website",
    ]);
  });

  it("accounts for every row", () => {
    const { report } = imported();
    expect(report.rows).toBe(481);
    expect(report.imported.length + report.skipped.length).toBe(report.rows);
    expect(report.skipped).toEqual([]);
    expect(report.imported.map((r) => r.row)).toEqual(Array.from({ length: 481 }, (_, i) => i + 1));
    expect(new Set(report.imported.map((r) => r.id)).size).toBe(481);
    // 481 rows × 11 slots: 3,275 slots hold a question (text or answers), the rest are empty or fillers.
    const questions = report.imported.reduce((n, r) => n + r.questions, 0);
    expect(questions + report.emptyQuestionSlots).toBe(481 * 11);
    expect(report.mapped.reduce((n, m) => n + m.occurrences, 0)).toBe(questions);
  });

  it("keeps the respondents of each provider", () => {
    const { catalog } = imported();
    const byAgency = new Map<string, number>();
    for (const s of catalog.services) {
      for (const c of s.feedback) byAgency.set(s.agency, (byAgency.get(s.agency) ?? 0) + (c.volumes.respondents ?? 0));
    }
    // Sums of attributes_volume_of_respondents per provider, taken with Python's csv module. Service 3 ("Finding
    // information about programs on the website.") is reported by both FSA (8 rows, 2,180) and NRCS (4 rows,
    // 1,117); the catalog gives it to FSA, so NRCS keeps only its EQIP service (576).
    expect(Object.fromEntries([...byAgency].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual({
      "bureau-of-trust-funds-administration": 914,
      "centers-for-medicare-and-medicaid-services": 4_623_514,
      "customs-and-border-protection": 0,
      "employee-benefits-security-administration": 1172,
      "employment-and-training-administration": 3695,
      "farm-service-agency": 2180 + 1117,
      "federal-emergency-management-agency": 17_321,
      "federal-employment-services": 55_995,
      "federal-student-aid": 59_030,
      fws: 81,
      hud: 5668,
      irs: 680_788,
      "natural-resources-conservation-service": 576,
      "occupational-safety-and-health-administration": 301,
      "office-of-workers-compensation-programs": 4103,
      "passport-services": 42_429,
      "public-experience-portfolio": 38_350,
      "recreation-gov": 71_365,
      "retirement-services": 306_316,
      "rural-development": 21,
      sba: 1303,
      ssa: 877_524,
      "transportation-security-administration": 111_835,
      usaid: 2116,
      uscis: 270_453,
      "united-states-patent-and-trademark-office": 47_136,
      "veterans-benefits-administration": 191_975,
      "veterans-health-administration": 3_321_649,
    });
  });

  it("places bureaus that filed as organizations under their departments", () => {
    const agencies = new Map(imported().catalog.agencies.map((a) => [a.id, a]));
    expect(agencies.get("irs")).toMatchObject({ name: "Internal Revenue Service", acronym: "IRS", hisp: true, department: "treasury" });
    expect(agencies.get("treasury")).toMatchObject({ name: "Department of the Treasury", hisp: false });
    expect(agencies.get("uscis")).toMatchObject({ name: "U.S. Citizenship and Immigration Services", department: "dhs", hisp: true });
    // "US Fish and Wildlife" (organization FWS) and provider "Fish and Wildlife Service", also filed under DOI.
    expect(agencies.get("fws")).toMatchObject({ name: "Fish and Wildlife Service", acronym: "FWS", department: "doi", hisp: true });
    expect(agencies.get("ssa")).toMatchObject({ hisp: true });
    expect(agencies.get("ssa")!.department).toBeUndefined();
    // "Office of Personnel Management " has a trailing space in the file.
    expect(agencies.get("opm")).toMatchObject({ name: "Office of Personnel Management", hisp: false });
    expect(agencies.get("veterans-health-administration")).toMatchObject({ department: "va", hisp: true });
  });

  it("matches hand-read rows: VHA outpatient, FY2021 Q2 (row id 1, line 2)", () => {
    const c = collection(imported().catalog, "va-vha", (x) => x.fiscalYear === 2021 && x.quarter === 2);
    expect(c).toMatchObject({
      survey: "v1",
      channel: "email",
      transactionPoint: "Follow-up Survey upon receiving Outpatient Services",
      serviceProvided: "Outpatient Services",
      // written 9707552.0 and 1774363.0 in the file
      volumes: { customers: 9_707_552, offered: 1_774_363, respondents: 320_979 },
    });
    if (c.survey !== "v1") throw new Error("v1 expected");
    expect(c.questions.map((q) => q.driver)).toEqual(["satisfaction", "trust", "effectiveness", "ease", "efficiency", "equity", "employee"]);
    expect(c.questions[0]).toEqual({
      driver: "satisfaction",
      text: "I am satisfied with the service I received from the VA.",
      scale: 5,
      counts: [2302, 3118, 10_615, 55_358, 249_586],
      mean: 4.7,
    });
    expect(c.questions[6]).toMatchObject({ text: "Employees I interacted with were helpful.", counts: [2349, 2365, 7840, 52_716, 255_710], mean: 4.74 });
  });

  it("matches hand-read rows: IRS field assistance follow-up, FY2021 Q4, channel 'mixed' (row id 287, line 343)", () => {
    const { catalog, report } = imported();
    const c = collection(
      catalog,
      "treas-irs",
      (x) => x.fiscalYear === 2021 && x.quarter === 4 && x.serviceProvided === "Field Assistance Appointment Service Follow-Up",
    );
    expect(c.channel).toBeUndefined();
    expect(c.volumes).toEqual({ customers: 404_776, offered: 1849, respondents: 529 });
    if (c.survey !== "v1") throw new Error("v1 expected");
    expect(c.questions).toHaveLength(7);
    expect(c.questions[0]).toMatchObject({ driver: "satisfaction", counts: [61, 83, 46, 180, 156], mean: 3.55 });
    expect(c.questions[4]).toMatchObject({ driver: "efficiency", counts: [111, 95, 47, 148, 109], mean: 3.1 });
    expect(c.questions[6]).toMatchObject({ driver: "employee", text: "The employees I interacted with were helpful.", mean: 4.11 });
    const row = report.imported.find((r) => r.id === "287")!;
    expect(row).toMatchObject({ line: 343, service: "treas-irs", fiscalYear: 2021, quarter: 4, questions: 7 });
    const mixed = report.warnings.find((w) => w.code === "channel_mixed")!;
    expect(mixed.rows).toContain(row.row);
    expect(mixed.rows).toHaveLength(9);
    expect(report.warnings.find((w) => w.code === "channel_missing")!.rows).toHaveLength(5);
  });

  it("matches hand-read rows: NRCS on farmers.gov under the shared service 3, FY2022 Q1 (row id 365)", () => {
    const { catalog, report } = imported();
    const c = collection(catalog, "usda-fsa", (x) => x.fiscalYear === 2022 && x.quarter === 1 && x.serviceProvided === "Finding NRCS Program information on the Farmers.gov website");
    expect(c.volumes).toEqual({ customers: 407_534, offered: 274, respondents: 191 });
    if (c.survey !== "v1") throw new Error("v1 expected");
    expect(c.questions.map((q) => [q.driver, q.counts, q.mean])).toEqual([
      ["satisfaction", [21, 27, 27, 25, 91], 3.72],
      ["trust", [43, 25, 26, 27, 65], 3.25],
      ["effectiveness", [43, 22, 28, 24, 69], 3.29],
      ["ease", [46, 20, 27, 37, 59], 3.23],
      ["efficiency", [23, 9, 36, 32, 87], 3.81],
      ["equity", [41, 17, 27, 35, 67], 3.37],
    ]);
    expect(service(catalog, "usda-fsa").agency).toBe("farm-service-agency");
    const shared = report.warnings.find((w) => w.code === "service_shared_by_providers")!;
    expect(shared.message).toContain("Natural Resources Conservation Service");
    expect(shared.rows).toHaveLength(12);
  });

  it("matches hand-read rows: USAJOBS help desk, FY2022 Q4, questions without text (row id 590)", () => {
    const { catalog, report } = imported();
    const c = collection(catalog, "seeking-assistance-with-the-federal-job-application-process", (x) => x.fiscalYear === 2022 && x.quarter === 4);
    expect(c).toMatchObject({ channel: "computer", transactionPoint: "After ticket is closed", volumes: { customers: 22_800, offered: 22_800, respondents: 468 } });
    if (c.survey !== "v1") throw new Error("v1 expected");
    expect(c.questions).toHaveLength(7);
    expect(c.questions.every((q) => q.driver === "custom" && q.text === undefined)).toBe(true);
    expect(c.questions[0]).toMatchObject({ counts: [199, 43, 24, 31, 171], mean: 2.85 });
    expect(c.questions[6]).toMatchObject({ counts: [159, 43, 48, 56, 159], mean: 3.03 });
    const noText = report.warnings.find((w) => w.code === "question_without_text")!;
    expect(noText.rows).toEqual([report.imported.find((r) => r.id === "590")!.row]);
  });

  it("lists the services provided under a registered service and cites the source", () => {
    const irs = service(imported().catalog, "treas-irs");
    expect(irs.name).toBe("Visiting IRS.gov");
    expect(irs.agency).toBe("irs");
    expect(irs.description).toContain(
      "Services provided, as reported: Accounts Management Toll-Free Telephone Service; Automated Collection System Toll-Free Survey; Field Assistance Appointment Service; Field Assistance Appointment Service Follow-Up; IRS.gov; IRS.gov Online Account.",
    );
    expect(irs.channels).toEqual(["automated-phone", "computer", "email", "phone"]);
    expect(irs.sources).toEqual(["a11-feedback-data"]);
    // Case variants of one value ("USAJOBS Desktop" and "USAJOBS desktop") are listed once.
    expect(service(imported().catalog, "opm-fes").description).toContain("USAJOBS Desktop; USAJOBS Job Seeker Portal;");
  });

  it("reports how each distinct question text was mapped, with custom ones as warnings", () => {
    const { report } = imported();
    const ease = report.mapped.find((m) => m.text === "It was easy to complete what I needed to do.")!;
    expect(ease).toMatchObject({ driver: "ease", how: "pattern", rule: "ease", occurrences: 155 });
    const custom = report.mapped.filter((m) => m.driver === "custom");
    for (const m of custom) {
      if (m.how === "no-text") continue;
      const code = { unmapped: "question_unmapped", "other-scale": "question_other_scale", "not-a-rating": "question_not_rating", ambiguous: "question_ambiguous" }[
        m.how as "unmapped" | "other-scale" | "not-a-rating" | "ambiguous"
      ];
      const warning = report.warnings.find((w) => w.code === code && w.text === m.text);
      expect(warning, m.text).toBeDefined();
      expect(warning!.rows).toEqual(expect.arrayContaining([...m.rows]));
    }
  });

  it("gives the summaries real figures", () => {
    const summary = summarizeFeedback(service(imported().catalog, "va-vha"));
    expect(summary.quarters.map((q) => q.label)).toEqual([
      "FY2021 Q1",
      "FY2021 Q2",
      "FY2021 Q3",
      "FY2021 Q4",
      "FY2022 Q1",
      "FY2022 Q2",
      "FY2022 Q3",
      "FY2022 Q4",
      "FY2023 Q1",
    ]);
    const q2 = summary.quarters[1]!;
    expect(q2.respondents).toBe(320_979);
    expect(q2.responseRate).toBeCloseTo(320_979 / 1_774_363, 12);
    const sat = q2.drivers.find((d) => d.driver === "satisfaction")!;
    expect(sat.answers).toBe(2302 + 3118 + 10_615 + 55_358 + 249_586);
    expect(sat.agreeShare).toBeCloseTo((55_358 + 249_586) / sat.answers, 12);
    expect(sat.mean).toBeCloseTo(4.7, 2);
  });

  it("is deterministic and does not depend on the order of the rows", () => {
    const once = serializeCatalog(imported().catalog, { format: "json" });
    expect(serializeCatalog(importA11Feedback(realCsv()).catalog, { format: "json" })).toBe(once);
    const { header, rows } = realRecords();
    const reversed = `${[header, ...[...rows].reverse()].join("\n")}\n`;
    const again = importA11Feedback(reversed);
    expect(serializeCatalog(again.catalog, { format: "json" })).toBe(once);
    expect(again.report.imported.map((r) => r.id).reverse()).toEqual(imported().report.imported.map((r) => r.id));
  });
});

describe("importA11Feedback on small files", () => {
  it("handles the data's mess: x.0 numbers, spaces, empty slots and channels", () => {
    const text = csvText([
      csvRow({
        id: "7",
        attributes_organization_name: "Internal Revenue Service ",
        attributes_channel: " Computer ",
        attributes_volume_of_customers: "9707552.0",
        attributes_volume_of_customers_provided_survey_opportunity: "",
        attributes_service_provided: "IRS.gov\t\t\t",
        attributes_q2_text: "NONE",
        attributes_q3_text: "   ",
      }),
      csvRow({ id: "8", attributes_collection_quarter: "2", attributes_channel: "" }),
      csvRow({ id: "9", attributes_collection_quarter: "3", attributes_channel: "kiosk" }),
      csvRow({ id: "10", attributes_collection_quarter: "4", attributes_channel: "fax machine" }),
    ]);
    const { catalog, report } = importA11Feedback(text);
    const feedback = catalog.services[0]!.feedback;
    expect(feedback.map((c) => c.channel)).toEqual(["computer", undefined, "kiosk", undefined]);
    expect(feedback[0]).toMatchObject({ serviceProvided: "IRS.gov", volumes: { customers: 9_707_552, respondents: 10 } });
    expect(feedback[0]!.volumes.offered).toBeUndefined();
    expect(report.emptyQuestionSlots).toBe(4 * 10);
    expect(report.warnings.map((w) => [w.code, w.rows])).toEqual([
      ["channel_missing", [2]],
      ["channel_unknown", [4]],
    ]);
    expect(catalog.agencies.map((a) => `${a.id}:${a.name}`)).toEqual(["irs:Internal Revenue Service", "treasury:Department of the Treasury"]);
  });

  it("keeps organizations and providers apart when names or abbreviations collide", () => {
    const base = { attributes_organization_abbreviation: "FSA", attributes_service_provider_name: "Loans Office", attributes_service_id: "1" };
    const { catalog, report } = importA11Feedback(
      csvText([
        csvRow({ ...base, id: "1", attributes_organization_id: "10", attributes_organization_name: "Farm Service Agency Department", attributes_service_provider_id: "1" }),
        csvRow({ ...base, id: "2", attributes_organization_id: "20", attributes_organization_name: "Student Aid Department", attributes_service_provider_id: "2", attributes_service_id: "2", attributes_service_slug: "" }),
        // Provider 1 also reported once under the second organization.
        csvRow({ ...base, id: "3", attributes_organization_id: "20", attributes_organization_name: "Student Aid Department", attributes_service_provider_id: "1", attributes_collection_quarter: "2" }),
      ]),
    );
    expect(catalog.agencies.map((a) => `${a.id}:${a.department ?? ""}`)).toEqual(["fsa:", "fsa-20:", "loans-office:fsa", "loans-office-2:fsa-20"]);
    expect(report.warnings.map((w) => w.code)).toEqual(["provider_departments_differ"]);
    expect(report.warnings[0]!.message).toContain("its department is 'fsa', the one with most rows");
  });

  it("skips a row that names no registered service, and says so", () => {
    const { report } = importA11Feedback(csvText([csvRow({ id: "1" }), csvRow({ id: "2", attributes_service_id: " " })]));
    expect(report.imported.map((r) => r.id)).toEqual(["1"]);
    expect(report.skipped).toEqual([{ row: 2, line: 3, id: "2", reason: "no attributes_service_id: the row names no registered service to attach to" }]);
  });

  it("reads Windows line ends and a byte-order mark alike", () => {
    const rows = [csvRow({ id: "1", attributes_service_provided: "two\nlines" }), csvRow({ id: "2", attributes_collection_quarter: "2" })];
    const unix = importA11Feedback(csvText(rows));
    const windows = importA11Feedback(`\uFEFF${csvText(rows).replace(/\n/g, "\r\n")}`);
    expect(windows.report.imported.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(windows.report.imported.map((r) => r.line)).toEqual(unix.report.imported.map((r) => r.line));
    expect(windows.catalog.services[0]!.feedback[0]!.serviceProvided).toBe("two lines");
  });

  it("refuses a missing column, naming it", () => {
    const header = realHeader().filter((h) => h !== "attributes_volume_of_respondents");
    const error = thrown(() => importA11Feedback(csvText([csvRow({})], header)));
    expect(error).toMatchObject({ code: "missing_column", column: "attributes_volume_of_respondents", line: 1 });
    const noQ4Mean = realHeader().filter((h) => h !== "attributes_q4_point_scale");
    expect(thrown(() => importA11Feedback(csvText([csvRow({})], noQ4Mean)))).toMatchObject({ code: "missing_column", column: "attributes_q4_point_scale" });
  });

  it("refuses a bad number with its row, line and column", () => {
    const text = csvText([csvRow({ id: "1" }), csvRow({ id: "2", attributes_service_provided: "two\nlines" }), csvRow({ id: "3", attributes_q1_4: "3x" })]);
    const error = thrown(() => importA11Feedback(text));
    expect(error).toMatchObject({ code: "invalid_number", row: 3, line: 5, column: "attributes_q1_4", value: "3x" });
    expect(error.message).toBe("row 3, line 5, column attributes_q1_4: '3x' is not a whole number of people (write a count as digits, like 1200 or 1200.0)");
    for (const [column, value] of [
      ["attributes_volume_of_customers", "12.5"],
      ["attributes_volume_of_respondents", "-4"],
      ["attributes_q1_point_scale", "7.2"],
      ["attributes_q1_point_scale", "n/a"],
    ] as const) {
      expect(thrown(() => importA11Feedback(csvText([csvRow({ [column]: value })])))).toMatchObject({ code: "invalid_number", row: 1, column, value });
    }
    expect(thrown(() => importA11Feedback(csvText([csvRow({ attributes_collection_quarter: "5" })])))).toMatchObject({
      code: "invalid_value",
      column: "attributes_collection_quarter",
    });
  });

  it("refuses a truncated file with the row and column where it stops", () => {
    const full = realCsv();
    // Cut row id 3 (line 4 of the file) at its 40th comma: 36 fields, since its quoted texts hold commas.
    const lines = full.split("\n");
    const cutRow = `${lines.slice(0, 3).join("\n")}\n${lines[3]!.split(",").slice(0, 40).join(",")}`;
    const short = thrown(() => importA11Feedback(cutRow));
    expect(short).toMatchObject({ code: "malformed_csv", row: 3, line: 4, column: "attributes_q3_3" });
    expect(short.message).toBe("row 3, line 4, column attributes_q3_3: the row has 36 fields, the header 104 (is the file cut short?)");
    // Cut inside row id 2's quoted question text.
    const inText = thrown(() => importA11Feedback(`${lines.slice(0, 2).join("\n")}\n${lines[2]!.slice(0, 200)}`));
    expect(inText).toMatchObject({ code: "malformed_csv", row: 2, line: 3, column: "attributes_q1_text", hint: "is the file cut short?" });
    // Cut inside the quoted, multi-line description of row id 152 (line 122), the first trademark row.
    const at = full.indexOf('"The Trademark organization intends');
    expect(at).toBeGreaterThan(0);
    const quoteError = thrown(() => importA11Feedback(full.slice(0, at + 200)));
    expect(quoteError).toMatchObject({ code: "malformed_csv", row: 84, line: 122, column: "service_desc" });
    expect(quoteError.message).toBe("row 84, line 122, column service_desc: a quoted field is never closed (is the file cut short?)");
    expect(thrown(() => importA11Feedback(""))).toMatchObject({ code: "empty_file" });
  });
});

describe("importA11Feedback in merge mode", () => {
  function existing(): Catalog {
    const result = safeParseCatalog({
      version: 1,
      name: "My IRS services",
      agencies: [
        { id: "treasury", name: "Department of the Treasury" },
        { id: "irs-agency", name: "Internal Revenue Service", acronym: "IRS", department: "treasury", hisp: true },
      ],
      channels: [{ id: "irs-web", name: "IRS.gov", kind: "computer", agency: "irs-agency" }],
      services: [
        {
          id: "irs-web-visit",
          name: "Visiting IRS.gov",
          agency: "irs-agency",
          kind: "informational",
          designated: true,
          occasion: { kind: "intent", story: "I need tax information" },
          offering: { name: "Tax information", kind: "information" },
          channels: ["irs-web"],
          steps: [{ id: "browse", name: "Browse IRS.gov", lane: "customer", channel: "irs-web", customerMinutes: 10 }],
        },
        {
          id: "irs-file",
          name: "File my return",
          agency: "irs-agency",
          kind: "compliance",
          occasion: { kind: "intent", story: "I must file" },
          offering: { name: "Filed return", kind: "filing" },
          steps: [{ id: "file", name: "File", lane: "customer" }],
          feedback: [{ survey: "v1", fiscalYear: 2020, quarter: 4, questions: [{ driver: "ease", counts: [1, 1, 1, 1, 1] }] }],
        },
      ],
    });
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    return result.catalog;
  }

  it("attaches feedback by provider and service name, leaving all else as it was", () => {
    const before = existing();
    const { catalog, report } = importA11Feedback(realCsv(), { merge: { catalog: before } });
    expect(report.imported.length + report.skipped.length).toBe(481);
    expect(report.imported).toHaveLength(32);
    expect(report.imported.every((r) => r.service === "irs-web-visit")).toBe(true);
    expect(report.skipped[0]!.reason).toMatch(/^no service in the catalog is named '.+' and provided by '.+'; map CSV service '\d+' with merge\.serviceIds$/);
    const web = catalog.services[0]!;
    expect(web.feedback).toHaveLength(32);
    // Computer collections reuse the service's own computer channel; other kinds get new channels.
    expect(new Set(web.feedback.map((c) => c.channel))).toEqual(new Set(["irs-web", "automated-phone", "email", "phone", undefined]));
    expect(catalog.channels.map((c) => c.id)).toEqual(["irs-web", "automated-phone", "email", "phone"]);
    expect(report.warnings.filter((w) => w.code === "channel_added").map((w) => w.message)).toHaveLength(3);
    // Everything else is as it was.
    const strip = (c: Catalog) => ({ ...c, channels: c.channels.slice(0, 1), services: c.services.map((s) => ({ ...s, feedback: s.id === "irs-web-visit" ? [] : s.feedback })) });
    expect(strip(catalog)).toEqual(strip(before));
  });

  it("follows an id mapping, and merging twice changes nothing", () => {
    const mapping = { "16": "irs-web-visit", "59": "irs-file" };
    const first = importA11Feedback(realCsv(), { merge: { catalog: existing(), serviceIds: mapping } });
    expect(first.report.imported).toHaveLength(32 + 16);
    const file = first.catalog.services[1]!;
    expect(file.feedback).toHaveLength(1 + 16);
    expect(file.feedback[0]).toMatchObject({ fiscalYear: 2020, quarter: 4 });
    const second = importA11Feedback(realCsv(), { merge: { catalog: first.catalog, serviceIds: mapping } });
    expect(serializeCatalog(second.catalog, { format: "json" })).toBe(serializeCatalog(first.catalog, { format: "json" }));
    expect(second.report.warnings.find((w) => w.code === "collection_replaced")!.rows).toHaveLength(32 + 16);
  });

  it("refuses a mapping to a service the catalog does not have", () => {
    const error = thrown(() => importA11Feedback(realCsv(), { merge: { catalog: existing(), serviceIds: { "16": "irs-web-vist" } } }));
    expect(error).toMatchObject({ code: "unknown_service", hint: "did you mean 'irs-web-visit'?" });
    const unused = importA11Feedback(csvText([csvRow({})]), { merge: { catalog: existing(), serviceIds: { "9999": "irs-file" } } });
    expect(unused.report.warnings.map((w) => w.code)).toContain("mapping_unused");
  });
});
