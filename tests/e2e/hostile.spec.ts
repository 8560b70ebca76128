// Hostile text in every free-text answer, note and item name renders as inert text everywhere the
// app shows it: the steps, the findings, the summary and review mode. Nothing runs, nothing loads,
// no link points at script, and a very long value does not break the layout.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { intake, scratchFolder, watchProblems } from "./support";

const PAYLOADS = [
  "<script>window.__pwned = 1</script>",
  '"><img src=x onerror="window.__pwned = 2">',
  "javascript:window.__pwned = 3",
  '[click](javascript:window.__pwned=4) <a href="javascript:window.__pwned=5">x</a>',
  "\u202Eexe.txt\u202C and \u2066isolated\u2069",
  "<style>body{display:none}</style><iframe src=//evil.example></iframe>",
];
// 100 KB without a break: validation refuses it (20,000 characters at most), but it is kept and
// shown, must wrap, and must not make layout slow (style/main.css turns kerning off for that).
const LONG = "A".repeat(100_000);

type Question = { id: string; kind: string; questions?: Question[] };
type Section = { id: string; title: string; questions: Question[] };
type Answer = { value?: unknown; note?: string };
type Item = { name: string; answers: Record<string, Answer> };

const sections: Section[] = JSON.parse(intake("questions", "--json")).sections;
const isText = (kind: string) => kind === "short_text" || kind === "long_text";

/** The small-Proxmox answers with a payload in every free-text answer, note and item name. */
function hostileAnswers(): string {
  const file = JSON.parse(readFileSync("tests/fixtures/answers/small-proxmox.json", "utf8"));
  let turn = 0;
  const next = () => PAYLOADS[turn++ % PAYLOADS.length];
  for (const section of sections) {
    for (const question of section.questions) {
      if (question.kind === "group") {
        const items: Item[] = file.groups?.[question.id] ?? [];
        for (const item of items) {
          item.name = next();
          for (const member of question.questions ?? []) {
            const local = member.id.slice(question.id.length + 1);
            if (isText(member.kind)) item.answers[local] = { value: next() };
          }
          for (const answer of Object.values(item.answers)) answer.note = next();
        }
      } else if (isText(question.kind)) {
        file.answers[question.id] = { value: next() };
      }
    }
  }
  for (const answer of Object.values(file.answers) as Answer[]) answer.note = next();
  file.answers["engagement.escalation_path"] = { value: LONG, note: LONG };
  return JSON.stringify(file);
}

/** Nothing the payloads could have done happened, and the page has only its own markup. */
async function assertInert(page: Page, where: string) {
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    loaders: document.querySelectorAll("img, iframe, object, embed, body style").length,
    handlers: [...document.querySelectorAll("body *")].filter((element) =>
      [...element.attributes].some((attribute) => attribute.name.startsWith("on")),
    ).length,
    scriptLinks: [...document.querySelectorAll("a[href]")].filter((link) =>
      link.getAttribute("href")!.trim().toLowerCase().startsWith("javascript:"),
    ).length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    // What sticks out, to say where when something does.
    wide:
      [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
        .join(" ") || null,
    hidden: getComputedStyle(document.body).display === "none",
  }));
  expect(found, where).toEqual({
    pwned: null,
    loaders: 0,
    handlers: 0,
    scriptLinks: 0,
    overflow: 0,
    wide: null,
    hidden: false,
  });
}

test("hostile text in every free-text answer is inert in the steps, the summary and review mode", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const dir = scratchFolder("hostile");
  const answersPath = join(dir, "hostile.answers.json");
  writeFileSync(answersPath, hostileAnswers());

  await page.goto("./#/drafts");
  await page.getByTestId("import").setInputFiles(answersPath);
  await expect(page.getByTestId("drafts-message")).toContainText("Imported");
  const id = await page.getByTestId("draft").first().getAttribute("data-draft");
  await assertInert(page, "drafts");
  for (const section of sections) {
    await page.goto(`./#/d/${id}/${section.id}`);
    await expect(page.locator("#step-title")).toHaveText(section.title);
    await assertInert(page, section.id);
  }
  await page.goto(`./#/d/${id}/-summary`);
  await expect(page.getByTestId("overview")).toBeVisible();
  for (const folded of ["issue-cards", "verify-cards", "waiting", "answers-details"]) {
    await page.getByTestId(folded).locator("summary").first().click();
  }
  await expect(page.locator('.answer-section[data-section="engagement"]')).toContainText(PAYLOADS[0]);
  for (const finding of await page.getByTestId("finding-card").all()) {
    await expect(finding).toBeVisible();
  }
  await assertInert(page, "summary");

  const bundlePath = join(dir, "hostile.intake.zip");
  intake("bundle", answersPath, "-o", bundlePath);
  await page.goto("./#/review");
  await page.locator("#bundle-file").setInputFiles(bundlePath);
  await expect(page.getByTestId("integrity")).toBeVisible();
  await page.getByLabel("Reviewer", { exact: true }).fill(PAYLOADS[1]);
  await page.evaluate(() => document.querySelectorAll("details").forEach((details) => (details.open = true)));
  await assertInert(page, "review");
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
});
