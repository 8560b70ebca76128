import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./scripts/lib/chromium.mjs";

// End-to-end tests against the release build in dist/ (scripts/test.sh builds it first), in
// Debian's Chromium: Playwright never downloads a browser of its own here.
const port = 4173;
const origin = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/artifacts",
  // What a test writes (support.ts `scratch`: bundles, browser profiles, a copy of dist) is kept
  // only when it fails.
  preserveOutput: "failures-only",
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "root", use: { baseURL: `${origin}/` } },
    { name: "sub-path", use: { baseURL: `${origin}/partners/intake/` } },
  ],
  webServer: {
    command: `node tests/e2e/static-server.mjs dist ${port}`,
    url: `${origin}/index.html`,
    reuseExistingServer: false,
  },
});
