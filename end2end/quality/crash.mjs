// Crash safety: people register for a workshop and a référent writes notes in a carnet, without
// pause, while the server is killed with SIGKILL several times and restarted. Every write the
// server acknowledged (its 303 after the post) must be in the database afterwards.
//   node quality/crash.mjs sqlite|postgres [--kills 5]
// Uses the release build (target/release/server, target/site); prints one JSON line of figures
// and exits 1 if any acknowledged write is missing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freshPostgres, startServer, stopServer, signIn, form, sleep, firstMatch } from "./server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const backend = process.argv[2] ?? "sqlite";
const kills = Number(process.argv[process.argv.indexOf("--kills") + 1]) || 5;
const dir = mkdtempSync(path.join(tmpdir(), "itineraire-crash-"));
let databaseUrl, query, cleanup;
if (backend === "postgres") {
  const fresh = freshPostgres("crash");
  databaseUrl = fresh.url;
  query = (sql) => execFileSync("psql", [databaseUrl, "-Atc", sql], { encoding: "utf8" });
  cleanup = fresh.drop;
} else {
  const file = path.join(dir, "crash.db");
  databaseUrl = `sqlite://${file}?mode=rwc`;
  query = (sql) => execFileSync("sqlite3", [file, sql], { encoding: "utf8" });
  cleanup = () => {};
}
const port = 3900 + Math.floor(Math.random() * 90);
const env = {
  DATABASE_URL: databaseUrl,
  ITINERAIRE_INSCRIPTIONS_PAR_IP_HEURE: "100000000",
  ITINERAIRE_INSCRIPTIONS_PAR_SEANCE_MINUTE: "100000000",
  ITINERAIRE_BADGE_KEY: path.join(dir, "none.secret"),
};

let server = await startServer(root, port, env);
const base = `http://127.0.0.1:${port}`;
execFileSync(path.join(root, "target/release/server"),
  ["account-add", "--email", "crash@mobil.example", "--nom", "Test Crash", "--structure", "itineraire-exemple:mobil-comminges", "--role", "referent"],
  { cwd: root, env: { ...process.env, ...env, ITINERAIRE_PASSWORD: "mot de passe du test de crash", RUST_LOG: "warn" } });
let cookie = await signIn(base, "crash@mobil.example", "mot de passe du test de crash");
const created = await form(base, "/pro/nouveau-carnet", { prenom: "Test", nom: "Crash", date_naissance: "1980-01-01" }, cookie);
const carnet = created.headers.get("location").split("?")[0];
const seance = firstMatch(await (await fetch(`${base}/ateliers`)).text(), /\/ateliers\/([0-9a-f-]{36})/);

const acknowledged = { registrations: [], notes: [] };
let attempts = 0, refusedOrCut = 0, running = true;
async function writer(kind, n) {
  for (let i = 0; running; i++) {
    const key = `${kind}${n}x${i}`;
    attempts++;
    try {
      if (kind === "r") {
        const r = await form(base, `/ateliers/${seance}`, { prenom: "Crash", nom: key, courriel: `${key}@crash.example`, consentement: "oui", attente: "oui" });
        if (r.status === 303 && r.headers.get("location").startsWith("/inscription/")) acknowledged.registrations.push(key);
        else refusedOrCut++;
      } else {
        const r = await form(base, `${carnet}/evenement`, { kind: "note", texte: `note ${key}` }, cookie);
        if (r.status === 303 && r.headers.get("location").includes("ok=evenement")) acknowledged.notes.push(key);
        else refusedOrCut++;
      }
    } catch {
      refusedOrCut++; // connection refused or cut by the kill: not acknowledged
      await sleep(20);
    }
  }
}
const writers = [writer("r", 1), writer("r", 2), writer("n", 1), writer("n", 2)];
for (let k = 0; k < kills; k++) {
  await sleep(800 + Math.random() * 1500);
  server.kill("SIGKILL");
  await new Promise((r) => server.once("exit", r));
  server = await startServer(root, port, env);
}
await sleep(1000);
running = false;
await Promise.all(writers);
await stopServer(server);

const names = new Set(query("SELECT nom FROM inscription").split("\n").map((l) => l.trim()));
const texts = new Set(query("SELECT texte FROM carnet_evenement").split("\n").map((l) => l.trim()));
const lostRegistrations = acknowledged.registrations.filter((k) => !names.has(k));
const lostNotes = acknowledged.notes.filter((k) => !texts.has(`note ${k}`));
const report = {
  backend, kills, attempts, notAcknowledged: refusedOrCut,
  acknowledged: acknowledged.registrations.length + acknowledged.notes.length,
  found: acknowledged.registrations.length - lostRegistrations.length + acknowledged.notes.length - lostNotes.length,
  lost: lostRegistrations.length + lostNotes.length,
};
console.log(JSON.stringify(report));
cleanup();
rmSync(dir, { recursive: true, force: true });
if (report.lost > 0 || report.acknowledged === 0) {
  console.error("lost:", lostRegistrations.slice(0, 5), lostNotes.slice(0, 5));
  process.exit(1);
}
