import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { intake, watchProblems } from "./support";
import { unzip } from "./zip";

// Playbooks on the rule catalogue: a rule's decision tree drawn as a flowchart with its steps,
// and the symptoms partners call about, each with its own tree. The later module draws them.
// Walks: from a finding or a symptom, the outcome the answers tell picked to confirm, kept with
// the draft, in the findings bundle, and in review mode.

test("a rule's playbook opens as a flowchart and its steps, and a step link stays on the page", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./#/rules");
  const card = page.locator("#rule-NET-001");
  await card.getByText("Troubleshooting playbook", { exact: false }).click();

  const chart = card.getByTestId("flowchart").getByRole("img");
  await expect(chart).toHaveAttribute("aria-label", /Flowchart of the playbook for NET-001: \d+ steps/);
  const steps = card.getByTestId("playbook-step");
  const count = await steps.count();
  expect(count).toBeGreaterThanOrEqual(4);
  // A box per step, a dashed box per other playbook it leads into, a rounded one per conclusion.
  await expect(card.locator(".node-step")).toHaveCount(count);
  expect(await card.locator(".node-end").count()).toBeGreaterThan(0);
  expect(await card.locator(".edge").count()).toBeGreaterThan(count);

  // The first step, its command in code, and its outcomes, one leading to another step.
  await expect(steps.first().getByRole("heading", { level: 4 })).toHaveText("Confirm the job connects, then stalls");
  const ping = steps.filter({
    has: page.getByRole("heading", { level: 4, name: "Ping the far end without fragmentation" }),
  });
  await expect(ping.locator("code", { hasText: "ping -M do -s 8972" }).first()).toBeVisible();
  const link = card.getByRole("link", { name: /^step \d+: Ping the far end without fragmentation$/ }).first();
  await link.click();
  await expect(page).toHaveURL(/#\/rules$/);
  await expect(ping.getByRole("heading", { level: 4 })).toBeInViewport();
  expect(problems).toEqual([]);
});

