// Journeys through the wizard, through the UI only: a partner answers a whole questionnaire,
// reloads halfway, sees the findings the command-line tool gives for the same answers, and gets
// told about invalid input.
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { intake, watchProblems } from "./support";
import { unzip } from "./zip";

type Answer = {
  value?: unknown;
  dont_know?: boolean;
  not_applicable?: string;
  note?: string;
};
type AnswersFile = {
  schema_version: number;
  answers: Record<string, Answer>;
  groups?: Record<string, { name: string; answers: Record<string, Answer> }[]>;
};
type Question = { id: string; kind: string; questions?: Question[] };
type Section = { id: string; title: string; questions: Question[] };

const sections: Section[] = JSON.parse(intake("questions", "--json")).sections;
const FIXTURE = "tests/fixtures/answers/small-proxmox.json";

async function startDraft(page: Page, name: string) {
  await page.goto("./");
  await page.getByLabel("Name of the new assessment").first().fill(name);
  await page.getByTestId("start").first().click();
  await expect(page.locator("#step-title")).toHaveText(sections[0].title);
}

async function goToSection(page: Page, section: Section) {
  await page.locator(`nav[aria-label="Sections"] li[data-section="${section.id}"] a`).click();
  await expect(page.locator("#step-title")).toHaveText(section.title);
}

/// Gives one answer the way a partner would: clicking, choosing and typing.
async function answer(page: Page, path: string, kind: string, given: Answer) {
  const field = page.locator(`.question[data-path="${path}"]`);
  await expect(field, `${path} is shown`).toBeVisible();
  if (given.dont_know) {
    await field.locator('input[data-role="mode"][value="dont_know"]').check();
  } else if (given.not_applicable !== undefined) {
    await field.locator('input[data-role="mode"][value="not_applicable"]').check();
    await field.locator('[data-role="reason"]').fill(given.not_applicable);
  } else {
    await setValue(field, kind, given.value);
  }
  if (given.note !== undefined) {
    const note = field.locator('[data-role="note"]');
    if (!(await note.isVisible())) {
      await field.locator("details.note > summary").click();
    }
    await note.fill(given.note);
  }
}

async function setValue(field: Locator, kind: string, value: unknown) {
  const input = field.locator('[data-role="value"]');
  switch (kind) {
    case "boolean":
      await input.and(field.locator(`[value="${value}"]`)).check();
      return;
    case "single_choice":
      if ((await field.locator('select[data-role="value"]').count()) > 0) {
        await field.locator("select").selectOption(String(value));
      } else {
        await input.and(field.locator(`[value="${value}"]`)).check();
      }
      return;
    case "reference":
      await field.locator("select").selectOption(String(value));
      return;
    case "multi_choice":
      for (const choice of value as string[]) {
        await input.and(field.locator(`[value="${choice}"]`)).check();
      }
      return;
    case "time_window": {
      const window = value as { start: string; end: string; days: string[] };
      await field.locator('[data-role="start"]').fill(window.start);
      await field.locator('[data-role="end"]').fill(window.end);
      for (const day of window.days) {
        await field.locator(`[data-role="day"][value="${day}"]`).check();
      }
      return;
    }
    default:
      await input.fill(String(value));
  }
}

/// Answers one section from an answers file, adding and naming group items as it goes.
async function answerSection(page: Page, section: Section, file: AnswersFile) {
  await goToSection(page, section);
  for (const question of section.questions) {
    if (question.kind === "group") {
      const items = file.groups?.[question.id] ?? [];
      const group = page.locator(`section.group[data-group="${question.id}"]`);
      for (const [index, item] of items.entries()) {
        await group.locator('button[data-action="add"]').click();
        const name = page.locator(`[id="name-${question.id}[${index}]"]`);
        await expect(name).toBeFocused();
        await name.fill(item.name);
        for (const member of question.questions ?? []) {
          const local = member.id.slice(question.id.length + 1);
          const given = item.answers[local];
          if (given) await answer(page, `${question.id}[${index}].${local}`, member.kind, given);
        }
      }
    } else if (file.answers[question.id]) {
      await answer(page, question.id, question.kind, file.answers[question.id]);
    }
  }
}

