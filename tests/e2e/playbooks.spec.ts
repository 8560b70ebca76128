import { expect, test } from "@playwright/test";
import { watchProblems } from "./support";

// Playbooks on the rule catalogue: a rule's decision tree drawn as a flowchart with its steps,
// and the symptoms partners call about, each with its own tree. The later module draws them.

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
