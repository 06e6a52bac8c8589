import { test, expect, Browser, Page } from "@playwright/test";
import { expectAccessible, messageTo } from "./helpers";
import { ACCOUNTS, PASSWORD } from "../global-setup";

async function tablet(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/pro/connexion");
  await page.getByLabel(/Adresse e-mail/).fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test("an administrator invites a colleague, who chooses a password, forgets it, and is disabled on leaving", async ({ browser }) => {
  test.setTimeout(90_000);
  const camille = await tablet(browser);
  await signIn(camille, ACCOUNTS.mobil.email, PASSWORD);
  await camille.getByRole("link", { name: "Équipe" }).click();
  await expect(camille.getByRole("heading", { level: 1 })).toHaveText("Équipe : Association Mobil’Comminges (exemple)");
  await expectAccessible(camille);
  const email = `dominique.${Date.now()}@mobil.example`;
  await camille.getByLabel(/Prénom et nom/).fill("Dominique Petit");
  await camille.getByLabel(/Adresse e-mail professionnelle/).fill("dominique");
  await camille.getByLabel("Rôle").selectOption({ label: "Référent" });
  await camille.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(camille.getByRole("alert")).toContainText("Cette adresse e-mail n’est pas valide");
  await expect(camille.getByLabel(/Prénom et nom/)).toHaveValue("Dominique Petit");
  await camille.getByLabel(/Adresse e-mail professionnelle/).fill(email);
  await camille.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(camille.getByRole("status")).toContainText("L’invitation est envoyée");
  await expect(camille.getByRole("row").filter({ hasText: email })).toContainText("Invitation envoyée");

  // Dominique's e-mail: the link, a password chosen (twice the same), then sign-in.
  const invitation = await messageTo(email, "invitation");
  expect(invitation.texte).not.toContain("RSA");
  const dominique = await tablet(browser);
  await dominique.goto(invitation.lien);
  await expect(dominique.getByRole("heading", { level: 1 })).toHaveText("Bienvenue, Dominique Petit");
  await expectAccessible(dominique);
  await dominique.getByLabel(/^Nouveau mot de passe/).fill("ma première phrase secrète");
  await dominique.getByLabel(/encore une fois/).fill("ma premiere phrase secrete");
  await dominique.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(dominique.getByRole("alert")).toContainText("Les deux mots de passe ne sont pas les mêmes.");
  await dominique.getByLabel(/^Nouveau mot de passe/).fill("ma première phrase secrète");
  await dominique.getByLabel(/encore une fois/).fill("ma première phrase secrète");
  await dominique.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(dominique.getByRole("status")).toHaveText("Votre mot de passe est enregistré. Connectez-vous avec lui.");
  await dominique.getByLabel(/Adresse e-mail/).fill(email);
  await dominique.getByLabel(/^Mot de passe/).fill("ma première phrase secrète");
  await dominique.getByRole("button", { name: "Se connecter" }).click();
  await expect(dominique.getByText("Connecté : Dominique Petit")).toBeVisible();
  // The same link does not work twice.
  await dominique.goto(invitation.lien);
  await expect(dominique.getByRole("heading", { level: 1 })).toHaveText("Ce lien n’est plus valable");

  // Forgotten: a new link by e-mail, a new password.
  const other = await tablet(browser);
  await other.goto("/pro/connexion");
  await other.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expectAccessible(other);
  await other.getByLabel(/Adresse e-mail/).fill(email);
  await other.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(other.getByRole("status")).toContainText("Si un compte existe avec cette adresse");
  const reset = await messageTo(email, "mot_de_passe");
  await other.goto(reset.lien);
  await other.getByLabel(/^Nouveau mot de passe/).fill("ma deuxième phrase secrète");
  await other.getByLabel(/encore une fois/).fill("ma deuxième phrase secrète");
  await other.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await signIn(other, email, "ma deuxième phrase secrète");
  await expect(other.getByText("Connecté : Dominique Petit")).toBeVisible();
  // The session opened with the old password is closed.
  await dominique.goto("/pro/carnets");
  await expect(dominique).toHaveURL(/\/pro\/connexion\?suite=\/pro\/carnets$/);
  await expect(dominique.getByRole("heading", { level: 1 })).toHaveText("Espace professionnels");

  // Dominique leaves: Camille disables the account; its session stops at once.
  await camille.goto("/pro/equipe");
  await camille.getByRole("row").filter({ hasText: email }).getByRole("link", { name: "Dominique Petit" }).click();
  await expectAccessible(camille);
  await camille.getByLabel("Désactivé : ne peut plus se connecter").check();
  await camille.getByRole("button", { name: "Enregistrer" }).click();
  await expect(camille.getByRole("status")).toHaveText("C’est enregistré.");
  // Sent to the sign-in page (a redirect, not a page that only says so).
  const answer = await other.goto("/pro/carnets");
  const seen = `${answer?.request().redirectedFrom()?.url() ?? "no redirect"} → ${answer?.status()} ${answer?.url()}`;
  await expect(other, seen).toHaveURL(/\/pro\/connexion\?suite=\/pro\/carnets$/);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Espace professionnels");
});