/// The findings shown (the panel's by default, or the summary's cards), in order, as the
/// command-line tool's JSON names them.
async function shownFindings(page: Page, where = '[data-testid="findings"] [data-testid="finding"]') {
  return page.locator(where).evaluateAll((items) =>
    items.map((item) => ({
      rule: item.getAttribute("data-rule"),
      severity: item.getAttribute("data-severity"),
      kind: item.getAttribute("data-kind"),
      message: item.querySelector('[data-testid="finding-message"]')?.textContent,
    })),
  );
}

/// An answers file's answers with what carries no meaning made uniform: the order of chosen
/// options (the app lists them in the questionnaire's order) and groups listed with no items. The
/// schema version is left out: the app writes the newest, whatever the fixture's.
function normalized(file: AnswersFile): Omit<AnswersFile, "schema_version"> {
  const answers = (given: Record<string, Answer>) =>
    Object.fromEntries(
      Object.entries(given).map(([id, answer]) => {
        const value = answer.value as { days?: string[] } | string[] | undefined;
        if (Array.isArray(value)) return [id, { ...answer, value: [...value].sort() }];
        if (value && Array.isArray(value.days)) {
          return [id, { ...answer, value: { ...value, days: [...value.days].sort() } }];
        }
        return [id, answer];
      }),
    );
  const groups = Object.fromEntries(
    Object.entries(file.groups ?? {})
      .filter(([, items]) => items.length > 0)
      .map(([id, items]) => [id, items.map((item) => ({ ...item, answers: answers(item.answers) }))]),
  );
  return { answers: answers(file.answers), groups };
}

async function waitUntilSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");
}

