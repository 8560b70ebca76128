// Every page at a laptop and a phone size: no serious or critical accessibility violation (axe-core,
// WCAG 2.2 AA rules), nothing wider than the screen, and a screenshot of each kept in
// test-results/screenshots/. Keyboard-only use of the wizard.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { intake, scratch, watchProblems } from "./support";
import { unzip } from "./zip";

const SIZES = [
  { name: "laptop", width: 1366, height: 768 },
  { name: "phone", width: 390, height: 844 },
];
const SCREENSHOTS = "test-results/screenshots";
// Made once per worker (each loads this file), beside the other files the tests make.
const made = join("test-results", "pages");
mkdirSync(made, { recursive: true });
const bundlePath = join(made, `vmware-${process.pid}.intake.zip`);
intake("bundle", "tests/fixtures/answers/vmware-netapp-cisco.json", "-o", bundlePath);

/** Opens a draft made from a fixture, through the drafts page's import. */
async function importFixture(page: Page, fixture: string): Promise<string> {
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles(fixture);
  await expect(page.getByTestId("drafts-message")).toContainText("Imported");
  const id = await page.getByTestId("draft").first().getAttribute("data-draft");
  return id ?? "";
}

async function check(
  page: Page,
  name: string,
  size: (typeof SIZES)[number],
  project: string,
  part?: Locator,
) {
  await expect(page.locator("main h1").first()).toBeVisible();
  // A long step and its lists are drawn some rows at a time, each marked busy until drawn whole.
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
  expect(serious, `${name} at ${size.name} size`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} is no wider than the screen`).toBeLessThanOrEqual(0);
  if (project === "root") {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = `${SCREENSHOTS}/${name}-${size.width}x${size.height}.png`;
    await (part ? part.screenshot({ path }) : page.screenshot({ path, fullPage: false }));
  }
}

for (const size of SIZES) {
  test(`every page is accessible and fits at ${size.width}x${size.height}`, async ({ page }, info) => {
    test.setTimeout(120_000);
    const problems = watchProblems(page);
    await page.setViewportSize({ width: size.width, height: size.height });
    const project = info.project.name;

    await page.goto("./");
    await check(page, "home", size, project);
    await page.goto("./#/rules");
    await check(page, "rules", size, project);

    const id = await importFixture(page, "tests/fixtures/answers/vmware-netapp-cisco.json");
    await check(page, "drafts", size, project);

    await page.goto(`./#/d/${id}/engagement`);
    await check(page, "step-engagement", size, project);
    await page.goto(`./#/d/${id}/network`);
    await page.locator('[id="in-network.links[0].mtu_near"]').fill("90o0");
    await expect(page.locator(".error-summary")).toBeVisible();
    await check(page, "step-network-with-problem", size, project);
    const finding = page.getByTestId("findings").getByTestId("finding").first();
    await finding.locator("summary").click();
    await check(page, "finding-open", size, project);
    await check(page, "findings-panel", size, project, page.getByTestId("findings"));
    await page.goto(`./#/d/${id}/-summary`);
    await expect(page.getByTestId("overview")).toBeVisible();
    await page.getByTestId("milestone-name").fill("before engagement");
    await page.getByTestId("milestone-save").click();
    await page.getByTestId("compare-run").click();
    await expect(page.getByTestId("trend-chart")).toBeVisible();
    await check(page, "summary", size, project);
    await page.goto(`./#/d/${id}/-merge`);
    await page.getByTestId("merge-file").setInputFiles("tests/fixtures/answers/large-provider.json");
    await expect(page.getByTestId("merge-plan")).toBeVisible();
    await check(page, "merge", size, project);
    await page.goto("./#/portfolio");
    await page.getByTestId("portfolio-files").setInputFiles([bundlePath, "tests/fixtures/bundles/v3/exports.intake.zip"]);
    await expect(page.getByTestId("portfolio-report")).toBeVisible();
    await check(page, "portfolio", size, project);

    await page.goto("./#/review");
    await check(page, "review-open", size, project);
    await page.locator("#bundle-file").setInputFiles(bundlePath);
    await expect(page.getByTestId("integrity")).toBeVisible();
    const first = page.getByTestId("review-finding").first();
    await first.getByLabel("Dismissed").check();
    await first.getByLabel("Why it is dismissed (required)").fill("Accepted risk: the partner has a plan.");
    await first.locator(".finding-details summary").click();
    await page.getByTestId("review-finding").nth(1).getByLabel("Confirmed").check();
    await check(page, "review-triage", size, project);
    await page.getByTestId("triage-toolbar").scrollIntoViewIfNeeded();
    await check(page, "review-toolbar", size, project);

    // The reports a partner and a tech lead read, as they open them from the zip.
    const downloading = page.waitForEvent("download");
    await page.getByTestId("toolbar-export").click();
    const reviewed = unzip(readFileSync(await (await downloading).path()));
    for (const name of ["report.html", "review-report.html"]) {
      const file = scratch(name);
      writeFileSync(file, reviewed.find((entry) => entry.name === name)!.data);
      await page.goto(`file://${file}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} is no wider than the screen`).toBeLessThanOrEqual(0);
      if (project === "root") {
        await page.screenshot({ path: `${SCREENSHOTS}/${name.replace(".html", "")}-${size.width}x${size.height}.png` });
      }
    }
    expect(problems.filter((problem) => !problem.includes("file://"))).toEqual([]);
  });
}

