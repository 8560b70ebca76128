// Measures the web app as users meet it, in headless Chromium against the release build in dist/,
// and prints the figures (a benchmark, not a test: nothing here passes or fails on time).
//
// - Cold load: from navigation start to the first question's input on the page, with the HTTP
//   cache disabled, for a draft already in the browser's storage; to the home page's heading
//   (plain HTML in index.html); and to the home page working (the app has taken it over).
// - Keystroke: on the largest fixture, from a key press in a question that changes the findings
//   to the next animation frame (the key handled: the answer changed and saved); and to the
//   findings panel updated from the assessment's worker (DOM changed), to the next animation frame
//   after that, and to that frame drawn (its style, layout and paint done).
// - Bundle export and import, largest fixture: from the click on the summary page's download
//   button to the download starting (assessing, rendering the reports, hashing and zipping), and
//   from a bundle picked on the review page to its review shown (reading, checking, re-running).
// - A 100 KB answer: a step and the summary showing a 100 KB answer without a space (and a 100 KB
//   note), from the address set to the frame after they are drawn.
// - Evidence import: an RVTools export of 20,000 VMs and 1,000 hosts (written by
//   `collector-exports`), from the file picked on a draft's import page to the preview shown (the
//   reader's worker started and its module loaded, the export read in it, the preview computed and
//   drawn), and the longest task on the page's main thread meanwhile (Long Tasks API: tasks over
//   50 ms; none is printed as "none over 50 ms").
//
// Usage: node scripts/bench-ui.mjs  (scripts/bench.sh builds dist/ first)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./lib/chromium.mjs";
import { serve } from "./lib/serve.mjs";

const PORT = 4174;
const ORIGIN = `http://127.0.0.1:${PORT}/`;
const FIXTURE = "tests/fixtures/answers/large-provider.json";
const LOADS = 15;
const KEYSTROKES = 60;
const TRANSFERS = 15;
const LONG_FIXTURE = "tests/fixtures/answers/small-proxmox.json";
const LONG_RUNS = 5;
const EVIDENCE_RUNS = 5;

