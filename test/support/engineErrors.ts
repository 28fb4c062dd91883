/** The EngineError an action throws, for asserting its code and message; anything else fails. */
import { EngineError } from "../../src/engine/errors";

export function thrown(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected an EngineError");
}

/** The EngineError a promise rejects with; a fulfilled promise or any other error fails. */
export async function rejected(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected the promise to reject with an EngineError");
}
