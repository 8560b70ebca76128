import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { collectorExport, watchProblems } from "./support";
import { unzip } from "./zip";

/** Downloads the draft's bundle with the button named `name` and gives its entries. */
async function bundleEntries(page: Page, name: string) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name }).click();
  return unzip(readFileSync(await (await downloading).path()));
}

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

// Collectors' exports imported into a draft: read off the page's thread, previewed question by
// question, applied as chosen, undone; what disagrees with the partner's answers is a finding.
const exportsDir = join("test-results", "exports");
let rvtoolsFile = "";
let healthcheckZip = "";
let healthcheckFolder = "";

test.beforeAll(() => {
  mkdirSync(exportsDir, { recursive: true });
  rvtoolsFile = collectorExport("rvtools", join(exportsDir, "RVTools_export_all.xlsx"), "--hosts", "12", "--vms", "150");
  healthcheckZip = collectorExport("healthcheck", join(exportsDir, "vHC.zip"), "--proxies", "3", "--tenants", "5");
  healthcheckFolder = join(exportsDir, "vHC");
  rmSync(healthcheckFolder, { recursive: true, force: true });
  collectorExport("healthcheck", healthcheckFolder, "--proxies", "3", "--tenants", "5");
});

/** A new draft with the backup server's version answered by the partner, at its import page. */
async function draftWithVersion(page: Page, version: string): Promise<string> {
  await page.goto("./#/drafts");
  await page.getByLabel("Name of the new assessment").fill("Evidence journey");
  await page.getByTestId("start").click();
  await page.waitForURL(/#\/d\/[^/]+\/engagement$/);
  const id = page.url().split("/d/")[1].split("/")[0];
  await page.goto(`./#/d/${id}/platform`);
  await page.locator('[id="in-platform.vbr_version"]').fill(version);
  await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");
  await page.getByTestId("import-evidence").click();
  await expect(page.getByRole("heading", { name: "Import collector exports" })).toBeVisible();
  return id;
}

test("exports are previewed, applied as chosen, kept over a reload, and disagreements are findings", async ({ page }) => {
  // A long journey: import, reload, three downloads.
  test.slow();
  const problems = watchProblems(page);
  const id = await draftWithVersion(page, "12.3.0.310");
  await page.getByTestId("import-files").setInputFiles([rvtoolsFile, healthcheckZip]);
  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("status")).toContainText(
    "Read RVTools (RVTools_export_all.xlsx; collected 2026-11-20 14:03), Veeam Healthcheck (vHC.zip; collected 2026-11-20 14:03).",
  );
  // The partner's version differs: offered, not chosen.
  const version = preview.getByTestId("import-row").filter({ hasText: "Veeam Backup & Replication version" });
  await expect(version).toContainText("12.3.1.1139 (your answer: 12.3.0.310)");
  await expect(version).toContainText("Differs from your answer");
  await expect(version.getByRole("checkbox")).not.toBeChecked();
  // Blank answers are chosen; the partner leaves the tenant count out.
  const tenants = preview.getByTestId("import-row").filter({ hasText: "How many tenants" });
  await expect(tenants.getByRole("checkbox")).toBeChecked();
  await tenants.getByRole("checkbox").uncheck();
  const chosen = await preview.getByRole("checkbox", { checked: true }).count();
  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-applied")).toContainText(`Applied ${chosen} answers from RVTools`);

  // The version typed is untouched, and the findings say where it and the export disagree.
  await page.goto(`./#/d/${id}/platform`);
  await expect(page.locator('[id="in-platform.vbr_version"]')).toHaveValue("12.3.0.310");
  await expect(page.locator('[id="q-platform.vbr_version"]').getByTestId("provenance")).toHaveCount(0);
  const disagreement = page.locator("#findings").getByText(
    "Veeam Backup & Replication version (full build number): the answer is 12.3.0.310 (stated by the partner), but Veeam Healthcheck (vHC.zip, localhost_vbrinfo.csv, row 2; collected 2026-11-20 14:03) says 12.3.1.1139",
    { exact: false },
  );
  await expect(disagreement).toBeVisible();
  // An answer set by the import says where it came from; one left out stays blank.
  await expect(page.locator('[id="q-platform.proxies[0].cores"]').getByTestId("provenance")).toHaveText(
    "Imported from Veeam Healthcheck (vHC.zip, localhost_Servers.csv, row 2; collected 2026-11-20 14:03)",
  );
  await page.reload();
  await expect(page.locator('[id="q-platform.proxies[0].cores"]').getByTestId("provenance")).toBeVisible();
  await expect(disagreement).toBeVisible();
  await page.goto(`./#/d/${id}/engagement`);
  await expect(page.locator('[id="in-engagement.tenant_count"]')).toHaveValue("");
  // The summary's answers say where each imported one came from too.
  await page.goto(`./#/d/${id}/-summary`);
  await page.getByTestId("answers-details").locator("summary").click();
  await expect(page.getByTestId("answer-provenance").first()).toContainText("Imported from ");

  // The export files are kept in this browser and go in the bundle only when ticked, as they
  // were picked; never in the anonymised bundle.
  const sendExports = page.getByTestId("bundle-exports");
  await expect(sendExports).toContainText("Also send the 2 export files your answers were imported from");
  await expect(sendExports).toContainText("RVTools_export_all.xlsx (");
  const tick = page.getByTestId("bundle-with-exports");
  await expect(tick).not.toBeChecked();
  const plain = await bundleEntries(page, "Download findings bundle (.zip)");
  expect(plain.filter((entry) => entry.name.startsWith("evidence/"))).toEqual([]);
  await tick.check();
  const sent = await bundleEntries(page, "Download findings bundle (.zip)");
  expect(sent.filter((entry) => entry.name.startsWith("evidence/")).map((entry) => entry.name)).toEqual([
    "evidence/RVTools_export_all.xlsx",
    "evidence/vHC.zip",
  ]);
  expect(sent.find((entry) => entry.name === "evidence/RVTools_export_all.xlsx")!.data.equals(readFileSync(rvtoolsFile))).toBe(true);
  const manifest = JSON.parse(sent.find((entry) => entry.name === "manifest.json")!.data.toString("utf8"));
  expect(manifest.bundle_schema_version).toBe(3);
  expect(Object.keys(manifest.files)).toContain("evidence/vHC.zip");
  const anonymised = await bundleEntries(page, "Download anonymised bundle");
  expect(anonymised.filter((entry) => entry.name.startsWith("evidence/"))).toEqual([]);
  expect(problems).toEqual([]);
});

