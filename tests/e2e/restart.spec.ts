// Drafts outlive the browser: a browser closed and started again with the same profile, and a
// page killed straight after the last keystroke (before any timer or unload handler could run),
// both keep exactly what was typed. Each test runs its own Chromium on a profile directory of its
// own, as a partner's browser keeps its data between runs.
import { chromium, expect, test, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { scratch, watchProblems } from "./support";

const NAME = '[id="in-engagement.partner_name"]';
const ESCALATION = '[id="in-engagement.escalation_path"]';
const CORES = '[id="in-platform.backup_server_cores"]';

/** Starts this project's Chromium on a persistent profile, as a partner starts their browser. */
async function startBrowser(profile: string, testInfo: TestInfo): Promise<BrowserContext> {
  const { launchOptions, baseURL } = testInfo.project.use;
  return chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
}

async function startDraft(page: Page, name: string) {
  await page.goto("./");
  await page.getByLabel("Name of the new assessment").first().fill(name);
  await page.getByTestId("start").first().click();
  await expect(page.locator("#step-title")).toBeVisible();
}

async function goToSection(page: Page, section: string) {
  await page.locator(`nav[aria-label="Sections"] li[data-section="${section}"] a`).click();
  await expect(page.locator(`.question[data-path^="${section}."]`).first()).toBeVisible();
}

/** Opens the only draft from the drafts page. */
async function openDraft(page: Page, name: string) {
  await page.goto("./#/drafts");
  const draft = page.getByTestId("draft");
  await expect(draft).toHaveCount(1);
  await expect(draft.locator("h3")).toHaveText(name);
  await draft.getByRole("link", { name: /^Open/ }).click();
  await expect(page.locator("#step-title")).toBeVisible();
}

test("a draft survives the browser being closed and started again", async ({}, testInfo) => {
  const profile = scratch("profile");
  let context = await startBrowser(profile, testInfo);
  // The app asks the browser to keep its storage (so it is not evicted when space runs low).
  await context.addInitScript(() => {
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      (window as unknown as { persistAsked: boolean }).persistAsked = true;
      return persist();
    };
  });
  let page = context.pages()[0] ?? (await context.newPage());
  let problems = watchProblems(page);
  await startDraft(page, "Restart engagement");
  expect(await page.evaluate(() => (window as unknown as { persistAsked?: boolean }).persistAsked)).toBe(true);
  await page.locator(NAME).fill("Noordkaap Hosting B.V.");
  await page.locator(ESCALATION).fill("Call the NOC, then the on-call engineer.\nThen the CTO.");
  // Input that does not parse yet is kept as typed, and survives too.
  await goToSection(page, "platform");
  await page.locator(CORES).fill("1o6");
  await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");
  expect(problems).toEqual([]);
  await context.close();

  context = await startBrowser(profile, testInfo);
  page = context.pages()[0] ?? (await context.newPage());
  problems = watchProblems(page);
  await openDraft(page, "Restart engagement");
  await goToSection(page, "engagement");
  await expect(page.locator(NAME)).toHaveValue("Noordkaap Hosting B.V.");
  await expect(page.locator(ESCALATION)).toHaveValue("Call the NOC, then the on-call engineer.\nThen the CTO.");
  await goToSection(page, "platform");
  await expect(page.locator(CORES)).toHaveValue("1o6");
  expect(problems).toEqual([]);
  await context.close();
});

test("a page killed right after the last keystroke keeps that keystroke", async ({}, testInfo) => {
  const profile = scratch("profile");
  let context = await startBrowser(profile, testInfo);
  let page = context.pages()[0] ?? (await context.newPage());
  let problems = watchProblems(page);
  await startDraft(page, "Crash engagement");
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent("crash");
  await page.locator(NAME).click();
  await page.keyboard.type("Noordkaap Hosting");
  // The renderer dies now: no timer, no `pagehide`, no `visibilitychange` runs after this.
  void cdp.send("Page.crash").catch(() => {});
  await crashed;
  expect(problems).toEqual([]);

  // The same browser, a new tab: the draft is there with every character.
  page = await context.newPage();
  problems = watchProblems(page);
  await openDraft(page, "Crash engagement");
  await goToSection(page, "engagement");
  await expect(page.locator(NAME)).toHaveValue("Noordkaap Hosting");
  expect(problems).toEqual([]);
  await context.close();

  // And it was written to disk: a browser started again on the profile has it too.
  context = await startBrowser(profile, testInfo);
  page = context.pages()[0] ?? (await context.newPage());
  await openDraft(page, "Crash engagement");
  await goToSection(page, "engagement");
  await expect(page.locator(NAME)).toHaveValue("Noordkaap Hosting");
  await context.close();
});

for (const [granted, says] of [
  [true, "This browser has agreed to keep them until you delete them."],
  [false, "This browser may clear them when it runs short of space"],
] as const) {
  test(`the drafts page says whether the browser keeps storage (${granted ? "granted" : "refused"})`, async ({
    page,
  }) => {
    const problems = watchProblems(page);
    await page.addInitScript((answer) => {
      navigator.storage.persist = () => Promise.resolve(answer);
    }, granted);
    await page.goto("./#/drafts");
    await expect(page.getByTestId("persistence")).toContainText(says);
    expect(problems).toEqual([]);
  });
}
