/**
 * The task pane (Fluent UI v9): data from the selection, an analysis from the registry, its roles
 * and options with checks before Run, the run in a worker with progress and Cancel, and the
 * report written to a new results sheet. It talks to the workbook only through `WorkbookHost`,
 * so the same component runs in Excel and in the browser preview.
 */
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Switch,
  Text,
  Textarea,
  Title3,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Column, Dataset } from "../engine/data/types";
import {
  ANALYSES,
  withDefaults,
  type AnalysisEntry,
  type OptionValues,
} from "../engine/analyses/registry";
import type { WorkbookHost } from "../host/workbookHost";
import { JobCancelled, type WorkerPool } from "../workers/workerPool";
import { writeLiveFormulas } from "./liveFormulas";
import { readInWorker } from "./readInWorker";
import { writeBesideSource } from "./writeBesideSource";
import { writeResultSheet } from "./writeResultSheet";

export interface TaskPaneProps {
  readonly host: WorkbookHost;
  /** The page's worker pool: the selection is read and the analysis run there. */
  readonly pool: WorkerPool;
  /** Called with the results sheet's name once it is written (the preview switches to it). */
  readonly onResults?: (sheet: string) => void;
}

interface Source {
  readonly address: string;
  readonly dataset: Dataset;
}

/** The choice that leaves an optional role empty. */
const NONE = "(none)";

/** What the pane is busy with, and how far along (undefined: it cannot tell). */
interface Busy {
  readonly label: string;
  readonly fraction?: number;
}

