// Several people fill one assessment: the partner hands the network and storage sections to a
// colleague as an answers file (with the engagement details and nothing else), the colleague's
// answers come back, and `intake merge` takes them in, listing the one answer both gave
// differently.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { scratchFolder, watchProblems } from "./support";

const FIXTURE = "tests/fixtures/answers/large-provider.json";

test("a partner hands out two sections and merges the colleague's answers back", async ({ page }, testInfo) => {
  const problems = watchProblems(page);
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles(FIXTURE);
  await expect(page.getByTestId("drafts-message")).toContainText("Imported");
  await page.getByTestId("draft").first().getByRole("link", { name: "Open" }).click();
  await page.locator('nav[aria-label="Sections"] .step-summary a').click();
  await expect(page.locator("#step-title")).toContainText("Summary");

  const handOut = page.getByTestId("hand-out");
  await handOut.locator("summary").click();
  await expect(handOut.getByTestId("hand-out-download")).toBeDisabled();
  await handOut.getByTestId("hand-out-network").check();
  await handOut.getByTestId("hand-out-storage").check();
  await handOut.screenshot({ path: testInfo.outputPath("hand-out.png") });
  const downloading = page.waitForEvent("download");
  await handOut.getByTestId("hand-out-download").click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/\.storage-network\.answers\.json$/);
  const part = JSON.parse(readFileSync(await file.path(), "utf8"));
  const ids = [...Object.keys(part.answers), ...Object.keys(part.groups)];
  expect(ids.every((id) => /^(engagement|network|storage)\./.test(id))).toBe(true);
  expect(ids).toContain("network.links");
  expect(ids).toContain("storage.systems");
  expect(part.answers["engagement.partner_name"].value).toBe("Eurostrata Cloud Services B.V.");
  expect(part.evidence).toBeUndefined();

  // The colleague corrects one link's far-end MTU and sends the file back.
  part.groups["network.links"][3].answers.mtu_far = { value: 9000 };
  const dir = scratchFolder("hand-out");
  const back = join(dir, "network-storage.answers.json");
  writeFileSync(back, JSON.stringify(part));
  const merged = join(dir, "merged.json");
  let code = 0;
  let report = "";
  try {
    report = execFileSync(
      "cargo",
      ["run", "--quiet", "--locked", "-p", "intake-cli", "--", "merge", FIXTURE, back, "-o", merged],
      { encoding: "utf8" },
    );
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    code = failed.status;
    report = failed.stdout;
  }
  // One conflict, left for a person: exit 1, the base's answer kept.
  expect(code).toBe(1);
  expect(report).toContain("0 answers added, 0 filled, 0 items added, 1 conflict");
  expect(report).toContain("Link “AMS1-FRA1 L2 B”: MTU at the far (to) end (kept the base's)");
  expect(JSON.parse(readFileSync(merged, "utf8")).groups["network.links"][3].answers.mtu_far.value).toBe(1500);
  expect(problems).toEqual([]);
});