test("a partner answers a whole questionnaire through the UI, reloads halfway and loses nothing", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const problems = watchProblems(page);
  const file: AnswersFile = JSON.parse(readFileSync(FIXTURE, "utf8"));
  await startDraft(page, "Noordkaap 2026 review");
  const half = Math.floor(sections.length / 2);
  for (const section of sections.slice(0, half)) {
    await answerSection(page, section, file);
  }

  const progress = await page.getByTestId("progress").textContent();
  await waitUntilSaved(page);
  await page.reload();
  await expect(page.getByTestId("progress")).toHaveText(progress ?? "");
  await expect(page.locator(`[id="in-engagement.partner_name"]`)).toHaveCount(0);
  await goToSection(page, sections[0]);
  await expect(page.locator(`[id="in-engagement.partner_name"]`)).toHaveValue(
    String(file.answers["engagement.partner_name"].value),
  );

  for (const section of sections.slice(half)) {
    await answerSection(page, section, file);
  }
  await page.locator('nav[aria-label="Sections"] .step-summary a').click();
  await expect(page.locator("#step-title")).toContainText("Summary");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export answers (JSON)" }).click();
  const exportedPath = await (await download).path();
  const exported = JSON.parse(readFileSync(exportedPath, "utf8"));
  expect(normalized(exported)).toEqual(normalized(file));
  // The fixture is of answers schema 2; the app writes schema 3.
  expect(exported.schema_version).toBe(3);

  const expected = JSON.parse(intake("assess", exportedPath, "--format", "json")).findings.map(
    (finding: { rule: string; severity: string; kind: string; message: string }) => ({
      rule: finding.rule,
      severity: finding.severity,
      kind: finding.kind,
      message: finding.message,
    }),
  );
  expect(expected.length).toBeGreaterThan(10);
  // The summary's cards and, on a step, the live panel list exactly the CLI's findings, issues
  // first; the counts are the CLI's, issues apart from facts to verify.
  expect(await shownFindings(page, '[data-testid="finding-card"]')).toEqual(expected);
  const cli = JSON.parse(intake("assess", exportedPath, "--format", "json"));
  const issueCount = Object.values(cli.summary.overall.findings as Record<string, number>).reduce((a, b) => a + b, 0);
  await expect(page.getByTestId("issue-count")).toHaveText(String(issueCount));
  await expect(page.getByTestId("issue-cards").locator("> summary")).toHaveText(`Issues (${issueCount})`);
  await expect(page.getByTestId("verify-cards").locator("> summary")).toHaveText(
    `To verify (${cli.summary.overall.needs_verification})`,
  );
  await goToSection(page, sections[0]);
  expect(await shownFindings(page)).toEqual(expected);
  await expect(page.getByTestId("findings").getByTestId("issue-count")).toHaveText(String(issueCount));
  await page.locator('nav[aria-label="Sections"] .step-summary a').click();
  await expect(page.locator("#step-title")).toContainText("Summary");

  // The findings bundle made in the browser is intact for `intake review`, and byte for byte the
  // one `intake bundle` makes from the same answers at the same time.
  const bundleDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download findings bundle (.zip)" }).click();
  const bundle = await bundleDownload;
  expect(bundle.suggestedFilename()).toMatch(/^noordkaap-it-services-b-v-.*-\d{4}-\d{2}-\d{2}\.intake\.zip$/);
  const bundlePath = await bundle.path();
  const review = JSON.parse(intake("review", bundlePath, "--format", "json"));
  expect(review.intact).toBe(true);
  expect(review.rerun.new).toEqual([]);
  expect(review.rerun.resolved).toEqual([]);
  // The partner's report counts what the panel and the CLI count.
  const partnerReport = unzip(readFileSync(bundlePath)).find((entry) => entry.name === "report.html")!;
  const reportText = partnerReport.data.toString("utf8");
  expect(reportText).toContain(`${issueCount} issues`);
  expect(reportText).toContain(`${cli.summary.overall.needs_verification} to verify`);
  const cliBundle = `${bundlePath}.cli.zip`;
  intake("bundle", exportedPath, "--created-at", review.manifest.created_at, "-o", cliBundle);
  expect(readFileSync(bundlePath).equals(readFileSync(cliBundle))).toBe(true);

  // The anonymised bundle: byte for byte `intake bundle --anonymise`, with no customer name in it.
  const anonymousDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download anonymised bundle" }).click();
  const anonymous = await anonymousDownload;
  expect(anonymous.suggestedFilename()).toMatch(/^partner-engagement-\d{4}-\d{2}-\d{2}\.intake\.zip$/);
  const anonymousPath = await anonymous.path();
  const anonymousReview = JSON.parse(intake("review", anonymousPath, "--format", "json"));
  expect(anonymousReview.intact).toBe(true);
  const cliAnonymous = `${anonymousPath}.cli.zip`;
  intake("bundle", exportedPath, "--anonymise", "--created-at", anonymousReview.manifest.created_at, "-o", cliAnonymous);
  expect(readFileSync(anonymousPath).equals(readFileSync(cliAnonymous))).toBe(true);
  for (const entry of unzip(readFileSync(anonymousPath))) {
    expect(entry.data.toString("utf8"), entry.name).not.toContain("Noordkaap");
  }
  expect(problems).toEqual([]);
});

test("invalid input gets the right message, is kept as typed, and clears once fixed", async ({
  page,
}) => {
  await startDraft(page, "Invalid input");
  const network = sections.find((section) => section.id === "network")!;
  await goToSection(page, network);
  await page.locator('section.group[data-group="network.links"] button[data-action="add"]').click();
  const mtu = page.locator('[id="in-network.links[0].mtu_near"]');
  await mtu.fill("90o0");
  const field = page.locator('.question[data-path="network.links[0].mtu_near"]');
  await expect(field.locator(".problem")).toContainText("“90o0” is not a whole number");
  await expect(page.locator(".error-summary")).toContainText("“90o0” is not a whole number");

  await waitUntilSaved(page);
  await page.reload();
  await expect(mtu).toHaveValue("90o0");
  await expect(field.locator(".problem")).toContainText("is not a whole number");

  await mtu.fill("20000");
  await expect(field.locator(".problem")).toContainText("9216");
  await mtu.fill("9000");
  await expect(field.locator(".problem")).toHaveCount(0);
});

