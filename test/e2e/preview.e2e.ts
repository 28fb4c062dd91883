/**
 * The browser preview end to end, in Debian's Chromium: sample data, =MMM.OLS typed into the
 * grid and read back against statsmodels, recalculation, errors with their messages, #SPILL!,
 * paste of tab-separated text, sheet tabs. Screenshots of the key states go to test-results/.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { parseCsv } from "../../src/engine/data/csv";
import { readReference, relativeError, type StatsmodelsReference } from "../support/olsReference";
import { serveDirectory } from "./staticServer";

const root = join(__dirname, "..", "..");
const screenshots = join(root, "test-results");
const reference = readReference<StatsmodelsReference>("robyn_media.statsmodels.json");
const SAMPLE = "robyn_dt_simulated_weekly";

let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await serveDirectory(join(root, "dist"));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  page = await browser.newPage({ viewport: { width: 2400, height: 1000 } });
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const cell = (address: string) => page.locator(`[data-cell="${address}"]`);
const snap = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`) });

async function select(address: string) {
  await page.fill('input[aria-label="Name box"]', address);
  await page.press('input[aria-label="Name box"]', "Enter");
}

/** Waits until no formula is still calculating on a worker (#BUSY! in Excel's words). */
async function calculated() {
  await page.waitForFunction(
    () => !document.querySelector(".preview")?.textContent?.includes("#BUSY!"),
  );
}

async function type(address: string, text: string) {
  await select(address);
  await page.fill('input[aria-label="Formula bar"]', text);
  await page.press('input[aria-label="Formula bar"]', "Enter");
  await calculated();
}

async function numberAt(address: string): Promise<number> {
  return Number(await cell(address).textContent());
}

/**
 * The first cell of column `letter` that shows `label`, scrolling down the sheet to it: the grid
 * draws only the rows in view.
 */
async function locate(label: string, letter: string) {
  const found = page.locator(`[data-cell^="${letter}"]:text-is("${label}")`).first();
  for (let row = 20; row <= 400; row += 15) {
    if ((await found.count()) > 0) return found;
    await select(`${letter}${row}`);
  }
  throw new Error(`no cell of column ${letter} shows "${label}"`);
}

/** The address of the cell right of the one in column `letter` that shows `label`. */
async function addressRightOf(label: string, letter: string): Promise<string> {
  const address = await (await locate(label, letter)).getAttribute("data-cell");
  const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address ?? "") ?? [];
  const next = String.fromCharCode(letters.charCodeAt(letters.length - 1) + 1);
  return `${letters.slice(0, -1)}${next}${row}`;
}

/** The number shown right of `label` (General format: 10 significant digits). */
async function valueRightOf(label: string, letter: string): Promise<number> {
  return numberAt(await addressRightOf(label, letter));
}

/** The number typed right of `label`, as the formula bar shows it: every digit the pane wrote. */
async function writtenRightOf(label: string, letter: string): Promise<number> {
  await select(await addressRightOf(label, letter));
  return Number(await page.inputValue('input[aria-label="Formula bar"]'));
}

/** The sample's revenue and five spend columns as tab-separated text, as Excel copies them. */
function sampleAsTsv(): string {
  const rows = parseCsv(readFileSync(join(root, "assets", "samples", `${SAMPLE}.csv`), "utf8"));
  const wanted = ["revenue", "tv_S", "ooh_S", "print_S", "facebook_S", "search_S"].map((name) =>
    rows[0].indexOf(name),
  );
  return rows.map((row) => wanted.map((j) => row[j]).join("\t")).join("\r\n") + "\r\n";
}

async function pasteAt(address: string, text: string) {
  await select(address);
  await page.evaluate((tsv) => {
    const data = new DataTransfer();
    data.setData("text/plain", tsv);
    document
      .querySelector(".preview")!
      .dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  }, text);
}

