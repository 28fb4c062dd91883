// `npm start`: build and serve the add-in on localhost. Where Excel desktop can be driven
// (Windows, macOS), sideload it with office-addin-debugging; elsewhere say so in one line and
// keep serving.
import { spawn } from "node:child_process";

const port = process.env.npm_package_config_dev_server_port ?? "3000";
const run = (command, args, env = {}) =>
  spawn(command, args, {
    stdio: "inherit",
    shell: process.platform === "win32",
    env: { ...process.env, ...env },
  });

if (process.platform === "win32" || process.platform === "darwin") {
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
    `Excel desktop is not available on ${process.platform}: serving the add-in at http://localhost:${port}/taskpane.html (sideload manifest.xml into Excel on the web to use it).`,
  );
  const server = run("npx", ["webpack", "serve", "--mode", "development"]);
  server.on("exit", (code) => process.exit(code ?? 0));
}