test("a new draft shows no finding; an answer that shows a problem shows one issue", async ({ page }) => {
  await startDraft(page, "Blank");
  const panel = page.getByTestId("findings");
  await expect(panel.getByTestId("findings-empty")).toBeVisible();
  await expect(panel.getByTestId("finding")).toHaveCount(0);
  await expect(panel.getByTestId("issue-count")).toHaveText("0");
  await expect(panel.locator('[data-severity="verify"] .count-number')).toHaveText("0");
  await expect(panel.getByTestId("waiting-count")).not.toContainText(/^0 /);
  await page.locator('nav[aria-label="Sections"] li[data-section="platform"] a').click();
  await page.locator('[id="in-platform.vbr_version"]').fill("11.0.1.1261");
  await expect(panel.getByTestId("finding")).toHaveCount(1);
  await expect(panel.getByTestId("finding")).toHaveAttribute("data-kind", "issue");
  await expect(panel.getByTestId("issue-count")).toHaveText("1");
});

test("evidence links jump to the question that triggered the finding, in view and marked", async ({ page }) => {
  await startDraft(page, "Evidence");
  await page.locator('nav[aria-label="Sections"] li[data-section="platform"] a').click();
  await page.locator('[id="in-platform.vbr_version"]').fill("11.0.1.1261");
  await page.locator('nav[aria-label="Sections"] li[data-section="engagement"] a').click();
  const finding = page.getByTestId("findings").getByTestId("finding").first();
  await finding.locator("summary").click();
  const evidence = finding.locator(".evidence a").first();
  await expect(evidence).toHaveText("Veeam Backup & Replication version (full build number)");
  const path = await evidence.getAttribute("data-path");
  await evidence.click();
  const input = page.locator(`[id="q-${path}"] input, [id="q-${path}"] select, [id="q-${path}"] textarea`).first();
  await expect(input).toBeFocused();
  await expect(input).toBeInViewport();
  await expect(page.locator(`[id="q-${path}"]`)).toHaveAttribute("data-arrived", "");
});

test("an incomplete draft can be sent, and its bundle says how complete it is", async ({ page }) => {
  // Started without a name: the draft takes the partner's name once it is typed.
  await startDraft(page, "");
  await page.locator('[id="in-engagement.partner_name"]').fill("Half Done Hosting");
  await page.locator('nav[aria-label="Sections"] li[data-section="network"] a').click();
  await page.locator('section.group[data-group="network.links"] button[data-action="add"]').click();
  await page.keyboard.type("wan");
  await page.locator('[id="in-network.links[0].mtu_near"]').fill("90o0");
  await page.locator('nav[aria-label="Sections"] .step-summary a').click();
  await expect(page.locator("#step-title")).toContainText("Summary: Half Done Hosting");
  const send = page.getByRole("button", { name: "Download findings bundle (.zip)" });
  await expect(send).toBeEnabled();
  // What cannot be read stays out, and the summary says which; every problem links to its question.
  await expect(page.getByTestId("unreadable")).toContainText("MTU");
  await page.getByTestId("problems").locator("summary").click();
  await expect(page.getByTestId("problems").locator("a").first()).toBeVisible();
  const progress = (await page.getByTestId("summary-progress").textContent()) ?? "";
  const [, answered, relevant] = progress.match(/Answered (\d+) of (\d+)/) ?? [];
  const downloading = page.waitForEvent("download");
  await send.click();
  const bundlePath = await (await downloading).path();
  const review = JSON.parse(intake("review", bundlePath, "--format", "json"));
  expect(review.intact).toBe(true);
  const report = unzip(readFileSync(bundlePath)).find((entry) => entry.name === "report.html")!.data.toString("utf8");
  expect(report).toContain(`${answered} of ${relevant}`);
  expect(report).not.toContain("90o0");
  // The summary page's problem links lead to the question.
  await page.getByTestId("unreadable").locator("a").first().click();
  await expect(page.locator('[id="in-network.links[0].mtu_near"]')).toBeFocused();
  await page.goto("./#/drafts");
  const listed = page.getByTestId("draft").first();
  await expect(listed.locator("h3")).toHaveText("Half Done Hosting");
  await expect(listed.getByTestId("draft-meta")).toContainText(/Answered \d+ of \d+ relevant questions/);
});

