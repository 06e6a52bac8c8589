import { test, expect, Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, professional } from "./helpers";
import { ACCOUNTS } from "../global-setup";

/** The first link of a list page that matches `re`, as a path (an offer, a session). */
async function firstPath(page: Page, from: string, re: RegExp): Promise<string> {
  await page.goto(from);
  const href = await page.locator("a[href]").evaluateAll((as, src) => as.map((a) => a.getAttribute("href")!).find((h) => new RegExp(src).test(h)), re.source);
  expect(href, `a link matching ${re} on ${from}`).toBeTruthy();
  return href!;
}

/** Each path: a heading shows, nothing wider than the screen, axe-core clean. */
async function checkPages(page: Page, paths: string[]) {
  for (const path of paths) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.locator("h1").first()).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
    });
  }
}

// Every page a person can reach, at 320 px: axe-core (WCAG 2.1 A/AA) clean, nothing wider than the screen.
test("every beneficiary page is accessible at 320 px", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const offre = await firstPath(page, "/catalogue", /^\/offres\/[0-9a-f-]{36}$/);
  const seance = await firstPath(page, "/ateliers", /^\/ateliers\/[0-9a-f-]{36}$/);
  const pages = ["/", "/etapes", "/bienvenue?territoire=comminges", "/etapes/rsa", "/etapes/premier-rendez-vous", "/catalogue",
    "/catalogue?q=manger&ouvert=1", offre, "/catalogue/imprimer?theme=mobilite", "/mes-offres", "/ateliers", seance, "/mes-badges",
    "/verifier", "/mon-carnet", "/accessibilite", "/mentions-legales", "/i/AAAA-BBBB-CCCC", "/messages/arret/lien-inconnu", "/page-qui-n-existe-pas"];
  await checkPages(page, pages);
});

test("every professional page is accessible at tablet width", async ({ browser }) => {
  test.setTimeout(120_000);
  const pro = await professional(browser, ACCOUNTS.mobil.email);
  const offre = await firstPath(pro, "/pro", /^\/pro\/offres\/[0-9a-f-]{36}$/);
  const atelier = await firstPath(pro, "/pro/ateliers", /^\/pro\/ateliers\/[0-9a-f-]{36}$/);
  const orienter = (await firstPath(pro, "/catalogue", /^\/offres\/[0-9a-f-]{36}$/)).replace("/offres/", "/pro/orienter/");
  const pages = ["/pro", "/pro/nouvelle-offre", offre, "/pro/ateliers", "/pro/nouvel-atelier", atelier, "/pro/carnets", "/pro/nouveau-carnet",
    "/pro/equipe", "/pro/mon-compte", "/pro/invitations", "/pro/orientations", "/pro/messages", orienter];
  await checkPages(pro, pages);
});

test("keyboard only: a person searches the catalogue and opens an offer", async ({ page }) => {
  await page.goto("/catalogue");
  await page.getByLabel(/Rechercher/).focus();
  await page.keyboard.type("permis");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: /offre/ })).toBeVisible();
  // Tab from the results heading to the first offer's link, then Enter.
  const link = page.getByRole("link", { name: "Permis de conduire solidaire" });
  for (let i = 0; i < 40 && !(await link.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Permis de conduire solidaire");
});

test("keyboard only: a professional signs in", async ({ page }) => {
  await page.goto("/pro/connexion");
  await page.getByLabel(/Adresse e-mail/).focus();
  await page.keyboard.type(ACCOUNTS.ccas.email);
  const password = page.getByLabel(/Mot de passe/);
  for (let i = 0; i < 5 && !(await password.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press("Tab");
  await page.keyboard.type("mot de passe des tests e2e");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Les offres de");
});
