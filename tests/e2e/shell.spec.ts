import { expect, test, type ConsoleMessage } from "@playwright/test";

// The app shell, built for release and served statically, at the root and under a sub-path.

test("the shell renders the product, the privacy promise and the entry points", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  const failed: string[] = [];
  page.on("requestfailed", (request) => failed.push(request.url()));
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });

  await page.goto("./");

  // The heading exists only once the Wasm app has mounted: index.html has none.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("VCSP Intake");
  await expect(page).toHaveTitle("VCSP Intake");
  await expect(page.getByTestId("privacy")).toContainText("Your answers stay in this browser");
  for (const title of [
    "Start a new assessment",
    "Resume a draft",
    "Open a bundle for review",
    "Rule catalogue",
  ]) {
    await expect(page.getByRole("heading", { level: 3, name: title })).toBeVisible();
    await expect(page.getByRole("button", { name: title })).toBeDisabled();
  }

  expect(failed).toEqual([]);
  expect(problems).toEqual([]);
});

test("every script and stylesheet is relative and carries an SRI hash", async ({ page, request }) => {
  const html = await (await request.get("index.html")).text();
  await page.setContent(html);
  const assets = await page.$$eval("script[src], link[href]", (elements) =>
    elements.map((element) => ({
      tag: element.tagName.toLowerCase(),
      rel: element.getAttribute("rel"),
      url: element.getAttribute("src") ?? element.getAttribute("href") ?? "",
      integrity: element.getAttribute("integrity"),
    })),
  );
  const code = assets.filter((asset) => asset.tag === "script" || asset.rel !== "icon");
  expect(code.length).toBeGreaterThanOrEqual(3);
  for (const asset of assets) {
    expect(asset.url, `${asset.tag} ${asset.url}`).toMatch(/^\.\//);
  }
  for (const asset of code) {
    expect(asset.integrity, `${asset.tag} ${asset.url}`).toMatch(/^sha384-[A-Za-z0-9+/]+=*$/);
  }
});
