// Review mode: a tech lead opens a partner's bundle, checks it, triages the findings, and exports
// the reviewed bundle, which `intake review` reads back. Bad files get their reason and leave the
// page usable.
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { intake, scratch, watchProblems } from "./support";
import { unzip, zip } from "./zip";

const FIXTURE = "tests/fixtures/answers/small-proxmox.json";
const CREATED = "2026-11-02T14:05:00Z";

/** A bundle of the small-Proxmox fixture made by `intake bundle`, and its path. */
function partnerBundle(): { path: string; bytes: Buffer } {
  const path = scratch("noordkaap.intake.zip");
  intake("bundle", FIXTURE, "--created-at", CREATED, "-o", path);
  return { path, bytes: readFileSync(path) };
}

/** Writes `bytes` to a temporary file named `name` and returns its path. */
function temporary(name: string, bytes: Buffer): string {
  const path = scratch(name);
  writeFileSync(path, bytes);
  return path;
}

async function openReview(page: Page) {
  await page.goto("./");
  await page.getByTestId("open-bundle").getByRole("link").click();
  await expect(page.locator("#open-title")).toHaveText("Review a findings bundle");
}

async function pick(page: Page, path: string) {
  await page.locator("#bundle-file").setInputFiles(path);
}

test("a tech lead triages a partner's bundle, resumes after a reload and exports it for intake review", async ({
  page,
}) => {
  // A long journey: triage, a reload, an export and the export reopened.
  test.slow();
  const problems = watchProblems(page);
  const { path } = partnerBundle();
  const cli = JSON.parse(intake("review", path, "--format", "json"));
  await openReview(page);
  await pick(page, path);

  await expect(page.locator("#review-title")).toContainText("Noordkaap IT Services B.V.");
  await expect(page.getByTestId("integrity")).toHaveText("Integrity: every file matches the bundle's manifest.");
  const findings = page.getByTestId("review-finding");
  const expectedRules = JSON.parse(intake("assess", FIXTURE, "--format", "json")).findings.map(
    (f: { rule: string }) => f.rule,
  );
  await expect(findings).toHaveCount(expectedRules.length);
  expect(await findings.evaluateAll((items) => items.map((i) => i.getAttribute("data-rule")))).toEqual(
    expectedRules,
  );
  expect(cli.rerun.unchanged).toBe(expectedRules.length);
  await expect(page.getByTestId("rerun")).toContainText(`the same ${expectedRules.length} findings as the bundle`);
  // The answers are shown by section.
  await page.getByTestId("review-answers").locator("summary").click();
  await expect(page.locator('.answer-section[data-section="engagement"]')).toContainText("Noordkaap IT Services B.V.");

  await page.getByLabel("Reviewer", { exact: true }).fill("T. Lead");
  await page.getByLabel("Overall note").fill("Call the partner about the WAN link.");
  await findings.nth(0).getByLabel("Confirmed").check();
  await findings.nth(0).locator(".triage-note summary").click();
  await findings.nth(0).getByLabel("Reviewer's note").fill("Seen on the call.");
  await findings.nth(1).getByLabel("Dismissed").check();
  // A missing reason is not an error the moment "Dismissed" is picked; trying to export shows it,
  // on the field and in the list of what to finish, and makes no file.
  await expect(findings.nth(1).locator(".problem")).toHaveText("");
  const exportButton = page.getByTestId("export-review");
  await exportButton.click();
  await expect(page.getByTestId("review-problems")).toContainText("a dismissal needs a reason");
  await expect(findings.nth(1).locator(".problem")).toHaveText("Error: a dismissal needs a reason.");
  await expect(page.getByTestId("export-outcome")).toContainText("the review is not finished");
  await findings.nth(1).getByLabel("Why it is dismissed (required)").fill("Accepted risk.");
  await findings.nth(2).getByLabel("Needs follow-up").check();
  // Its plan: R&D is asked, by a date, with a workaround for the partner meanwhile.
  const plan = findings.nth(2).getByTestId("triage-plan");
  await plan.locator("summary").click();
  await plan.getByTestId("plan-owner").selectOption("rnd");
  await plan.getByTestId("plan-due").fill("2027-01-15");
  await plan.getByTestId("plan-workaround").fill("Pin the proxy to network mode");
  await plan.getByTestId("plan-escalate").check();
  await plan.getByTestId("plan-case").fill("08123456");
  await page.getByRole("button", { name: "Add a finding" }).click();
  await expect(page.locator("#REVIEW-1-title")).toBeFocused();
  await page.locator("#REVIEW-1-title").fill("No runbook for restoring the configuration database");
  await page.locator("#REVIEW-1-severity").selectOption("high");
  await page.locator("#REVIEW-1-message").fill("The partner could not show one.");
  await page.getByTestId("added-finding").getByTestId("triage-plan").locator("summary").click();
  await page.locator("#REVIEW-1-plan-owner").selectOption("partner");
  await expect(page.getByTestId("review-problems")).toHaveCount(0);
  await expect(page.getByTestId("triage-counts")).toContainText("1 confirmed, 1 dismissed, 1 need follow-up");
  await expect(page.getByTestId("triage-progress")).toContainText(`3 of ${expectedRules.length} triaged`);

  // Nothing typed is lost: after a reload the review is resumed from this browser.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.locator("#open-title")).toBeVisible();
  await page.getByTestId("saved-review").getByRole("button", { name: /^Resume/ }).click();
  await expect(page.getByLabel("Reviewer", { exact: true })).toHaveValue("T. Lead");
  await expect(page.getByLabel("Overall note")).toHaveValue("Call the partner about the WAN link.");
  await expect(findings.nth(1).getByLabel("Why it is dismissed (required)")).toHaveValue("Accepted risk.");
  await expect(findings.nth(2).getByLabel("Needs follow-up")).toBeChecked();
  await expect(findings.nth(2).getByTestId("plan-owner")).toHaveValue("rnd");
  await expect(findings.nth(2).getByTestId("plan-case")).toHaveValue("08123456");
  await expect(page.locator("#REVIEW-1-message")).toHaveValue("The partner could not show one.");

  const downloading = page.waitForEvent("download");
  await exportButton.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("noordkaap.reviewed.intake.zip");
  const reviewedPath = temporary("reviewed.zip", readFileSync(await download.path()));

  // `intake review` finds it intact, with the partner's manifest and the triage.
  const reviewed = JSON.parse(intake("review", reviewedPath, "--format", "json"));
  expect(reviewed.intact).toBe(true);
  expect(reviewed.manifest).toEqual(cli.manifest);
  expect(reviewed.triage).toEqual({ confirmed: 1, dismissed: 1, follow_up: 1, untriaged: expectedRules.length - 3 });
  expect(reviewed.review.reviewer).toBe("T. Lead");
  expect(reviewed.review.review_schema_version).toBe(4);
  const planned = reviewed.review.triage.filter((t: { owner?: string }) => t.owner);
  expect(planned.map((t: object) => ({ ...t, rule: undefined, message: undefined, verdict: undefined }))).toEqual([
    { owner: "rnd", due: "2027-01-15", workaround: "Pin the proxy to network mode", escalate: true, case_id: "08123456" },
  ]);
  expect(intake("review", reviewedPath)).toContain(
    "plan: owner: Veeam R&D by 2027-01-15; escalated to R&D, case 08123456; workaround: Pin the proxy to network mode",
  );
  expect(reviewed.review.added).toEqual([
    {
      id: "REVIEW-1",
      title: "No runbook for restoring the configuration database",
      severity: "high",
      message: "The partner could not show one.",
      evidence: [],
      remediation: [],
      owner: "partner",
    },
  ]);
  // The partner's files are unchanged, byte for byte.
  const original = unzip(readFileSync(path));
  const after = unzip(readFileSync(reviewedPath));
  expect(after.slice(0, original.length)).toEqual(original);
  expect(after.slice(original.length).map((e) => e.name)).toEqual([
    "review.json",
    "review-report.html",
    "review-report.md",
    "action-plan.html",
    "action-plan.md",
    "action-plan.csv",
    "rnd-evidence-pack.md",
    "rnd-evidence-pack.json",
    "qa-test-plan.md",
    "qa-test-plan.csv",
  ]);
  // The documents in the bundle are those the CLI makes of it: the R&D pack anonymised.
  const pack = after.find((e) => e.name === "rnd-evidence-pack.md")!.data.toString("utf8");
  expect(pack).toBe(intake("report", reviewedPath, "--for", "rnd"));
  expect(pack).not.toContain("Noordkaap");
  const report = after.find((e) => e.name === "review-report.html")!.data.toString("utf8");
  // The dismissed finding is set apart, with its reason and without its playbook; counts keep
  // issues apart from facts to verify.
  const start = report.indexOf('<h2 id="dismissed">');
  expect(start).toBeGreaterThan(0);
  const dismissed = report.slice(start, report.indexOf("</section>", start));
  expect(dismissed).toContain("Dismissed: Accepted risk.");
  expect(dismissed).not.toContain("Playbook");
  const issues = cli.rerun.summary.overall.findings as Record<string, number>;
  const issueCount = Object.values(issues).reduce((a, b) => a + b, 0);
  expect(report).toContain(`${issueCount} issues`);
  expect(report).toContain(`${cli.rerun.summary.overall.needs_verification} to verify`);

  // Opening the reviewed bundle shows its review.
  await page.getByRole("button", { name: "Close this bundle" }).click();
  await pick(page, reviewedPath);
  await expect(page.getByTestId("integrity")).toHaveText("Integrity: every file matches the bundle's manifest.");
  await expect(findings.nth(0).getByLabel("Confirmed")).toBeChecked();
  await expect(page.getByTestId("triage-counts")).toContainText("1 confirmed, 1 dismissed, 1 need follow-up");
  expect(problems).toEqual([]);
});

