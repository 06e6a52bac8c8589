import { test, expect, Page } from "@playwright/test";
import { watchProblems, expectAccessible, expectNoHorizontalScroll, messageTo } from "./helpers";
import { ACCOUNTS, PASSWORD } from "../global-setup";

/** After « Je m’inscris »: the same neutral answer for everyone (nobody learns who registered);
 * the person opens her registration from the message she receives. Returns its path. */
async function openFromMessage(page: Page, to: string): Promise<string> {
  await expect(page.getByRole("status")).toContainText("Vous recevez dans un instant un SMS ou un e-mail avec le lien de votre inscription");
  const { lien } = await messageTo(to, "inscription");
  await page.goto(lien);
  return lien;
}

/** A mobile number nobody else uses in this run. */
function mobile(): string {
  const n = String(Date.now() * 1000 + Math.floor(Math.random() * 1000)).slice(-8);
  return `06 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)}`;
}

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });

    test("a person finds a workshop, registers without an account, gets the calendar file and cancels", async ({ page }) => {
      test.setTimeout(60_000);
      const problems = watchProblems(page, { javaScriptEnabled: js });
      const accessible = async () => { if (js) await expectAccessible(page); };
      await page.setViewportSize({ width: 320, height: 700 });
      await page.goto("/");
      await page.getByRole("link", { name: "Ateliers" }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ateliers gratuits près de chez vous");
      await accessible();
      await expectNoHorizontalScroll(page);
      // Filter by theme: a GET form, the choice in the URL.
      await page.getByLabel("Thème").selectOption({ label: "Emploi" });
      await page.getByRole("button", { name: "Afficher" }).click();
      await expect(page).toHaveURL(/theme=emploi/);
      await expect(page.getByRole("link", { name: "Mobilité : passer le permis" })).toHaveCount(0);
      await page.getByRole("link", { name: "Faire son CV" }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Faire son CV");
      await expect(page.getByText("Présenter son parcours en quelques lignes")).toBeVisible();

      // A mistake first: a message by the field, what was typed kept.
      await page.getByLabel(/Prénom/).fill("Léa");
      await page.getByLabel(/^Nom/).fill("Martin");
      await page.getByLabel("Numéro de portable").fill("05 61 00 00 00");
      await page.getByRole("button", { name: "Je m’inscris" }).click();
      await expect(page.getByRole("alert")).toContainText("Le formulaire contient 2 erreurs");
      await expect(page.getByLabel("Numéro de portable")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel(/Prénom/)).toHaveValue("Léa");
      await accessible();
      await expectNoHorizontalScroll(page);
      const phone = mobile();
      await page.getByLabel("Numéro de portable").fill(phone);
      await page.getByLabel(/J’accepte que l’organisateur/).check();
      // With WASM the form is sent without reloading the page: a mark left on the page survives.
      if (js) await page.evaluate(() => { (window as any).sansRechargement = true; });
      await page.getByRole("button", { name: "Je m’inscris" }).click();
      await expect(page.getByRole("status")).toContainText("Votre demande est bien reçue");
      if (js) expect(await page.evaluate(() => (window as any).sansRechargement)).toBe(true);
      await accessible();
      // The SMS reaches her phone (the SMS API on loopback) with her private link.
      const sms = await messageTo(phone, "inscription");
      expect(sms.texte).toContain("vous etes inscrit à \"Faire son CV\"");
      expect(sms.texte).not.toContain("RSA");
      expect(sms.lien).toMatch(/^\/inscription\/[A-Za-z0-9_-]{43}$/);
      await page.goto(sms.lien);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre place est réservée");
      await expect(page).toHaveTitle(/Votre place est réservée/);
      await accessible();

      // The calendar file.
      const ics = await page.request.get(await page.getByRole("link", { name: "Ajouter à mon agenda" }).getAttribute("href") ?? "");
      expect(ics.headers()["content-type"]).toContain("text/calendar");
      expect(await ics.text()).toContain("SUMMARY:Faire son CV");

      // From the SMS's page: cancel; the cancellation is confirmed by SMS too.
      await page.getByRole("button", { name: "Annuler mon inscription" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre inscription est annulée");
      expect((await messageTo(phone, "desinscription")).texte).toContain("est annulée");
      await expect(page.getByRole("button", { name: "Annuler mon inscription" })).toHaveCount(0);
      // The refused form answered 422 on purpose; nothing else may go wrong.
      expect(problems.filter((p) => !p.startsWith("422") && !p.includes("status of 422"))).toEqual([]);
    });
  });
}

test("keyboard only: a person registers with Tab, typing and Enter", async ({ page }) => {
  await page.goto("/ateliers?theme=numerique");
  await page.getByRole("link", { name: "Mes droits et démarches en ligne" }).first().focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes droits et démarches en ligne");
  // From the first field, everything by keyboard.
  await page.getByLabel(/Prénom/).focus();
  await page.keyboard.type("Noé");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Petit");
  await page.keyboard.press("Tab");
  const phone = mobile();
  await page.keyboard.type(phone);
  await page.keyboard.press("Tab");
  await page.keyboard.type("noe@example.org");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(/J’accepte que l’organisateur/)).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Je m’inscris" })).toBeFocused();
  await page.keyboard.press("Enter");
  await openFromMessage(page, phone);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre place est réservée");
});

