import { test, expect } from "@playwright/test";
import { watchProblems, expectAccessible, expectNoHorizontalScroll } from "./helpers";

const THEMES = ["Logement", "Emploi", "Formation", "Difficultés administratives", "Difficultés financières",
  "Mobilité", "Santé", "Contraintes familiales", "Maîtrise de la langue française", "Numérique"];

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the home page shows the 10 themes and the search works as a form", async ({ page }) => {
    const problems = watchProblems(page, { javaScriptEnabled: false });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Itinéraire");
    for (const label of THEMES) {
      await expect(page.getByRole("heading", { level: 3, name: label, exact: true })).toBeVisible();
    }
    await page.getByLabel("Chercher un thème").fill("permis");
    await page.getByRole("button", { name: "Chercher" }).click();
    await expect(page).toHaveURL(/\?q=permis/);
    await expect(page.getByRole("status")).toHaveText("1 thème correspond à « permis ».");
    await expect(page.getByRole("heading", { level: 3, name: "Mobilité" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Logement" })).toBeHidden();
    expect(problems).toEqual([]);
  });
});

test("the home page hydrates: the theme filter reacts as the person types", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("/");
  const input = page.getByLabel("Chercher un thème");
  // Typing before the island has hydrated does nothing: retry until it reacts.
  await expect(async () => {
    await input.fill("");
    await input.pressSequentially("loyer");
    await expect(page.getByRole("status")).toHaveText("1 thème correspond à « loyer ».", { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/$/); // filtered in place, no reload
  await expect(page.getByRole("heading", { level: 3, name: "Logement" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Santé" })).toBeHidden();
  await input.fill("");
  await expect(page.getByRole("heading", { level: 3, name: "Santé" })).toBeVisible();
  await input.pressSequentially("xyzzy");
  await expect(page.getByRole("status")).toContainText("Aucun thème");
  expect(problems).toEqual([]);
});

test("the home page is accessible and fits 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  // Keyboard: the first Tab reaches the skip link, which leads to the content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();
});

test("an unknown address shows a French 404 with a way back", async ({ page }) => {
  const res = await page.goto("/cette-page-n-existe-pas");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cette page n’existe pas");
  await page.getByRole("link", { name: "Revenir à l’accueil" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /10 thèmes/ })).toBeVisible();
  await expectAccessible(page);
});

test("footer pages are reachable and accessible", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Accessibilité/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibilité");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Mentions légales" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mentions légales");
  await expectAccessible(page);
});

test("health check answers", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
});

test("a cross-site POST to a server function is refused", async ({ request }) => {
  const res = await request.post("/api/themes", { headers: { Origin: "https://evil.example" } });
  expect(res.status()).toBe(403);
  const ok = await request.post("/api/themes", { headers: { Origin: "http://127.0.0.1:3000" } });
  expect(ok.status()).toBe(200);
});
