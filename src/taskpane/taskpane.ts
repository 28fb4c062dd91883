/**
 * The task pane page. In the shared runtime this page also hosts the custom functions (its
 * chunk list includes functions.js). The guided analysis flow is built on this page by the
 * task-pane issue; for now it reports where it runs.
 */
Office.onReady((info) => {
  const status = document.getElementById("status");
  if (status === null) return;
  status.textContent =
    info.host === Office.HostType.Excel
      ? "Connected to Excel. The MMM functions are available in this workbook."
      : "Not running inside Excel: open this add-in from Excel to use the MMM functions.";
});
