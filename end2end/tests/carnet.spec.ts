import { test, expect } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, messageTo, professional } from "./helpers";
import { ACCOUNTS } from "../global-setup";

test("a référent opens a carnet, fills in the diagnostic, shares it; concurrent edits are caught", async ({ browser }) => {
  test.setTimeout(90_000);
  const camille = await professional(browser, ACCOUNTS.mobil.email);
  await expectAccessible(camille);
  const nom = `Durand${Date.now()}`;
  await camille.getByRole("link", { name: "Ouvrir un carnet" }).click();
  await camille.getByLabel(/Prénom/).fill("Inès");
  await camille.getByLabel(/^Nom/).fill(nom);
  await camille.getByLabel(/Date de naissance/).fill("2031-01-01");
  await camille.getByLabel(/Téléphone/).fill("12");
  await camille.getByRole("button", { name: "Ouvrir le carnet" }).click();
  // French messages per field, typed values kept.
  await expect(camille.getByRole("alert")).toContainText("Cette date de naissance n’est pas possible.");
  await expect(camille.getByRole("alert")).toContainText("Ce numéro de téléphone n’est pas valide");
  await expect(camille.getByLabel(/^Nom/)).toHaveValue(nom);
  await expectAccessible(camille);
  await camille.getByLabel(/Date de naissance/).fill("1988-05-17");
  await camille.getByLabel(/Téléphone/).fill("06 11 22 33 44");
  await camille.getByRole("button", { name: "Ouvrir le carnet" }).click();
  await expect(camille.getByRole("heading", { level: 1 })).toHaveText(`Carnet de Inès ${nom}`);
  await expect(camille.getByRole("status").first()).toHaveText("Le carnet est ouvert. Vous le suivez.");
  await expectAccessible(camille);
  const carnet = camille.url().replace(/\?.*$/, "");

  // The housing diagnostic, opened in two tabs: the first save lands, the second is told.
  const other = await camille.context().newPage();
  await other.goto(carnet);
  await camille.getByRole("link", { name: "Modifier le diagnostic : Logement" }).click();
  await other.getByRole("link", { name: "Modifier le diagnostic : Logement" }).click();
  await camille.getByLabel("Hébergé chez un tiers").check();
  await camille.getByLabel("Commentaire des professionnels").fill("Hébergée chez sa sœur depuis mars.");
  await expectAccessible(camille);
  await camille.getByRole("button", { name: "Enregistrer le diagnostic" }).click();
  await expect(camille.getByText("Le diagnostic est enregistré.")).toBeVisible();
  await expect(camille.getByRole("listitem").filter({ hasText: "Hébergé chez un tiers" }).first()).toBeVisible();
  await other.getByLabel("Propriétaire").check();
  await other.getByLabel("Commentaire des professionnels").fill("Propriétaire d’une maison.");
  await other.getByRole("button", { name: "Enregistrer le diagnostic" }).click();
  await expect(other.getByRole("alert")).toContainText("Quelqu’un a modifié ceci pendant que vous le modifiiez.");
  await expect(other.getByText(/Valeur enregistrée : « Hébergée chez sa sœur depuis mars. »/).first()).toBeVisible();
  await expect(other.getByText(/Valeur enregistrée : « Hébergé chez un tiers »/).first()).toBeVisible();
  await expect(other.getByLabel("Commentaire des professionnels")).toHaveValue("Propriétaire d’une maison.");

  // Sam (another structure) does not see it until Camille gives access.
  const sam = await professional(browser, ACCOUNTS.ccas.email);
  await expect(sam.getByRole("link", { name: `Inès ${nom}` })).toHaveCount(0);
  const refused = await sam.goto(carnet);
  expect(refused?.status()).toBe(403);
  await camille.goto(carnet);
  await camille.getByLabel("Donner accès à un professionnel").selectOption({ label: `${ACCOUNTS.ccas.nom} — CCAS de Montréjeau (exemple)` });
  await camille.getByRole("button", { name: "Donner accès" }).click();
  await expect(camille.getByText("Ce professionnel suit maintenant la personne.")).toBeVisible();
  await sam.goto(`/pro/carnets?q=${nom}`);
  await sam.getByRole("link", { name: `Inès ${nom}` }).click();
  await expect(sam.getByRole("heading", { level: 1 })).toHaveText(`Carnet de Inès ${nom}`);
  await expectAccessible(sam);
  await expectNoHorizontalScroll(sam);
  // Sam's read is in the log; the history shows Camille's change with before and after.
  await camille.goto(carnet);
  await expect(camille.getByRole("region", { name: "Qui a consulté ce carnet" })).toContainText(ACCOUNTS.ccas.nom);
  await expect(camille.getByRole("region", { name: "Historique des modifications" })).toContainText("Diagnostic : Logement");
  // The list filters by theme needing action.
  await camille.goto(`/pro/carnets?q=${nom}&theme=logement`);
  await expect(camille.getByRole("link", { name: `Inès ${nom}` })).toBeVisible();
  await camille.goto(`/pro/carnets?q=${nom}&theme=sante`);
  await expect(camille.getByRole("link", { name: `Inès ${nom}` })).toHaveCount(0);
});

