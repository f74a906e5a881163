const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const base = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true } } },
    ],
  },
  testEnvironment: "node",
  // Fixture tests wait on real timers (refresh intervals, task delays); 5 s is tight on 2 busy cores.
  testTimeout: 15_000,
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/strapi/", "<rootDir>/plugins/"],
  setupFiles: ["./integration-tests/setup.js"],
}

const suites = {
  unit: { displayName: "unit", testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s"] },
  "integration:modules": {
    displayName: "modules",
    testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"],
    testPathIgnorePatterns: ["\\.unit\\.spec\\.[jt]s$"],
  },
  "integration:providers": {
    displayName: "providers",
    testMatch: ["<rootDir>/src/providers/*/__tests__/**/*.spec.[jt]s"],
    testPathIgnorePatterns: ["\\.unit\\.spec\\.[jt]s$"],
  },
  build: {
    displayName: "build",
    testMatch: ["<rootDir>/integration-tests/package/**/*.spec.[jt]s"],
  },
  "integration:search": {
    displayName: "search",
    testMatch: ["<rootDir>/integration-tests/search/**/*.spec.[jt]s"],
  },
  "integration:strapi": {
    displayName: "strapi",
    testMatch: ["<rootDir>/integration-tests/strapi/**/*.spec.[jt]s"],
  },
  "integration:http": {
    displayName: "http",
    testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
  },
  e2e: {
    displayName: "e2e",
    testMatch: ["<rootDir>/integration-tests/e2e/**/*.spec.[jt]s"],
  },
}

// TEST_TYPE selects one suite; without it `npm test` runs them all in one jest run.
const selected = process.env.TEST_TYPE ? [process.env.TEST_TYPE] : Object.keys(suites)
for (const type of selected) {
  if (!suites[type]) throw new Error(`Unknown TEST_TYPE "${type}"; use one of ${Object.keys(suites).join(", ")}`)
}

module.exports =
  selected.length === 1
    ? { ...base, ...suites[selected[0]] }
    : { projects: selected.map((type) => ({ ...base, ...suites[type], rootDir: __dirname })) }
