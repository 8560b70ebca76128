// Prints what a visit downloads before it is interactive, measured in headless Chromium against a
// build: the files the page requests from a cold start (no HTTP cache, no service worker yet)
// until the home page's "Start" button works, and until the first question of a stored draft
// takes input, and then what the findings panel needs; each with its brotli size (quality 11, as
// `size-report.mjs` computes it). What the
// service worker fetches afterwards to work offline is not waited for, and is listed apart.
// Usage: node scripts/first-download.mjs DIR
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./lib/chromium.mjs";
import { serve } from "./lib/serve.mjs";

const root = process.argv[2];
if (!root) {
  console.error("usage: node scripts/first-download.mjs DIR");
  process.exit(2);
}
const PORT = 4175;
const ORIGIN = `http://127.0.0.1:${PORT}/`;

const brotli = (file) => {
  const bytes = readFileSync(join(root, file));
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
};
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

const server = await serve(root, PORT);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_FLAGS,
});

/** The files of the build a fresh page requests until `ready` resolves, in request order. */
async function fetched(context, url, ready) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const files = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname.slice(1) || "index.html";
    if (request.url().startsWith(ORIGIN) && !files.includes(path)) files.push(path);
  });
  await page.goto(url);
  await ready(page);
  await page.close();
  return files;
}

function report(title, files) {
  const total = files.reduce((sum, file) => sum + brotli(file), 0);
  console.log(`${title}: ${kib(total)} brotli`);
  for (const file of files) console.log(`  ${file.padEnd(48)} ${kib(brotli(file)).padStart(11)}`);
  return total;
}

try {
  // A context whose service worker is blocked: the page's own downloads only.
  const cold = await browser.newContext({ serviceWorkers: "block" });
  // index.html shows an inert copy of the home page at once: Start works once the app replaced it.
  const home = await fetched(cold, ORIGIN, (page) =>
    page.locator("body:not(:has(#static-page)) [data-testid=start]").waitFor(),
  );
  report("first download, home page until Start works", home);

  // A stored draft, opened cold at its first step.
  const setup = await cold.newPage();
  await setup.goto(`${ORIGIN}#/drafts`);
  await setup.getByTestId("import").setInputFiles("tests/fixtures/answers/small-proxmox.json");
  await setup.getByTestId("drafts-message").waitFor();
  const id = await setup.getByTestId("draft").first().getAttribute("data-draft");
  await setup.getByTestId("save-status").getByText("Saved in this browser").waitFor();
  await setup.close();
  const step = await fetched(cold, `${ORIGIN}#/d/${id}/engagement`, (page) =>
    page.locator('[id="in-engagement.partner_name"]').waitFor(),
  );
  // The assessment's worker starts once the step has been drawn, so it may be requested before the
  // question is found to take input: it is not needed for that, and is listed apart.
  const findings = (file) => /^assess-[0-9a-f]+(\.js|_bg\.wasm)$/.test(file);
  report("first download, a stored draft's first step until it takes input", step.filter((file) => !findings(file)));
  const opened = await fetched(cold, `${ORIGIN}#/d/${id}/engagement`, (page) =>
    page.locator("[data-testid=findings] [data-testid=finding]").first().waitFor(),
  );
  report("then, for the findings panel (the assessment's worker)", opened.filter(findings));
  await cold.close();

  // With the service worker: what it adds for offline use.
  const online = await browser.newContext();
  const page = await online.newPage();
  const byWorker = [];
  online.on("request", (request) => {
    const path = new URL(request.url()).pathname.slice(1) || "index.html";
    if (request.url().startsWith(ORIGIN) && !home.includes(path) && !byWorker.includes(path)) byWorker.push(path);
  });
  await page.goto(ORIGIN);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(1000);
  report("fetched afterwards for offline use (service worker)", byWorker);
  await online.close();
} finally {
  await browser.close();
  server.kill();
}