test("group items can be added, named, duplicated, reordered and removed, with undo", async ({ page }) => {
  await startDraft(page, "Groups");
  const network = sections.find((section) => section.id === "network")!;
  await goToSection(page, network);
  const group = page.locator('section.group[data-group="network.links"]');
  const names = () =>
    group.locator('[data-role="item-name"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  for (const name of ["dc1-dc2", "dc1-isp"]) {
    await group.locator('button[data-action="add"]').click();
    // The new item's name takes focus once drawn: type only then.
    await expect(group.locator('[data-role="item-name"]').last()).toBeFocused();
    await page.keyboard.type(name);
  }
  await page.locator('[id="in-network.links[0].mtu_near"]').fill("9000");
  await group.locator('[data-item="0"] button[data-action="duplicate"]').click();
  await expect.poll(names).toEqual(["dc1-dc2", "dc1-dc2 (copy)", "dc1-isp"]);
  await expect(page.locator('[id="in-network.links[1].mtu_near"]')).toHaveValue("9000");
  await group.locator('[data-item="2"] button[data-action="up"]').click();
  await expect.poll(names).toEqual(["dc1-dc2", "dc1-isp", "dc1-dc2 (copy)"]);
  // Focus follows the moved item, on the same button, in view: it can be moved again at once.
  const movedUp = group.locator('[data-item="1"] button[data-action="up"]');
  await expect(movedUp).toBeFocused();
  await expect(movedUp).toBeInViewport();
  await group.locator('[data-item="0"] button[data-action="remove"]').click();
  await expect.poll(names).toEqual(["dc1-isp", "dc1-dc2 (copy)"]);
  // After Remove, focus is on Undo, which says what was removed.
  await expect(page.getByTestId("undo").getByRole("button", { name: "Undo" })).toBeFocused();
  await expect(page.getByTestId("undo")).toContainText("dc1-dc2");
  // What is typed after a removal survives its undo.
  await page.locator('[id="in-network.links[0].mtu_far"]').fill("1500");
  await page.getByTestId("undo").getByRole("button", { name: "Undo" }).click();
  await expect.poll(names).toEqual(["dc1-dc2", "dc1-isp", "dc1-dc2 (copy)"]);
  await expect(group.locator('[data-item="0"]')).toBeFocused();
  await expect(page.locator('[id="in-network.links[0].mtu_near"]')).toHaveValue("9000");
  await expect(page.locator('[id="in-network.links[1].mtu_far"]')).toHaveValue("1500");
});

