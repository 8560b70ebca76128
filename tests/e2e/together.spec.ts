// Several people, over time, across partners, in the app: a colleague's draft merged into the
// partner's with a conflict to decide, undone and applied again; milestones named before and
// after the merge and compared, with the trend over them; and a portfolio of bundles dropped on
// a page, counted as `intake portfolio` counts them.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { intake, scratchFolder, watchProblems } from "./support";

const FIXTURE = "tests/fixtures/answers/large-provider.json";

/** Imports an answers file or draft as a new draft and opens its summary; returns its URL. */
async function importAndOpenSummary(page: Page, file: string): Promise<string> {
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles(file);
  await expect(page.getByTestId("drafts-message")).toContainText("Imported");
  await page.getByTestId("draft").first().getByRole("link", { name: "Open" }).click();
  await page.locator('nav[aria-label="Sections"] .step-summary a').click();
  await expect(page.locator("#step-title")).toContainText("Summary");
  return page.url();
}

/** The open draft's answers, as "Export answers (JSON)" downloads them. */
async function exportedAnswers(page: Page) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export answers (JSON)" }).click();
  return JSON.parse(readFileSync(await (await downloading).path(), "utf8"));
}

test("a colleague's draft merges in with a conflict decided, and milestones compare before and after", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  const dir = scratchFolder("together");

  // The partner's draft: who answers, and a milestone before anything is merged.
  const mine = await importAndOpenSummary(page, FIXTURE);
  await page.getByTestId("answered-by").fill("Eva de Vries, platform team");
  await page.getByTestId("milestone-name").fill("before the network team");
  await page.getByTestId("milestone-save").click();
  await expect(page.getByTestId("milestone-list")).toContainText("before the network team");
  await expect(page.getByTestId("milestone-list")).toContainText("answered by Eva de Vries, platform team");
  await page.getByTestId("milestone-name").fill("Before the network team");
  await page.getByTestId("milestone-save").click();
  await expect(page.getByTestId("milestone-error")).toContainText("already");

  // The network team's part: handed out, one link's far end corrected, a link added, one renamed.
  const handOut = page.getByTestId("hand-out");
  await handOut.locator("summary").click();
  await handOut.getByTestId("hand-out-network").check();
  const downloading = page.waitForEvent("download");
  await handOut.getByTestId("hand-out-download").click();
  const part = JSON.parse(readFileSync(await (await downloading).path(), "utf8"));
  const links = part.groups["network.links"];
  expect(links[3].name).toBe("AMS1-FRA1 L2 B");
  expect(links[3].answers.mtu_far.value).toBe(1500);
  links[3].answers.mtu_far = { value: 9000 };
  links.push({ name: "AMS1-LON1", answers: { mtu_near: { value: 1500 }, mtu_far: { value: 1500 } } });
  const handed = join(dir, "network.answers.json");
  writeFileSync(handed, JSON.stringify(part));

  // The colleague opens it, says who they are, and sends back their draft.
  await importAndOpenSummary(page, handed);
  await page.getByTestId("answered-by").fill("Jan Peeters, network team");
  await page.goto("./#/drafts");
  const exporting = page.waitForEvent("download");
  await page.getByTestId("draft").first().getByRole("button", { name: /^Export/ }).click();
  const theirs = join(dir, "network.draft.json");
  writeFileSync(theirs, readFileSync(await (await exporting).path()));
  expect(JSON.parse(readFileSync(theirs, "utf8")).answered_by).toBe("Jan Peeters, network team");

  // The partner merges it: yours next to theirs, with who gave each.
  await page.goto(mine);
  await page.getByTestId("merge-link").click();
  await page.getByTestId("merge-file").setInputFiles(theirs);
  const plan = page.getByTestId("merge-plan");
  await expect(page.getByTestId("merge-mine")).toContainText("Eva de Vries, platform team");
  await expect(page.getByTestId("merge-theirs")).toContainText("Jan Peeters, network team");
  await expect(page.getByTestId("merge-theirs")).toContainText("network.draft.json");
  await expect(page.getByTestId("merge-summary")).toContainText("1 new item, 1 where you disagree");
  const conflict = plan.getByTestId("merge-row").filter({ hasText: "Different answers" });
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText("AMS1-FRA1 L2 B");
  await expect(conflict).toContainText("Yours: 1500 bytes");
  await expect(conflict).toContainText("Theirs: 9000 bytes");
  // A conflict keeps yours unless you take theirs; the new link is taken.
  await expect(conflict.locator("input")).not.toBeChecked();
  const added = plan.getByTestId("merge-row").filter({ hasText: "New item" });
  await expect(added).toContainText("AMS1-LON1");
  await expect(added.locator("input")).toBeChecked();
  await expect(page.getByTestId("merge-apply")).toHaveText("Take 1 of 2 into the draft");
  // The new link is offered as a pairing a person can change.
  await expect(plan.getByTestId("merge-pairing")).toContainText("AMS1-LON1");
  await page.screenshot({ path: testInfo.outputPath("merge.png"), fullPage: true });

  await page.getByTestId("merge-apply").click();
  await expect(page.getByTestId("merge-said")).toContainText("Took 1 answer");
  // What was not taken stays: the conflict is still listed, now alone.
  await expect(page.getByTestId("merge-summary")).toContainText("0 new items, 1 where you disagree");
  await conflict.locator("input").check();
  await page.getByTestId("merge-apply").click();
  await expect(page.getByTestId("merge-said")).toContainText("Took 1 answer");
  await expect(page.getByTestId("merge-summary")).toContainText("add nothing");
  // Undo the last: the conflict is back, and so is the draft's answer.
  await page.getByTestId("merge-undo").click();
  await expect(page.getByTestId("merge-said")).toContainText("Undone");
  await expect(page.getByTestId("merge-summary")).toContainText("1 where you disagree");
  await conflict.locator("input").check();
  await page.getByTestId("merge-apply").click();
  await expect(page.getByTestId("merge-summary")).toContainText("add nothing");
  await page.getByTestId("merge-close").click();

  const merged = await exportedAnswers(page);
  const mergedLinks = merged.groups["network.links"];
  expect(mergedLinks[3].answers.mtu_far.value).toBe(9000);
  expect(mergedLinks.map((link: { name: string }) => link.name)).toContain("AMS1-LON1");

  // A milestone after the merge, compared with the one before: the mismatch on that link is
  // fixed by the answer that changed, and the trend has both milestones and the draft now.
  await page.getByTestId("milestone-name").fill("after the network team");
  await page.getByTestId("milestone-save").click();
  await expect(page.getByTestId("milestone-list").locator("li")).toHaveCount(2);
  await page.getByTestId("compare-before").selectOption({ label: "before the network team" });
  await page.getByTestId("compare-after").selectOption({ label: "after the network team" });
  await page.getByTestId("compare-run").click();
  const comparison = page.getByTestId("comparison");
  await expect(comparison.getByTestId("trend-point")).toHaveCount(3);
  await expect(comparison.getByTestId("comparison-summary")).toContainText("fixed");
  await expect(comparison.getByTestId("compare-fixed")).toContainText("MTU differs between the two ends of a link");
  await expect(comparison.getByTestId("compare-fixed")).toContainText(
    "Link “AMS1-FRA1 L2 B”: MTU at the far (to) end: 1500 bytes → 9000 bytes",
  );
  await comparison.screenshot({ path: testInfo.outputPath("comparison.png") });

  // The same comparison as `intake compare` makes it from the two sets of answers.
  const before = join(dir, "before.json");
  const after = join(dir, "after.json");
  writeFileSync(before, readFileSync(FIXTURE));
  writeFileSync(after, JSON.stringify(merged));
  const cli = JSON.parse(intake("compare", before, after, "--format", "json"));
  const summary = `${cli.fixed.length} fixed, ${cli.new.length} new, ${cli.rerated.length} re-rated, ${cli.still_open.length} still open`;
  await expect(comparison.getByTestId("comparison-summary")).toContainText(summary);

  // The milestones go with the draft when it is exported.
  await page.goto("./#/drafts");
  const kept = page.waitForEvent("download");
  const id = new URL(mine).hash.split("/")[2];
  await page
    .getByTestId("draft")
    .filter({ has: page.locator(`a[href*="/d/${id}/"]`) })
    .getByRole("button", { name: /^Export/ })
    .click();
  const draft = JSON.parse(readFileSync(await (await kept).path(), "utf8"));
  expect(draft.milestones.map((m: { name: string }) => m.name)).toEqual([
    "before the network team",
    "after the network team",
  ]);
  expect(draft.answered_by).toBe("Eva de Vries, platform team");
  expect(problems).toEqual([]);
});

