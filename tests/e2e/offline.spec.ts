// Offline use: after one visit the service worker has every file of the build, so with the
// network off the app loads and works: filling, autosave, findings, export and review. A new build is
// picked up: the page says so and switches on request, and drafts survive it.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { collectorExport, scratch, watchProblems } from "./support";

/** Waits until the service worker controls the page (it claims pages on its first activation). */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
}

async function startDraft(page: Page, name: string) {
  await page.getByLabel("Name of the new assessment").first().fill(name);
  await page.getByTestId("start").first().click();
  await expect(page.locator("#step-title")).toBeVisible();
}

test("after one visit the app loads and works with the network off", async ({ page, context }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await controlled(page);
  // The first visit is not controlled yet: its own requests (the favicon, fetched by the browser
  // late) go to the network. Let them finish, or going offline cancels them.
  await page.waitForLoadState("networkidle");

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator("main h1")).toHaveText("VCSP Intake");
  await page.goto("./#/rules");
  await expect(page.locator("main h1")).toHaveText("Rule catalogue");

  await page.goto("./");
  await startDraft(page, "Offline engagement");
  await page.locator('[id="in-engagement.partner_name"]').fill("Offline Partner");
  await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");
  await page.reload();
  await expect(page.locator('[id="in-engagement.partner_name"]')).toHaveValue("Offline Partner");
  // The findings: the assessment's worker starts and follows the answers with the network off.
  await page.locator("li[data-section=platform] a").click();
  await page.locator('[id="in-platform.vbr_version"]').fill("11.0.1.1261");
  await expect(page.getByTestId("findings").locator('[data-rule="VER-001"]')).toBeVisible();

  // Export: the answers file downloads with the network off.
  await page.goto("./#/drafts");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("draft").first().getByRole("button", { name: /^Export/ }).click();
  const exported = await downloading;
  expect(JSON.parse(readFileSync(await exported.path(), "utf8")).answers.answers["engagement.partner_name"].value).toBe(
    "Offline Partner",
  );

  // Review: a bundle opens, is checked and re-run with the network off.
  const bundle = scratch("offline.intake.zip");
  const made = await bundleOf(page, bundle);
  await page.getByTestId("brand").click();
  await page.getByTestId("open-bundle").getByRole("link").click();
  await page.locator("#bundle-file").setInputFiles(made);
  await expect(page.getByTestId("integrity")).toHaveText("Integrity: every file matches the bundle's manifest.");

  // Import: the evidence reader's worker starts and reads an export with the network off.
  await page.goto("./#/drafts");
  await page.getByTestId("start-from-exports").click();
  await page.getByTestId("import-files").setInputFiles(rvtools);
  await expect(page.getByTestId("import-preview")).toContainText("Read RVTools (RVTools_export_all.xlsx;");
  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-applied")).toContainText("from RVTools");
  await context.setOffline(false);
  expect(problems).toEqual([]);
});

let rvtools = "";
test.beforeAll(() => {
  const dir = join("test-results", "exports-offline");
  mkdirSync(dir, { recursive: true });
  rvtools = collectorExport("rvtools", join(dir, "RVTools_export_all.xlsx"), "--hosts", "4", "--vms", "20");
});

/** Makes a findings bundle in the app from the small fixture, offline, and returns its path. */
async function bundleOf(page: Page, path: string): Promise<string> {
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles("tests/fixtures/answers/small-proxmox.json");
  await expect(page.getByTestId("drafts-message")).toContainText("Imported");
  const id = await page.getByTestId("draft").first().getAttribute("data-draft");
  await page.goto(`./#/d/${id}/-summary`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download findings bundle (.zip)" }).click();
  await (await downloading).saveAs(path);
  return path;
}

test("a new build is offered, switched to on request, and drafts survive", async ({ page }, info) => {
  const problems = watchProblems(page);
  const dist = scratch("dist");
  cpSync("dist", dist, { recursive: true });
  // 4190 is on the browsers' list of blocked ports (ManageSieve); 4280 and up are not.
  const port = 4280 + info.parallelIndex;
  const server = spawn("node", ["tests/e2e/static-server.mjs", dist, String(port)], { stdio: "ignore" });
  try {
    const base = `http://127.0.0.1:${port}${info.project.name === "sub-path" ? "/partners/intake/" : "/"}`;
    await expect
      .poll(async () => (await fetch(`${base}index.html`).catch(() => null))?.status, { timeout: 20_000 })
      .toBe(200);
    await page.goto(base);
    await controlled(page);
    await startDraft(page, "Before the update");
    await page.locator('[id="in-engagement.partner_name"]').fill("Kept Partner");
    await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");

    // A new build: the service worker's version changes, as every new build's does.
    const worker = join(dist, "sw.js");
    writeFileSync(worker, readFileSync(worker, "utf8").replace(/const VERSION = "[^"]+"/, 'const VERSION = "next"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const banner = page.getByTestId("update");
    await expect(banner).toContainText("A new version of VCSP Intake is available");
    await page.locator('[id="in-engagement.partner_name"]').fill("Kept Partner, edited");
    await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");
    const reloaded = page.waitForEvent("load");
    await banner.getByRole("button", { name: "Switch to the new version" }).click();
    await reloaded;
    await expect(page.locator('[id="in-engagement.partner_name"]')).toHaveValue("Kept Partner, edited");
    await expect(banner).toHaveCount(0);
    const version = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return (await (await fetch(registration!.active!.scriptURL)).text()).match(/const VERSION = "([^"]+)"/)?.[1];
    });
    expect(version).toBe("next");
  } finally {
    server.kill();
  }
  expect(problems).toEqual([]);
});