test("the wizard can be used with the keyboard alone", async ({ page }) => {
  await page.goto("./");
  // The app's own page, storage open: keys pressed while the module loads are shell.spec.ts's.
  await expect(page.locator("#static-page")).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");
  await expect(page.getByLabel("Name of the new assessment")).toBeVisible();
  await page.locator("body").press("Tab");
  await expect(page.locator(".skip-link")).toBeFocused();
  const name = page.getByLabel("Name of the new assessment");
  for (let i = 0; i < 10 && !(await name.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(name).toBeFocused();
  await page.keyboard.type("Keyboard only");
  await page.keyboard.press("Enter");

  // A new step puts focus on its heading, so the next Tab reaches its first question.
  await expect(page.locator("#step-title")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator('[id="in-engagement.partner_name"]')).toBeFocused();
  await page.keyboard.type("Keyboard Partner B.V.");
  const next = page.locator('a[rel="next"]');
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#step-title")).toBeFocused();
  await expect(page.getByTestId("progress")).toContainText("Answered 1 of");

  // Radio groups take arrow keys; "don't know" is reachable from the keyboard too.
  await page.locator('[id="in-platform.vbr_version"]').focus();
  await page.keyboard.type("12.3.2.3617");
  const mode = page.locator('.question[data-path="platform.vspc_version"] input[value="dont_know"]');
  await mode.focus();
  await page.keyboard.press("Space");
  await expect(mode).toBeChecked();
  await expect(page.getByTestId("progress")).toContainText("Answered 3 of");

  // The findings are one Tab and Enter away: a skip link right after the page's own.
  await page.locator(".skip-link").first().focus();
  for (let i = 0; i < 5 && !(await page.getByRole("button", { name: "Skip to findings" }).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("findings")).toBeFocused();
});

test("on a phone every control is at least 44x44 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const tooSmall = () =>
    page.evaluate(() => {
      const found: string[] = [];
      const controls = document.querySelectorAll(
        "button, select, textarea, summary, a.button, input:not([type=radio]):not([type=checkbox]):not([type=file])," +
          " label:has(> input[type=radio]), label:has(> input[type=checkbox])",
      );
      for (const control of controls) {
        const box = control.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (control.classList.contains("skip-link")) continue;
        if (box.width < 44 || box.height < 44) {
          found.push(`${control.tagName} “${(control.textContent ?? "").trim().slice(0, 30)}” ${Math.round(box.width)}x${Math.round(box.height)}`);
        }
      }
      return found;
    });
  await page.goto("./");
  expect(await tooSmall(), "home").toEqual([]);
  const id = await importFixture(page, "tests/fixtures/answers/vmware-netapp-cisco.json");
  expect(await tooSmall(), "drafts").toEqual([]);
  for (const section of ["engagement", "network", "windows", "security"]) {
    await page.goto(`./#/d/${id}/${section}`);
    await expect(page.locator("#step-title")).toBeVisible();
    expect(await tooSmall(), section).toEqual([]);
  }
  await page.goto(`./#/d/${id}/-summary`);
  await expect(page.getByTestId("overview")).toBeVisible();
  await page.getByTestId("milestone-name").fill("before engagement");
  await page.getByTestId("milestone-save").click();
  await page.getByTestId("compare-run").click();
  await expect(page.getByTestId("trend-chart")).toBeVisible();
  expect(await tooSmall(), "summary").toEqual([]);
  await page.goto(`./#/d/${id}/-merge`);
  await page.getByTestId("merge-file").setInputFiles("tests/fixtures/answers/large-provider.json");
  await expect(page.getByTestId("merge-plan")).toBeVisible();
  expect(await tooSmall(), "merge").toEqual([]);
  await page.goto("./#/portfolio");
  await page.getByTestId("portfolio-files").setInputFiles([bundlePath]);
  await expect(page.getByTestId("portfolio-report")).toBeVisible();
  expect(await tooSmall(), "portfolio").toEqual([]);
  await page.goto("./#/review");
  await page.locator("#bundle-file").setInputFiles(bundlePath);
  await expect(page.getByTestId("integrity")).toBeVisible();
  expect(await tooSmall(), "review").toEqual([]);
});

test("a draft saved by an earlier version of the app opens in this one", async ({ page }) => {
  const old = readFileSync("tests/fixtures/drafts/v1/with-pending-input.json", "utf8");
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles({
    name: "old.draft.json",
    mimeType: "application/json",
    buffer: Buffer.from(old),
  });
  await expect(page.getByTestId("drafts-message")).toContainText("Imported");
  await page.getByTestId("draft").first().getByRole("link", { name: "Open" }).click();
  await page.locator('nav[aria-label="Sections"] li[data-section="network"] a').click();
  await expect(page.locator('[id="in-network.links[0].mtu_far"]')).toHaveValue("9000?");
  await expect(page.locator('[id="in-network.links[0].mtu_near"]')).toHaveValue("9000");
});