test("bundles dropped on the portfolio page are counted as intake portfolio counts them", async ({ page }, testInfo) => {
  const problems = watchProblems(page);
  const dir = scratchFolder("portfolio");
  const broken = join(dir, "broken.intake.zip");
  writeFileSync(broken, "not a zip at all");
  const bundles = [
    "tests/fixtures/bundles/v1/partial-reviewed.intake.zip",
    "tests/fixtures/bundles/v1/small-proxmox.intake.zip",
    "tests/fixtures/bundles/v2/confirmed-reviewed.intake.zip",
    "tests/fixtures/bundles/v2/walked.intake.zip",
    "tests/fixtures/bundles/v3/exports.intake.zip",
    "tests/fixtures/bundles/v3/planned-reviewed.intake.zip",
  ];
  const expected = JSON.parse(intake("portfolio", ...bundles, broken, "--format", "json"));

  await page.goto("./#/review");
  await page.getByTestId("portfolio-link").click();
  await expect(page.locator("#portfolio-title")).toHaveText("Patterns across partners");
  await page.getByTestId("portfolio-files").setInputFiles([...bundles, broken]);
  await expect(page.getByTestId("portfolio-headline")).toContainText(
    `${expected.bundles_read} bundles read, ${expected.partners} partners counted`,
  );
  await expect(page.getByTestId("portfolio-headline")).toContainText("1 file could not be read");
  await expect(page.getByTestId("portfolio-unreadable")).toContainText("broken.intake.zip");
  await expect(page.getByTestId("portfolio-rules").locator("tbody tr")).toHaveCount(expected.rules.length);
  await page.screenshot({ path: testInfo.outputPath("portfolio.png"), fullPage: true });

  // The JSON download counts every rule as the command-line tool does.
  const downloading = page.waitForEvent("download");
  await page.getByTestId("portfolio-download-json").click();
  const report = JSON.parse(readFileSync(await (await downloading).path(), "utf8"));
  expect(report.rules).toEqual(expected.rules);
  expect(report.unknown).toEqual(expected.unknown);
  expect(report.partner_names).toEqual([]);
  const html = page.waitForEvent("download");
  await page.getByTestId("portfolio-download-html").click();
  expect(readFileSync(await (await html).path(), "utf8")).toContain("<svg");
  expect(problems).toEqual([]);
});

