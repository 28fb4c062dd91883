/** `npm run e2e`: the browser preview in Debian's Chromium, driven by playwright-core. */
const base = require("./jest.config.cjs");

module.exports = {
  ...base,
  testMatch: ["**/test/e2e/**/*.e2e.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 60_000,
};
