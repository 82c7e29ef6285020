/**
 * Every blueprint part of every bundled example, with the sludge overlay of the recommended lint, measured at 100%
 * in Chromium (see measure-blueprints.ts).
 */
import { measureBlueprints } from "./measure-blueprints.js";

await measureBlueprints("sludge");
