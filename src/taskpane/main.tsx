/**
 * The task pane page in Excel. In the shared runtime this page also hosts the custom functions
 * (its chunk list includes functions.js). Inside Excel it renders the analysis pane over the
 * Excel host; opened anywhere else it keeps the page's how-to text.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useMemo } from "react";
import { createRoot } from "react-dom/client";
import { ExcelHost } from "../host/excelHost";
import { useConfirm } from "./ConfirmDialog";
import { installPool } from "../workers/installPool";
import { TaskPane } from "./TaskPane";

// Installed as the page loads, before Excel calls a custom function: they compute on it too.
installPool();

function ExcelTaskPane() {
  const { ask, dialog } = useConfirm();
  const host = useMemo(() => new ExcelHost((batch) => Excel.run(batch), ask), [ask]);
  const pool = useMemo(installPool, []);
  return (
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} pool={pool} />
      {dialog}
    </FluentProvider>
  );
}

void Office.onReady((info) => {
  const status = document.getElementById("status");
  if (info.host !== Office.HostType.Excel) {
    if (status !== null) {
      status.textContent =
        "Not running inside Excel: open this add-in from Excel, or use the browser preview (npm start).";
    }
    return;
  }
  const root = document.getElementById("root");
  if (root !== null) {
    document.getElementById("help")?.remove();
    createRoot(root).render(<ExcelTaskPane />);
  }
});
