/**
 * The engine runs in Excel, the browser and Node alike, so it may import nothing from Office,
 * the DOM, Node or the layers above it. eslint's no-restricted-imports (eslint.config.mjs)
 * enforces that; here we check the rule bites, with eslint's own API on sample sources.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

/** eslint's messages for a source as if it were the given file (eslint's CLI: its config is ESM). */
function engineLintMessages(source: string, file = "src/engine/models/example.ts"): string[] {
  const run = spawnSync(
    process.execPath,
    [
      join(root, "node_modules", "eslint", "bin", "eslint.js"),
      "--stdin",
      "--stdin-filename",
      file,
      "--format",
      "json",
    ],
    { cwd: root, input: source, encoding: "utf8" },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { message: string }[] }[];
  return result.messages.map((m) => m.message);
}

describe("the engine stays pure", () => {
  it.each([
    ['import { readFileSync } from "node:fs";', /no Node APIs/],
    ['import { runCli } from "../../cli/main";', /imports nothing from the layers above/],
    [
      'import { runOlsFunction } from "../../functions/ols";',
      /imports nothing from the layers above/,
    ],
    ['import * as React from "react";', /no Office or UI libraries/],
    ["export const sheet = () => Excel.run;", /no Office\.js/],
    ["export const width = () => window.innerWidth;", /no DOM/],
  ])(
    "rejects %s",
    async (source, message) => {
      const messages = await engineLintMessages(`${source}\n`);
      expect(messages.some((m) => message.test(m))).toBe(true);
    },
    30_000,
  );

  it("accepts the same imports outside the engine", () => {
    const messages = engineLintMessages(
      'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n',
      "src/cli/example.ts",
    );
    expect(messages).toEqual([]);
  }, 30_000);
});
