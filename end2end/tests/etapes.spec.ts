import { test, expect } from "@playwright/test";
import { watchProblems, expectAccessible, expectNoHorizontalScroll } from "./helpers";

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });

    test("an invitation link lands on the territory's next steps and a person to call", async ({ page }) => {
      const problems = watchProblems(page, { javaScriptEnabled: js });
      await page.goto("/bienvenue?territoire=comminges");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bienvenue");
      await expect(page.getByText("Territoire : Comminges")).toBeVisible();
      await expect(page.getByRole("listitem").filter({ hasText: "Vous êtes orienté" })).toContainText("3 semaines");
      const call = page.getByRole("link", { name: /Appeler le 05 99 00 31 12/ });
      await expect(call).toHaveAttribute("href", "tel:0599003112");
      await page.getByRole("link", { name: /En savoir plus : Le premier rendez-vous/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Le premier rendez-vous");
      await expect(page.getByRole("link", { name: /Appeler le 05 99 00 31 12/ })).toBeVisible();
      await page.getByRole("link", { name: "← Mes prochaines étapes" }).click();
      await expect(page).toHaveURL(/\/etapes\?territoire=comminges$/);
      expect(problems).toEqual([]);
    });
  });
}

test("next-steps pages are accessible at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/etapes", "/bienvenue?territoire=comminges", "/etapes/documents", "/etapes/droits-et-devoirs"]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  }
});

test("an unknown territory gets a kind page with a choice and a phone number", async ({ page }) => {
  const res = await page.goto("/bienvenue?territoire=atlantide");
  expect(res?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Territoire inconnu");
  await expect(page.getByRole("link", { name: "Comminges" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Appeler le/ })).toBeVisible();
  await expectAccessible(page);
});
