import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

export const REAL_CSV_URL = new URL("../../examples/federal-hisp-services/hisp-cx-data-2023-05-21.csv", import.meta.url);

let cached: string | undefined;
/** The real FY2021–FY2023 HISP CX file. */
export function realCsv(): string {
  cached ??= readFileSync(REAL_CSV_URL, "utf8");
  return cached;
}

/** The real file's header, in order. */
export function realHeader(): string[] {
  return (parse(realCsv(), { to_line: 1 }) as string[][])[0]!;
}

/** The real file's data records, each as its raw CSV text (multi-line fields kept). */
export function realRecords(): { header: string; rows: string[] } {
  const records = parse(realCsv(), { raw: true }) as unknown as { raw: string; record: string[] }[];
  const raws = records.map((r) => r.raw.replace(/\r?\n$/, ""));
  return { header: raws[0]!, rows: raws.slice(1) };
}

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A row of the real header's columns: the given cells, and a plausible row for the rest. */
export function csvRow(cells: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = {
    id: "1",
    type: "omb_cx_reporting_collections",
    attributes_organization_id: "2123",
    attributes_organization_name: "Internal Revenue Service",
    attributes_organization_abbreviation: "IRS",
    attributes_service_provider_id: "18",
    attributes_service_provider_name: "Internal Revenue Service",
    attributes_collection_year: "2022",
    attributes_collection_quarter: "1",
    attributes_service_provided: "IRS.gov",
    attributes_transaction_point: "After a visit",
    attributes_channel: "computer",
    attributes_volume_of_customers: "1000.0",
    attributes_volume_of_customers_provided_survey_opportunity: "100.0",
    attributes_volume_of_respondents: "10",
    attributes_service_id: "16",
    attributes_service_name: "Visiting IRS.gov",
    attributes_service_slug: "treas-irs",
    attributes_q1_text: "I am satisfied with the service I received from IRS.gov.",
    attributes_q1_1: "1",
    attributes_q1_2: "1",
    attributes_q1_3: "2",
    attributes_q1_4: "3",
    attributes_q1_5: "3",
    attributes_q1_point_scale: "3.6",
  };
  for (let slot = 2; slot <= 11; slot++) for (let p = 1; p <= 5; p++) base[`attributes_q${slot}_${p}`] = "0";
  return { ...base, ...cells };
}

/** CSV text with the real header (or `header`) and these rows. */
export function csvText(rows: Record<string, string>[], header: string[] = realHeader()): string {
  const lines = [header.map(quote).join(",")];
  for (const row of rows) lines.push(header.map((column) => quote(row[column] ?? "")).join(","));
  return `${lines.join("\n")}\n`;
}
