/**
 * The browser preview: a small workbook (sheet tabs, formula bar, grid) whose =MMM. formulas
 * run the production custom functions, a sample-data menu and CSV opening, and the place where
 * the task pane will render. It is what `npm start` serves where there is no Excel.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { DataGridHandle } from "react-data-grid";
import { columnLetter } from "../../engine/data/dataset";
import { installPool } from "../../workers/installPool";
import { TaskPane } from "../../taskpane/TaskPane";
import { previewFunctions } from "../previewFunctions";
import { PreviewHost } from "../previewHost";
import { parseCell } from "../workbook/address";
import { Workbook } from "../workbook/workbook";
import { ChartView } from "./ChartView";
import { SAMPLES } from "./samples";
import { SheetGrid } from "./SheetGrid";
import { SheetTabs } from "./SheetTabs";

interface Position {
  readonly row: number;
  readonly column: number;
}

export function PreviewApp() {
  const [version, setVersion] = useState(0);
  // A function that calculates on a worker shows #BUSY!, then its result: redraw then too.
  const [workbook] = useState(
    () => new Workbook(previewFunctions(), () => setVersion((v) => v + 1)),
  );
  const [sheet, setSheet] = useState(0);
  const [active, setActive] = useState<Position>({ row: 0, column: 0 });
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const grid = useRef<DataGridHandle>(null);
  // The pane reads the selection through the host at any time: keep the latest in a ref.
  const selection = useRef({ sheet: 0, row: 0, column: 0 });
  selection.current = { sheet, row: active.row, column: active.column };
  const host = useMemo(
    () =>
      new PreviewHost(
        workbook,
        () => selection.current,
        async (question) => window.confirm(question),
        changed,
      ),
    [workbook, changed],
  );
  const pool = useMemo(installPool, []);

  /** Moves the active cell, as typing an address in Excel's name box does. */
  const goTo = (address: string) => {
    const cell = parseCell(address);
    if (cell === null) return setStatus(`"${address}" is not a cell address.`);
    setActive(cell);
    setDraft(null);
    grid.current?.scrollToCell({ idx: cell.column + 1, rowIdx: cell.row });
    grid.current?.setActivePosition({ idx: cell.column + 1, rowIdx: cell.row });
  };

  const commit = (row: number, column: number, text: string) => {
    workbook.setInput(sheet, row, column, text);
    setDraft(null);
    changed();
  };

  const openSheet = (index: number) => {
    setSheet(index);
    setActive({ row: 0, column: 0 });
    setDraft(null);
    changed();
  };

  const loadSample = async (file: string) => {
    setStatus(`Loading ${file}…`);
    const response = await fetch(`samples/${file}`);
    const index = workbook.addCsvSheet(file, await response.text());
    setStatus(`Loaded ${file} into sheet "${workbook.sheetNames[index]}".`);
    openSheet(index);
  };

  const openCsv = async (file: File) => {
    const index = workbook.addCsvSheet(file.name, await file.text());
    setStatus(`Opened ${file.name}.`);
    openSheet(index);
  };

  const paste = (event: React.ClipboardEvent) => {
    if ((event.target as HTMLElement).tagName === "INPUT") return;
    const text = event.clipboardData.getData("text/plain");
    if (text === "") return;
    event.preventDefault();
    const size = workbook.pasteTsv(sheet, active.row, active.column, text);
    setStatus(
      `Pasted ${size.rows} × ${size.columns} cells at ${columnLetter(active.column)}${active.row + 1}.`,
    );
    changed();
  };

  const shown = workbook.cell(sheet, active.row, active.column);
  const input = workbook.input(sheet, active.row, active.column);
  return (
    <div className="preview" onPaste={paste} onKeyDown={moveBetweenRegions}>
      <header className="toolbar" data-region>
        <strong className="title">MMM for Excel · preview</strong>
        <label>
          Sample data{" "}
          <select
            aria-label="Sample data"
            value=""
            onChange={(event) => {
              if (event.target.value !== "") void loadSample(event.target.value);
            }}
          >
            <option value="">Choose…</option>
            {SAMPLES.map((sample) => (
              <option key={sample.file} value={sample.file}>
                {sample.title}
              </option>
            ))}
          </select>
        </label>
        <label className="open-csv">
          Open CSV…
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="Open CSV"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file !== undefined) void openCsv(file);
              event.target.value = "";
            }}
          />
        </label>
        <span className="status" role="status">
          {status}
        </span>
      </header>
      <div className="formula-bar" data-region>
        <input
          key={`${active.row},${active.column}`}
          className="name-box"
          aria-label="Name box"
          defaultValue={`${columnLetter(active.column)}${active.row + 1}`}
          onKeyDown={(event) => {
            if (event.key === "Enter") goTo(event.currentTarget.value);
          }}
        />
        <input
          className="formula-input"
          aria-label="Formula bar"
          value={draft ?? input}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              commit(active.row, active.column, event.currentTarget.value);
              setActive({ row: active.row + 1, column: active.column });
            }
            if (event.key === "Escape") setDraft(null);
          }}
        />
        {shown.error && (
          <span className="error-message" role="alert" title={shown.error.message}>
            {shown.error.code}: {shown.error.message}
          </span>
        )}
      </div>
      <main className="workspace">
        <section className="sheet" data-region>
          <SheetGrid
            workbook={workbook}
            sheet={sheet}
            version={version}
            onSelect={(row, column) => {
              setActive({ row, column });
              setDraft(null);
            }}
            onCommit={commit}
            gridRef={grid}
          />
          {workbook.charts(sheet).length > 0 && (
            <div className="chart-strip" aria-label="Charts">
              {workbook.charts(sheet).map((placed, index) => (
                <ChartView key={index} chart={placed.chart} />
              ))}
            </div>
          )}
          <SheetTabs
            names={workbook.sheetNames}
            active={sheet}
            onSelect={openSheet}
            onAdd={() => openSheet(workbook.addSheet())}
            onRename={(index, name) => {
              try {
                workbook.renameSheet(index, name);
                changed();
              } catch (error) {
                setStatus((error as Error).message);
              }
            }}
          />
        </section>
        <aside className="taskpane-slot" aria-label="Task pane" data-region>
          <FluentProvider theme={webLightTheme}>
            <TaskPane
              host={host}
              pool={pool}
              onResults={(name) => openSheet(workbook.sheetIndex(name))}
            />
          </FluentProvider>
        </aside>
      </main>
    </div>
  );
}

/** Focusable elements, in the order Tab visits them. */
const FOCUSABLE = 'input, select, button, [tabindex="0"]';

/**
 * F6 and Shift+F6 move the focus to the next or previous region (toolbar, formula bar, grid,
 * sheet tabs, task pane), as in Excel: inside the grid Tab moves between cells, so without this a keyboard
 * user could never leave it.
 */
function moveBetweenRegions(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== "F6") return;
  const regions = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-region]")];
  // Regions nest (the sheet tabs sit in the sheet): the innermost holding the focus counts.
  const holding = regions.filter((region) => region.contains(document.activeElement));
  const current = regions.indexOf(holding[holding.length - 1]);
  const step = event.shiftKey ? -1 : 1;
  const next = regions[(current + step + regions.length) % regions.length];
  next.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  event.preventDefault();
}
