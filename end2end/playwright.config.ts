import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium; Playwright never downloads a browser here.
export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  // The JSON report is read by scripts/test.sh: every listed test passed, none skipped or retried.
  reporter: [["list"], ["json", { outputFile: "../target/e2e/playwright.json" }]],
  timeout: 30_000,
  workers: 2,
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    // A cheap phone: 360×740, touch, mobile user agent.
    ...devices["Pixel 5"],
    viewport: { width: 360, height: 740 },
    // A French phone; the language tests choose theirs.
    locale: "fr-FR",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "phone-chromium" }],
});