test("a tampered file is a warning naming it, and the bundle still opens", async ({ page }) => {
  const problems = watchProblems(page);
  const entries = unzip(partnerBundle().bytes).map((e) =>
    e.name === "report.md" ? { ...e, data: Buffer.concat([e.data, Buffer.from("\nadded later\n")]) } : e,
  );
  const path = temporary("tampered.intake.zip", zip(entries));
  await openReview(page);
  await pick(page, path);
  const integrity = page.getByTestId("integrity");
  await expect(integrity).toContainText("Integrity warning");
  await expect(integrity.locator("li")).toHaveText(["report.md was changed after the bundle was made: its hash differs"]);
  await expect(page.getByTestId("review-finding").first()).toBeVisible();
  expect(problems).toEqual([]);
});

// Bundle schema 3: the partner sent the exports the answers' evidence was read from.
test("the collectors' exports sent with a bundle are listed, and each saves as it was sent", async ({ page }) => {
  const problems = watchProblems(page);
  const path = "tests/fixtures/bundles/v3/exports.intake.zip";
  const sent = unzip(readFileSync(path)).filter((entry) => entry.name.startsWith("evidence/"));
  await openReview(page);
  await pick(page, path);
  await expect(page.getByTestId("integrity")).toHaveText("Integrity: every file matches the bundle's manifest.");
  const exportsPanel = page.getByTestId("review-exports");
  await expect(exportsPanel).toContainText("The partner sent the 2 exports the answers' evidence was read from.");
  await expect(exportsPanel.locator("li")).toHaveText([/^Save RVTools_export_all\.xlsx \(15\.9 KiB\)$/, /^Save vHC\.zip \(5\.4 KiB\)$/]);
  const downloading = page.waitForEvent("download");
  await exportsPanel.getByTestId("save-export").nth(1).click();
  const saved = await downloading;
  expect(saved.suggestedFilename()).toBe("vHC.zip");
  expect(readFileSync(await saved.path()).equals(sent.find((entry) => entry.name === "evidence/vHC.zip")!.data)).toBe(true);
  expect(problems).toEqual([]);
});

