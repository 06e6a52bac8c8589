import { test, expect, Page } from "@playwright/test";
import { watchProblems, expectAccessible, expectNoHorizontalScroll } from "./helpers";

/** The distance written on each card of the list, in page order. */
async function distances(page: Page): Promise<number[]> {
  const lines = await page.locator("#resultats ~ ul.offres > li .muted:not(.small)").allTextContents();
  return lines.map((l) => (l.includes("à moins de 1 km") ? 0 : Number(/· à (\d+) km/.exec(l)?.[1] ?? NaN)));
}

async function expectNearestFirst(page: Page) {
  const d = await distances(page);
  expect(d.length).toBeGreaterThan(0);
  expect(d.every((x) => !Number.isNaN(x))).toBe(true);
  expect(d).toEqual([...d].sort((a, b) => a - b));
  return d;
}

for (const js of [true, false]) {
  test(`a person types their commune and sees the nearest offers first (${js ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: js });
    const page = await context.newPage();
    const problems = watchProblems(page, { javaScriptEnabled: js });
    await page.goto("/catalogue");
    // No button that would do nothing without JavaScript.
    if (!js) await expect(page.getByRole("button", { name: "Utiliser ma position" })).toHaveCount(0);
    await page.getByLabel("Votre commune ou votre code postal").fill("montrejeau");
    await page.getByRole("button", { name: "Voir les offres" }).click();
    await expect(page.getByText("Les offres les plus proches de Montréjeau d’abord. Distances à vol d’oiseau.")).toBeVisible();
    const d = await expectNearestFirst(page);
    expect(d[0]).toBe(0);
    await expect(page.getByLabel("Votre commune ou votre code postal")).toHaveValue("montrejeau");
    // A postcode several communes share: the person picks theirs.
    await page.getByLabel("Votre commune ou votre code postal").fill("31800");
    await page.getByRole("button", { name: "Voir les offres" }).click();
    await expect(page.getByText("Plusieurs communes correspondent. Choisissez la vôtre :")).toBeVisible();
    await page.getByRole("link", { name: "Saint-Gaudens", exact: true }).click();
    await expect(page.getByText("Les offres les plus proches de Saint-Gaudens d’abord.", { exact: false })).toBeVisible();
    await expectNearestFirst(page);
    // A commune outside the département: a clear message, the form still there.
    await page.getByLabel("Votre commune ou votre code postal").fill("Paris");
    await page.getByRole("button", { name: "Voir les offres" }).click();
    await expect(page.getByRole("alert")).toContainText("Nous ne trouvons pas « Paris » en Haute-Garonne.");
    await expect(page.getByLabel("Votre commune ou votre code postal")).toBeVisible();
    // The one problem expected: the refusal's 400 (and Chromium's console line about it).
    expect(problems.filter((p) => !p.startsWith("400:") && !p.includes("status of 400"))).toEqual([]);
    await context.close();
  });
}

test("the phone's position, given, sorts the list from where the person stands", async ({ browser }) => {
  // Saint-Gaudens, town hall.
  const context = await browser.newContext({ geolocation: { latitude: 43.1081, longitude: 0.7234 }, permissions: ["geolocation"] });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto("/catalogue?theme=mobilite");
  await page.getByRole("button", { name: "Utiliser ma position" }).click();
  await expect(page).toHaveURL(/position=43\.11%2C0\.72/);
  // The other filters stay; the position is rounded to about a kilometre.
  await expect(page).toHaveURL(/theme=mobilite/);
  await expect(page.getByText("Les offres les plus proches de vous d’abord.", { exact: false })).toBeVisible();
  const d = await expectNearestFirst(page);
  expect(d[0]).toBeLessThanOrEqual(2);
  expect(problems).toEqual([]);
  await context.close();
});

test("a refused or slow position says so in words and hands over to the commune field", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/catalogue");
  // No permission given: the browser refuses.
  await page.getByRole("button", { name: "Utiliser ma position" }).click();
  await expect(page.getByRole("status").filter({ hasText: "permis" })).toHaveText(
    "Vous n’avez pas permis l’accès à votre position. Écrivez votre commune à la place.",
  );
  await expect(page.getByLabel("Votre commune ou votre code postal")).toBeFocused();
  await expect(page).toHaveURL(/\/catalogue$/);
  // A phone that cannot find itself in time.
  await page.addInitScript(() => {
    navigator.geolocation.getCurrentPosition = (_ok, fail) => setTimeout(() => fail?.({ code: 3, message: "timeout" } as GeolocationPositionError), 50);
  });
  await page.reload();
  await page.getByRole("button", { name: "Utiliser ma position" }).click();
  await expect(page.getByText("Votre position n’a pas été trouvée à temps. Réessayez, ou écrivez votre commune.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Utiliser ma position" })).toBeEnabled();
  await context.close();
});

test("the catalogue with its « près de chez vous » field is accessible at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/catalogue?pres=Saint-Gaudens");
  await expect(page.getByRole("button", { name: "Utiliser ma position" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});
