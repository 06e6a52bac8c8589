// First visit of each page in a fresh phone-sized Chromium (empty cache): bytes on the wire
// (compressed, headers included, from the DevTools protocol), requests, and time until loaded.
// Usage: node perf/first-visit.mjs http://127.0.0.1:3999 / /accessibilite
import { chromium } from "@playwright/test";

const [base, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const results = [];
for (const path of paths.length ? paths : ["/"]) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
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
  results.push({ path, bytes, requests, loadedMs, byType });
  await context.close();
}
await browser.close();
console.log(JSON.stringify(results));