test("the person opens their carnet with a code on their phone, writes on a theme, takes their data", async ({ browser }) => {
  test.setTimeout(90_000);
  const camille = await professional(browser, ACCOUNTS.mobil.email);
  const digits = String(Date.now()).slice(-8);
  const phone = `06 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`;
  await camille.getByRole("link", { name: "Ouvrir un carnet" }).click();
  await camille.getByLabel(/Prénom/).fill("Noé");
  await camille.getByLabel(/^Nom/).fill("Petit");
  await camille.getByLabel(/Date de naissance/).fill("1979-02-03");
  await camille.getByLabel(/Téléphone/).fill(phone);
  await camille.getByRole("button", { name: "Ouvrir le carnet" }).click();
  await expect(camille.getByRole("heading", { level: 1 })).toHaveText("Carnet de Noé Petit");
  const carnet = camille.url().replace(/\?.*$/, "");
  // An objective on housing (from the référentiel) and an action towards it.
  await camille.getByRole("link", { name: "Ajouter un objectif : Logement" }).click();
  await camille.getByLabel("Du référentiel").selectOption({ index: 1 });
  await camille.getByRole("button", { name: "Ajouter l’objectif" }).click();
  await expect(camille.getByText("L’objectif est ajouté.")).toBeVisible();
  await camille.getByRole("link", { name: /^Ajouter une action/ }).first().click();
  await expectAccessible(camille);
  await camille.getByLabel("Du référentiel").selectOption({ index: 1 });
  // Two months from today: the test never expires.
  const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await camille.getByLabel("À faire avant le").fill(due);
  await camille.getByRole("button", { name: "Ajouter l’action" }).click();
  await expect(camille.getByText("L’action est ajoutée.")).toBeVisible();
  // An appointment on the timeline.
  await camille.getByRole("link", { name: "Ajouter un rendez-vous ou une note" }).click();
  await camille.getByLabel("Date du rendez-vous").fill("2099-03-02");
  await camille.getByLabel("Heure").fill("09:30");
  await camille.getByLabel("Lieu").fill("Maison des solidarités, Saint-Gaudens");
  await camille.getByLabel(/Motif ou texte/).fill("Faire le point sur le logement.");
  await expectAccessible(camille);
  await camille.getByRole("button", { name: "Ajouter" }).click();
  await expect(camille.getByText("C’est ajouté au journal.")).toBeVisible();

  // The person, on a small phone, without an account: a code by SMS.
  const person = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
  await person.goto("/mon-carnet");
  await expectAccessible(person);
  await person.getByLabel(/Votre numéro de téléphone ou votre adresse e-mail/).fill(phone.replace(/ /g, ""));
  await person.getByRole("button", { name: "Recevoir mon code" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Votre code");
  const sms = await messageTo(phone, "code_personne");
  expect(sms.texte).not.toContain("RSA");
  const code = sms.texte.match(/\b(\d{6})\b/)![1];
  await person.getByLabel(/Code reçu/).fill(code === "000000" ? "111111" : "000000");
  await person.getByRole("button", { name: "Ouvrir mon carnet" }).click();
  await expect(person.getByRole("alert")).toContainText("Ce code n’est pas le bon.");
  await person.getByLabel(/Code reçu/).fill(code);
  await person.getByRole("button", { name: "Ouvrir mon carnet" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Le carnet de Noé Petit");
  await expect(person.getByRole("region", { name: "Qui m’accompagne" })).toContainText(ACCOUNTS.mobil.nom);
  await expect(person.getByRole("region", { name: "Qui a lu mon carnet" })).toContainText(ACCOUNTS.mobil.nom);
  await expectAccessible(person);
  await expectNoHorizontalScroll(person);
  await expect(person.getByRole("region", { name: "Mes rendez-vous et notes" })).toContainText("lundi 2 mars 2099 à 9 h 30");
  // Their action, marked done by them.
  await expect(person.locator("#theme-logement")).toContainText(`(avant le ${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)})`);
  await person.locator("#theme-logement").getByRole("button", { name: /^C’est fait/ }).click();
  await expect(person.getByRole("status")).toContainText("C’est noté.");
  await expect(person.locator("#theme-logement")).toContainText("Fait");
  await person.getByLabel("Ce que je veux dire sur : Logement").fill("Je cherche un T2 près de Saint-Gaudens.");
  await person.locator("#theme-logement").getByRole("button", { name: "Enregistrer" }).click();
  await expect(person.getByRole("status")).toContainText("C’est enregistré.");
  // All their data, as a file.
  const data = await (await person.request.get("/mon-carnet/donnees.json")).json();
  expect(data.identite.prenom).toBe("Noé");
  expect(data.diagnostic[0].votre_commentaire).toBe("Je cherche un T2 près de Saint-Gaudens.");
  // The référent sees the person's words and the change in the history, under the person's name.
  await camille.goto(carnet);
  await expect(camille.getByText("La personne dit : Je cherche un T2 près de Saint-Gaudens.")).toBeVisible();
  await expect(camille.getByRole("region", { name: "Historique des modifications" })).toContainText("Noé Petit (la personne)");
  await person.getByRole("button", { name: "Me déconnecter" }).click();
  await expect(person.getByRole("status")).toHaveText("Vous êtes déconnecté.");
});