test("a bundle under review is compared with the partner's earlier one as intake compare does", async ({ page }) => {
  const problems = watchProblems(page);
  const earlier = "tests/fixtures/bundles/v2/walked.intake.zip";
  const later = "tests/fixtures/bundles/v3/planned-reviewed.intake.zip";
  const cli = JSON.parse(intake("compare", earlier, later, "--format", "json"));
  const summary = `${cli.fixed.length} fixed, ${cli.new.length} new, ${cli.rerated.length} re-rated, ${cli.still_open.length} still open; ${cli.answers_changed.length} answers changed`;

  await page.goto("./#/review");
  await page.locator("#bundle-file").setInputFiles(later);
  await expect(page.getByTestId("bundle-name")).toHaveText("planned-reviewed.intake.zip");
  await page.getByTestId("compare-file").setInputFiles(earlier);
  const comparison = page.getByTestId("comparison");
  await expect(comparison.getByTestId("comparison-summary")).toHaveText(summary);
  await expect(comparison.getByTestId("trend-point")).toHaveCount(2);
  await expect(comparison.getByTestId("compare-fixed").locator("li.compared")).toHaveCount(cli.fixed.length);

  // Something that is not an assessment is refused with the reason, and the review stays.
  await page.getByTestId("compare-file").setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("not an assessment"),
  });
  await expect(page.getByTestId("compare-error")).toContainText("notes.txt cannot be compared");
  await expect(page.getByTestId("bundle-name")).toHaveText("planned-reviewed.intake.zip");
  expect(problems).toEqual([]);
});
