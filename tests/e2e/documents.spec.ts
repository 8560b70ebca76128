// One review, three readers: a tech lead triages the large provider's bundle with owners, target
// dates and an escalation to R&D, downloads the partner's action plan, R&D's evidence pack and QA's
// test plan, and each reads right. The HTML documents are kept in the test artifacts as they print
// on A4 and Letter (a screenshot at A4 size, and a PDF of each paper size).
import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { intake, scratch, watchProblems } from "./support";

const FIXTURE = "tests/fixtures/answers/large-provider.json";
const WALKS = "tests/fixtures/walks/large-provider.json";

/** The large provider's bundle with the partner's walk of STO-005, made by `intake bundle`. */
function partnerBundle(): string {
  const path = scratch("large.intake.zip");
  intake("bundle", FIXTURE, "--walks", WALKS, "--created-at", "2026-11-02T14:05:00Z", "-o", path);
  return path;
}

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent("download");
  await page.getByTestId(testId).click();
  const file: Download = await downloading;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

/** Parses CSV (quoted cells with commas, quotes and line breaks) into rows of cells. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (c !== "\r") {
      cell += c;
    }
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

test("a tech lead triages with owners, dates and an escalation and hands each reader their document", async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const problems = watchProblems(page);
  await page.goto("./");
  await page.getByTestId("open-bundle").getByRole("link").click();
  await page.locator("#bundle-file").setInputFiles(partnerBundle());
  await expect(page.locator("#review-title")).toContainText("Review:");
  await page.getByLabel("Reviewer", { exact: true }).fill("T. Lead");

  // The array's firmware regression: confirmed, R&D's, escalated with a case. Its workaround is
  // filled in from where the partner's walk of the playbook ended.
  const storage = page.locator('[data-testid="review-finding"][data-rule="STO-005"]');
  await storage.getByLabel("Confirmed").check();
  const plan = storage.getByTestId("triage-plan");
  await plan.locator("summary").click();
  await expect(plan.getByTestId("plan-workaround")).toHaveValue(/^Apply a workaround now/);
  await expect(plan.getByTestId("plan-workaround-from-walk")).toBeVisible();
  await plan.getByTestId("plan-owner").selectOption("rnd");
  await plan.getByTestId("plan-due").fill("2026-12-18");
  await plan.getByTestId("plan-escalate").check();
  await plan.getByTestId("plan-case").fill("08234567");

  // The load balancer: the partner's, by a date.
  const balancer = page.locator('[data-testid="review-finding"][data-rule="CC-004"]');
  await balancer.getByLabel("Confirmed").check();
  const balancerPlan = balancer.getByTestId("triage-plan");
  await balancerPlan.locator("summary").click();
  await balancerPlan.getByTestId("plan-owner").selectOption("partner");
  await balancerPlan.getByTestId("plan-due").fill("2026-12-15");
  await balancerPlan.getByTestId("plan-workaround").fill("Switch the virtual server to TCP passthrough");
  await page.waitForTimeout(300);

  const documents = page.getByTestId("document-action-plan").locator("..");
  await documents.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("review-documents-panel.png"), fullPage: false });

  // The partner's action plan: the partner's action first, R&D's apart, in each format.
  const planMd = await download(page, "download-action-plan-md");
  expect(planMd.name).toBe("large.action-plan.md");
  const yours = planMd.text.split("## Being handled by Veeam")[0];
  expect(yours).toContain("(critical, CC-004)");
  expect(yours).toContain("- **Who**: the partner, by 2026-12-15");
  expect(yours).toContain("- **Workaround now**: Switch the virtual server to TCP passthrough");
  expect(yours).not.toContain("STO-005");
  const veeams = planMd.text.split("## Being handled by Veeam")[1];
  expect(veeams).toContain("(high, STO-005)");
  expect(veeams).toContain("escalated to R\\&D, case 08234567");
  expect(planMd.text).toContain("## Already fine");
  const planCsv = csvRows((await download(page, "download-action-plan-csv")).text);
  expect(planCsv[0]).toEqual(["Summary", "Description", "Priority", "Due date", "Labels"]);
  expect(planCsv.slice(1)).toEqual([
    [expect.stringContaining("Load balancer"), expect.stringContaining("Workaround now"), "Highest", "2026-12-15", "CC-004"],
  ]);
  const planHtml = await download(page, "download-action-plan-html");
  expect(planHtml.name).toBe("large.action-plan.html");

  // R&D's evidence pack: anonymised, with the walk and the timeline.
  const packMd = await download(page, "download-rnd-evidence-pack-md");
  expect(packMd.name).toBe("large.rnd-evidence-pack.md");
  expect(packMd.text).toContain("### STO-005: Storage firmware was updated recently without change control");
  expect(packMd.text).toContain("Checked: Look for SCSI errors on the hosts and proxies");
  expect(packMd.text).toContain("Purity//FA 6.5.10");
  expect(packMd.text).toContain("## Timeline");
  // Dated the day it is made, as the reviewed bundle is.
  const today = new Date().toISOString().slice(0, 10);
  expect(packMd.text).toContain(`by T. Lead on ${today}, with what is needed`);
  expect(packMd.text).not.toContain("pure-ams2-fa01");
  const pack = JSON.parse((await download(page, "download-rnd-evidence-pack-json")).text);
  expect(pack.anonymised).toBe(true);
  expect(pack.escalations.map((e: { id: string }) => e.id)).toEqual(["STO-005"]);
  expect(pack.escalations[0].case_id).toBe("08234567");
  expect(pack.escalations[0].walks[0].ruled_out).toHaveLength(4);
  // With the names, deliberately.
  await page.getByTestId("documents-with-names").check();
  const named = await download(page, "download-rnd-evidence-pack-md");
  expect(named.name).toBe("large.rnd-evidence-pack.with-names.md");
  expect(named.text).toContain("pure-ams2-fa01");
  await page.getByTestId("documents-with-names").uncheck();
  const packHtml = await download(page, "download-rnd-evidence-pack-html");

  // QA's scope and test plan.
  const qaCsv = csvRows((await download(page, "download-qa-test-plan-csv")).text);
  expect(qaCsv[0]).toEqual(["Title", "Preconditions", "Steps", "Expected result", "Priority", "Component"]);
  const titles = qaCsv.slice(1).map((row) => row[0]);
  expect(titles.slice(0, 2)).toEqual(["STO-005: reproduce as found", "STO-005: the fix holds"]);
  expect(titles.some((title) => /^STO-005 fires \(rule test vector \d+\)$/.test(title))).toBe(true);
  expect(qaCsv.slice(1).every((row) => row[4] === "High" && row[5] === "Storage")).toBe(true);
  const qaMd = await download(page, "download-qa-test-plan-md");
  expect(qaMd.text).toContain("#### Regression risk");
  const qaHtml = await download(page, "download-qa-test-plan-html");

  // Each HTML document as it prints: A4 and Letter.
  const paper = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  for (const [name, html] of [
    ["action-plan", planHtml.text],
    ["rnd-evidence-pack", packHtml.text],
    ["qa-test-plan", qaHtml.text],
  ]) {
    await paper.setContent(html);
    await paper.emulateMedia({ media: "print" });
    await expect(paper.locator("h1")).toBeVisible();
    expect(await paper.locator("script").count()).toBe(0);
    // Nothing wider than the page.
    const overflow = await paper.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} fits the A4 width`).toBeLessThanOrEqual(0);
    await paper.screenshot({ path: testInfo.outputPath(`${name}-a4.png`) });
    for (const format of ["A4", "Letter"] as const) {
      const pdf = await paper.pdf({ format, path: testInfo.outputPath(`${name}-${format.toLowerCase()}.pdf`) });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    }
  }
  await paper.close();
  expect(problems).toEqual([]);
});
