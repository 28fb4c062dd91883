/**
 * `npm run build`: webpack bundles the functions and the pane, custom-functions-metadata-plugin
 * writes functions.json from the JSDoc and registers each function with CustomFunctions.associate,
 * and office.js is served from the add-in itself (no CDN).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "mmm-build-"));
  const build = spawnSync(
    process.execPath,
    [
      join(root, "node_modules", "webpack", "bin", "webpack.js"),
      "--mode",
      "production",
      "--output-path",
      out,
    ],
    { cwd: root, encoding: "utf8" },
  );
  expect(build.stderr + build.stdout).toMatch(/compiled successfully/);
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the production build", () => {
  it("generates functions.json from the JSDoc, with MMM.OLS", () => {
    const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    expect(metadata.functions.map((f) => f.id)).toContain("OLS");
  });

  it("associates each function id with its implementation in functions.js", () => {
    expect(readFileSync(join(out, "functions.js"), "utf8")).toMatch(/associate\("OLS",/);
  });

  it("loads functions and pane in one page (the shared runtime) with a local office.js", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toMatch(/src="?office-js\/office\.js/);
    expect(html).toMatch(/src="?functions\.js/);
    expect(html).toMatch(/src="?taskpane\.js/);
    expect(existsSync(join(out, "office-js", "office.js"))).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("builds the browser preview page with its sample data sets", () => {
    expect(readFileSync(join(out, "index.html"), "utf8")).toMatch(/src="?preview\.js/);
    expect(existsSync(join(out, "samples", "robyn_dt_simulated_weekly.csv"))).toBe(true);
    expect(existsSync(join(out, "samples", "README.md"))).toBe(true);
  });

  it("ships the icons the manifest names", () => {
    for (const size of [16, 32, 64, 80])
      expect(existsSync(join(out, "assets", `icon-${size}.png`))).toBe(true);
  });
});
