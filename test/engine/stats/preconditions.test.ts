import { EngineError } from "../../../src/engine/errors";
import {
  requireInRange,
  requireNonNegative,
  requirePositive,
} from "../../../src/engine/stats/preconditions";
import { expectInvalidOption } from "../../support/distributionReference";

describe("preconditions", () => {
  it("requirePositive accepts positive numbers and Infinity only when allowed", () => {
    expect(() => requirePositive("f", "df", 3)).not.toThrow();
    expect(() => requirePositive("f", "df", Infinity, true)).not.toThrow();
    expectInvalidOption(
      () => requirePositive("f", "df", Infinity),
      "f needs df > 0 and finite; df is Infinity",
    );
    expectInvalidOption(() => requirePositive("f", "df", 0, true), "f needs df > 0; df is 0");
    expectInvalidOption(() => requirePositive("f", "df", NaN, true), "f needs df > 0; df is NaN");
  });

  it("requireInRange accepts the closed interval and rejects NaN", () => {
    expect(() => requireInRange("g", "p", 0, 0, 1)).not.toThrow();
    expect(() => requireInRange("g", "p", 1, 0, 1)).not.toThrow();
    expectInvalidOption(() => requireInRange("g", "p", 1.5, 0, 1), "g needs p in [0, 1]; p is 1.5");
    expectInvalidOption(() => requireInRange("g", "p", NaN, 0, 1), "g needs p in [0, 1]; p is NaN");
  });

  it("requireNonNegative accepts 0 and Infinity and throws EngineError otherwise", () => {
    expect(() => requireNonNegative("h", "x", 0)).not.toThrow();
    expect(() => requireNonNegative("h", "x", Infinity)).not.toThrow();
    expect(() => requireNonNegative("h", "x", -1e-300)).toThrow(EngineError);
    expectInvalidOption(() => requireNonNegative("h", "x", -2), "h needs x >= 0; x is -2");
  });
});
