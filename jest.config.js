/**
 * Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` does the type checking).
 * React tests opt into jsdom with a docblock. isolatedModules is set in tsconfig.json (ts-jest 29.4 deprecates
 * its own option): each file transpiled alone. Jest 29 and ts-jest are pure JavaScript: no native
 * binaries, so `npm ci` works on a machine whose registry serves only Linux builds.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }],
  },
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  // office-addin-mock imports office-addin-manifest for one enum; its ESM dependencies are not transformed.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.ts" },
  // A guard against hangs, not a speed check: jsdom UI tests on a loaded 2-core CI machine can take seconds.
  testTimeout: 60_000,
};
