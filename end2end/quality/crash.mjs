// Crash safety: people register for a workshop and a référent writes notes in a carnet, without
// pause, while the server is killed with SIGKILL several times and restarted — and, on
// PostgreSQL, the database server itself is stopped at once (`pg_ctl -m immediate`, a throw-away
// cluster of the test's own) and started again. Every write the server acknowledged (its 303)
// must be in the database afterwards, and after each restart the session's counters must equal
// its rows (seats and waiting list), nobody registered twice, nobody waiting while a seat is free.
//   node quality/crash.mjs sqlite|postgres [--kills 5]
// Uses the release build (target/release/server, target/site); prints one JSON line of figures
// and exits 1 if any acknowledged write is missing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, stopServer, signIn, form, sleep, firstMatch } from "./server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const backend = process.argv[2] ?? "sqlite";
const kills = Number(process.argv[process.argv.indexOf("--kills") + 1]) || 5;
const dir = mkdtempSync(path.join(tmpdir(), "itineraire-crash-"));
let databaseUrl, query, cleanup;
let pgDir = "";
if (backend === "postgres") {
  // A cluster of its own, to kill: never the machine's.
  const out = execFileSync(path.join(root, "scripts/postgres.sh"), ["start"], { env: { ...process.env, ITINERAIRE_PG_JETABLE: "1" }, encoding: "utf8" });
  const vars = Object.fromEntries(out.trim().split("\n").map((l) => l.match(/^(\w+)='(.*)'$/)).filter(Boolean).map((m) => [m[1], m[2]]));
  databaseUrl = vars.DATABASE_URL;
  pgDir = vars.PG_THROWAWAY;
  query = (sql) => execFileSync("psql", [databaseUrl, "-Atc", sql], { encoding: "utf8" });
  cleanup = () => execFileSync(path.join(root, "scripts/postgres.sh"), ["stop", pgDir]);
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
        if (r.status === 303 && r.headers.get("location").includes("inscription=envoyee")) acknowledged.registrations.push(key);
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
/** The session's counters against its rows; returns what is wrong (nothing: []). */
function consistency() {
  // One statement: one snapshot, while the writers go on.
  const [capacite, inscrits, attente, seated, waiting] = query(`SELECT s.capacite, s.inscrits, s.en_attente,
      (SELECT COUNT(*) FROM inscription i WHERE i.seance_id = s.id AND i.statut = 'inscrit'),
      (SELECT COUNT(*) FROM inscription i WHERE i.seance_id = s.id AND i.statut = 'attente')
    FROM seance s WHERE s.id = '${seance}'`).trim().split("|").map(Number);
  const twice = Number(query(`SELECT COUNT(*) FROM (SELECT nom FROM inscription GROUP BY nom HAVING COUNT(*) > 1) d`).trim());
  const problems = [];
  if (inscrits !== seated) problems.push(`inscrits ${inscrits} ≠ ${seated} rows`);
  if (attente !== waiting) problems.push(`en_attente ${attente} ≠ ${waiting} rows`);
  if (seated > capacite) problems.push(`${seated} seats for ${capacite}`);
  if (waiting > 0 && seated < capacite) problems.push(`${waiting} waiting with ${capacite - seated} seats free`);
  if (twice) problems.push(`${twice} people registered twice`);
  return problems;
}
const inconsistencies = [];
const writers = [writer("r", 1), writer("r", 2), writer("n", 1), writer("n", 2)];
let pgKills = 0;
for (let k = 0; k < kills; k++) {
  await sleep(800 + Math.random() * 1500);
  if (pgDir && k % 2 === 1) {
    // The database server dies under the writes; the application stays up and reconnects.
    execFileSync(path.join(root, "scripts/postgres.sh"), ["crash", pgDir], { stdio: ["ignore", "ignore", "inherit"] });
    pgKills++;
  } else {
    server.kill("SIGKILL");
    await new Promise((r) => server.once("exit", r));
    server = await startServer(root, port, env);
  }
  inconsistencies.push(...consistency().map((p) => `after restart ${k + 1}: ${p}`));
}
await sleep(1000);
running = false;
await Promise.all(writers);
await stopServer(server);

const names = new Set(query("SELECT nom FROM inscription").split("\n").map((l) => l.trim()));
const texts = new Set(query("SELECT texte FROM carnet_evenement").split("\n").map((l) => l.trim()));
const lostRegistrations = acknowledged.registrations.filter((k) => !names.has(k));
const lostNotes = acknowledged.notes.filter((k) => !texts.has(`note ${k}`));
inconsistencies.push(...consistency().map((p) => `at the end: ${p}`));
const report = {
  backend, kills, databaseKills: pgKills, attempts, notAcknowledged: refusedOrCut,
  acknowledgedRegistrations: acknowledged.registrations.length, acknowledgedNotes: acknowledged.notes.length,
  inconsistencies,
  acknowledged: acknowledged.registrations.length + acknowledged.notes.length,
  found: acknowledged.registrations.length - lostRegistrations.length + acknowledged.notes.length - lostNotes.length,
  lost: lostRegistrations.length + lostNotes.length,
};
console.log(JSON.stringify(report));
cleanup();
rmSync(dir, { recursive: true, force: true });
// Each kind of writer must have been acknowledged: a run where one never got through proves nothing.
if (report.lost > 0 || acknowledged.registrations.length === 0 || acknowledged.notes.length === 0 || inconsistencies.length) {
  console.error(inconsistencies.slice(0, 10).join("\n"));
  console.error("lost:", lostRegistrations.slice(0, 5), lostNotes.slice(0, 5));
  process.exit(1);
}