test("an import is undone, and a file that is not an export is named and changes nothing", async ({ page }) => {
  const problems = watchProblems(page);
  const id = await draftWithVersion(page, "12.3.1.1139");
  await page.getByTestId("import-folder").setInputFiles(healthcheckFolder);
  await expect(page.getByTestId("import-preview")).toContainText("Read Veeam Healthcheck (vHC; collected");
  // A section's rows are chosen or left out together.
  const firstRows = page.locator(".import-section-head").first().locator("xpath=following-sibling::ul[1]");
  await page.getByTestId("import-section-none").first().click();
  await expect(firstRows.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await page.getByTestId("import-section-all").first().click();
  await expect(firstRows.getByRole("checkbox", { checked: false })).toHaveCount(0);
  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-applied")).toBeVisible();
  await page.getByTestId("import-undo").click();
  await expect(page.getByRole("status")).toHaveText(
    "Import undone: the answers, and the evidence kept with them, are as they were.",
  );
  // The files of the undone import are not offered with the bundle.
  await page.goto(`./#/d/${id}/-summary`);
  await page.locator("[data-exports-read]").waitFor();
  await expect(page.getByTestId("bundle-exports")).toHaveCount(0);
  await page.goto(`./#/d/${id}/platform`);
  await expect(page.locator('[id="q-platform.proxies[0].cores"]')).toHaveCount(0);
  await expect(page.locator('[id="in-platform.vbr_version"]')).toHaveValue("12.3.1.1139");

  await page.goto(`./#/d/${id}/-import`);
  await page.getByTestId("import-files").setInputFiles({
    name: "notes.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("not a spreadsheet"),
  });
  await expect(page.getByTestId("import-error")).toContainText("“notes.xlsx”: not an RVTools export");
  await page.goto(`./#/d/${id}/platform`);
  await expect(page.locator('[id="in-platform.vbr_version"]')).toHaveValue("12.3.1.1139");
  expect(problems).toEqual([]);
});
