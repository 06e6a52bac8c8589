import { test, expect } from "@playwright/test";
import { watchProblems, expectAccessible, expectNoHorizontalScroll } from "./helpers";

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });

    test("filter by theme and commune, search with a typo, open an offer, tap its number", async ({ page }) => {
      const problems = watchProblems(page, { javaScriptEnabled: js });
      await page.goto("/catalogue");
      await expect(page.getByRole("heading", { level: 2, name: /\d+ offres/ })).toBeVisible();
      // The themes are entry points, with their number of offers.
      await page.getByRole("navigation", { name: "Par thème" }).getByRole("link", { name: /Logement/ }).click();
      await expect(page).toHaveURL(/theme=logement/);
      await expect(page.getByLabel("Thème", { exact: true })).toHaveValue("logement");
      await page.goto("/catalogue");
      await page.getByLabel("Thème", { exact: true }).selectOption({ label: "Mobilité" });
      await page.getByLabel("Seulement dans cette commune").selectOption({ label: "Saint-Gaudens" });
      await page.getByRole("button", { name: "Voir les offres" }).click();
      await expect(page).toHaveURL(/theme=mobilite/);
      await expect(page).toHaveURL(/commune=31483/);
      await expect(page.getByRole("heading", { level: 2, name: "2 offres" })).toBeVisible();

      await page.getByLabel(/Rechercher/).fill("permi");
      await page.getByRole("button", { name: "Voir les offres" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "1 offre" })).toBeVisible();
      await expect(page.locator("mark").first()).toHaveText("Permis");

      await page.goto("/catalogue?q=logment");
      await expect(page.getByText("Nous avons cherché « logement » au lieu de « logment ».")).toBeVisible();

      await page.goto("/catalogue?q=scooter");
      await page.getByRole("link", { name: /Location de scooters/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Location de scooters et de voitures à petit prix");
      await expect(page.getByRole("link", { name: "Appeler le 05 99 00 31 30" })).toHaveAttribute("href", "tel:0599003130");
      expect(problems).toEqual([]);
    });
  });
}

test("an offer kept on the phone is listed in « Mes offres gardées »", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("/catalogue?q=budget");
  await page.getByRole("link", { name: /Faire le point sur son budget/ }).click();
  const keep = page.getByRole("button", { name: "Garder cette offre sur ce téléphone" });
  await keep.click();
  await expect(page.getByRole("button", { name: /Offre gardée/ })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("link", { name: "Mes offres gardées" }).click();
  await expect(page.getByRole("link", { name: "Faire le point sur son budget" })).toBeVisible();
  await page.getByRole("button", { name: /Retirer/ }).click();
  await expect(page.getByText("Vous n’avez gardé aucune offre")).toBeVisible();
  expect(problems).toEqual([]);
});

test("catalogue pages are accessible at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/catalogue?q=permis");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.getByRole("link", { name: /Permis de conduire solidaire/ }).click();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.goto("/mes-offres");
  await expectAccessible(page);
});

test("a bad filter gets a French message and a 400, the form still works", async ({ page }) => {
  const res = await page.goto("/catalogue?theme=n-existe-pas");
  expect(res?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Ce thème n’existe pas.");
  await page.getByRole("button", { name: "Voir les offres" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /\d+ offres/ })).toBeVisible();
});

test("everyday words find offers, « voir plus » adds ten, « ouvert aujourd’hui » keeps the places open today", async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/catalogue");
  // No food offer says « manger »: the list of everyday words does.
  await page.getByLabel(/Rechercher/).fill("manger");
  await page.getByRole("button", { name: "Voir les offres" }).click();
  await expect(page.getByRole("link", { name: "Colis alimentaires d’urgence" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Épicerie solidaire/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Permis/ })).toHaveCount(0);
  // Ten offers at first; « voir plus » lands on the eleventh.
  await page.goto("/catalogue");
  await expect(page.locator(".offre-card")).toHaveCount(10);
  await page.getByRole("link", { name: /Voir plus d’offres \(10 sur \d+\)/ }).click();
  await expect(page).toHaveURL(/page=2#r11$/);
  await expect(page.locator(".offre-card")).toHaveCount(20);
  // Open today: every card left says so, with today's hours.
  await page.getByLabel("Seulement les lieux ouverts aujourd’hui").check();
  await page.getByRole("button", { name: "Voir les offres" }).click();
  await expect(page).toHaveURL(/ouvert=1/);
  const cards = page.locator(".offre-card");
  await expect(cards.first()).toBeVisible();
  const n = await cards.count();
  await expect(page.locator(".offre-card .ouverture.ouvert")).toHaveCount(n);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