export function TaskPane({ host, pool, onResults }: TaskPaneProps) {
  const [source, setSource] = useState<Source | null>(null);
  const [entry, setEntry] = useState<AnalysisEntry>(ANALYSES[0]);
  const [roles, setRoles] = useState<Record<string, string[]>>({});
  const [options, setOptions] = useState<OptionValues>(withDefaults(ANALYSES[0], {}));
  const [busy, setBusy] = useState<Busy | null>(null);
  const running = busy !== null;
  const [live, setLive] = useState(false);
  const [message, setMessage] = useState<{
    intent: "success" | "error" | "info";
    text: string;
  } | null>(null);
  const abort = useRef<AbortController | null>(null);

  /** Runs `task` with a Cancel button and a progress bar, and turns its failure into a message. */
  const work = async (label: string, task: (signal: AbortSignal) => Promise<void>) => {
    abort.current = new AbortController();
    setBusy({ label });
    setMessage(null);
    try {
      await task(abort.current.signal);
    } catch (error) {
      const cancelled = error instanceof JobCancelled;
      setMessage({ intent: cancelled ? "info" : "error", text: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const readSelection = () =>
    work("Reading the selection", async (signal) => {
      const selection = await host.readSelection();
      const dataset = await readInWorker(
        pool,
        selection.values,
        selection.address,
        (fraction) => setBusy({ label: "Reading the selection", fraction }),
        signal,
      );
      setSource({ address: selection.address, dataset });
      setRoles({});
      setMessage({
        intent: "info",
        text: `${selection.address}: ${dataset.rowCount} rows, ${dataset.columns.length} columns.`,
      });
    });

  const columnsFor = (role: string) =>
    (roles[role] ?? []).map((name) =>
      source!.dataset.columns.find((column) => column.name === name)!,
    );
  const input =
    source === null
      ? null
      : { roles: Object.fromEntries(entry.roles.map((r) => [r.id, columnsFor(r.id)])), options };
  const liveSource =
    source === null
      ? null
      : { address: source.address, columnNames: source.dataset.columns.map((c) => c.name) };
  const problems =
    input === null
      ? ["Select the data (with its header row) and press Use selection."]
      : entry.validate(input);
  // Formulas are planned only for an input that would run; a plan that fails says why.
  const livePlan =
    live && input !== null && liveSource !== null && problems.length === 0
      ? entry.liveFormulas?.(input, liveSource)
      : undefined;
  if (typeof livePlan === "string") problems.push(livePlan);

  const run = () => {
    if (input === null || problems.length > 0) return;
    return work(`Running ${entry.title}`, async (signal) => {
      if (livePlan !== undefined && typeof livePlan !== "string") {
        const sheet = await writeLiveFormulas(host, entry.sheetName, livePlan);
        setMessage({ intent: "success", text: `Live formulas are in sheet "${sheet}".` });
        onResults?.(sheet);
        return;
      }
      const report = await pool.run(
        { kind: "analysis", analysisId: entry.id, input },
        signal,
        (fraction) => setBusy({ label: `Running ${entry.title}`, fraction }),
      );
      // Past this point the results are being written: Cancel no longer applies.
      setBusy({ label: "Writing the results sheet" });
      abort.current = null;
      const layout = await writeResultSheet(host, report, entry.sheetName);
      let beside = "";
      if (report.besideSource !== undefined && source !== null) {
        try {
          const at = await writeBesideSource(
            host,
            source.address,
            source.dataset.hasHeader,
            report.besideSource,
          );
          beside = ` ${report.besideSource.header} written beside the data at ${at}.`;
        } catch (error) {
          beside = ` ${(error as Error).message}`;
        }
      }
      setMessage({ intent: "success", text: `Results are in sheet "${layout.sheet}".${beside}` });
      onResults?.(layout.sheet);
    });
  };

  return (
    <div className="task-pane">
      <Title3>MMM analysis</Title3>
      <section aria-label="Data">
        <Button appearance="primary" disabled={running} onClick={() => void readSelection()}>
          Use selection
        </Button>
        {source && (
          <ul className="column-list" aria-label="Columns">
            {source.dataset.columns.map((column) => (
              <li key={column.name}>
                <Text weight="semibold">{column.name}</Text>{" "}
                <Text size={200}>
                  {column.kind}
                  {missingCount(column) > 0 ? `, ${missingCount(column)} missing` : ""}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Field label="Analysis">
        <Dropdown
          value={entry.title}
          selectedOptions={[entry.id]}
          onOptionSelect={(_, data) => {
            const next = ANALYSES.find((candidate) => candidate.id === data.optionValue) ?? entry;
            setEntry(next);
            setOptions(withDefaults(next, {}));
            setRoles({});
          }}
        >
          {ANALYSES.map((candidate) => (
            <Option key={candidate.id} value={candidate.id}>
              {candidate.title}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {source &&
        entry.roles.map((role) =>
          role.multiple ? (
            <fieldset key={role.id} className="role" aria-label={role.label}>
              <legend>{role.label}</legend>
              {source.dataset.columns.map((column) => (
                <Checkbox
                  key={column.name}
                  label={column.name}
                  checked={(roles[role.id] ?? []).includes(column.name)}
                  onChange={(_, data) =>
                    setRoles({
                      ...roles,
                      [role.id]: data.checked
                        ? [...(roles[role.id] ?? []), column.name]
                        : (roles[role.id] ?? []).filter((name) => name !== column.name),
                    })
                  }
                />
              ))}
            </fieldset>
          ) : (
            <Field key={role.id} label={role.label}>
              <Dropdown
                aria-label={role.label}
                placeholder={role.optional ? NONE : "Choose a column"}
                value={roles[role.id]?.[0] ?? ""}
                selectedOptions={roles[role.id] ?? []}
                onOptionSelect={(_, data) =>
                  setRoles({
                    ...roles,
                    [role.id]:
                      data.optionValue && data.optionValue !== NONE ? [data.optionValue] : [],
                  })
                }
              >
                {role.optional && <Option value={NONE}>{NONE}</Option>}
                {source.dataset.columns.map((column) => (
                  <Option key={column.name} value={column.name}>
                    {column.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          ),
        )}
      {entry.options.map((option) => {
        const value = options[option.id];
        if (option.kind === "boolean") {
          return (
            <Switch
              key={option.id}
              label={option.label}
              checked={value === true}
              onChange={(_, data) => setOptions({ ...options, [option.id]: data.checked })}
            />
          );
        }
        if (option.kind === "number") {
          return (
            <Field key={option.id} label={option.label}>
              <Input
                type="number"
                value={String(value)}
                onChange={(_, data) => setOptions({ ...options, [option.id]: Number(data.value) })}
              />
            </Field>
          );
        }
        if (option.kind === "text") {
          return (
            <Field key={option.id} label={option.label}>
              <Textarea
                value={String(value)}
                resize="vertical"
                onChange={(_, data) => setOptions({ ...options, [option.id]: data.value })}
              />
            </Field>
          );
        }
        return (
          <Field key={option.id} label={option.label}>
            <Dropdown
              value={option.choices.find((choice) => choice.value === value)?.label ?? ""}
              selectedOptions={[String(value)]}
              onOptionSelect={(_, data) =>
                setOptions({ ...options, [option.id]: data.optionValue ?? option.default })
              }
            >
              {option.choices.map((choice) => (
                <Option key={choice.value} value={choice.value}>
                  {choice.label}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
      {entry.liveFormulas && (
        <Switch
          label="Write as live formulas"
          checked={live}
          onChange={(_, data) => setLive(data.checked)}
        />
      )}
      {problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{problems.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      <div className="run-row">
        <Button
          appearance="primary"
          disabled={running || problems.length > 0}
          onClick={() => void run()}
        >
          Run
        </Button>
        {busy && abort.current && <Button onClick={() => abort.current?.abort()}>Cancel</Button>}
      </div>
      {busy && (
        <Field label={busy.label} validationState="none">
          <ProgressBar aria-label={busy.label} value={busy.fraction} />
        </Field>
      )}
      {message && (
        <MessageBar intent={message.intent} role="status">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** Blank or error cells of a column (NaN in a numeric one, null in a categorical one). */
function missingCount(column: Column): number {
  let missing = 0;
  if (column.kind === "numeric") {
    for (const value of column.values) if (Number.isNaN(value)) missing++;
  } else {
    for (const value of column.values) if (value === null) missing++;
  }
  return missing;
}