const server = await serve("dist", PORT);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_FLAGS,
});

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (n=${values.length})`;
}

/** Time from navigation start until `selector` is on the page, with the HTTP cache off. */
async function coldLoad(context, url, selector) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.addInitScript((wanted) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(wanted)) {
        window.__appeared = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForSelector(selector);
  const appeared = await page.evaluate(() => window.__appeared);
  await page.close();
  return appeared;
}

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${ORIGIN}#/drafts`);
  await page.getByTestId("import").setInputFiles(FIXTURE);
  await page.getByTestId("drafts-message").waitFor();
  const id = await page.getByTestId("draft").first().getAttribute("data-draft");
  await page.getByTestId("save-status").getByText("Saved in this browser").waitFor();

  const homes = [];
  const working = [];
  const questions = [];
  for (let run = 0; run < LOADS; run++) {
    homes.push(await coldLoad(context, ORIGIN, "main h1"));
    // The static page's Start is inert: the app's is there once the static page has gone.
    working.push(await coldLoad(context, ORIGIN, "body:not(:has(#static-page)) [data-testid=start]"));
    questions.push(await coldLoad(context, `${ORIGIN}#/d/${id}/engagement`, '[id="in-engagement.partner_name"]'));
  }
  console.log(`cold load to the home page's heading (static HTML): ${summary(homes)}`);
  console.log(`cold load to the home page working (app mounted):  ${summary(working)}`);
  console.log(`cold load to the first question (largest fixture): ${summary(questions)}`);

  // Link 0 of the largest fixture has MTU 9000 at both ends: deleting a digit makes the ends
  // differ (a finding appears), typing it back makes them match (it goes).
  await page.goto(`${ORIGIN}#/d/${id}/network`);
  const input = page.locator('[id="in-network.links[0].mtu_near"]');
  await input.waitFor();
  await input.focus();
  await page.keyboard.press("End");
  await page.evaluate(() => {
    const panel = document.querySelector('[data-testid="findings"]');
    window.__marks = [];
    document.addEventListener("keydown", (event) => {
      const mark = { key: event.timeStamp };
      window.__marks.push(mark);
      // The frame after the key's own handling (the answer changed and saved): what typing waits
      // for. The findings follow from the assessment's worker.
      requestAnimationFrame(() => {
        mark.echo = performance.now();
      });
      const observer = new MutationObserver(() => {
        mark.dom = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => {
          mark.frame = performance.now();
          // A message posted from the frame's callback arrives once that frame's style, layout
          // and paint are done: what the person waits for.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            mark.drawn = performance.now();
          };
          channel.port2.postMessage(null);
        });
      });
      observer.observe(panel, { childList: true, subtree: true, characterData: true, attributes: true });
    });
  });
  for (let stroke = 0; stroke < KEYSTROKES; stroke++) {
    await page.keyboard.press(stroke % 2 === 0 ? "Backspace" : "0");
    await page.waitForFunction((n) => window.__marks.length === n && window.__marks[n - 1].drawn, stroke + 1);
  }
  const marks = await page.evaluate(() => window.__marks);
  console.log(`keystroke to the next frame (the key handled):         ${summary(marks.map((m) => m.echo - m.key))}`);
  console.log(`keystroke to findings panel updated (largest fixture): ${summary(marks.map((m) => m.dom - m.key))}`);
  console.log(`keystroke to the next frame after the update:          ${summary(marks.map((m) => m.frame - m.key))}`);
  console.log(`keystroke to that frame drawn (style, layout, paint):   ${summary(marks.map((m) => m.drawn - m.key))}`);
  await input.fill("9000");

  // Export: the click on the download button to the download link being clicked by the app.
  // In one page, Chromium started ten downloads and then no more: the eleventh click on the
  // button made no download (measured, with the app's status line saying nothing went wrong),
  // and a fresh load of the page started them again. So each run loads the summary afresh; the
  // marks are kept in the page's session storage across the reloads.
  let bundlePath = "";
  for (let run = 0; run < TRANSFERS; run++) {
    await page.goto(`${ORIGIN}#/d/${id}/-summary`);
    await page.reload();
    const button = page.getByRole("button", { name: "Download findings bundle (.zip)" });
    await button.waitFor();
    await page.evaluate(() => {
      const marks = () => JSON.parse(sessionStorage.getItem("exports") ?? "[]");
      const keep = (list) => sessionStorage.setItem("exports", JSON.stringify(list));
      document.addEventListener("click", (event) => {
        if (event.target.closest?.('[data-testid="bundle-export"] button:first-of-type')) keep([...marks(), { start: performance.now() }]);
      }, true);
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        const list = marks();
        const last = list[list.length - 1];
        if (last && this.download && last.end === undefined) {
          last.end = performance.now();
          keep(list);
        }
        return click.call(this);
      };
    });
    const downloading = page.waitForEvent("download");
    await button.click();
    const download = await downloading;
    bundlePath = await download.path();
  }
  const exports = await page.evaluate(() => JSON.parse(sessionStorage.getItem("exports") ?? "[]"));
  console.log(`bundle export (largest fixture):                       ${summary(exports.map((m) => m.end - m.start))}`);
  console.log(`bundle size (largest fixture):                         ${statSync(bundlePath).size} bytes`);

  // Import: the file input's change event to the review's integrity line on the page.
  const imports = [];
  for (let run = 0; run < TRANSFERS; run++) {
    await page.goto(`${ORIGIN}#/review`);
    await page.locator("#bundle-file").waitFor({ state: "attached" });
    await page.evaluate(() => {
      window.__import = {};
      document.addEventListener("change", (event) => {
        if (event.target.id === "bundle-file") window.__import.start = performance.now();
      }, true);
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="integrity"]')) {
          window.__import.end = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.locator("#bundle-file").setInputFiles(bundlePath);
    await page.getByTestId("integrity").waitFor();
    const mark = await page.evaluate(() => window.__import);
    imports.push(mark.end - mark.start);
    await page.getByRole("button", { name: "Close this bundle" }).click();
  }
  console.log(`bundle import to review shown (largest fixture):       ${summary(imports)}`);

  // A 100 KB answer without a space, and a 100 KB note on it: from the step's address set to the
  // frame after the step (or the summary) is drawn with them, layout included.
  const long = JSON.parse(readFileSync(LONG_FIXTURE, "utf8"));
  long.answers["engagement.escalation_path"] = { value: "A".repeat(100_000), note: "B".repeat(100_000) };
  const longPath = join(mkdtempSync(join(tmpdir(), "intake-bench-")), "long.answers.json");
  writeFileSync(longPath, JSON.stringify(long));
  await page.goto(`${ORIGIN}#/drafts`);
  await page.getByTestId("import").setInputFiles(longPath);
  await page.getByTestId("drafts-message").waitFor();
  const longId = await page.getByTestId("draft").first().getAttribute("data-draft");
  const shown = (where, selector) =>
    page.evaluate(
      async ([hash, wanted]) => {
        const start = performance.now();
        location.hash = hash;
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        do await frame();
        while (!document.querySelector(wanted));
        return performance.now() - start;
      },
      [`#/d/${longId}/${where}`, selector],
    );
  const steps = [];
  const summaries = [];
  for (let run = 0; run < LONG_RUNS; run++) {
    await shown("platform", '.question[data-path^="platform."]');
    steps.push(await shown("engagement", '[id="in-engagement.escalation_path"]'));
    await shown("platform", '.question[data-path^="platform."]');
    summaries.push(await shown("-summary", '[data-testid="overview"]'));
  }
  console.log(`step with a 100 KB answer drawn:                       ${summary(steps)}`);
  console.log(`summary with a 100 KB answer drawn:                    ${summary(summaries)}`);

  // Evidence import: a large RVTools export, from the file picked to the preview shown.
  const rvtools = join(mkdtempSync(join(tmpdir(), "intake-bench-")), "RVTools_export_all.xlsx");
  execFileSync(
    "cargo",
    ["run", "--quiet", "--locked", "--release", "-p", "collector-exports", "--", "rvtools", "--hosts", "1000", "--vms", "20000", "--output", rvtools],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const previews = [];
  const longest = [];
  for (let run = 0; run < EVIDENCE_RUNS; run++) {
    await page.goto(`${ORIGIN}#/drafts`);
    await page.getByTestId("start-from-exports").click();
    await page.getByTestId("import-files").waitFor({ state: "attached" });
    await page.evaluate(() => {
      window.__evidence = { tasks: [] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__evidence.tasks.push([entry.startTime, entry.duration]);
      }).observe({ type: "longtask" });
      document.addEventListener("change", (event) => {
        if (event.target.id === "import-files") window.__evidence.start = performance.now();
      }, true);
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="import-preview"]')) {
          requestAnimationFrame(() => setTimeout(() => (window.__evidence.end = performance.now()), 0));
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.getByTestId("import-files").setInputFiles(rvtools);
    await page.waitForFunction(() => window.__evidence.end !== undefined, undefined, { timeout: 120_000 });
    const mark = await page.evaluate(() => window.__evidence);
    previews.push(mark.end - mark.start);
    const during = mark.tasks.filter(([start, duration]) => start + duration >= mark.start && start <= mark.end);
    longest.push(Math.max(0, ...during.map(([, duration]) => duration)));
  }
  console.log(`evidence import, 20,000 VMs / 1,000 hosts, to preview: ${summary(previews)}`);
  const worst = Math.max(...longest);
  console.log(
    `longest main-thread task during it:                    ${worst === 0 ? "none over 50 ms" : `${summary(longest.filter((d) => d > 0))}`}`,
  );
} finally {
  await browser.close();
  server.kill();
}