test("adding, moving or removing an item draws that item only: the others keep their elements", async ({ page }) => {
  await startDraft(page, "Keyed items");
  const network = sections.find((section) => section.id === "network")!;
  await goToSection(page, network);
  const group = page.locator('section.group[data-group="network.links"]');
  for (const name of ["a", "b", "c"]) {
    await group.locator('button[data-action="add"]').click();
    await page.keyboard.type(name);
  }
  // Marks every item element, and every question of the step outside this group, as it is now.
  await page.evaluate(() => {
    document.querySelectorAll("fieldset.group-item, .question").forEach((element) => {
      (element as HTMLElement).dataset.seen = element.closest("fieldset.group-item")?.querySelector<HTMLInputElement>('[data-role="item-name"]')?.value ?? "outside";
    });
  });
  const seen = () =>
    group.locator("fieldset.group-item").evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.seen ?? "new"));
  const outsideDrawnAgain = () =>
    page.evaluate(() => [...document.querySelectorAll(".question")].filter((q) => !q.closest("fieldset.group-item") && !(q as HTMLElement).dataset.seen).length);

  await group.locator('[data-item="2"] button[data-action="up"]').click();
  expect(await seen()).toEqual(["a", "c", "b"]);
  // The moved item's ids follow its new place.
  await expect(page.locator('[id="name-network.links[1]"]')).toHaveValue("c");
  await group.locator('button[data-action="add"]').click();
  expect(await seen()).toEqual(["a", "c", "b", "new"]);
  await group.locator('[data-item="0"] button[data-action="remove"]').click();
  expect(await seen()).toEqual(["c", "b", "new"]);
  await expect(page.locator('[id="name-network.links[0]"]')).toHaveValue("c");
  await page.locator('[id="in-network.links[0].mtu_near"]').fill("9000");
  await expect(page.locator('[id="in-network.links[0].mtu_near"]')).toHaveValue("9000");
  expect(await outsideDrawnAgain()).toBe(0);
});

test("a cluster's site is picked from the sites listed, follows the site's new name, and its removal says what named it", async ({
  page,
}) => {
  await startDraft(page, "References");
  const bySection = (id: string) => sections.find((section) => section.id === id)!;
  const sites = page.locator('section.group[data-group="sites.sites"]');
  await goToSection(page, bySection("sites"));
  for (const name of ["AMS", "FRA"]) {
    await sites.locator('button[data-action="add"]').click();
    await page.keyboard.type(name);
  }
  await goToSection(page, bySection("compute"));
  const clusters = page.locator('section.group[data-group="compute.clusters"]');
  await clusters.locator('button[data-action="add"]').click();
  await page.keyboard.type("prod-01");
  const site = page.locator('[id="in-compute.clusters[0].site"]');
  const options = () =>
    site.locator("option").evaluateAll((all) => all.map((option) => option.textContent));
  expect(await options()).toEqual(["Choose…", "AMS", "FRA", "Add a new site…"]);
  await site.selectOption("FRA");
  // A site not listed yet is added in place, and picked.
  await clusters.locator('button[data-action="add"]').click();
  await page.keyboard.type("dr-01");
  const drSite = page.locator('[id="in-compute.clusters[1].site"]');
  await drSite.selectOption({ label: "Add a new site…" });
  const newSite = page.getByRole("textbox", { name: "Name of the new site" });
  await expect(newSite).toBeFocused();
  await newSite.fill("PAR");
  await page.getByRole("button", { name: "Add and pick" }).click();
  await expect(drSite).toHaveValue("PAR");
  await expect(drSite).toBeFocused();

  // Renaming the site: once the name is typed and the field left, the cluster names the new one.
  await goToSection(page, bySection("sites"));
  const siteNames = () =>
    sites.locator('[data-role="item-name"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(await siteNames()).toEqual(["AMS", "FRA", "PAR"]);
  const fra = page.locator('[id="name-sites.sites[1]"]');
  await fra.fill("FRA-1");
  await fra.press("Tab");
  await goToSection(page, bySection("compute"));
  await expect(site).toHaveValue("FRA-1");
  expect(await options()).toEqual(["Choose…", "AMS", "FRA-1", "PAR", "Add a new site…"]);

  // Removing it: the undo bar says which answer still names it; the answer is kept, marked.
  await goToSection(page, bySection("sites"));
  await sites.locator('[data-item="1"] button[data-action="remove"]').click();
  await expect(page.getByTestId("undo")).toContainText(
    "Removed site “FRA-1” and its answers. This answer still names it: Cluster “prod-01”: Site.",
  );
  await goToSection(page, bySection("compute"));
  await expect(site).toHaveValue("FRA-1");
  await expect(site.locator("option:checked")).toHaveText("“FRA-1” (not listed)");
  await expect(page.locator('[id="problems-compute.clusters[0].site"]')).toContainText(
    "“FRA-1” is not one of the sites listed in Sites and datacentres (“AMS” and “PAR”)",
  );
});

test("a new item's problems wait until its name field is left", async ({ page }) => {
  await startDraft(page, "Waiting problems");
  const network = sections.find((section) => section.id === "network")!;
  await goToSection(page, network);
  // Leaving the step shows all its problems from then on...
  await goToSection(page, sections[0]);
  await goToSection(page, network);
  const group = page.locator('section.group[data-group="network.links"]');
  await group.locator('button[data-action="add"]').click();
  const item = group.locator('[data-item="0"]');
  await expect(page.locator('[id="name-network.links[0]"]')).toBeFocused();
  // ...but not for an item just added: nothing is wrong with it yet.
  await expect(item.locator(".problem")).toHaveCount(0);
  await page.keyboard.press("Tab");
  await expect(item.locator(".problem").first()).toContainText("give this link a name");
});

test("drafts can be renamed, exported, imported and deleted, and all data removed", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles(FIXTURE);
  await expect(page.getByTestId("drafts-message")).toContainText("Imported");
  const draft = page.getByTestId("draft").first();
  await expect(draft.locator("h3")).toContainText("Noordkaap");
  await draft.getByLabel("Rename").fill("Renamed review");
  await draft.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByTestId("draft").first().locator("h3")).toHaveText("Renamed review");

  await page.getByTestId("import").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"schema_version": 99, "answers": {}}'),
  });
  await expect(page.getByTestId("drafts-message")).toContainText("newer version");

  await page.getByTestId("delete-all").click();
  await expect(page.getByTestId("no-drafts")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("no-drafts")).toBeVisible();
});

