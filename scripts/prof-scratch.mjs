import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
const server = spawn("node", ["tests/e2e/static-server.mjs", "/tmp/dist-prof", "4179"], { stdio: "inherit" });
await new Promise((r) => setTimeout(r, 400));
const ORIGIN = "http://127.0.0.1:4179/";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ serviceWorkers: "block" });
const setup = await context.newPage();
await setup.goto(`${ORIGIN}#/drafts`);
await setup.getByTestId("import").setInputFiles("tests/fixtures/answers/large-provider.json");
await setup.getByTestId("drafts-message").waitFor();
const id = await setup.getByTestId("draft").first().getAttribute("data-draft");
await setup.waitForTimeout(1000);
await setup.close();
const agg = new Map();
const tasks = [];
const RUNS = 5;
for (let run = 0; run < RUNS; run++) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.addInitScript(() => {
    window.lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask", buffered: true });
  });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await page.goto(`${ORIGIN}#/d/${id}/engagement`);
  await page.locator('[id="in-engagement.partner_name"]').waitFor();
  await page.waitForTimeout(1500);
  const { profile } = await cdp.send("Profiler.stop");
  tasks.push(await page.evaluate(() => window.lt));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = new Map();
  profile.samples.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [nid, t] of dt) {
    // inclusive: attribute to every distinct function on the stack
    const seen = new Set();
    for (let cur = nid; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur).callFrame.functionName || "(anon)";
      if (seen.has(name)) continue;
      seen.add(name);
      agg.set(name, (agg.get(name) ?? 0) + t / 1000 / RUNS);
    }
  }
  await page.close();
}
console.log("long tasks per run [start, duration ms]:", JSON.stringify(tasks));
const top = [...agg].filter(([n]) => !["(idle)", "(program)", "(root)"].includes(n) && /vcsp_intake|intake_core|Questionnaire|builtin|from_json|assess|check|render|mount|scroll|focus/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, 45);
for (const [n, t] of top) console.log(t.toFixed(1).padStart(7), n.slice(0, 140));
await browser.close(); server.kill();
