/**
 * `service-blueprint/import`: the importer of the A-11 customer feedback that High-Impact Service Providers report
 * each quarter (CSV, read with csv-parse), with its errors, warnings, report and question-driver mapping. Kept out of
 * the main entry so that importing the library does not load csv-parse.
 *
 * Migration from 0.1: `import { importA11Feedback } from "service-blueprint"` becomes
 * `import { importA11Feedback } from "service-blueprint/import"` (the same for `A11ImportError`,
 * `A11_IMPORT_ERROR_CODES`, `A11_IMPORT_WARNING_CODES`, `formatA11ImportReport`, `mapQuestionDriver` and their
 * types).
 *
 * @packageDocumentation
 */
export { A11_IMPORT_WARNING_CODES, importA11Feedback } from "./import/a11-import.js";
export type {
  A11ImportReport,
  A11ImportResult,
  A11ImportWarning,
  A11ImportWarningCode,
  A11ImportedRow,
  A11MergeOptions,
  A11QuestionMapping,
  A11SkippedRow,
  ImportA11FeedbackOptions,
} from "./import/a11-import.js";
export { A11_IMPORT_ERROR_CODES, A11ImportError } from "./import/a11-error.js";
export type { A11ImportErrorCode, A11ImportErrorDetails } from "./import/a11-error.js";
export { mapQuestionDriver } from "./import/question-drivers.js";
export type { QuestionDriverHow, QuestionDriverMatch } from "./import/question-drivers.js";
export { formatA11ImportReport } from "./import/a11-report.js";