test("a full session offers the waiting list; a cancellation gives the seat to the first waiting", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  const register = async (page: Page, prenom: string) => {
    await page.goto("/ateliers?theme=mobilite");
    // The one-seat demo session is the later of the two.
    await page.getByRole("link", { name: "Mobilité : passer le permis" }).last().click();
    await page.getByLabel(/Prénom/).fill(prenom);
    await page.getByLabel(/^Nom/).fill("Test");
    const phone = mobile();
    await page.getByLabel("Numéro de portable").fill(phone);
    await page.getByLabel(/J’accepte que l’organisateur/).check();
    return phone;
  };
  const alex = await register(first, "Alex");
  await first.getByRole("button", { name: "Je m’inscris" }).click();
  await openFromMessage(first, alex);
  await expect(first.getByRole("heading", { level: 1 })).toHaveText("Votre place est réservée");
  const lou = await register(second, "Lou");
  await second.getByRole("button", { name: "M’inscrire sur la liste d’attente" }).click();
  await openFromMessage(second, lou);
  await expect(second.getByRole("heading", { level: 1 })).toHaveText("Vous êtes sur la liste d’attente");
  await expect(second.getByText("Vous êtes le prochain sur la liste")).toBeVisible();
  await first.getByRole("button", { name: "Annuler mon inscription" }).click();
  await expect(first.getByRole("heading", { level: 1 })).toHaveText("Votre inscription est annulée");
  await second.goto(second.url().replace(/\?.*$/, ""));
  await expect(second.getByRole("heading", { level: 1 })).toHaveText("Votre place est réservée");
});

