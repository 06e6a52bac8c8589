import { test, expect, Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, watchProblems } from "./helpers";

/** Text that looks like one of our message keys ("nav-accueil", "offres-nombre"…): never shown. */
const KEY = /\b(meta|langue|nav|erreur|accueil|etapes|aide|catalogue|filtre|offres?|horaires|mes-offres|champ|formulaire|ateliers|date|inscription|badges?|theme|objectif)-[a-z0-9_-]+\b/;

async function expectTranslated(page: Page, lang: string, dir: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
  const text = await page.locator("body").innerText();
  expect(text.match(KEY)?.[0], "a message key shown as text").toBeUndefined();
}

const LANGUAGES = [
  { code: "en", name: "English", dir: "ltr", find: "Find help near you", workshops: "Free workshops near you" },
  { code: "ar", name: "العربية", dir: "rtl", find: "ابحث عن مساعدة قريبة منك", workshops: "ورشات عمل مجانية قريبة منك" },
  { code: "uk", name: "Українська", dir: "ltr", find: "Знайти допомогу поруч", workshops: "Безкоштовні майстер-класи поруч" },
  { code: "fa-AF", name: "دری", dir: "rtl", find: "کمک نزدیک خود را پیدا کنید", workshops: "ورکشاپ‌های رایگان نزدیک شما" },
];

for (const l of LANGUAGES) {
  test(`a person chooses ${l.name} on the first visit and reads every page in it`, async ({ page }) => {
    test.setTimeout(90_000);
    const problems = watchProblems(page);
    await page.setViewportSize({ width: 320, height: 640 });
    // First visit, a French phone: the page is in French and asks for the language in all five.
    await page.goto("/catalogue?q=cv");
    await expectTranslated(page, "fr", "ltr");
    await expect(page.getByText("Choisissez votre langue", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: l.name }).click();
    // Back on the same search, in the chosen language; the choice is remembered.
    await expect(page).toHaveURL(/\/catalogue\?q=cv$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(l.find);
    await expectTranslated(page, l.code, l.dir);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "langue")?.value).toBe(l.code);
    await expect(page.getByText("Choisissez votre langue", { exact: true })).toHaveCount(0);
    if (l.dir === "rtl") {
      // Right to left for real: the text starts on the right of the screen.
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");
      const h1 = await page.getByRole("heading", { level: 1 }).boundingBox();
      expect(h1!.x + h1!.width).toBeGreaterThan(300);
    }
    for (const path of ["/", "/etapes", "/etapes/premier-rendez-vous", "/catalogue", "/ateliers", "/mes-badges", "/mes-offres"]) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(page.locator("h1").first()).toBeVisible();
        await expectTranslated(page, l.code, l.dir);
        await expectNoHorizontalScroll(page);
        await expectAccessible(page);
      });
    }
    await page.goto("/ateliers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(l.workshops);
    await page.locator("a[href^='/ateliers/']").first().click();
    await expectTranslated(page, l.code, l.dir);
    await expectAccessible(page);
    await page.goto("/catalogue");
    await page.locator("a[href^='/offres/']").first().click();
    await expectTranslated(page, l.code, l.dir);
    await expectAccessible(page);
    // The island keeps an offer with its translated words (they come from the server).
    const keep = page.locator(".save button");
    await expect(keep).toBeVisible();
    await keep.click();
    await expect(keep).toHaveAttribute("aria-pressed", "true");
    expect((await keep.innerText()).match(KEY)).toBeNull();
    // Back to French from the menu's language link.
    await page.goto("/langue");
    await page.getByRole("button", { name: "Français" }).click();
    await expectTranslated(page, "fr", "ltr");
    expect(problems).toEqual([]);
  });
}

test("the home page's theme filter counts in the person's language as they type", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "langue", value: "uk", url: baseURL! }]);
  await page.goto("/");
  await expectTranslated(page, "uk", "ltr");
  // A French word and a Ukrainian one both find the housing theme: the language never narrows.
  const input = page.getByLabel(/Пошук теми/);
  await input.fill("житло");
  await expect(page.locator(".filter-status")).toContainText("житло");
  await expect(page.locator(".theme-card:visible")).toHaveCount(1);
  await input.fill("logement");
  await expect(page.locator(".theme-card:visible")).toHaveCount(1);
  await expect(page.locator(".filter-status")).toHaveText("1 тема відповідає «logement».");
});
