/** Every blueprint part of every bundled example, plain, measured at 100% in Chromium (see measure-blueprints.ts). */
import { measureBlueprints } from "./measure-blueprints.js";

await measureBlueprints("plain");
