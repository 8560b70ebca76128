// Runs Lighthouse (mobile: simulated slow 4G and a 4x slower CPU, its defaults) on the release build
// in DIR, served with brotli as a production server should (docs/deploy.md), in Debian's Chromium,
// and prints performance, LCP, TBT and CLS, the median of three runs, for two pages: the home page,
// and the first step of the largest fixture stored as a draft (opened from the browser's storage
// with the HTTP cache and the service worker cleared, so every file is downloaded again). A
// benchmark, not a test: nothing here passes or fails on the figures.
// Usage: node scripts/lighthouse.mjs DIR  (scripts/bench.sh builds dist/ first)
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM, CHROMIUM_FLAGS } from "./lib/chromium.mjs";
import { serve } from "./lib/serve.mjs";

const root = process.argv[2];
if (!root) {
  console.error("usage: node scripts/lighthouse.mjs DIR");
  process.exit(2);
}
const PORT = 4176;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const FIXTURE = "tests/fixtures/answers/large-provider.json";
const RUNS = 3;

const server = await serve(root, PORT, { brotli: true });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Lighthouse's figures for one run. */
async function audit(url, disableStorageReset) {
  const { lhr } = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    disableStorageReset,
  });
  if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${lhr.runtimeError.message}`);
  const value = (id) => lhr.audits[id].numericValue;
  return {
    performance: lhr.categories.performance.score * 100,
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
  };
}

function report(title, runs) {
  const at = (key) => median(runs.map((run) => run[key]));
  console.log(
    `${title}: performance ${at("performance").toFixed(0)}, LCP ${(at("lcp") / 1000).toFixed(2)} s, ` +
      `TBT ${at("tbt").toFixed(0)} ms, CLS ${at("cls").toFixed(3)} (median of ${runs.length}; ` +
      `performance each run: ${runs.map((run) => run.performance.toFixed(0)).join(", ")})`,
  );
}

try {
  const home = [];
  for (let run = 0; run < RUNS; run++) home.push(await audit(`${ORIGIN}/`, false));
  report("Lighthouse mobile, home page", home);

  // A stored draft: imported through the drafts page in the same browser, whose storage the
  // runs below keep (they clear only the HTTP cache and the service worker with its cache).
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(`${ORIGIN}/#/drafts`);
  await page.getByTestId("import").setInputFiles(FIXTURE);
  await page.getByTestId("drafts-message").waitFor();
  const id = await page.getByTestId("draft").first().getAttribute("data-draft");
  await page.getByTestId("save-status").getByText("Saved in this browser").waitFor();
  const cdp = await page.context().newCDPSession(page);
  const step = [];
  for (let run = 0; run < RUNS; run++) {
    await cdp.send("Storage.clearDataForOrigin", { origin: ORIGIN, storageTypes: "service_workers,cache_storage" });
    await cdp.send("Network.clearBrowserCache");
    step.push(await audit(`${ORIGIN}/#/d/${id}/engagement`, true));
  }
  await page.close();
  report("Lighthouse mobile, first step of the largest stored draft", step);
} finally {
  await chrome.kill();
  server.kill();
}
