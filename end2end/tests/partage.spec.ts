import { test, expect } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, messageTo, professional } from "./helpers";
import { ACCOUNTS } from "../global-setup";

test("the CD's and France Travail's référents co-edit one carnet; the person marks an action done; strangers get 403", async ({ browser }) => {
  test.setTimeout(120_000);
  const alex = await professional(browser, ACCOUNTS.cd.email);
  const digits = String(Date.now()).slice(-8);
  const phone = `07 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`;
  const nom = `Benali${digits}`;
  await alex.getByRole("link", { name: "Ouvrir un carnet" }).click();
  await alex.getByLabel(/Prénom/).fill("Yanis");
  await alex.getByLabel(/^Nom/).fill(nom);
  await alex.getByLabel(/Date de naissance/).fill("1992-09-14");
  await alex.getByLabel(/Téléphone/).fill(phone);
  await alex.getByRole("button", { name: "Ouvrir le carnet" }).click();
  await expect(alex.getByRole("heading", { level: 1 })).toHaveText(`Carnet de Yanis ${nom}`);
  const carnet = alex.url().replace(/\?.*$/, "");
  // Alex (CD) shares the carnet with Sacha (France Travail).
  await alex.getByLabel("Donner accès à un professionnel").selectOption({ label: `${ACCOUNTS.ft.nom} — France Travail Saint-Gaudens (exemple)` });
  await alex.getByRole("button", { name: "Donner accès" }).click();
  await expect(alex.getByText("Ce professionnel suit maintenant la personne.")).toBeVisible();
  await alex.getByRole("link", { name: "Ajouter un objectif : Emploi" }).click();
  await alex.getByLabel("Ou avec vos mots").fill("Trouver un emploi de cariste");
  await alex.getByRole("button", { name: "Ajouter l’objectif" }).click();
  await expect(alex.getByText("L’objectif est ajouté.")).toBeVisible();

  // Both open the same objective; Alex saves first, Sacha is told and sees Alex's words.
  const sacha = await professional(browser, ACCOUNTS.ft.email);
  await sacha.goto(carnet);
  await expect(sacha.getByRole("heading", { level: 1 })).toHaveText(`Carnet de Yanis ${nom}`);
  await sacha.getByRole("link", { name: "Modifier l’objectif : Trouver un emploi de cariste" }).click();
  await alex.getByRole("link", { name: "Modifier l’objectif : Trouver un emploi de cariste" }).click();
  await expectAccessible(alex);
  await alex.getByLabel(/Libellé/).fill("Trouver un emploi de cariste à Saint-Gaudens");
  await alex.getByRole("button", { name: "Enregistrer" }).click();
  await expect(alex.getByText("C’est enregistré.")).toBeVisible();
  await sacha.getByLabel(/Libellé/).fill("Trouver un emploi en logistique");
  await sacha.getByLabel("Atteint").check();
  await sacha.getByRole("button", { name: "Enregistrer" }).click();
  await expect(sacha.getByRole("alert")).toContainText("Quelqu’un a modifié ceci pendant que vous le modifiiez.");
  await expect(sacha.locator("#erreur-libelle")).toHaveText("Modifié entre-temps. Valeur enregistrée : « Trouver un emploi de cariste à Saint-Gaudens »");
  await expect(sacha.getByLabel(/Libellé/)).toHaveValue("Trouver un emploi en logistique");
  await expectAccessible(sacha);
  // Sacha merges by hand: keeps Alex's place, saves again (a choice).
  await sacha.getByLabel(/Libellé/).fill("Trouver un emploi en logistique à Saint-Gaudens");
  await sacha.getByRole("button", { name: "Enregistrer" }).click();
  await expect(sacha.getByText("C’est enregistré.")).toBeVisible();
  await expect(sacha.locator("#theme-emploi")).toContainText("Trouver un emploi en logistique à Saint-Gaudens");
  // An action towards it, for the person.
  await sacha.getByRole("link", { name: "Ajouter une action : Trouver un emploi en logistique à Saint-Gaudens" }).click();
  await sacha.getByLabel("Ou avec vos mots").fill("S’inscrire à la formation CACES");
  await sacha.getByRole("button", { name: "Ajouter l’action" }).click();
  await expect(sacha.getByText("L’action est ajoutée.")).toBeVisible();
  await expect(sacha.getByRole("region", { name: "Historique des modifications" })).toContainText(`${ACCOUNTS.cd.nom} (Maison des solidarités de Saint-Gaudens (exemple))`);

  // The person, on a small phone: a code, their action marked done, their data.
  const person = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
  await person.goto("/mon-carnet");
  await person.getByLabel(/Votre numéro de téléphone ou votre adresse e-mail/).fill(phone);
  await person.getByRole("button", { name: "Recevoir mon code" }).click();
  const code = (await messageTo(phone, "code_personne")).texte.match(/\b(\d{6})\b/)![1];
  await person.getByLabel(/Code reçu/).fill(code);
  await person.getByRole("button", { name: "Ouvrir mon carnet" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText(`Le carnet de Yanis ${nom}`);
  await expect(person.getByRole("region", { name: "Qui m’accompagne" })).toContainText(ACCOUNTS.ft.nom);
  await person.locator("#theme-emploi").getByRole("button", { name: /^C’est fait/ }).click();
  await expect(person.getByRole("status")).toContainText("C’est noté.");
  await expectAccessible(person);
  await expectNoHorizontalScroll(person);
  const download = person.waitForEvent("download");
  await person.getByRole("link", { name: /Télécharger toutes mes données/ }).click();
  const file = await (await download).path();
  const data = JSON.parse((await import("node:fs")).readFileSync(file!, "utf8"));
  const emploi = data.diagnostic.find((d: { theme: string }) => d.theme === "Emploi");
  expect(emploi.objectifs[0].actions[0].statut).toBe("Fait");
  // Alex sees it done.
  await alex.goto(carnet);
  await expect(alex.locator("#theme-emploi")).toContainText("S’inscrire à la formation CACES — Fait");

  // A professional of another structure: 403 on every page and every form of the carnet.
  const sam = await professional(browser, ACCOUNTS.ccas.email);
  const paths = ["", "/identite", "/diagnostic/emploi", "/objectifs/emploi", "/evenement"];
  for (const p of paths) {
    const r = await sam.goto(carnet + p);
    expect(r?.status(), p).toBe(403);
    await expect(sam.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
    expect(await sam.content()).not.toContain(nom);
  }
  const origin = new URL(carnet).origin;
  for (const [p, form] of [["/identite", { version: "1", prenom: "X", nom: "Y", date_naissance: "1990-01-01" }],
                           ["/evenement", { kind: "note", texte: "Intrus" }], ["", { action: "ajouter", compte: "x" }]] as const) {
    const r = await sam.request.post(carnet + p, { form, headers: { Origin: origin }, maxRedirects: 0 });
    expect(r.status(), `POST ${p}`).toBe(403);
  }
  await sam.goto(`/pro/carnets?q=${nom}`);
  await expect(sam.getByRole("link", { name: `Yanis ${nom}` })).toHaveCount(0);
});
