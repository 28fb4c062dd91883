/**
 * `mmm kmeans` as a process: on a machine with several cores it shares restarts and silhouette
 * sums with worker threads started from its own bundle, and prints what one thread computes.
 */
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { FIXTURES } from "../support/nist";

const root = join(__dirname, "..", "..");
const argv = [
  "kmeans",
  join(FIXTURES, "seeds", "marketing_sales_data.csv"),
  "--cols",
  "Radio,Social Media,Sales",
  "--k",
  "auto",
  "--json",
];

describe("mmm kmeans", () => {
  it("prints the same JSON from the process (worker threads) as from one thread in place", async () => {
    expect(availableParallelism()).toBeGreaterThan(1); // else the process would not use threads
    const process = spawnSync("npm", ["run", "--silent", "mmm", "--", ...argv], {
      cwd: root,
      encoding: "utf8",
    });
    expect([process.status, process.stderr]).toEqual([0, ""]);
    const inPlace = await runCli(argv);
    expect(inPlace.exitCode).toBe(0);
    expect(JSON.parse(process.stdout)).toEqual(JSON.parse(inPlace.stdout));
    expect(JSON.parse(process.stdout).k).toBe(2);
  });

  it("fails with one line and exit 1 when a helper thread refuses the data", () => {
    const bad = spawnSync(
      "npm",
      ["run", "--silent", "mmm", "--", ...argv.slice(0, 4), "--k", "600"],
      { cwd: root, encoding: "utf8" },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^mmm: k-means with k = 600 needs more than 600 rows; there are 5\d\d\.$/,
      ),
    ]);
  });
});
