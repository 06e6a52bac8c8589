import { test, expect } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, messageTo, professional, watchProblems } from "./helpers";
import { ACCOUNTS } from "../global-setup";

test("a letter's short link opens the territory's next steps on a phone; an unknown link gives someone to call", async ({ browser }) => {
  test.setTimeout(90_000);
  const pro = await professional(browser, ACCOUNTS.cd.email);
  await pro.getByRole("link", { name: "Lettres d’invitation" }).click();
  await pro.getByLabel("Territoire").selectOption({ label: "Comminges" });
  await pro.getByLabel("Nombre de lettres").fill("1");
  await pro.getByRole("button", { name: "Préparer les lettres" }).click();
  await expect(pro.getByRole("heading", { level: 1 })).toHaveText("1 lettre(s) prête(s) à imprimer");
  const letter = pro.locator(".lettre");
  await expect(letter).not.toContainText("RSA");
  await expect(letter.locator("svg")).toBeVisible();
  const short = (await letter.locator(".lien-court").textContent())!.trim();
  expect(short).toMatch(/\/i\/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // The person types it from paper, in lower case, on a small phone.
  const phone = await (await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true })).newPage();
  const problems = watchProblems(phone);
  await phone.goto("/i/" + short.split("/i/")[1].toLowerCase());
  await expect(phone).toHaveURL(/\/bienvenue\?territoire=comminges$/);
  await expect(phone.getByText("Territoire : Comminges")).toBeVisible();
  expect(problems).toEqual([]);
  await phone.goto("/i/AAAA-BBBB-CCCC");
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Ce lien n’existe pas");
  await expect(phone.getByRole("link", { name: /Appeler le 05 99 00 31 00/ })).toBeVisible();
  await expectNoHorizontalScroll(phone);
  await expectAccessible(phone);
});

test("a référent orients a person to an offer; the structure accepts from its e-mail, without an account", async ({ browser }) => {
  test.setTimeout(90_000);
  const pro = await professional(browser, ACCOUNTS.ft.email);
  await pro.goto("/catalogue?q=scooter");
  await pro.getByRole("link", { name: /Location de scooters/ }).click();
  await pro.getByRole("link", { name: /orienter une personne vers cette offre/ }).click();
  await pro.getByLabel("Nom de la personne").fill("Noé Lefèvre");
  await pro.getByLabel(/Son téléphone ou son e-mail/).fill("06 11 22 33 44");
  await pro.getByLabel(/Comment préfère-t-elle/).selectOption({ label: "Par SMS" });
  await pro.getByLabel(/Objet de l’orientation/).fill("Louer un scooter pour aller à son nouvel emploi");
  // Without the person's consent, nothing leaves.
  await pro.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(pro.getByText("Sans l’accord de la personne, la demande ne peut pas être envoyée.").first()).toBeVisible();
  await pro.getByLabel(/La personne est d’accord/).check();
  await pro.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(pro.getByRole("heading", { level: 1 })).toHaveText("Mes orientations");
  await expect(pro.getByText("En attente de réponse")).toBeVisible();
  await expectAccessible(pro);

  // The structure reads its e-mail and answers through the link.
  const mail = await messageTo("contact@mobil-comminges.example", "orientation");
  const structure = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await structure.goto(mail.lien);
  await expect(structure.getByText("Louer un scooter pour aller à son nouvel emploi")).toBeVisible();
  await expectAccessible(structure);
  await structure.getByRole("button", { name: "J’accepte la demande" }).click();
  await expect(structure.getByText("Acceptée")).toBeVisible();
  await pro.reload();
  await expect(pro.getByText("Acceptée")).toBeVisible();
});

test("a référent prints a filtered list for someone without a phone", async ({ page }) => {
  await page.goto("/catalogue?theme=mobilite");
  await page.getByRole("link", { name: /Imprimer cette liste/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Des aides près de chez vous");
  await expect(page.getByText("Permis de conduire solidaire")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expectAccessible(page);
});

test("a structure's admin asks for monthly checks: its offers ask for an update, one is confirmed, then back to the usual period", async ({ browser }) => {
  const sam = await professional(browser, ACCOUNTS.ccas.email);
  await sam.goto("/pro");
  const section = sam.getByRole("region", { name: "Rythme de mise à jour" });
  await expect(section).toContainText("depuis 180 jours (durée habituelle)");
  const before = await sam.locator(".tag-stale").count();
  const field = section.getByLabel(/Vérifier nos offres tous les/);
  await field.fill("trois mois");
  await section.getByRole("button", { name: "Enregistrer la durée" }).click();
  await expect(sam.getByRole("alert")).toContainText("Écrivez un nombre de jours en chiffres, entre 14 et 335.");
  await expect(field).toHaveValue("trois mois");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(sam);
  // Every 30 days: the demo offers (loaded 36 days old, whatever the day) are older than that.
  await field.fill("30");
  await section.getByRole("button", { name: "Enregistrer la durée" }).click();
  await expect(sam.locator(".notice")).toHaveText(/La durée est enregistrée/);
  await expect(section).toContainText("depuis 30 jours (durée choisie par votre structure)");
  const card = (name: string) => sam.locator(".offre-card", { hasText: name });
  await expect(card("Vestiboutique").getByText("À mettre à jour")).toBeVisible();
  await card("Vestiboutique").getByRole("button", { name: "Elle est toujours à jour" }).click();
  await expect(sam.locator(".notice")).toHaveText(/à jour à la date d’aujourd’hui/);
  await expect(card("Vestiboutique").getByText("À mettre à jour")).toHaveCount(0);
  await expect(card("Colis alimentaires").getByText("À mettre à jour")).toBeVisible();
  await expectAccessible(sam);
  // Back to the usual period: only what was flagged before still is.
  await section.getByRole("button", { name: "Revenir à la durée habituelle (180 jours)" }).click();
  await expect(section).toContainText("(durée habituelle)");
  expect(await sam.locator(".tag-stale").count()).toBeLessThanOrEqual(before);
});
