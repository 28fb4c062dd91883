/** Reading the CSV a command names, with one clear line when it cannot be read. */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { readCsvDataset } from "../engine/data/csv";
import type { Dataset } from "../engine/data/types";
import { InputError } from "./args";

export function readTextFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : String(code ?? error);
    throw new InputError(`cannot read ${file}: ${reason}`);
  }
}

/** The CSV file as a dataset, labelled with its file name in messages. */
export function readCsvFile(file: string): Dataset {
  return readCsvDataset(readTextFile(file), { label: basename(file) });
}
