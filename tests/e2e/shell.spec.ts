import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { watchProblems } from "./support";

// The app shell, built for release and served statically, at the root and under a sub-path.


const sri = (bytes: Buffer) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

test("the shell renders the product, the privacy promise and the entry points", async ({ page }) => {
  const problems = watchProblems(page);

  await page.goto("./");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("VCSP Intake");
  await expect(page).toHaveTitle("VCSP Intake");
  await expect(page.getByTestId("privacy")).toContainText("Your answers stay in this browser");
  for (const title of ["Start a new assessment", "Resume a draft", "Open a bundle for review"]) {
    await expect(page.getByRole("heading", { level: 3, name: title })).toBeVisible();
  }
  await expect(page.getByLabel("Name of the new assessment")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start", exact: true })).toBeEnabled();
  await expect(page.getByRole("link", { name: "Resume a draft" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open a bundle for review" })).toHaveAttribute("href", "#/review");
  await expect(page.getByRole("link", { name: "Rule catalogue" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("the landing page is on screen before the Wasm module arrives, and a step's skeleton for a step", async ({ page }) => {
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("VCSP Intake");
  await expect(page.getByTestId("summary")).toContainText("Describe a Veeam Cloud & Service Provider platform");
  for (const title of ["Start a new assessment", "Resume a draft", "Open a bundle for review", "What is failing?", "Rule catalogue"]) {
    await expect(page.getByRole("heading", { level: 3, name: title })).toBeVisible();
  }
  // Nothing works before the app does, and the page says so to assistive technology and tests.
  await expect(page.getByRole("button", { name: "Start", exact: true })).toBeDisabled();
  await expect(page.locator(".boot-skeleton")).toBeHidden();

  // A stored draft's step: not the landing page, but the layout of a step, with that step's count,
  // title and introduction (its largest text), hidden from assistive technology until the app
  // draws the step itself.
  await page.goto("./#/d/some-draft/platform");
  await page.reload();
  await expect(page.locator(".boot-skeleton")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeHidden();
  await expect(page.getByTestId("brand")).toHaveText("VCSP Intake");
  const opening = page.locator(".boot-section:visible");
  await expect(opening).toHaveCount(1);
  await expect(opening.locator(".boot-title")).toHaveText("Veeam platform and versions");
  await expect(opening.locator(".step-count")).toHaveText("Step 2 of 15");
  await expect(opening.locator(".step-intro")).toContainText("The Veeam software that runs your service");
  // Any other page of a draft (its summary): the layout only.
  await page.goto("./#/d/some-draft/-summary");
  await page.reload();
  await expect(page.locator(".boot-skeleton")).toBeVisible();
  await expect(page.locator(".boot-section:visible")).toHaveCount(0);
});

// Without the service worker, which would answer the held-back module from its cache.
test.describe(() => {
test.use({ serviceWorkers: "block" });
test("a stored draft's step opens where the static page showed its opening, the same size", async ({ page }) => {
  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles("tests/fixtures/answers/small-proxmox.json");
  await expect(page.getByTestId("drafts-message")).toContainText("Imported");
  const id = await page.getByTestId("draft").first().getAttribute("data-draft");
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/vcsp-intake-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("about:blank");
  await page.goto(`./#/d/${id}/network`);
  const intro = page.locator(".boot-section:visible .step-intro");
  await expect(intro).toBeVisible();
  const before = await intro.boundingBox();
  release();
  await expect(page.locator("#static-page")).toHaveCount(0);
  const after = await page.locator("section.step .step-intro").boundingBox();
  expect(after, "the app's introduction").not.toBeNull();
  // Not larger than the static one: the largest paint stays the static page's.
  expect(after!.width * after!.height).toBeLessThanOrEqual(before!.width * before!.height);
});
});

test("the app takes over the landing page without moving it, keeping what was typed", async ({ page }) => {
  const problems = watchProblems(page);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await released;
    await route.continue();
  });
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number }[]) {
        (window as unknown as { shifts: number }).shifts += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("./");
  const places = () =>
    page.evaluate(() =>
      ["h1", "[data-testid=start-new]", "[data-testid=resume-draft]", "[data-testid=rule-catalogue]", "#new-draft-name", "[data-testid=start]"].map(
        (selector) => JSON.stringify(document.querySelector(selector)?.getBoundingClientRect()),
      ),
    );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("VCSP Intake");
  const before = await places();
  // Typed before the app runs: carried over to the app's field, focus included.
  await page.locator("#new-draft-name").focus();
  await page.keyboard.type("Noordkaap early");
  release();
  await expect(page.locator("#static-page")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start", exact: true })).toBeEnabled();
  expect(await places()).toEqual(before);
  // Cumulative layout shift: a status line's text changing width moves its line box by under a
  // pixel (about 0.0003); a takeover that moved a card would score well over 0.01.
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThan(0.001);
  await expect(page.locator("#new-draft-name")).toHaveValue("Noordkaap early");
  await expect(page.locator("#new-draft-name")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#step-title")).toBeVisible();
  await page.goto("./#/drafts");
  await expect(page.locator("main")).toContainText("Noordkaap early");
  expect(problems).toEqual([]);
});

test("a keyboard user's place on the landing page is kept when the app takes over", async ({ page }) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("VCSP Intake");
  // Tab pressed while the module loads: first the skip link, then on through the static page.
  await page.locator("body").press("Tab");
  await expect(page.locator("#static-page .skip-link")).toBeFocused();
  const resume = page.getByTestId("resume-draft").getByRole("link");
  for (let i = 0; i < 12 && !(await resume.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(resume).toBeFocused();
  release();
  await expect(page.locator("#static-page")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start", exact: true })).toBeEnabled();
  await expect(resume).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#\/drafts$/);
});

test("the later module loads only when review mode first opens", async ({ page }) => {
  const problems = watchProblems(page);
  const later: string[] = [];
  page.on("request", (request) => {
    if (/\/later-[0-9a-f]+(_bg\.wasm|\.js)$/.test(request.url())) later.push(request.url());
  });
  await page.goto("./");
  await page.getByLabel("Name of the new assessment").fill("Split check");
  await page.getByTestId("start").click();
  await expect(page.locator("#step-title")).toBeVisible();
  await page.locator('[id="in-engagement.partner_name"]').fill("Partner");
  await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");
  expect(later, "the partner's first steps fetch no later module").toEqual([]);

  await page.goto("./#/review");
  await expect(page.locator("main h1")).toHaveText("Review a findings bundle");
  expect(later.map((url) => url.replace(/.*\/later-[0-9a-f]+/, "later"))).toEqual(["later.js", "later_bg.wasm"]);
  expect(problems).toEqual([]);
});

test("the page's Content-Security-Policy allows its own scripts and Wasm only", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("VCSP Intake");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "connect-src 'self'",
    "style-src 'self'",
  ]) {
    expect(policy).toContain(directive);
  }
  // The boot script and the line that picks what the static page shows, each by its hash.
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(problems).toEqual([]);

  // A script the page did not ship is refused, and says so.
  const refused: string[] = [];
  page.on("console", (message) => refused.push(message.text()));
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(ran).toBe(false);
  await expect.poll(() => refused.join("\n")).toContain("Content Security Policy");
});

test("the rule catalogue opens from the home page and the back button returns", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await page.getByRole("link", { name: "Rule catalogue" }).click();

  await expect(page).toHaveURL(/#\/rules$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rule catalogue");
  const rules = page.getByTestId("rule");
  expect(await rules.count()).toBeGreaterThan(0);
  await expect(page.getByTestId("catalogue-summary")).toContainText(`${await rules.count()} rules`);
  const first = rules.first();
  await expect(first.getByText("What it checks")).toBeVisible();
  await expect(first.getByRole("listitem").first()).toBeVisible();

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("VCSP Intake");
  expect(problems).toEqual([]);
});

test("every asset URL is relative and every script, stylesheet and the Wasm module is hash-checked", async ({
  page,
  request,
}) => {
  const html = await (await request.get("index.html")).text();
  await page.setContent(html);
  const links = await page.$$eval("script[src], link[href]", (elements) =>
    elements.map((element) => ({
      rel: element.getAttribute("rel") ?? element.tagName.toLowerCase(),
      url: element.getAttribute("src") ?? element.getAttribute("href") ?? "",
      integrity: element.getAttribute("integrity") ?? "",
    })),
  );
  expect(links.map((link) => link.rel).sort()).toEqual(["icon", "modulepreload", "stylesheet"]);

  const wasmLoad = html.match(/new Request\('([^']+\.wasm)', \{ integrity: '([^']+)' \}\)/);
  expect(wasmLoad, "the boot script loads the Wasm module with an integrity check").not.toBeNull();
  const [, wasmUrl, wasmIntegrity] = wasmLoad!;

  // The modules loaded on first use (review mode and the bundle writer; the evidence reader; the
  // assessment): each
  // one's script and Wasm, each with its hash.
  const onFirstUse = (name: string) =>
    page.$eval(`meta[name="${name}"]`, (meta) => [
      { url: meta.getAttribute("data-script") ?? "", integrity: meta.getAttribute("data-script-integrity") ?? "" },
      { url: meta.getAttribute("data-wasm") ?? "", integrity: meta.getAttribute("data-wasm-integrity") ?? "" },
    ]);
  const checked = [
    ...links,
    { url: wasmUrl, integrity: wasmIntegrity },
    ...(await onFirstUse("vcsp-intake-later")),
    ...(await onFirstUse("vcsp-intake-evidence")),
    ...(await onFirstUse("vcsp-intake-assess")),
  ];
  for (const { url, integrity } of checked) {
    expect(url, "relative, so dist/ works under any path").toMatch(/^\.\/[^/]+$/);
    const body = await (await request.get(url)).body();
    expect(integrity, url).toBe(sri(body));
  }
});

// Each tampering keeps the file valid, so only the integrity check can stop it from running.
const tamperings = [
  {
    kind: "Wasm module",
    pattern: "**/*.wasm",
    // An extra custom section (id 0, size 5, name "evil"): still a valid module.
    append: Buffer.from([0x00, 0x05, 0x04, ...Buffer.from("evil")]),
  },
  { kind: "JavaScript loader", pattern: "**/*.js", append: Buffer.from("\n// tampered\n") },
];

// The later module is checked the same way when review mode first needs it, and the page says so.
// Without the service worker: once it has installed, it answers the module's request from what it
// cached on the first visit (untampered, and not seen by `page.route`), so whether the tampered copy
// was ever fetched would depend on how fast it installs.
test.describe(() => {
test.use({ serviceWorkers: "block" });
for (const { kind, pattern, append } of [
  { kind: "Wasm module", pattern: "**/later-*_bg.wasm", append: tamperings[0].append },
  { kind: "script", pattern: "**/later-*.js", append: tamperings[1].append },
]) {
  test(`a tampered later ${kind} is refused, and review mode says it cannot open`, async ({ page }) => {
    const problems = watchProblems(page);
    await page.route(pattern, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: Buffer.concat([await response.body(), append]) });
    });
    await page.goto("./#/review");
    await expect(page.getByTestId("later-failure")).toContainText("Review mode cannot open");
    await expect
      .poll(() => problems.join("\n"), { message: "the browser blocks the resource" })
      .toMatch(/integrity/);
    await expect(page.locator("#bundle-file")).toHaveCount(0);
  });
}
});

// The evidence reader too, when the first import starts it: the import says it cannot start, and
// the draft is untouched. Without the service worker, which would answer from what it cached.
test.describe(() => {
test.use({ serviceWorkers: "block" });
for (const { kind, pattern, append } of [
  { kind: "Wasm module", pattern: "**/evidence-*_bg.wasm", append: tamperings[0].append },
  { kind: "script", pattern: "**/evidence-*.js", append: tamperings[1].append },
]) {
  test(`a tampered evidence reader ${kind} is refused, and the import says it cannot start`, async ({ page }) => {
    const problems = watchProblems(page);
    await page.route(pattern, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: Buffer.concat([await response.body(), append]) });
    });
    await page.goto("./#/drafts");
    await page.getByTestId("start-from-exports").click();
    await page.getByTestId("import-files").setInputFiles({
      name: "RVTools_export_all.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("PK"),
    });
    const error = page.getByTestId("import-error");
    await expect(error).toContainText("The reader could not be started");
    // The script is refused in the page (its console says so); the Wasm in the worker, whose
    // fetch fails on the hash ("Failed to fetch"): untampered, the same file starts the reader and
    // is refused as damaged (evidence.spec.ts).
    await expect
      .poll(async () => `${problems.join("\n")}\n${await error.textContent()}`, {
        message: "the browser blocks the resource",
      })
      .toMatch(/integrity|digest|Failed to fetch/);
    await expect(page.getByTestId("import-preview")).toHaveCount(0);
  });
}
});

// The assessment's worker too, when a draft's first step has been drawn: the question still takes
// input and is saved, and the findings panel says why it has no findings. Without the service
// worker, which would answer from what it cached.
test.describe(() => {
test.use({ serviceWorkers: "block" });
for (const { kind, pattern, append } of [
  { kind: "Wasm module", pattern: "**/assess-*_bg.wasm", append: tamperings[0].append },
  { kind: "script", pattern: "**/assess-*.js", append: tamperings[1].append },
]) {
  test(`a tampered assessment ${kind} is refused, and the findings panel says so`, async ({ page }) => {
    const problems = watchProblems(page);
    await page.route(pattern, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: Buffer.concat([await response.body(), append]) });
    });
    await page.goto("./");
    await page.getByLabel("Name of the new assessment").fill("Tampered findings");
    await page.getByTestId("start").click();
    const failed = page.getByTestId("findings-failed");
    await expect(failed).toContainText("The findings cannot be worked out in this browser");
    await expect
      .poll(async () => `${problems.join("\n")}\n${await failed.textContent()}`, {
        message: "the browser blocks the resource",
      })
      .toMatch(/integrity|digest|Failed to fetch/);
    await expect(page.getByTestId("findings-checking")).toHaveCount(0);
    await page.locator('[id="in-engagement.partner_name"]').fill("Partner");
    await expect(page.getByTestId("save-status")).toHaveText("Saved in this browser");
  });
}
});

for (const { kind, pattern, append } of tamperings) {
  test(`a tampered ${kind} is refused by the browser`, async ({ page }) => {
    const problems = watchProblems(page);
    await page.route(pattern, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: Buffer.concat([await response.body(), append]) });
    });

    await page.goto("./");

    await expect
      .poll(() => problems.join("\n"), { message: "the browser blocks the resource" })
      .toMatch(/Failed to find a valid digest in the 'integrity' attribute/);
    // The static page stays, inert: the app never took it over.
    await expect(page.locator("#static-page")).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Start", exact: true })).toBeDisabled();
  });
}
