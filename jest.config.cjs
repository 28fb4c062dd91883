/** jest + ts-jest; ESM-only packages (ml-*, office-addin-mock's tree) are transformed. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.[tj]sx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
  },
  transformIgnorePatterns: [
    "/node_modules/(?!(.*/)?(ml-[^/]+|is-any-array|strip-bom|uuid|node-fetch|fetch-blob|formdata-polyfill|data-uri-to-buffer)/)",
  ],
};