/** Presses Tab until the focused element has this role and accessible name (keyboard only). */
async function tabTo(role: "button" | "combobox" | "checkbox" | "tab" | "textbox", name: string) {
  const target = page.getByRole(role, { name, exact: true });
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false))
      return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached the ${role} "${name}"`);
}

/** Presses F6 until the focus is in the region `selector` (toolbar, grid, tabs, pane). */
async function f6To(selector: string) {
  const region = page.locator(selector);
  for (let presses = 0; presses < 8; presses++) {
    if (await region.evaluate((element) => element.contains(document.activeElement))) return;
    await page.keyboard.press("F6");
  }
  throw new Error(`F6 never reached ${selector}`);
}

/** In an open Fluent listbox, moves with the arrow keys to the option `name` and picks it. */
async function pickOption(name: string) {
  for (let presses = 0; presses < 40; presses++) {
    const active = await page.evaluate(() => {
      const box = document.activeElement?.getAttribute("aria-activedescendant");
      return box ? document.getElementById(box)?.textContent : null;
    });
    if (active === name) return page.keyboard.press("Enter");
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no option "${name}"`);
}

/** The longest task that held the page's main thread since the last call, in ms (Chromium). */
async function longestTask(): Promise<number> {
  return page.evaluate(() => {
    const slot = window as unknown as { longest?: number; observed?: boolean };
    if (!slot.observed) {
      slot.observed = true;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          slot.longest = Math.max(slot.longest ?? 0, entry.duration);
      }).observe({ type: "longtask" });
    }
    const longest = slot.longest ?? 0;
    slot.longest = 0;
    return longest;
  });
}