test("bad files are refused with their reason and the page stays usable", async ({ page }) => {
  const problems = watchProblems(page);
  const good = partnerBundle();
  const entries = unzip(good.bytes);
  const withManifest = (edit: (manifest: Record<string, unknown>) => void) =>
    zip(
      entries.map((e) => {
        if (e.name !== "manifest.json") return e;
        const manifest = JSON.parse(e.data.toString("utf8"));
        edit(manifest);
        return { ...e, data: Buffer.from(JSON.stringify(manifest)) };
      }),
    );
  const cases: [string, Buffer, RegExp][] = [
    ["notes.zip", Buffer.from("these are not the files you are looking for"), /not a zip archive/],
    ["cut.intake.zip", good.bytes.subarray(0, Math.floor(good.bytes.length / 2)), /truncated or damaged/],
    [
      "newer.intake.zip",
      withManifest((m) => {
        m.bundle_schema_version = 99;
      }),
      /made by a newer version of VCSP Intake \(bundle schema 99\)/,
    ],
    ["escape.intake.zip", zip([...entries, { name: "../evil.txt", data: Buffer.from("x") }]), /unsafe entry name/],
    [
      "many.intake.zip",
      zip([...entries, ...Array.from({ length: 252 }, (_, i) => ({ name: `extra-${i}.txt`, data: Buffer.from("x") }))]),
      /260 entries; a findings bundle has at most 256/,
    ],
    [
      "deep.intake.zip",
      zip(
        entries.map((e) =>
          e.name === "answers.json" ? { ...e, data: Buffer.from("[".repeat(10_000) + "]".repeat(10_000)) } : e,
        ),
      ),
      /answers.json is nested too deeply/,
    ],
    [
      "bomb.intake.zip",
      zip(
        entries.map((e) =>
          e.name === "findings.json" ? { name: e.name, data: Buffer.alloc(100 * 1024 * 1024), deflate: true } : e,
        ),
      ),
      /findings.json inflates to more than 16 MiB: refused/,
    ],
    [
      "broken.intake.zip",
      zip(entries.map((e) => (e.name === "answers.json" ? { ...e, data: Buffer.from("{ not json") } : e))),
      /answers.json/,
    ],
  ];
  await openReview(page);
  const message = page.getByTestId("review-message");
  for (const [name, bytes, reason] of cases) {
    await pick(page, temporary(name, bytes));
    await expect(message, name).toContainText(`${name} cannot be opened`);
    await expect(message, name).toContainText(reason);
    await expect(page.locator("#open-title")).toBeVisible();
  }
  // A file over the size limit is refused before it is read.
  await pick(page, temporary("huge.intake.zip", Buffer.alloc(65 * 1024 * 1024)));
  await expect(message).toContainText("huge.intake.zip cannot be opened: the file is 65 MB");
  // The page still works: the good bundle opens.
  await pick(page, good.path);
  await expect(page.getByTestId("integrity")).toHaveText("Integrity: every file matches the bundle's manifest.");
  expect(problems).toEqual([]);
});

