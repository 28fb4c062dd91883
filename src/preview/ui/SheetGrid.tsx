/**
 * The grid of one sheet: react-data-grid (virtualised, so 100,000 rows stay smooth) with Excel's
 * column letters and row numbers. Cells show the workbook's values; an error cell shows its code,
 * with the function's message on hover.
 */
import type { Ref } from "react";
import {
  DataGrid,
  type Column,
  type DataGridHandle,
  type RenderEditCellProps,
} from "react-data-grid";
import { columnLetter } from "../../engine/data/dataset";
import type { Workbook } from "../workbook/workbook";
import { formatValue } from "./formatValue";

export interface GridRow {
  readonly index: number;
}

export interface SheetGridProps {
  readonly workbook: Workbook;
  readonly sheet: number;
  /** Bumped on every change of the workbook, so that the grid redraws. */
  readonly version: number;
  readonly onSelect: (row: number, column: number) => void;
  readonly onCommit: (row: number, column: number, text: string) => void;
  /** The grid's handle, to move the active cell from outside (the name box). */
  readonly gridRef?: Ref<DataGridHandle>;
}

const MIN_ROWS = 200;
const MIN_COLUMNS = 26;

export function SheetGrid({
  workbook,
  sheet,
  version,
  onSelect,
  onCommit,
  gridRef,
}: SheetGridProps) {
  const extent = workbook.extent(sheet);
  const rowCount = Math.max(MIN_ROWS, extent.rows + 100);
  const columnCount = Math.max(MIN_COLUMNS, extent.columns + 5);
  const rows: GridRow[] = Array.from({ length: rowCount }, (_, index) => ({ index }));
  const columns: Column<GridRow>[] = [
    {
      key: "row-number",
      name: "",
      width: 56,
      frozen: true,
      resizable: false,
      renderCell: ({ row }) => <span className="row-number">{row.index + 1}</span>,
    },
    ...Array.from({ length: columnCount }, (_, column): Column<GridRow> => ({
      key: `c${column}`,
      name: columnLetter(column),
      width: 96,
      resizable: true,
      renderCell: ({ row }) => {
        const cell = workbook.cell(sheet, row.index, column);
        const style = workbook.style(sheet, row.index, column);
        const text = formatValue(cell, style.numberFormat);
        return (
          <div
            className={`cell${cell.error ? " cell-error" : ""}${typeof cell.value === "number" ? " cell-number" : ""}${style.bold ? " cell-bold" : ""}`}
            data-cell={`${columnLetter(column)}${row.index + 1}`}
            style={style.background ? { background: style.background } : undefined}
            title={cell.error?.message}
          >
            {text}
          </div>
        );
      },
      renderEditCell: (props: RenderEditCellProps<GridRow>) => (
        <CellEditor
          initial={workbook.input(sheet, props.row.index, column)}
          onDone={(text) => {
            if (text !== null) onCommit(props.row.index, column, text);
            props.onClose(false);
          }}
        />
      ),
    })),
  ];
  return (
    <DataGrid
      ref={gridRef}
      key={sheet}
      data-version={version}
      className="sheet-grid rdg-light"
      columns={columns}
      rows={rows}
      rowKeyGetter={(row) => row.index}
      rowHeight={24}
      headerRowHeight={26}
      onActivePositionChange={({ rowIdx, column }) => {
        if (column !== undefined && rowIdx >= 0 && column.idx > 0) onSelect(rowIdx, column.idx - 1);
      }}
    />
  );
}

/** Edits what is typed into a cell; Enter or leaving commits, Escape cancels. */
function CellEditor({
  initial,
  onDone,
}: {
  initial: string;
  onDone: (text: string | null) => void;
}) {
  return (
    <input
      className="cell-editor"
      autoFocus
      defaultValue={initial}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === "Tab") onDone(event.currentTarget.value);
        if (event.key === "Escape") onDone(null);
      }}
      onBlur={(event) => onDone(event.currentTarget.value)}
    />
  );
}
