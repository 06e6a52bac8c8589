// No date bomb: the seeded release server, started with its clock today, a year ahead and three
// years ahead (Debian's `faketime`), shows the same catalogue, the same workshops and a badge
// that verifies. A seed or a test input dated in absolute terms would make the later runs differ.
//   node end2end/quality/clock.mjs
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sleep } from "./server.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const server = path.join(root, "target/release/server");
// Debian's libfaketime, preloaded into the server itself (the `faketime` wrapper would leave the
// server running when it is stopped).
const libfaketime = execFileSync("dpkg", ["-L", "libfaketime"], { encoding: "utf8" }).split("\n").find((l) => l.endsWith("/libfaketime.so.1"));
if (!libfaketime) throw new Error("libfaketime is missing (scripts/setup.sh installs faketime)");

async function run(days, port) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itineraire-clock-"));
  const env = {
    ...process.env,
    LD_PRELOAD: libfaketime,
    FAKETIME: `+${days}d`,
    DATABASE_URL: `sqlite://${dir}/itineraire.db?mode=rwc`,
    ITINERAIRE_BADGE_KEY: path.join(dir, "badge-key.secret"),
    ITINERAIRE_DEMO: "true",
    ITINERAIRE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
    LEPTOS_SITE_ROOT: path.join(root, "target/site"),
    RUST_LOG: "warn",
  };
  execFileSync(server, ["badge-key"], { cwd: root, env, stdio: "ignore" });
  const child = spawn(server, [], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise((r) => child.once("exit", r));
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* starting */ }
      if (i > 600) throw new Error("server did not start");
      await sleep(100);
    }
    const page = async (p) => (await fetch(base + p)).text();
    const catalogue = await page("/catalogue");
    const offres = catalogue.match(/(\d+) offres?\b/)?.[1];
    const ateliers = new Set((await page("/ateliers")).match(/\/ateliers\/[0-9a-f-]{36}/g) ?? []).size;
    // The demo's attendee gets her badge from the background task within seconds.
    let badge = "";
    for (let i = 0; i < 100 && !badge; i++) {
      badge = execFileSync("sqlite3", [path.join(dir, "itineraire.db"), "SELECT id FROM badge LIMIT 1"], { encoding: "utf8" }).trim();
      if (!badge) await sleep(200);
    }
    const badgePage = badge ? await page(`/badges/${badge}`) : "";
    return {
      days,
      offres: Number(offres),
      permis: (await page("/catalogue?q=permis")).replace(/<[^>]+>/g, "").includes("Permis de conduire solidaire"),
      ateliers,
      badge_authentique: badgePage.includes("Badge authentique"),
    };
  } finally {
    child.kill("SIGTERM");
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const runs = [];
for (const [days, port] of [[0, 3470], [365, 3471], [1095, 3472]]) runs.push(await run(days, port));
console.log(JSON.stringify(runs, null, 2));
const [first, ...later] = runs;
const same = (r) => r.offres === first.offres && r.permis === first.permis && r.ateliers === first.ateliers && r.badge_authentique === first.badge_authentique;
if (!(first.offres > 0 && first.permis && first.ateliers > 0 && first.badge_authentique) || !later.every(same)) {
  console.error("the seeded server does not show the same catalogue, workshops and badges a year or three years ahead");
  process.exit(1);
}
