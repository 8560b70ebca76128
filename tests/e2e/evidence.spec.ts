import { expect, test } from "@playwright/test";
import { watchProblems } from "./support";

// Answers imported from collectors' exports say where they came from, beside the answer, until
// the partner changes them.
test("an imported answer shows where it came from until the partner changes it", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles("tests/fixtures/schema/v3/imported.json");
  await page.getByTestId("drafts-message").waitFor();
  const id = await page.getByTestId("draft").first().getAttribute("data-draft");
  await page.goto(`./#/d/${id}/platform`);
  const question = page.locator('[id="q-platform.vbr_version"]');
  const provenance = question.getByTestId("provenance");
  await expect(provenance).toHaveText(
    "Imported from Veeam Healthcheck (vHC.zip, localhost_vbrinfo.csv, row 2; collected 2026-11-20 14:03)",
  );
  // The partner's own answers say nothing of the kind.
  await expect(page.locator('[id="q-platform.backup_server_os"]').getByTestId("provenance")).toHaveCount(0);
  // A group item's imported answer too.
  await page.goto(`./#/d/${id}/compute`);
  await expect(page.locator('[id="q-compute.clusters[0].host_count"]').getByTestId("provenance")).toHaveText(
    "Imported from RVTools (RVTools_export_all.xlsx, sheet vCluster, row 2)",
  );
  // Typing over it makes it the partner's answer: the line goes, and stays gone after a reload.
  await page.goto(`./#/d/${id}/platform`);
  await page.locator('[id="in-platform.vbr_version"]').fill("12.3.2.4165");
  await expect(provenance).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");
  await page.reload();
  await expect(page.locator('[id="in-platform.vbr_version"]')).toHaveValue("12.3.2.4165");
  await expect(provenance).toHaveCount(0);
  expect(problems).toEqual([]);
});
