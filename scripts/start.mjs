// `npm start`: build and serve the add-in on localhost, with the browser preview (a workbook in
// a web page running the add-in's own functions) at its root. `npm run start:excel` instead
// sideloads the add-in into Excel desktop with office-addin-debugging (Windows, macOS).
import { spawn } from "node:child_process";

const port = process.env.npm_package_config_dev_server_port ?? "3000";
const excel = process.argv.includes("--excel");
const run = (command, args, env = {}) =>
  spawn(command, args, {
    stdio: "inherit",
    shell: process.platform === "win32",
    env: { ...process.env, ...env },
  });

if (excel) {
  if (process.platform !== "win32" && process.platform !== "darwin") {
    console.log(
      `Excel desktop is not available on ${process.platform}: use npm start for the browser preview.`,
    );
    process.exit(1);
  }
  run(
    "npx",
    [
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--dev-server",
      "npx webpack serve --mode development",
    ],
    {
      MMM_HTTPS: "1",
    },
  );
} else {
  console.log(
    `Browser preview: http://localhost:${port}/  (the add-in for Excel is served at http://localhost:${port}/taskpane.html; npm run start:excel sideloads it into Excel desktop)`,
  );
  // Open a browser where there is one to show the page in.
  const canOpen =
    process.platform !== "linux" || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const server = run("npx", [
    "webpack",
    "serve",
    "--mode",
    "development",
    ...(canOpen ? ["--open"] : []),
  ]);
  server.on("exit", (code) => process.exit(code ?? 0));
}