describe("the browser preview", () => {
  it("loads a sample data set into a new sheet", async () => {
    await page.selectOption('select[aria-label="Sample data"]', `${SAMPLE}.csv`);
    await page.getByRole("tab", { name: SAMPLE }).waitFor();
    expect(await cell("B1").textContent()).toBe("revenue");
    expect(await numberAt("I2")).toBe(8125009);
    await snap("1-sample-loaded");
  });

  it("selects and edits cells with the mouse and the keyboard", async () => {
    await page.getByRole("tab", { name: "Sheet1" }).click();
    await cell("B2").click();
    await page.keyboard.type("42");
    await page.keyboard.press("Enter");
    expect(await cell("B2").textContent()).toBe("42");
    await page.keyboard.press("ArrowDown");
    expect(await page.inputValue('input[aria-label="Name box"]')).toBe("B3");
    await cell("C3").dblclick();
    await page.keyboard.type("seven");
    await page.keyboard.press("Enter");
    expect(await cell("C3").textContent()).toBe("seven");
    await type("B2", "");
    await type("C3", "");
    expect(await cell("B2").textContent()).toBe("");
  });

  it("pastes tab-separated text copied from Excel into the right cells", async () => {
    await page.getByRole("tab", { name: "Sheet1" }).click();
    await pasteAt("A1", sampleAsTsv());
    expect(await cell("A1").textContent()).toBe("revenue");
    expect(await cell("F1").textContent()).toBe("search_S");
    await select("B3");
    expect(await page.inputValue('input[aria-label="Formula bar"]')).toBe("28613.4533333333");
    await snap("2-pasted");
  });

  it("spills =MMM.OLS typed in a cell, with statsmodels' R-squared and coefficients", async () => {
    await type("H1", "=MMM.OLS(A1:A209, B1:F209)");
    await cell("H1").filter({ hasText: "OLS Regression Results" }).waitFor();
    // The grid shows 10 significant digits: 1e-9 relative.
    expect(
      relativeError(await valueRightOf("R-squared", "K"), reference.rSquared as number),
    ).toBeLessThan(1e-9);
    expect(
      relativeError(await valueRightOf("F-statistic", "K"), reference.fStatistic as number),
    ).toBeLessThan(1e-9);
    for (const coefficient of reference.coefficients) {
      const shown = await valueRightOf(coefficient.term, "H");
      expect([coefficient.term, relativeError(shown, coefficient.estimate) < 1e-9]).toEqual([
        coefficient.term,
        true,
      ]);
    }
    await snap("3-ols-summary");
  });

  it("recalculates when an input cell changes", async () => {
    const before = await valueRightOf("R-squared", "K");
    const original = await cell("A5").textContent();
    await type("A5", "9000000");
    expect(await valueRightOf("R-squared", "K")).not.toBeCloseTo(before, 6);
    await snap("4-recalculated");
    await type("A5", original ?? "");
    expect(
      relativeError(await valueRightOf("R-squared", "K"), reference.rSquared as number),
    ).toBeLessThan(1e-9);
  });

  it("shows #VALUE! and the function's message for text in a numeric column", async () => {
    await type("C7", "abc");
    await cell("H1").filter({ hasText: "#VALUE!" }).waitFor();
    expect(await cell("H1").getAttribute("title")).toMatch(
      /MMM\.OLS: x: column "ooh_S" has the text "abc" in row 6 \(cell B7 of the range\)/,
    );
    await select("H1");
    expect(await page.getByRole("alert").textContent()).toMatch(
      /#VALUE!: MMM\.OLS: x: column "ooh_S"/,
    );
    await snap("5-value-error");
    await type("C7", "0");
  });

  it("shows #SPILL! when the result's cells are not empty, and spills again once cleared", async () => {
    await type("J5", "in the way");
    await cell("H1").filter({ hasText: "#SPILL!" }).waitFor();
    expect(await cell("H1").getAttribute("title")).toMatch(/J5 is not empty/);
    await snap("6-spill-blocked");
    await type("J5", "");
    await cell("H1").filter({ hasText: "OLS Regression Results" }).waitFor();
  });

  it("opens a 100,000-row CSV file and jumps to its last row", async () => {
    const lines = ["week,sales,spend"];
    for (let i = 1; i <= 100_000; i++)
      lines.push(`${i},${(1000 + (i % 97) * 3.5).toFixed(2)},${(i % 89) * 10}`);
    await page.setInputFiles('input[aria-label="Open CSV"]', {
      name: "big.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(lines.join("\n") + "\n"),
    });
    await page.getByRole("tab", { name: "big" }).waitFor();
    await select("A100001");
    await cell("A100001").waitFor();
    expect(await cell("A100001").textContent()).toBe("100000");
    expect(await cell("C100001").textContent()).toBe(String((100_000 % 89) * 10));
    await snap("7-hundred-thousand-rows");
    await page.getByRole("tab", { name: "Sheet1" }).click();
  });

  it("adds and renames sheets, and a formula reads another sheet", async () => {
    await page.getByRole("button", { name: "Add sheet" }).click();
    await page.getByRole("tab", { name: "Sheet4" }).dblclick();
    await page.fill('input[aria-label="Sheet name"]', "Model");
    await page.press('input[aria-label="Sheet name"]', "Enter");
    await page.getByRole("tab", { name: "Model" }).waitFor();
    await type("A1", '=MMM.OLS(Sheet1!A1:A209, Sheet1!B1:F209, "coef")');
    await cell("A2").filter({ hasText: "Intercept" }).waitFor();
    expect(relativeError(await numberAt("B3"), reference.coefficients[1].estimate)).toBeLessThan(
      1e-9,
    );
    await snap("8-other-sheet");
  });

  it("runs OLS from the task pane into a new results sheet, with statsmodels' figures", async () => {
    await page.getByRole("tab", { name: SAMPLE }).click();
    await select("A1");
    await page.getByRole("button", { name: "Use selection" }).click();
    await page.getByRole("combobox", { name: "Response (y)" }).click();
    await page.getByRole("option", { name: "revenue" }).click();
    for (const name of reference.x) await page.getByRole("checkbox", { name }).check();
    await snap("9-pane-ready");
    await page.getByRole("button", { name: "Run" }).click();
    await page.getByText('Results are in sheet "OLS 1"').waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: "OLS 1", selected: true }).waitFor();
    // Written in full, shown in the table's number format (4 decimals), significant terms bold.
    expect(
      relativeError(await writtenRightOf("rSquared", "A"), reference.rSquared as number),
    ).toBeLessThan(1e-12);
    expect(await cell(await addressRightOf("rSquared", "A")).textContent()).toBe(
      (reference.rSquared as number).toFixed(4),
    );
    for (const coefficient of reference.coefficients) {
      expect(
        relativeError(await writtenRightOf(coefficient.term, "A"), coefficient.estimate),
      ).toBeLessThan(1e-9);
      const term = await locate(coefficient.term, "A");
      await expect(term.evaluate((el) => el.classList.contains("cell-bold"))).resolves.toBe(
        coefficient.p < 0.05,
      );
    }
    await select("A1");
    expect(await cell("A1").textContent()).toBe(
      "OLS: revenue on tv_S, ooh_S, print_S, facebook_S, search_S",
    );
    // The four charts are drawn from the data written beside them on the sheet.
    const charts = page.getByRole("figure");
    await expect(charts.count()).resolves.toBe(4);
    expect(await charts.first().locator("figcaption").textContent()).toBe("Actual vs fitted");
    expect(await charts.first().locator(".recharts-scatter-symbol").count()).toBeGreaterThanOrEqual(
      208,
    );
    await snap("10-results-sheet");
  });

  it("writes live formulas from the pane that recalculate when an input cell changes", async () => {
    await page.getByRole("tab", { name: "Sheet1" }).click();
    await select("A1");
    await page.getByRole("button", { name: "Use selection" }).click();
    await page.getByRole("combobox", { name: "Response (y)" }).click();
    await page.getByRole("option", { name: "revenue" }).click();
    for (const name of reference.x) await page.getByRole("checkbox", { name }).check();
    await page.getByRole("switch", { name: "Write as live formulas" }).check();
    await page.getByRole("button", { name: "Run" }).click();
    await page.getByText('Live formulas are in sheet "OLS 2"').waitFor();
    await select("A3");
    expect(await page.inputValue('input[aria-label="Formula bar"]')).toBe(
      "=MMM.OLS(Sheet1!A1:A209, Sheet1!B1:F209)",
    );
    expect(
      relativeError(await valueRightOf("R-squared", "D"), reference.rSquared as number),
    ).toBeLessThan(1e-9);
    await snap("11-live-formulas");
    await page.getByRole("tab", { name: "Sheet1" }).click();
    const original = await cell("A5").textContent();
    await type("A5", "9000000");
    await page.getByRole("tab", { name: "OLS 2" }).click();
    await calculated();
    expect(await valueRightOf("R-squared", "D")).not.toBeCloseTo(reference.rSquared as number, 6);
    await page.getByRole("tab", { name: "Sheet1" }).click();
    await type("A5", original ?? "");
    await page.getByRole("tab", { name: "OLS 2" }).click();
    await calculated();
    expect(
      relativeError(await valueRightOf("R-squared", "D"), reference.rSquared as number),
    ).toBeLessThan(1e-9);
    await page.getByRole("switch", { name: "Write as live formulas" }).uncheck();
  });

  it("refuses to run from the pane until the roles make sense, saying why", async () => {
    await page.getByRole("tab", { name: SAMPLE }).click();
    await select("A1");
    await page.getByRole("button", { name: "Use selection" }).click();
    await expect(page.getByRole("button", { name: "Run" }).isDisabled()).resolves.toBe(true);
    expect(await page.getByText("Choose one response column (y).").count()).toBe(1);
    await page.getByRole("combobox", { name: "Response (y)" }).click();
    await page.getByRole("option", { name: "DATE" }).click();
    expect(
      await page.getByText('The response "DATE" holds text; choose a numeric column.').count(),
    ).toBe(1);
    await snap("12-pane-validation");
  });

  it("runs OLS from the pane with the keyboard alone", async () => {
    // F6 moves between the toolbar, the formula bar, the sheet and the pane, as in Excel.
    await f6To('nav[aria-label="Sheets"]');
    await tabTo("tab", SAMPLE);
    await page.keyboard.press("Enter");
    await f6To(".formula-bar");
    await page.keyboard.type("A1");
    await page.keyboard.press("Enter");
    await f6To('aside[aria-label="Task pane"]');
    await tabTo("button", "Use selection");
    await page.keyboard.press("Enter");
    await page.getByText(/: 208 rows, \d+ columns\./).waitFor();
    await tabTo("combobox", "Response (y)");
    await page.keyboard.press("Enter");
    await pickOption("revenue");
    const boxes = await page
      .getByRole("group", { name: "Predictors (x)" })
      .getByRole("checkbox")
      .all();
    for (const box of boxes) {
      const name = await box.evaluate(
        (input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? "",
      );
      if (!reference.x.includes(name)) continue;
      await tabTo("checkbox", name);
      await page.keyboard.press("Space");
    }
    await snap("13-keyboard-ready");
    await tabTo("button", "Run");
    await page.keyboard.press("Enter");
    const done = page.getByText(/Results are in sheet "OLS \d+"/);
    await done.waitFor({ timeout: 30_000 });
    const sheet = /"(OLS \d+)"/.exec((await done.textContent()) ?? "")![1];
    await page.getByRole("tab", { name: sheet, selected: true }).waitFor();
    expect(
      relativeError(await writtenRightOf("rSquared", "A"), reference.rSquared as number),
    ).toBeLessThan(1e-12);
    await snap("14-keyboard-results");
  });

  it("reads and runs 1,048,576 rows from the pane without freezing it; Cancel leaves the workbook as it was", async () => {
    // Excel's largest sheet: a header and 1,048,575 rows of y = 3 + 0.5 a - 0.25 b + 2 c + e,
    // with e a deterministic pattern in [-0.5, 0.5).
    const n = 1_048_575;
    const lines = ["y,a,b,c"];
    for (let i = 0; i < n; i++) {
      const [a, b, c] = [i % 101, (i * 13) % 97, (i % 7) * 0.5];
      const e = ((i * 7919) % 1000) / 1000 - 0.5;
      lines.push(`${3 + 0.5 * a - 0.25 * b + 2 * c + e},${a},${b},${c}`);
    }
    await page.setInputFiles('input[aria-label="Open CSV"]', {
      name: "million.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(lines.join("\n") + "\n"),
    });
    await page.getByRole("tab", { name: "million" }).waitFor({ timeout: 120_000 });
    await select("A1");
    await longestTask();

    let started = Date.now();
    await page.getByRole("button", { name: "Use selection" }).click();
    await page
      .getByText("million!A1:D1048576: 1048575 rows, 4 columns.")
      .waitFor({ timeout: 120_000 });
    const read = { seconds: (Date.now() - started) / 1000, longestTaskMs: await longestTask() };
    await page.getByRole("combobox", { name: "Response (y)" }).click();
    await page.getByRole("option", { name: "y", exact: true }).click();
    for (const name of ["a", "b", "c"])
      await page.getByRole("checkbox", { name, exact: true }).check();

    const tabs = await page.getByRole("tab").allTextContents();
    await page.getByRole("button", { name: "Run" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("The analysis was cancelled; nothing was written.").waitFor();
    expect(await page.getByRole("tab").allTextContents()).toEqual(tabs);
    await snap("15-cancelled");

    await longestTask();
    started = Date.now();
    await page.getByRole("button", { name: "Run" }).click();
    const done = page.getByText(/Results are in sheet "OLS \d+"/);
    await done.waitFor({ timeout: 120_000 });
    const run = { seconds: (Date.now() - started) / 1000, longestTaskMs: await longestTask() };
    await calculated();
    for (const [term, truth] of [
      ["a", 0.5],
      ["b", -0.25],
      ["c", 2],
    ] as const) {
      expect([term, Math.abs((await writtenRightOf(term, "A")) - truth) < 0.01]).toEqual([
        term,
        true,
      ]);
    }
    await snap("16-million-rows-results");
    const figures = { rows: n, columns: 4, read, run };
    console.log(`Pane on 1,048,576 rows: ${JSON.stringify(figures)}`);
    writeFileSync(join(screenshots, "million-rows.json"), JSON.stringify(figures, null, 2));
  }, 300_000);

  it("compares groups from the pane: R's ANOVA and Tukey figures, and the means chart", async () => {
    const groups = JSON.parse(
      readFileSync(
        join(root, "test", "fixtures", "reference", "groups", "sales_by_tv.r.json"),
        "utf8",
      ),
    );
    const seed = readFileSync(
      join(root, "test", "fixtures", "seeds", "marketing_sales_data.csv"),
      "utf8",
    );
    await page.getByRole("button", { name: "Add sheet" }).click();
    await pasteAt(
      "A1",
      parseCsv(seed)
        .map((row) => row.join("\t"))
        .join("\r\n") + "\r\n",
    );
    await select("A1");
    await page.getByRole("button", { name: "Use selection" }).click();
    await page.getByText(/: 572 rows, 5 columns\./).waitFor();
    await page.getByRole("combobox", { name: "Analysis" }).click();
    await page.getByRole("option", { name: "Compare groups (ANOVA, Tukey)" }).click();
    await page.getByRole("combobox", { name: "Values" }).click();
    await page.getByRole("option", { name: "Sales" }).click();
    await page.getByRole("combobox", { name: "Groups" }).click();
    await page.getByRole("option", { name: "TV", exact: true }).click();
    await snap("17-compare-groups-ready");
    await page.getByRole("button", { name: "Run" }).click();
    await page.getByText('Results are in sheet "Groups 1"').waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: "Groups 1", selected: true }).waitFor();
    // The ANOVA row of TV: df, Sum Sq, Mean Sq, then F, written with every digit.
    const tvRow =
      Number(/\d+$/.exec((await (await locate("Residual", "A")).getAttribute("data-cell"))!)![0]) -
      1;
    await select(`E${tvRow}`);
    const f = Number(await page.inputValue('input[aria-label="Formula bar"]'));
    expect(relativeError(f, groups.anova.f)).toBeLessThan(1e-12);
    expect(await cell(`E${tvRow}`).textContent()).toBe(groups.anova.f.toFixed(3));
    // The pairwise table: group1, group2, meandiff, p-adj, lower, upper, reject.
    const header = Number(
      /\d+$/.exec((await (await locate("group1", "A")).getAttribute("data-cell"))!)![0],
    );
    for (const [i, pair] of groups.tukey.comparisons.entries()) {
      const row = header + 1 + i;
      expect(await cell(`B${row}`).textContent()).toBe(pair.group2);
      await select(`C${row}`);
      expect(
        relativeError(
          Number(await page.inputValue('input[aria-label="Formula bar"]')),
          pair.meanDiff,
        ),
      ).toBeLessThan(1e-12);
      await select(`E${row}`);
      expect(
        relativeError(Number(await page.inputValue('input[aria-label="Formula bar"]')), pair.ciLow),
      ).toBeLessThan(1e-9);
    }
    const chart = page.getByRole("figure", { name: "Mean Sales by TV with 95 % intervals" });
    await chart.waitFor();
    expect(await chart.locator(".recharts-cartesian-axis-tick-value").allTextContents()).toEqual(
      expect.arrayContaining(["High", "Low", "Medium"]),
    );
    await snap("18-compare-groups-results");
  });

  it("draws the correlation matrix as a heatmap, with scipy's r", async () => {
    const corr = JSON.parse(
      readFileSync(
        join(root, "test", "fixtures", "reference", "describe", "corr_sales.json"),
        "utf8",
      ),
    );
    // The seed data pasted by the test above are on the sheet before "Groups 1".
    const tabs = await page.getByRole("tab").allTextContents();
    await page.getByRole("tab", { name: tabs[tabs.indexOf("Groups 1") - 1] }).click();
    await select("A1");
    await page.getByRole("button", { name: "Use selection" }).click();
    await page.getByText(/: 572 rows, 5 columns\./).waitFor();
    await page.getByRole("combobox", { name: "Analysis" }).click();
    await page.getByRole("option", { name: "Correlation" }).click();
    for (const name of ["Radio", "Social Media", "Sales"])
      await page.getByRole("checkbox", { name, exact: true }).check();
    await page.getByRole("button", { name: "Run" }).click();
    await page.getByText('Results are in sheet "Correlation 1"').waitFor({ timeout: 30_000 });
    // The matrix: names in column A from the row below "r", values to the right.
    const header = Number(
      /\d+$/.exec((await (await locate("r", "A")).getAttribute("data-cell"))!)![0],
    );
    await select(`D${header + 1}`);
    const radioSales = Number(await page.inputValue('input[aria-label="Formula bar"]'));
    expect(relativeError(radioSales, corr.pearsonMatrix[0][2])).toBeLessThan(1e-12);
    // Blue for r = 1 on the diagonal, paler blue for 0.86, as Excel's red-white-blue scale.
    const fill = (address: string) =>
      cell(address).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await fill(`B${header + 1}`)).toBe("rgb(90, 138, 198)");
    expect(await fill(`D${header + 1}`)).not.toBe("rgb(255, 255, 255)");
    await snap("19-correlation-heatmap");
  });

  it("segments the seed data from the pane: k = 2 by the silhouette, the profile and the cluster scatter", async () => {
    const tabs = await page.getByRole("tab").allTextContents();
    await page.getByRole("tab", { name: tabs[tabs.indexOf("Groups 1") - 1] }).click();
    await select("A1");
    await page.getByRole("button", { name: "Use selection" }).click();
    await page.getByText(/: 572 rows, 5 columns\./).waitFor();
    await page.getByRole("combobox", { name: "Analysis" }).click();
    await page.getByRole("option", { name: "Segment (k-means)" }).click();
    const clusterOn = page.getByRole("group", { name: "Columns to cluster on" });
    for (const name of ["Radio", "Social Media", "Sales"])
      await clusterOn.getByRole("checkbox", { name, exact: true }).check();
    await page
      .getByRole("switch", { name: "Write the cluster of each row beside the data" })
      .check();
    await page.getByRole("button", { name: "Run" }).click();
    await page
      .getByText(/Results are in sheet "Segment 1"\. Cluster written beside the data at .*!F1\./)
      .waitFor({ timeout: 60_000 });
    await select("A1");
    expect(await cell("A1").textContent()).toBe(
      "Segment: 2 clusters on Radio, Social Media, Sales",
    );
    const header = Number(
      /\d+$/.exec((await (await locate("Cluster", "A")).getAttribute("data-cell"))!)![0],
    );
    const sizes = [
      Number(await cell(`C${header + 1}`).textContent()),
      Number(await cell(`C${header + 2}`).textContent()),
    ];
    expect(sizes[0] + sizes[1]).toBe(572);
    expect(await cell(`B${header + 1}`).textContent()).toMatch(/^(high|low) /);
    const scatter = page.getByRole("figure", {
      name: "Clusters on the first two principal components",
    });
    await scatter.waitFor();
    // 572 points, of which the preview draws 1 in 2 (at most 400 per chart).
    expect(await scatter.locator(".recharts-scatter-symbol").count()).toBe(286);
    await snap("20-segment");
    // The label column beside the source data: header, then 1 or 2 on every row.
    await page.getByRole("tab", { name: tabs[tabs.indexOf("Groups 1") - 1] }).click();
    await select("F1");
    expect(await cell("F1").textContent()).toBe("Cluster");
    expect(["1", "2"]).toContain(await cell("F2").textContent());
  });

  it("simulates typed plans from the pane: the summary, the comparison and the histogram chart", async () => {
    const tabs = await page.getByRole("tab").allTextContents();
    await page.getByRole("tab", { name: tabs[tabs.indexOf("Groups 1") - 1] }).click();
    await select("A1");
    await page.getByRole("button", { name: "Use selection" }).click();
    // Six columns: Segment wrote its Cluster column beside the data.
    await page.getByText(/: 572 rows, 6 columns\./).waitFor();
    await page.getByRole("combobox", { name: "Analysis" }).click();
    await page.getByRole("option", { name: "Simulate a plan" }).click();
    await page.getByRole("combobox", { name: "Sales (y)" }).click();
    await page.getByRole("option", { name: "Sales", exact: true }).click();
    const channels = page.getByRole("group", { name: "Spend channels (x)" });
    for (const name of ["Radio", "Social Media"])
      await channels.getByRole("checkbox", { name, exact: true }).check();
    await page
      .getByRole("textbox", { name: /^Plan: one scenario a line/ })
      .fill("Base: 20, 3\nPush: 40, 8");
    await page.getByRole("button", { name: "Run" }).click();
    await page.getByText('Results are in sheet "Simulation 1"').waitFor({ timeout: 60_000 });
    await select("A1");
    expect(await cell("A1").textContent()).toBe("Simulation: Sales for 2 plans");
    // The summary's Base row: a mean inside its own 95 % range, close to statsmodels' 209.80.
    const header = Number(
      /\d+$/.exec((await (await locate("Plan", "A")).getAttribute("data-cell"))!)![0],
    );
    expect(await cell(`A${header + 1}`).textContent()).toBe("Base");
    await select(`B${header + 1}`);
    const mean = Number(await page.inputValue('input[aria-label="Formula bar"]'));
    expect(Math.abs(mean - 209.8) / 209.8).toBeLessThan(0.02);
    await locate("Against", "B");
    const histogram = page.getByRole("figure", { name: "Simulated Sales: Base" });
    await histogram.waitFor();
    expect(await histogram.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(20);
    await page.getByRole("figure", { name: "Incremental Sales by channel" }).waitFor();
    await snap("21-simulate");
  });

  it("serves the Excel task pane page, which outside Excel says so and loads without errors", async () => {
    const pane = await browser.newPage();
    const errors: string[] = [];
    pane.on("pageerror", (error) => errors.push(error.message));
    await pane.goto(`${server.url}taskpane.html`);
    await pane.getByText(/Not running inside Excel/).waitFor();
    expect(errors).toEqual([]);
    await pane.close();
  });
});
