/** What a worker answers for each job: reports, spills, datasets, and failures as messages. */
import { ANALYSES, withDefaults } from "../../src/engine/analyses/registry";
import type { NumericColumn } from "../../src/engine/data/types";
import { silhouettePlan } from "../../src/engine/models/silhouette";
import {
  answer,
  handleJob,
  transferables,
  type JobResponse,
  type WorkerState,
} from "../../src/workers/jobs";

const numeric = (name: string, values: number[]): NumericColumn => ({
  kind: "numeric",
  name,
  values: Float64Array.from(values),
});
const ols = ANALYSES.find((entry) => entry.id === "ols")!;
const input = {
  roles: { y: [numeric("Sales", [3, 5, 4, 8, 9, 12])], x: [numeric("Radio", [1, 2, 2, 4, 5, 6])] },
  options: withDefaults(ols, {}),
};
const fresh = (): WorkerState => ({ rows: [] });

describe("handleJob", () => {
  it("answers an analysis with its report", async () => {
    const response = await handleJob(7, { kind: "analysis", analysisId: "ols", input }, fresh());
    expect(response).toMatchObject({ id: 7, ok: true, value: { title: "OLS: Sales on Radio" } });
  });

  it("answers an engine error with its code and message", async () => {
    const constant = {
      ...input,
      roles: { ...input.roles, x: [numeric("Week", [5, 5, 5, 5, 5, 5])] },
    };
    expect(
      await handleJob(1, { kind: "analysis", analysisId: "ols", input: constant }, fresh()),
    ).toEqual({
      id: 1,
      ok: false,
      code: "collinear",
      message: expect.stringMatching(/"Week" is constant/),
    });
  });

  it("answers an unknown analysis or function by name", async () => {
    expect(
      await handleJob(2, { kind: "analysis", analysisId: "nope", input }, fresh()),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/There is no analysis "nope"/),
    });
    expect(await handleJob(3, { kind: "function", name: "nope", args: [] }, fresh())).toMatchObject(
      {
        ok: false,
        message: 'There is no function "nope".',
      },
    );
  });

  it("runs a worksheet function with Excel's arguments, and carries its #VALUE! back", async () => {
    const y = [["y"], [1], [2], [3.5], [4], [5.5]];
    const x = [["x"], [1], [2], [3], [4], [5]];
    const answered = await handleJob(
      4,
      { kind: "function", name: "ols", args: [y, x, "coef"] },
      fresh(),
    );
    expect(answered.ok && (answered.value as unknown[][])[0][0]).toBe("Term");
    const text = [["x"], [1], ["abc"], [3], [4], [5]];
    expect(await handleJob(5, { kind: "function", name: "ols", args: [y, text] }, fresh())).toEqual(
      {
        id: 5,
        ok: false,
        code: "#VALUE!",
        message: expect.stringMatching(/MMM\.OLS: x: column "x" has the text "abc"/),
      },
    );
  });

  it("keeps blocks of rows until the last, then answers the dataset and forgets the rows", async () => {
    const state = fresh();
    const label = "Sheet1!A1:B4";
    const first = await handleJob(
      1,
      {
        kind: "rows",
        rows: [
          ["TV", "Sales"],
          ["Low", 1],
        ],
        first: true,
        last: false,
        label,
      },
      state,
    );
    expect(first).toEqual({ id: 1, ok: true, value: null });
    const last = await handleJob(
      2,
      {
        kind: "rows",
        rows: [
          ["High", 3],
          ["Low", 2],
        ],
        first: false,
        last: true,
        label,
      },
      state,
    );
    expect(last.ok && last.value).toMatchObject({
      rowCount: 3,
      hasHeader: true,
      columns: [
        { kind: "categorical", name: "TV", values: ["Low", "High", "Low"] },
        { kind: "numeric", name: "Sales", values: Float64Array.from([1, 3, 2]) },
      ],
    });
    expect(state.rows).toEqual([]);
    // The numeric column's buffer is handed over rather than copied.
    expect(transferables(last)).toHaveLength(1);
  });

  it("answers a selection it cannot read with the data layer's message", async () => {
    const response = await handleJob(
      1,
      { kind: "rows", rows: [], first: true, last: true, label: "Sheet1!A1" },
      fresh(),
    );
    expect(response).toMatchObject({
      ok: false,
      code: expect.any(String),
      message: expect.stringMatching(/Sheet1!A1/),
    });
  });

  it("answers a share of work (a task) and hands its arrays over", async () => {
    const points = {
      values: Float64Array.from([0, 0, 1, 0, 10, 10, 11, 10]),
      count: 4,
      dimensions: 2,
    };
    const clustering = await handleJob(
      2,
      {
        kind: "task",
        task: { kind: "kmeans", points, options: { k: 2, restarts: 2, from: 1, to: 2 } },
      },
      fresh(),
    );
    expect(clustering).toMatchObject({ ok: true, value: { k: 2, restart: 1, sizes: [2, 2] } });
    expect(transferables(clustering)).toHaveLength(2);
    const labels = Int32Array.from([0, 0, 1, 1]);
    const sums = await handleJob(
      3,
      {
        kind: "task",
        task: {
          kind: "silhouette",
          points,
          labels,
          k: 2,
          needed: silhouettePlan(points, labels, 2),
          part: 0,
          parts: 1,
        },
      },
      fresh(),
    );
    expect(sums.ok && sums.value instanceof Float64Array).toBe(true);
    expect(transferables(sums)).toHaveLength(1);
    const refused = await handleJob(
      4,
      { kind: "task", task: { kind: "kmeans", points, options: { k: 9 } } },
      fresh(),
    );
    expect(refused).toMatchObject({ ok: false, code: "tooFewRows" });
  });

  it("answers with a failure when the result cannot be sent, so that no job waits forever", async () => {
    const sent: JobResponse[] = [];
    await new Promise<void>((resolve) =>
      answer(
        { id: 9, job: { kind: "analysis", analysisId: "ols", input } },
        fresh(),
        (response) => {
          if ("progress" in response) return;
          if (response.ok) throw new Error("could not be cloned");
          sent.push(response);
          resolve();
        },
      ),
    );
    expect(sent).toEqual([
      {
        id: 9,
        ok: false,
        message: expect.stringMatching(/could not be sent back \(could not be cloned\)/),
      },
    ]);
  });
});
