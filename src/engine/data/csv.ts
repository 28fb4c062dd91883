/**
 * CSV text to a grid of cells and to a Dataset: RFC 4180 parsing (`parseCsv`), the reading of
 * one field as a number, a blank or text (`csvFieldToCell`), and both followed by
 * `readDataset` (`readCsvDataset`), which is what the command line does with a file. Each
 * lives in its own module; this one gathers them.
 */
export { forEachCsvRecord, parseCsv } from "./csvRecords";
export { CSV_MISSING_MARKERS, csvFieldToCell } from "./csvField";
export { readCsvDataset } from "./csvDataset";