test("the symptoms open into their own playbooks, which lead into the rules'", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./#/rules");
  await page.getByText("Symptoms and their playbooks").click();
  const symptoms = page.getByTestId("symptom");
  await expect(symptoms.first()).toBeVisible();
  expect(await symptoms.count()).toBeGreaterThanOrEqual(15);
  const stalls = symptoms.filter({ hasText: "Replication to the DR site stalls" });
  await stalls.locator("summary").click();
  await expect(stalls.getByTestId("flowchart").getByRole("img")).toBeVisible();
  await expect(stalls.locator(".node-jump").first()).toBeVisible();
  await expect(stalls.getByText(/Go on with the playbook of NET-001/).first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("on a phone the flowchart keeps its text size and scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("./#/rules");
  const card = page.locator("#rule-CRT-002");
  await card.getByText("Troubleshooting playbook", { exact: false }).click();
  const frame = card.getByTestId("flowchart");
  await expect(frame.getByRole("img")).toBeVisible();
  const sizes = await frame.evaluate((element) => ({
    frame: element.clientWidth,
    chart: element.scrollWidth,
    text: parseFloat(getComputedStyle(element.querySelector(".node text") as Element).fontSize),
    page: document.documentElement.scrollWidth,
  }));
  expect(sizes.text).toBeGreaterThanOrEqual(12);
  expect(sizes.chart).toBeGreaterThan(sizes.frame);
  // The page itself does not scroll sideways: only the flowchart's frame does.
  expect(sizes.page).toBeLessThanOrEqual(390);
});

test("a finding's playbook is walked step by step, kept through a reload, and ends in its conclusion", async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles("tests/fixtures/answers/large-provider.json");
  await page.getByTestId("drafts-message").waitFor();
  const id = await page.getByTestId("draft").first().getAttribute("data-draft");
  await page.goto(`./#/d/${id}/network`);
  const finding = page.getByTestId("findings").locator("li", { hasText: "NET-001" }).first();
  await finding.locator("summary").first().click();
  await finding.getByTestId("walk-playbook").click();
  await expect(page).toHaveURL(new RegExp(`#/d/${id}/-walk/NET-001$`));

  const walk = page.getByTestId("walk");
  await expect(walk.getByRole("heading", { level: 1 })).toHaveText(/^Playbook for NET-001: /);
  const title = page.locator("#walk-step-title");
  await expect(title).toHaveText("Confirm the job connects, then stalls");
  // Next without a choice says what is missing.
  await page.getByTestId("walk-next").click();
  await expect(walk.getByRole("alert")).toHaveText("Choose what you found first.");
  await walk.getByRole("radio", { name: /^It connects, moves a little data/ }).check();
  await page.getByTestId("walk-next").click();
  await expect(title).toHaveText("Compare the MTU at both ends");
  await expect(title).toBeFocused();
  // Verify, don't assume: the step shows what the draft's answers say, item by item.
  await expect(page.getByTestId("walk-told")).toContainText(
    "Link “AMS1-AMS2 dark fibre A”: MTU at the near (from) end: 9000 bytes",
  );
  await walk.getByRole("radio", { name: /^The ends differ/ }).check();
  // A note does not undo the choice.
  await page.getByTestId("walk-note").fill("9000 near, 1500 far");
  await expect(walk.getByRole("radio", { name: /^The ends differ/ })).toBeChecked();
  await page.getByTestId("walk-next").click();
  await expect(title).toHaveText("Ping the far end without fragmentation");
  await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");

  await page.reload();
  await expect(title).toHaveText("Ping the far end without fragmentation");
  const path = page.getByTestId("walk-path");
  await expect(path.getByRole("listitem")).toHaveCount(2);
  await expect(path).toContainText("Compare the MTU at both ends: The ends differ");
  await expect(path).toContainText("(9000 near, 1500 far)");

  await page.getByTestId("walk-back").click();
  await expect(title).toHaveText("Compare the MTU at both ends");
  await walk.getByRole("radio", { name: /^The ends differ/ }).check();
  await page.getByTestId("walk-next").click();
  await walk.getByRole("radio", { name: "Full-size pings pass in both directions" }).check();
  await page.getByTestId("walk-next").click();
  const end = page.getByTestId("walk-end");
  await expect(end).toContainText("Cause: The path carries full-size packets both ways");
  await expect(end).toContainText("Fix: Correct the MTU answers for this link.");
  await expect(page.getByTestId("walk-next")).toHaveCount(0);

  await page.getByTestId("walk-restart").click();
  await expect(title).toHaveText("Confirm the job connects, then stalls");
  await expect(page.getByTestId("walk-path")).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("'What is failing?' in a draft starts a symptom's walk, which leads into a rule's playbook", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await page.getByLabel("Name of the new assessment").fill("Troubleshooting");
  await page.getByTestId("start").click();
  await page.getByTestId("what-is-failing").click();
  await expect(page).toHaveURL(/#\/d\/[^/]+\/-walk$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is failing?");
  const choices = page.getByTestId("symptom-choices").getByRole("link");
  expect(await choices.count()).toBeGreaterThanOrEqual(15);
  await choices.filter({ hasText: "Replication to the DR site stalls" }).click();
  await expect(page).toHaveURL(/-walk\/SYM-001$/);
  const walk = page.getByTestId("walk");
  await expect(walk.getByRole("heading", { level: 1 })).toHaveText("Playbook: Replication to the DR site stalls");
  // The walk replaces the list it was picked from.
  await expect(page.locator("main h1")).toHaveCount(1);
  // Walk on, always taking the first outcome, until the walk enters a rule's playbook or ends.
  for (let step = 0; step < 12; step++) {
    if ((await page.getByTestId("walk-end").count()) > 0) break;
    if ((await walk.getByText(/in the playbook for [A-Z]+-\d{3}/).count()) > 0) break;
    await walk.getByTestId("walk-step").getByRole("radio").first().check();
    await page.getByTestId("walk-next").click();
  }
  await expect(walk.getByText(/in the playbook for [A-Z]+-\d{3}/).or(page.getByTestId("walk-end"))).toBeVisible();
  await page.reload();
  await expect(walk.getByTestId("walk-path").getByRole("listitem").first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("'What is failing?' on the landing page starts a draft at the symptoms", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  const card = page.getByTestId("what-is-failing");
  await expect(card.getByRole("heading", { level: 3 })).toHaveText("What is failing?");
  await card.getByRole("button", { name: "Start from a symptom" }).click();
  await expect(page).toHaveURL(/#\/d\/[^/]+\/-walk$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is failing?");
  await page.getByTestId("symptom-choices").getByRole("link", { name: "Tenants get TLS or certificate errors" }).click();
  await expect(page.locator("#walk-step-title")).toBeVisible();
  await page.goto("./#/drafts");
  await expect(page.getByTestId("draft").filter({ hasText: "Troubleshooting" })).toHaveCount(1);
  expect(problems).toEqual([]);
});

/** Imports an answers fixture as a draft and returns its id. */
async function importDraft(page: Page, fixture: string): Promise<string> {
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles(`tests/fixtures/answers/${fixture}.json`);
  await page.getByTestId("drafts-message").waitFor();
  const id = await page.getByTestId("draft").first().getAttribute("data-draft");
  expect(id).toBeTruthy();
  return id!;
}

test("a symptom's walk starts with the outcome the answers tell picked, and the person confirms it", async ({
  page,
}) => {
  const problems = watchProblems(page);
  // The AWS provider answered that no SureBackup or other restore verification is in use.
  const id = await importDraft(page, "aws-eks");
  await page.goto(`./#/d/${id}/-walk`);
  await page.getByTestId("symptom-choices").getByRole("link", { name: "SureBackup or restore tests fail" }).click();
  const walk = page.getByTestId("walk");
  await expect(page.locator("#walk-step-title")).toHaveText("Find the stage that fails");
  const suggested = page.getByTestId("walk-suggested");
  await expect(suggested).toContainText("Your answers point to “There is no SureBackup job, or it has not run for months”");
  await expect(suggested).toContainText("Is SureBackup or another automated restore verification in use?: No");
  const outcome = walk.getByRole("radio", { name: /^There is no SureBackup job/ });
  await expect(outcome).toBeChecked();
  const next = page.getByTestId("walk-next");
  await expect(next).toHaveText("Confirm and go on");
  // Choosing another outcome is "Next"; coming back to the suggested one confirms it again.
  await walk.getByRole("radio", { name: /^The virtual lab or its proxy appliance/ }).check();
  await expect(next).toHaveText("Next");
  await outcome.check();
  await expect(next).toHaveText("Confirm and go on");
  await next.click();
  const path = page.getByTestId("walk-path");
  await expect(path).toContainText(
    "Find the stage that fails: There is no SureBackup job, or it has not run for months — confirms what your answers said",
  );
  await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");
  await page.reload();
  await expect(path).toContainText("— confirms what your answers said");
  // A blank draft suggests nothing: the same step has no outcome picked.
  await page.goto("./");
  await page.getByLabel("Name of the new assessment").fill("Blank");
  await page.getByTestId("start").click();
  await page.getByTestId("what-is-failing").click();
  await page.getByTestId("symptom-choices").getByRole("link", { name: "SureBackup or restore tests fail" }).click();
  await expect(page.locator("#walk-step-title")).toHaveText("Find the stage that fails");
  await expect(page.getByTestId("walk-suggested")).toHaveCount(0);
  await expect(walk.getByRole("radio", { checked: true })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("the walks go into the findings bundle; review mode shows them and the tech lead walks too", async ({ page }) => {
  const problems = watchProblems(page);
  const id = await importDraft(page, "vmware-netapp-cisco");
  await page.goto(`./#/d/${id}/-walk/NET-001`);
  const walk = page.getByTestId("walk");
  const title = page.locator("#walk-step-title");
  await walk.getByRole("radio", { name: /^It connects, moves a little data/ }).check();
  await page.getByTestId("walk-next").click();
  await expect(title).toHaveText("Compare the MTU at both ends");
  // The replication link's ends differ in the answers: that outcome is picked, to confirm.
  await expect(page.getByTestId("walk-suggested")).toContainText(
    "Link “AMS1-EHV1 replication”: MTU at the far (to) end: 1500 bytes",
  );
  await page.getByTestId("walk-note").fill("ip link on the EHV1 repository: mtu 1500");
  await page.getByTestId("walk-next").click();
  await expect(title).toHaveText("Ping the far end without fragmentation");
  await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");

  await page.goto(`./#/d/${id}/-summary`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download findings bundle (.zip)" }).click();
  const bundlePath = await (await downloading).path();
  const entries = unzip(readFileSync(bundlePath));
  const walks = JSON.parse(entries.find((e) => e.name === "walks.json")!.data.toString("utf8"));
  expect(walks.walks_schema_version).toBe(1);
  expect(walks.walks.map((w: { playbook: string }) => w.playbook)).toEqual(["NET-001"]);
  const ends = walks.walks[0].steps[1];
  expect(ends.found).toBe(ends.suggested.found);
  expect(ends.note).toBe("ip link on the EHV1 repository: mtu 1500");
  const report = entries.find((e) => e.name === "report.md")!.data.toString("utf8");
  expect(report).toContain("## Playbooks walked");
  expect(report).toContain("Confirms what the answers said: Link “AMS1-EHV1 replication”");
  const cli = JSON.parse(intake("review", bundlePath, "--format", "json"));
  expect(cli.intact).toBe(true);
  expect(cli.walks).toEqual(walks.walks);

  // Review mode: the partner's walk as the path taken, and a walk of the tech lead's own.
  await page.goto("./");
  await page.getByTestId("open-bundle").getByRole("link").click();
  await page.locator("#bundle-file").setInputFiles(bundlePath);
  const section = page.getByTestId("review-walks");
  const partner = section.getByTestId("partner-walk");
  await expect(partner.locator("summary")).toHaveText("NET-001: MTU differs between the two ends of a link (not finished)");
  await partner.locator("summary").click();
  await expect(partner.getByTestId("walk-record")).toContainText(
    "Compare the MTU at both ends: The ends differ (for example 9000 at one end, 1500 at the other) (confirms what the partner's answers said)",
  );
  await expect(partner.getByTestId("walk-record")).toContainText("Note: ip link on the EHV1 repository: mtu 1500");
  await section.getByTestId("review-walk-choice").selectOption("NET-001");
  await section.getByTestId("review-walk-start").click();
  await expect(section.getByRole("heading", { level: 3, name: /^Playbook for NET-001/ })).toBeVisible();
  await section.getByRole("radio", { name: /^It connects, moves a little data/ }).check();
  await page.getByTestId("walk-next").click();
  await expect(page.locator("#walk-step-title")).toHaveText("Compare the MTU at both ends");
  // The tech lead reads the partner's answers: the same outcome is picked, said to be theirs.
  await expect(section.getByTestId("walk-suggested")).toContainText("The partner's answers point to “The ends differ");
  await expect(section.getByRole("radio", { name: /^The ends differ/ })).toBeChecked();
  await page.getByTestId("walk-next").click();
  await section.getByRole("radio", { name: "Full-size pings pass in both directions" }).check();
  await page.getByTestId("walk-next").click();
  await expect(page.getByTestId("walk-end")).toBeVisible();
  await expect(section.getByTestId("review-own-walks")).toContainText("NET-001: MTU differs between the two ends of a link (ended in a conclusion)");
  // A finding under triage starts its own playbook's walk.
  const finding = page.getByTestId("review-finding").first();
  const rule = await finding.getAttribute("data-rule");
  await finding.locator(".finding-details > summary").click();
  await finding.getByTestId("review-walk-finding").click();
  await expect(section.getByRole("heading", { level: 3, name: new RegExp(`^Playbook for ${rule}: `) })).toBeFocused();

  await page.getByLabel("Reviewer", { exact: true }).fill("T. Lead");
  const exporting = page.waitForEvent("download");
  await page.getByTestId("export-review").click();
  const reviewedPath = await (await exporting).path();
  const reviewed = JSON.parse(intake("review", reviewedPath, "--format", "json"));
  expect(reviewed.intact).toBe(true);
  expect(Object.keys(reviewed.review.walks)).toEqual(["NET-001"]);
  expect(reviewed.review.walks["NET-001"].steps).toHaveLength(3);
  const reviewReport = unzip(readFileSync(reviewedPath))
    .find((e) => e.name === "review-report.md")!
    .data.toString("utf8");
  expect(reviewReport).toContain("## Playbooks walked in review");
  expect(reviewReport).toContain("Ping the far end without fragmentation: **Full-size pings pass in both directions**");
  expect(problems).toEqual([]);
});
