import { test, expect, Page } from "@playwright/test";
import { watchProblems, expectAccessible, expectNoHorizontalScroll } from "./helpers";
import { ACCOUNTS, PASSWORD } from "../global-setup";

async function signIn(page: Page, email: string) {
  await page.goto("/pro");
  // Not signed in: the sign-in page, which comes back here afterwards.
  await expect(page).toHaveURL(/\/pro\/connexion\?suite=\/pro/);
  await page.getByLabel(/Adresse e-mail/).fill(email);
  await page.getByLabel(/Mot de passe/).fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/pro$/);
}

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });

    test("a professional signs in, fixes a mistake, publishes an offer, then archives it", async ({ page }) => {
      test.setTimeout(60_000);
      const problems = watchProblems(page, { javaScriptEnabled: js });
      // axe-core runs in the page: only with JavaScript.
      const accessible = async () => { if (js) await expectAccessible(page); };
      const nom = `Ateliers tablette ${js ? "a" : "b"}${Date.now()}`;
      await page.goto("/pro/connexion");
      await accessible();
      // A wrong password: a French message, the e-mail kept.
      await page.getByLabel(/Adresse e-mail/).fill(ACCOUNTS.mobil.email);
      await page.getByLabel(/Mot de passe/).fill("pas le bon");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect.");
      await expect(page.getByLabel(/Adresse e-mail/)).toHaveValue(ACCOUNTS.mobil.email);

      await signIn(page, ACCOUNTS.mobil.email);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les offres de Association Mobil’Comminges (exemple)");
      await expect(page.getByText("Permis de conduire solidaire")).toBeVisible();
      await accessible();

      await page.getByRole("link", { name: "Créer une offre" }).click();
      await page.getByLabel(/Nom de l’offre/).fill(nom);
      await page.getByLabel(/Description/).fill("Apprendre à se servir d’une tablette pour ses démarches, en petit groupe.");
      await page.getByRole("group", { name: /Thèmes/ }).getByLabel("Numérique").check();
      await page.getByRole("group", { name: /Coût/ }).getByLabel("Gratuit").check();
      await page.getByRole("group", { name: /Où se passe/ }).getByLabel("En présentiel").check();
      await page.getByLabel("Commune").selectOption({ label: "Aspet" });
      await page.getByLabel("Téléphone", { exact: true }).fill("05 99 00");
      await page.getByRole("button", { name: "Enregistrer" }).click();
      // Refused: the list of problems, the message by its field, what was typed kept.
      await expect(page.getByRole("alert")).toContainText("Le formulaire contient 1 erreur");
      const message = "Ce numéro de téléphone n’est pas valide. Exemple : 05 61 00 00 00.";
      // In the summary, as a link to the field; and by the field, tied to it for screen readers.
      await expect(page.getByRole("alert").getByRole("link", { name: message })).toHaveAttribute("href", "#champ-telephone");
      await expect(page.getByLabel("Téléphone", { exact: true })).toHaveAccessibleDescription(new RegExp(message.replace(/[.()]/g, "\\$&")));
      await expect(page.getByLabel("Téléphone", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel(/Nom de l’offre/)).toHaveValue(nom);
      await accessible();
      await expectNoHorizontalScroll(page);
      await page.getByLabel("Téléphone", { exact: true }).fill("05 99 00 31 77");
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await expect(page.getByRole("status")).toHaveText("L’offre est créée. Elle est visible dans le catalogue.");

      // A person finds it in the catalogue, and can call.
      await page.goto(`/catalogue?q=${encodeURIComponent(nom)}`);
      await page.getByRole("link", { name: nom }).click();
      await expect(page.getByRole("link", { name: /05 99 00 31 77/ })).toHaveAttribute("href", "tel:0599003177");

      // Archived: gone from the catalogue.
      await page.goto("/pro");
      await page.getByRole("link", { name: nom }).click();
      await page.getByRole("button", { name: "Archiver cette offre" }).click();
      await expect(page.getByRole("status")).toHaveText("L’offre est archivée : elle n’apparaît plus dans le catalogue.");
      await page.goto(`/catalogue?q=${encodeURIComponent(nom)}`);
      await expect(page.getByRole("link", { name: nom })).toHaveCount(0);

      await page.goto("/pro");
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await expect(page.getByRole("status")).toHaveText("Vous êtes déconnecté.");
      await page.goto("/pro");
      await expect(page).toHaveURL(/\/pro\/connexion/);
      // The only 4xx are the refused posts this test made on purpose.
      // (Chromium also logs each of them on the console.)
      const expected = (p: string) => /^(401|422): .*\/pro\//.test(p) || /^console: .* status of (401|422) /.test(p);
      expect(problems.filter((p) => !expected(p))).toEqual([]);
      expect(problems.filter((p) => /^4\d\d: /.test(p))).toHaveLength(2);
    });

    test("a professional cannot open another structure's offer", async ({ page }) => {
      await signIn(page, ACCOUNTS.ccas.email);
      await page.goto("/catalogue?q=permis+solidaire");
      const href = await page.getByRole("link", { name: /Permis de conduire solidaire/ }).getAttribute("href");
      const response = await page.goto(`/pro${href}`);
      expect(response!.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
    });
  });
}
