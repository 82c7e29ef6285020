/**
 * The public sources the built-in rules rest on (DOMAIN.md section 6). One constant per source, so a title or a
 * link is spelled once and every rule page cites it the same way.
 *
 * @internal
 */
import type { RuleSource } from "../../define-rule.js";

/** The sources, by a short key. @internal */
export const SOURCES = {
  ideaAct: {
    title: "21st Century Integrated Digital Experience Act (P.L. 115-336), 2018",
    url: "https://www.congress.gov/bill/115th-congress/house-bill/5759",
  },
  m2322: {
    title: "OMB M-23-22, Delivering a Digital-First Public Experience (2023)",
    url: "https://digital.gov/resources/delivering-digital-first-public-experience/",
  },
  m2210: {
    title: "OMB M-22-10, Improving Access to Public Benefits Programs Through the Paperwork Reduction Act (2022)",
    url: "https://www.whitehouse.gov/wp-content/uploads/2022/04/M-22-10.pdf",
  },
  eo14058: {
    title: "Executive Order 14058, Transforming Federal Customer Experience and Service Delivery (86 FR 71357)",
    url: "https://www.federalregister.gov/documents/2021/12/16/2021-27380/transforming-federal-customer-experience-and-service-delivery-to-rebuild-trust-in-government",
  },
  a11Reporting: {
    title: "Performance.gov, A-11 Section 280 quarterly CX data collections (due 30 days after each quarter)",
    url: "https://www.performance.gov/cx/reporting.html",
  },
  a11Handbook: {
    title: "Performance.gov, CX data handbook (A-11 Section 280 post-transaction feedback)",
    url: "https://www.performance.gov/cx/data/handbook/",
  },
  herdMoynihan: {
    title: "Pamela Herd and Donald Moynihan, Administrative Burden: Policymaking by Other Means (Russell Sage, 2018)",
    url: "https://www.russellsage.org/publications/administrative-burden",
  },
  prospectInterview: {
    title: "The American Prospect, interview on administrative burden (learning, compliance and psychological costs)",
  },
  sunsteinOrdeals: {
    title: "Cass R. Sunstein, Sludge and Ordeals, 68 Duke Law Journal 1843 (2019)",
    url: "https://scholarship.law.duke.edu/dlj/vol68/iss8/5/",
  },
  sunsteinAudits: {
    title: "Cass R. Sunstein, Sludge Audits, Behavioural Public Policy 6(4), 2022",
    url: "https://doi.org/10.1017/bpp.2019.32",
  },
  nswToolkit: {
    title: "NSW Behavioural Insights Unit, Sludge Toolkit and Sludge Audit Method",
    url: "https://www.nsw.gov.au/departments-and-agencies/behavioural-insights-unit/sludge-toolkit",
  },
  nswSludgeFinder: {
    title: "NSW Behavioural Insights Unit, Sludge Finder Lite (minutes x volume x share, waits in days)",
    url: "https://www.nsw.gov.au/departments-and-agencies/behavioural-insights-unit/sludge-toolkit",
  },
  oecdFrictions: {
    title: "OECD OPSI, Fixing frictions: 'sludge audits' around the world (2024)",
    url: "https://oecd-opsi.org/publications/fixing-frictions-sludge-audits-around-the-world/",
  },
  onceOnly: {
    title: "SCOOP4C, the once-only principle (EU)",
    url: "https://scoop4c.eu/",
  },
  tellUsOnce: {
    title: "UK Tell Us Once (a once-only case, via SCOOP4C and GOV.UK)",
    url: "https://www.gov.uk/after-a-death/organisations-you-need-to-contact-and-tell-us-once",
  },
  retirementPle: {
    title: "Performance.gov, priority life experience: Approaching retirement",
    url: "https://www.performance.gov/cx/life-experiences/approaching-retirement/",
  },
  disasterPle: {
    title: "Performance.gov, priority life experience: Recovering from a disaster",
    url: "https://www.performance.gov/cx/life-experiences/recovering-from-a-disaster",
  },
  airMedicare: {
    title: "American Institutes for Research, the Medicare enrollment maze (late-enrollment penalties)",
    url: "https://www.air.org/news/press-release/medicare-enrollment-maze-puts-seniors-risk-penalties-and-coverage-gaps",
  },
  shostack: {
    title: "G. Lynn Shostack, Designing Services That Deliver, Harvard Business Review (1984)",
    url: "https://hbr.org/1984/01/designing-services-that-deliver",
  },
  bitner: {
    title: "Bitner, Ostrom and Morgan, Service Blueprinting, California Management Review 50(3), 2008",
  },
  section508: {
    title: "Section 508 of the Rehabilitation Act (29 U.S.C. 794d), Section508.gov",
    url: "https://www.section508.gov/",
  },
  a11Section280: {
    title: "OMB Circular A-11 Section 280, Managing Customer Experience and Improving Service Delivery",
    url: "https://www.performance.gov/cx/a-11/",
  },
  gaoDisasterRecovery: {
    title: "GAO-23-104956, Disaster Recovery: Actions Needed to Improve the Federal Approach (2022)",
    url: "https://www.gao.gov/products/gao-23-104956",
  },
  medicaidTimeliness: {
    title: "42 CFR 435.912, Medicaid timeliness standards (45 days; 90 days when eligibility rests on disability)",
    url: "https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-C/part-435/subpart-J/section-435.912",
  },
  snapTimeliness: {
    title: "7 CFR 273.2, SNAP application processing (a decision within 30 days of filing)",
    url: "https://www.ecfr.gov/current/title-7/subtitle-B/chapter-II/subchapter-C/part-273/section-273.2",
  },
  medicaidRenewal: {
    title: "42 CFR 435.916, Medicaid renewals (at least 30 days to return a renewal form)",
    url: "https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-C/part-435/subpart-J/section-435.916",
  },
  uspsStandards: {
    title: "USPS, First-Class Mail service standards (delivery in 1 to 5 days)",
    url: "https://www.usps.com/ship/mail-shipping-services.htm",
  },
  eo13166: {
    title: "Executive Order 13166, Improving Access to Services for Persons With Limited English Proficiency (2000)",
    url: "https://www.justice.gov/crt/executive-order-13166",
  },
} as const satisfies Readonly<Record<string, RuleSource>>;
