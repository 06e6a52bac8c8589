import { expect, Page, Browser } from "@playwright/test";
import { PASSWORD } from "../global-setup";
import AxeBuilder from "@axe-core/playwright";

/** Collects what a person would never want to see go wrong: JS errors, console errors, failed or 4xx/5xx requests. */
export function watchProblems(page: Page, opts: { javaScriptEnabled?: boolean } = {}): string[] {
  const problems: string[] = [];
  const jsOff = opts.javaScriptEnabled === false;
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("requestfailed", (r) => {
    // With JavaScript disabled, Chromium refuses the script preload and reports it as "csp".
    if (jsOff && r.failure()?.errorText === "csp" && r.url().endsWith(".js")) return;
    problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
  return problems;
}

/** WCAG 2.1 A/AA rules of axe-core; any violation fails the test with its ids. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** No horizontal scrolling at the current width. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The overseas mobile prefixes and their country codes (as the server maps them). */
const OUTRE_MER: Record<string, string> = { "0690": "590", "0691": "590", "0694": "594", "0696": "596", "0697": "596", "0692": "262", "0693": "262", "0639": "262" };

/** A French mobile as the SMS API receives it (`06 12 34 56 78` → `33612345678`, `06 90 …` →
 * `590690…`); e-mails as they are. */
function asReceived(to: string): string {
  const digits = to.replace(/[^0-9]/g, "");
  if (!/^0[67][0-9]{8}$/.test(digits)) return to.toLowerCase();
  return `${OUTRE_MER[digits.slice(0, 4)] ?? "33"}${digits.slice(1)}`;
}

/** The last message sent to `to` (kind e.g. "porte_badges"), as the loopback SMTP server and
 * SMS API received it (end2end/sinks/sinks.mjs, started by scripts/test.sh, which writes each
 * message to the file SINKS_MESSAGES): what the person would read on her phone or in her
 * mailbox. Waits for the server's outbox worker. */
export async function messageTo(to: string, kind: string): Promise<{ sujet: string; texte: string; lien: string }> {
  const fs = await import("node:fs");
  const file = process.env.SINKS_MESSAGES;
  if (!file) throw new Error("SINKS_MESSAGES is not set (scripts/test.sh starts the sinks and sets it)");
  const who = asReceived(to);
  let found: { sujet: string; texte: string } | undefined;
  await expect(async () => {
    const lines = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim()) : [];
    found = lines.map((l) => JSON.parse(l)).filter((m) => m.destinataire === who && m.kind === kind).pop();
    expect(found, `a ${kind} message to ${to}`).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  const links = found!.texte.split(/\s+/).filter((w) => w.startsWith("http"));
  // The message's own link (a reminder's last link is « STOP »).
  const own = links.find((l) => !l.includes("/messages/arret/")) ?? "";
  const lien = own ? new URL(own).pathname : "";
  return { sujet: found!.sujet, texte: found!.texte, lien };
}

/** A professional at a tablet (1024×768), signed in, on their list of carnets. */
export async function professional(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await page.goto("/pro/carnets");
  await page.getByLabel(/Adresse e-mail/).fill(email);
  await page.getByLabel(/Mot de passe/).fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les carnets que je suis");
  return page;
}