test("when storage is full the app says so, keeps working and offers export", async ({ page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await startDraft(page, "Full disk");
  await expect(page.getByTestId("storage-warning")).toContainText("storage is full");
  await expect(page.getByTestId("storage-warning").getByRole("button", { name: "Export this draft" })).toBeVisible();
  await page.locator('[id="in-engagement.partner_name"]').fill("Still works");
  await expect(page.locator('[id="in-engagement.partner_name"]')).toHaveValue("Still works");
});

test("when the browser refuses storage the app says so and keeps working in memory", async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException("The user denied permission to access the database.", "SecurityError");
    };
  });
  await startDraft(page, "Private window");
  await expect(page.getByTestId("storage-warning")).toContainText("does not let the app save drafts");
  await expect(page.getByTestId("save-status")).toHaveText("Not saved: storage unavailable");
  await page.locator('[id="in-engagement.partner_name"]').fill("In memory");
  await page.locator('nav[aria-label="Sections"] li[data-section="platform"] a').click();
  await page.locator('nav[aria-label="Sections"] li[data-section="engagement"] a').click();
  await expect(page.locator('[id="in-engagement.partner_name"]')).toHaveValue("In memory");
});

test("the summary prints without the navigation, the panel and the buttons", async ({ page }) => {
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles(FIXTURE);
  await page.getByTestId("draft").first().getByRole("link", { name: "Open" }).click();
  await page.locator('nav[aria-label="Sections"] .step-summary a').click();
  await expect(page.getByTestId("overview")).toBeVisible();
  // Printing unfolds what the screen folds away (the browser says so with "beforeprint").
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  await expect(page.locator('nav[aria-label="Sections"]')).toBeHidden();
  await expect(page.getByTestId("findings")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByTestId("finding-card").first()).toBeVisible();
  await expect(page.locator(".answer-section").first()).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});