/** An answers file where every question that allows it is answered "I don't know": over a hundred
 * facts to verify, each a finding of its own. */
function unknownEverywhere(): string {
  const questionnaire = JSON.parse(intake("questions", "--json"));
  const fixture = JSON.parse(readFileSync("tests/fixtures/answers/large-provider.json", "utf8"));
  const answers = { ...fixture.answers };
  const groups = fixture.groups ?? {};
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      if (question.kind === "group") {
        for (const item of groups[question.id] ?? []) {
          for (const member of question.questions) {
            if (member.dont_know) item.answers[member.id.split(".").pop()] = { dont_know: true };
          }
        }
      } else if (question.dont_know && question.id !== "engagement.services") {
        answers[question.id] = { dont_know: true };
      }
    }
  }
  const path = scratch("unknown.json");
  writeFileSync(path, JSON.stringify({ schema_version: 1, answers, groups }));
  return path;
}

test("a tech lead triages a hundred findings with the keyboard alone", async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  const answers = unknownEverywhere();
  const bundlePath = scratch("many.intake.zip");
  intake("bundle", answers, "--created-at", CREATED, "-o", bundlePath);
  const total = JSON.parse(intake("assess", answers, "--format", "json")).findings.length;
  expect(total).toBeGreaterThanOrEqual(100);
  await openReview(page);
  await pick(page, bundlePath);
  const findings = page.getByTestId("review-finding");
  await expect(findings).toHaveCount(total);
  await expect(page.getByTestId("triage-progress")).toContainText(`0 of ${total} triaged`);
  await expect(page.getByTestId("keys")).toContainText("confirmed");

  // "Next untriaged" takes the reviewer to the first finding; each verdict key moves on to the next.
  await page.getByTestId("next-untriaged").click();
  await expect(findings.nth(0)).toBeFocused();
  for (let index = 0; index < 10; index++) {
    await page.keyboard.press("f");
    await expect(findings.nth(index + 1)).toBeFocused();
  }
  await expect(findings.nth(9)).toHaveAttribute("data-verdict", "follow-up");
  await expect(findings.nth(9).getByTestId("verdict-word")).toHaveText("Needs follow-up");
  // J and K move without deciding; D dismisses and asks for the reason.
  await page.keyboard.press("j");
  await expect(findings.nth(11)).toBeFocused();
  await page.keyboard.press("k");
  await expect(findings.nth(10)).toBeFocused();
  await page.keyboard.press("d");
  await expect(page.locator("#reason-10")).toBeFocused();
  await page.keyboard.type("Checked on the console: fine.");
  await findings.nth(10).focus();
  await page.keyboard.press("n");
  await expect(findings.nth(11)).toBeFocused();
  for (let index = 11; index < total; index++) {
    await page.keyboard.press("c");
  }
  await expect(page.getByTestId("triage-progress")).toContainText(`${total} of ${total} triaged`);

  // Bulk: the untriaged filter is empty now; every finding shown can be set at once.
  await page.getByTestId("triage-verdict").selectOption("untriaged");
  await expect(page.locator('[data-testid="review-finding"]:visible')).toHaveCount(0);
  await page.getByTestId("triage-verdict").selectOption("follow-up");
  await expect(page.locator('[data-testid="review-finding"]:visible')).toHaveCount(10);
  await page.getByRole("button", { name: "Mark all shown confirmed" }).click();
  await expect(page.locator('[data-testid="review-finding"]:visible')).toHaveCount(0);
  await page.getByTestId("triage-verdict").selectOption("any");

  const downloading = page.waitForEvent("download");
  await page.getByTestId("toolbar-export").click();
  const reviewedPath = temporary("many.reviewed.zip", readFileSync(await (await downloading).path()));
  const reviewed = JSON.parse(intake("review", reviewedPath, "--format", "json"));
  expect(reviewed.triage).toEqual({ confirmed: total - 1, dismissed: 1, follow_up: 0, untriaged: 0 });
  expect(problems).toEqual([]);
});