test("an organiser adds a session today, a person registers, the organiser takes the roll call", async ({ page, browser }) => {
  test.setTimeout(60_000);
  await page.goto("/pro/ateliers");
  await page.getByLabel(/Adresse e-mail/).fill(ACCOUNTS.mobil.email);
  await page.getByLabel(/Mot de passe/).fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les ateliers de Association Mobil’Comminges (exemple)");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Créer un atelier" }).click();
  const titre = `Réparer son vélo ${Date.now()}`;
  await page.getByLabel(/Titre/).fill(titre);
  await page.getByLabel(/^Description(?! du badge)/).fill("On apprend à réparer son vélo soi-même, avec les outils de l’atelier.");
  await page.getByRole("group", { name: /Thèmes/ }).getByLabel("Mobilité").check();
  await page.getByLabel(/Compétences travaillées/).fill("Changer une chambre à air\nRégler ses freins");
  // The badge it awards: its name, how it is earned, its colour.
  const badgeName = `Je répare mon vélo ${Date.now()}`;
  await page.getByLabel("Nom du badge").fill(badgeName);
  await page.getByLabel("Comment on l’obtient").fill("Avoir changé une chambre à air pendant l’atelier.");
  await page.getByRole("group", { name: "Couleur du badge" }).getByLabel("Vert").check();
  await page.getByRole("button", { name: "Enregistrer l’atelier" }).click();
  await expect(page.getByRole("status")).toContainText("L’atelier est créé");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ajouter une séance" }).click();
  // Today, started a few minutes ago (Paris time): the roll call is open.
  const paris = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit",
    day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);
  const now = new Date();
  const [today] = paris(now).split(" ");
  const startDate = new Date(now.getTime() - 5 * 60_000);
  const start = paris(startDate).startsWith(today) ? paris(startDate).split(" ")[1] : "00:00";
  await page.getByLabel(/^Date/).fill(today);
  await page.getByLabel(/Heure de début/).fill(start);
  await page.getByLabel(/Heure de fin/).fill("23:59");
  await page.getByLabel("Commune").selectOption({ label: "Montréjeau" });
  await page.getByLabel(/Nombre de places/).fill("6");
  await page.getByRole("button", { name: "Enregistrer la séance" }).click();
  await expect(page.getByRole("status")).toContainText("La séance est ajoutée");

  // A person registers (another browser, no account).
  // Its own browser context (axe-core needs one), phone-sized.
  const person = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await person.goto("/ateliers?commune=31390");
  await person.getByRole("link", { name: titre }).click();
  await person.getByLabel(/Prénom/).fill("Yanis");
  await person.getByLabel(/^Nom/).fill("Roche");
  const email = `yanis${Date.now()}@example.org`;
  await person.getByLabel("Adresse e-mail").fill(email);
  await person.getByLabel(/J’accepte que l’organisateur/).check();
  await person.getByRole("button", { name: "Je m’inscris" }).click();
  const privateLink = await openFromMessage(person, email);
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Votre place est réservée");

  // The roll call.
  await page.getByRole("link", { name: "Inscrits et appel" }).first().click();
  await expect(page.getByRole("row", { name: /Yanis Roche/ })).toBeVisible();
  await page.getByRole("row", { name: /Yanis Roche/ }).getByLabel("Présent").check();
  await page.getByRole("button", { name: "Enregistrer l’appel" }).click();
  await expect(page.getByRole("status")).toHaveText("L’appel est enregistré.");
  await expect(page.getByRole("row", { name: /Yanis Roche/ }).getByLabel("Présent")).toBeChecked();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  // The server issues the badge within seconds; the person finds it on their private page.
  await expect(async () => {
    await person.goto(privateLink);
    await expect(person.getByRole("link", { name: "Voir mon badge" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // The person's message brings the private link to "Mes badges".
  const message = await messageTo(email, "porte_badges");
  expect(message.sujet).toBe(`Votre badge : ${badgeName}`);
  await person.goto(message.lien);
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Mes badges");
  const item = person.getByRole("listitem").filter({ has: person.getByRole("heading", { name: badgeName }) });
  await expect(item).toBeVisible();
  const shared = (await item.locator(".share-link").textContent())!.trim();
  await expectAccessible(person);
  await expectNoHorizontalScroll(person);
  await item.getByRole("link", { name: /Voir, partager/ }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText(badgeName);
  await expect(person.getByRole("img", { name: "QR code du lien de ce badge" })).toBeVisible();
  await expectNoHorizontalScroll(person);
  // An employer, without an account, opens the shared link.
  const employer = await (await browser.newContext()).newPage();
  await employer.goto(new URL(shared).pathname);
  await expect(employer.getByText("Badge authentique : vérifié à l’instant par Itinéraire.")).toBeVisible();
  await expect(employer.getByText("Signature valide : le contenu n’a pas été modifié.")).toBeVisible();
  await expect(employer.getByRole("listitem").filter({ hasText: "Obtenu par" })).toContainText("Yanis Roche");
  await expect(employer.getByText("Avoir changé une chambre à air pendant l’atelier.")).toBeVisible();
  await expectAccessible(employer);
  // They download the credential: an Open Badge signed with eddsa-rdfc-2022…
  const json = await employer.request.get(`${employer.url()}/badge.json`);
  const body = await json.text();
  const credential = JSON.parse(body);
  expect(credential.type).toContain("OpenBadgeCredential");
  expect(credential.proof[0].cryptosuite).toBe("eddsa-rdfc-2022");
  // …upload the file at /verifier: authentic; one changed character pasted: invalid.
  await employer.goto("/verifier");
  await employer.getByLabel("Fichier du badge (.json)").setInputFiles({ name: "badge.json", mimeType: "application/json", buffer: Buffer.from(body) });
  await employer.getByRole("button", { name: "Vérifier" }).click();
  await expect(employer.getByText("Badge authentique : vérifié à l’instant par Itinéraire.")).toBeVisible();
  await expectAccessible(employer);
  await employer.goto("/verifier");
  await employer.getByLabel("Ou collez son contenu").fill(body.replace("Yanis", "Yannis"));
  await employer.getByRole("button", { name: "Vérifier" }).click();
  await expect(employer.getByText(/Badge invalide/)).toBeVisible();
  await person.goto(new URL(shared).pathname);

  // The organiser (administrator of the structure) revokes it, with a reason: the same page now says so.
  const badgePage = person.url();
  await page.goto(badgePage);
  await page.getByLabel(/Motif/).fill("Présence notée par erreur");
  await page.getByRole("button", { name: "Révoquer le badge" }).click();
  await person.goto(badgePage);
  await expect(person.getByText("Badge révoqué : il n’est plus valable.")).toBeVisible();
  await expect(person.getByText(/Révoqué par l’émetteur. Motif : Présence notée par erreur/)).toBeVisible();
  await expectAccessible(person);
});
