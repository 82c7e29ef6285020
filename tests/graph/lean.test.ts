/**
 * The lean analyses the sludge engine reads (issue 10) give exactly the fields of the full reports.
 */
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { indexCatalog } from "../../src/index.js";
import { experienceAnalysisOf, leanExperienceRepeats, leanServiceAnalysis, serviceAnalysisOf } from "../../src/graph/analyze.js";
import { arbCatalog } from "../../src/testing/index.js";

test.prop([arbCatalog({ minServices: 1, maxStepsPerService: 14 })], { numRuns: 80 })(
  "leanServiceAnalysis equals the full report's loops, dead ends, unreachable steps, repeated asks and reach",
  (catalog) => {
    const index = indexCatalog(catalog);
    for (const service of catalog.services) {
      const full = serviceAnalysisOf(index, service);
      const lean = leanServiceAnalysis(index, service);
      expect(lean).toEqual({
        reworkLoops: full.reworkLoops,
        deadEnds: full.deadEnds,
        unreachable: full.unreachable,
        repeatedAsks: full.repeatedAsks,
        reach: full.reach,
        leaks: full.leaks,
      });
      expect(Object.isFrozen(lean.reach)).toBe(true);
    }
  },
);

test.prop([arbCatalog({ minServices: 2, maxStepsPerService: 8 }), fc.context()], { numRuns: 60 })(
  "leanExperienceRepeats equals the full report's repeated asks",
  (catalog, ctx) => {
    const index = indexCatalog(catalog);
    ctx.log(`${catalog.lifeExperiences.length} life experiences`);
    for (const experience of catalog.lifeExperiences) {
      expect(leanExperienceRepeats(index, experience)).toEqual(experienceAnalysisOf(index, experience).repeatedAsks);
    }
  },
);