test("a tech lead confirms answers on the platform, and the exported review keeps them", async ({ page }) => {
  const problems = watchProblems(page);
  const { path } = partnerBundle();
  await openReview(page);
  await pick(page, path);
  await expect(page.getByTestId("integrity")).toHaveText("Integrity: every file matches the bundle's manifest.");
  const answers = page.getByTestId("review-answers");
  await answers.locator("summary").click();
  const version = answers.locator(".answer-row").filter({ hasText: "Veeam Backup & Replication version" });
  await version.getByTestId("confirm-answer").check();
  await version.getByTestId("confirm-note").fill("Help, About on vbr01");
  await version.getByTestId("confirm-note").blur();

  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-review").click();
  const reviewedPath = temporary("confirmed.zip", readFileSync(await (await downloading).path()));
  const reviewed = JSON.parse(intake("review", reviewedPath, "--format", "json"));
  expect(reviewed.review.confirmed).toEqual({ "platform.vbr_version": { note: "Help, About on vbr01" } });
  expect(intake("review", reviewedPath)).toContain(
    "CONFIRMED       Veeam Backup & Replication version (full build number): ",
  );

  // Reopened, the mark is there; taken back, it goes.
  await page.getByRole("button", { name: "Close this bundle" }).click();
  await pick(page, reviewedPath);
  await answers.locator("summary").click();
  await expect(version.getByTestId("confirm-answer")).toBeChecked();
  await expect(version.getByTestId("confirm-note")).toHaveValue("Help, About on vbr01");
  await version.getByTestId("confirm-answer").uncheck();
  await expect(version.getByTestId("confirm-note")).toHaveCount(0);
  expect(problems).toEqual([]);
});
