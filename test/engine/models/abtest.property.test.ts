/** A/B tests on generated bad input: tiny, constant or tied arms and odd counts answer or explain. */
import fc from "fast-check";
import { EngineError } from "../../../src/engine/errors";
import { abTestMeans, abTestProportions } from "../../../src/engine/models/abtest";

const arm = fc.array(fc.oneof(fc.constant(5), fc.integer({ min: -3, max: 3 })), { maxLength: 10 });

describe("A/B tests on bad input", () => {
  it("numeric arms: a result with p in [0, 1], or an EngineError with a message", () => {
    fc.assert(
      fc.property(arm, arm, fc.constantFrom("welch", "student", "mann-whitney"), (a, b, test) => {
        try {
          const result = abTestMeans(Float64Array.from(a), Float64Array.from(b), {
            test: test as "welch",
          });
          expect(result.p >= 0 && result.p <= 1).toBe(true);
          expect(result.mannWhitney.uA + result.mannWhitney.uB).toBe(a.length * b.length);
        } catch (error) {
          expect(error).toBeInstanceOf(EngineError);
          expect((error as Error).message.length).toBeGreaterThan(20);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("conversion counts: a result or an EngineError, never another exception", () => {
    const count = fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constant(0.5));
    fc.assert(
      fc.property(count, count, count, count, (xA, nA, xB, nB) => {
        try {
          const result = abTestProportions(xA, nA, xB, nB);
          expect(result.p >= 0 && result.p <= 1).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(EngineError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
