// First visit of each page in a fresh phone-sized Chromium (empty cache): bytes on the wire
// (compressed, headers included, from the DevTools protocol), requests, Largest Contentful Paint
// and the time until the islands are hydrated (the WASM sets `data-hydrated` on <html>).
// With --slow-4g: Lighthouse's "slow 4G" (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) and a
// CPU 4× slower, as a cheap phone on a poor network.
// A path written `ar:/catalogue` is visited by a phone that chose that language (its cookie);
// the others by a French phone that has not chosen yet.
// Usage: node perf/first-visit.mjs [--slow-4g] http://127.0.0.1:3999 / /accessibilite ar:/catalogue
import { chromium } from "@playwright/test";

const args = process.argv.slice(2);
const slow = args.includes("--slow-4g");
const [base, ...paths] = args.filter((a) => a !== "--slow-4g");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const results = [];
for (const asked of paths.length ? paths : ["/"]) {
  const [langue, path] = asked.startsWith("/") ? [null, asked] : [asked.slice(0, asked.indexOf(":")), asked.slice(asked.indexOf(":") + 1)];
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "fr-FR" });
  if (langue) await context.addCookies([{ name: "langue", value: langue, url: base }]);
  await context.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
      .observe({ type: "largest-contentful-paint", buffered: true });
    new MutationObserver((_, obs) => {
      if (document.documentElement.hasAttribute("data-hydrated")) { window.__hydrated = performance.now(); obs.disconnect(); }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-hydrated"] });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (slow) {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6 * 1024 * 1024 / 8, uploadThroughput: 750 * 1024 / 8 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  let bytes = 0, requests = 0;
  const byType = {};
  const types = new Map();
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength; requests += 1;
    const t = types.get(e.requestId) ?? "Other";
    byType[t] = (byType[t] ?? 0) + e.encodedDataLength;
  });
  const t0 = Date.now();
  await page.goto(base + path, { waitUntil: "networkidle" });
  const loadedMs = Date.now() - t0;
  await page.waitForFunction(() => window.__hydrated !== undefined, null, { timeout: 30_000 }).catch(() => {});
  // LCP is final once the page is idle and nothing new paints.
  const { lcp, hydrated } = await page.evaluate(() => ({ lcp: window.__lcp, hydrated: window.__hydrated ?? null }));
  results.push({ path: asked, bytes, requests, loadedMs, lcpMs: Math.round(lcp), hydratedMs: hydrated === null ? null : Math.round(hydrated), byType });
  await context.close();
}
await browser.close();
console.log(JSON.stringify(results));
