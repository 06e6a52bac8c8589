// Malformed input against every form post, server function and page with parameters of the
// release server: wrong types, huge strings, invalid UTF-8, SQL and HTML injection strings,
// missing, duplicated and unknown fields, other content types, random bytes.
//   node quality/fuzz.mjs [--per-endpoint 10000] [--concurrency 12]
// Every generated input is refused by construction (each one breaks a rule of its endpoint: a
// required field wrong or missing, a stale version, an unknown id, no session), so afterwards
// the stored data must be exactly as before. Checks: no 5xx, no panic in the server's log, the
// server still healthy, the data's fingerprint unchanged. Prints one JSON line of figures.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { form, signIn, sleep, firstMatch } from "./server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const opt = (name, d) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : d);
const PER_ENDPOINT = opt("--per-endpoint", 10000);
const CONCURRENCY = opt("--concurrency", 12);
const dir = mkdtempSync(path.join(tmpdir(), "itineraire-fuzz-"));
const file = path.join(dir, "fuzz.db");
const port = 3990;
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  DATABASE_URL: `sqlite://${file}?mode=rwc`,
  LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
  LEPTOS_SITE_ROOT: path.join(root, "target/site"),
  ITINERAIRE_INSCRIPTIONS_PAR_IP_HEURE: "100000000",
  ITINERAIRE_INSCRIPTIONS_PAR_SEANCE_MINUTE: "100000000",
  ITINERAIRE_BADGE_KEY: path.join(dir, "badge-key.secret"),
  ITINERAIRE_MESSAGES_FICHIER: path.join(dir, "messages.jsonl"),
  // Every request comes through a « proxy » on loopback with a hostile X-Forwarded-For: the
  // parsing is fuzzed, and the per-address limits do not stop the hostile badges below.
  ITINERAIRE_PROXIES: "127.0.0.1",
  RUST_LOG: "warn",
};
const bin = path.join(root, "target/release/server");
const run = (args, extra = {}) => execFileSync(bin, args, { cwd: root, env: { ...env, ...extra } });
run(["badge-key"]);

// --- the server, its log kept to look for panics ---------------------------------------------
let log = "";
const server = spawn(bin, [], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
server.stderr.on("data", (d) => { log += d; if (log.length > 4e6) log = log.slice(-2e6); });
for (let i = 0; ; i++) {
  try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* starting */ }
  if (i > 1200) throw new Error("server did not start");
  await sleep(100);
}

// --- what the endpoints need: a professional, a carnet with its items, a person, ids --------
const PASSWORD = "mot de passe du fuzz";
run(["account-add", "--email", "fuzz@mobil.example", "--nom", "Fuzz", "--structure", "itineraire-exemple:mobil-comminges", "--role", "admin_structure"], { ITINERAIRE_PASSWORD: PASSWORD });
const pro = await signIn(base, "fuzz@mobil.example", PASSWORD);
const loc = (r) => r.headers.get("location") ?? "";
const carnet = loc(await form(base, "/pro/nouveau-carnet", { prenom: "Fuzz", nom: "Personne", date_naissance: "1980-01-01", telephone: "0699887766" }, pro)).split("?")[0];
await form(base, `${carnet}/objectifs/logement`, { libre: "Trouver un logement" }, pro);
const oid = firstMatch(await (await fetch(base + carnet, { headers: { cookie: pro } })).text(), /\/objectif\/([0-9a-f-]{36})"/);
await form(base, `${carnet}/objectif/${oid}/actions`, { libre: "Déposer un dossier" }, pro);
const carnetPage = await (await fetch(base + carnet, { headers: { cookie: pro } })).text();
const aid = firstMatch(carnetPage, /\/action\/([0-9a-f-]{36})"/);
const membre = firstMatch(carnetPage, /name="membre" value="([0-9a-f-]{36})"/);
const ateliers = await (await fetch(`${base}/ateliers`)).text();
const seance = firstMatch(ateliers, /\/ateliers\/([0-9a-f-]{36})/);
const offre = firstMatch(await (await fetch(`${base}/catalogue`)).text(), /\/offres\/([0-9a-f-]{36})/);
const atelier = firstMatch(await (await fetch(`${base}/pro/ateliers`, { headers: { cookie: pro } })).text(), /\/pro\/ateliers\/([0-9a-f-]{36})"/);
const account = firstMatch(await (await fetch(`${base}/pro/equipe`, { headers: { cookie: pro } })).text(), /\/pro\/equipe\/([0-9a-f-]{36})"/);
// The person, signed in with the code sent to their phone.
const demande = new URL(loc(await form(base, "/mon-carnet", { contact: "0699887766" })), base).searchParams.get("d");
let code;
for (let i = 0; i < 100 && !code; i++) {
  await sleep(200);
  try { code = (await import("node:fs")).readFileSync(env.ITINERAIRE_MESSAGES_FICHIER, "utf8").match(/code Itinéraire : (\d{6})/)?.[1]; } catch { /* not yet */ }
}
const person = (await form(base, "/mon-carnet/code", { demande, code })).headers.get("set-cookie").split(";")[0];

// --- the data that must not change ------------------------------------------------------------
// Every table of the database, but those that a refused request still writes by design:
const CHANGING = {
  limite: "every attempt is counted, refused or not (rate limits)",
  personne_code: "a code demand is written even for an unknown contact, so that nobody learns who has a carnet",
  carnet_lecture: "every page a professional reads in a carnet is logged for the person",
  seaql_migrations: "—",
};
const TABLES = execFileSync("sqlite3", [file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"], { encoding: "utf8" })
  .split("\n").map((t) => t.trim()).filter((t) => t && !(t in CHANGING));
const fingerprint = () =>
  TABLES.map((t) => `${t}\n${execFileSync("sqlite3", [file, `SELECT * FROM ${t} ORDER BY 1`], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 })}`).join("\n§\n");

// --- generators ---------------------------------------------------------------------------------
let seed = 0x2545f491;
const rnd = (n) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % n; };
const pick = (xs) => xs[rnd(xs.length)];
const NASTY = [
  "", " ", "0", "-1", "1e309", "NaN", "null", "true", "[]", "{}", "9".repeat(40), "2026-02-30", "31/12/1980", "25:61",
  "' OR '1'='1", "1; DROP TABLE carnet; --", "\" onmouseover=\"alert(1)", "<script>alert(1)</script>",
  "</textarea><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "../../etc/passwd",
  "%00", "\u0000", "\u202e\u0645\u0631\u062d\u0628\u0627", "😀".repeat(50), "é".repeat(5000), "\r\n\r\nX-Injected: 1",
  "%", "%G0", "+", "&", "=", "a".repeat(70000),
];
const BAD_UTF8 = ["%C3%28", "%FF%FE%FD", "%ED%A0%80", "%F0%28%8C%BC", "%C0%AF"];
const enc = encodeURIComponent;
function value() {
  switch (rnd(6)) {
    case 0: return enc(pick(NASTY));
    case 1: return pick(BAD_UTF8) + enc(pick(NASTY));
    case 2: return enc(String(rnd(1e9) - 5e8));
    case 3: return enc(Array.from({ length: rnd(300) }, () => String.fromCharCode(rnd(0xd7ff))).join(""));
    default: return enc(pick(["oui", "non", "fait", "en_cours", "logement", "referent", "admin", "ajouter", "retirer"]));
  }
}
/** A form body from a template: the endpoint's `breaks` applied (its input is then refused),
 * every other field kept, dropped, doubled or replaced by noise, and unknown fields added. */
function body(ep) {
  const broken = pick(ep.breaks);
  const fields = { ...ep.fields, ...broken };
  const parts = [];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    // What makes the input wrong stays as it is.
    if (k in broken) { parts.push(`${enc(k)}=${enc(v)}`); continue; }
    const r = rnd(10);
    if (r === 0) continue; // dropped
    parts.push(`${enc(k)}=${r < 3 ? value() : enc(v)}`);
    if (r === 3) parts.push(`${enc(k)}=${value()}`); // doubled
  }
  for (let i = rnd(3); i > 0; i--) parts.push(`${value()}=${value()}`); // unknown fields
  return parts.join("&");
}

/** A hostile X-Forwarded-For: addresses, IPv6, garbage, long lists. */
function forwardedFor() {
  switch (rnd(6)) {
    case 0: return `${rnd(256)}.${rnd(256)}.${rnd(256)}.${rnd(256)}`;
    case 1: return `2001:db8:${rnd(65536).toString(16)}::${rnd(65536).toString(16)}`;
    case 2: return Array.from({ length: rnd(40) }, () => `${rnd(256)}.${rnd(256)}.0.1`).join(", ");
    case 3: return pick(NASTY).replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, "").slice(0, 4000);
    case 4: return "127.0.0.1, ".repeat(rnd(50)) + "unknown";
    default: return "";
  }
}

/** A hostile « badge » for /verifier: RDFC-1.0's poison graphs (cliques of blank nodes), deep
 * nesting, many statements, unknown contexts, wrong types. */
function hostileCredential() {
  const ctx = ["https://www.w3.org/ns/credentials/v2"];
  const key = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
  const proof = { type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022", proofPurpose: "assertionMethod",
    verificationMethod: `did:key:${key}#${key}`, proofValue: "z99eUso3aSbE9tqGSTXzo3TLfKb9RkMTURrHKQ1K7Zh3BbeqPevr5E1iCbpTjqHuTFLtfxTTD5ekfVuZFzQyEQf8" };
  const base = { "@context": ctx, type: ["VerifiableCredential"], issuer: `did:key:${key}`, proof };
  switch (rnd(6)) {
    case 0: {
      const n = 5 + rnd(40);
      const nodes = Array.from({ length: n }, (_, i) => ({ id: `_:n${i}`, "https://example.org/lien": Array.from({ length: n }, (_, j) => ({ id: `_:n${j}` })).filter((_, j) => j !== i) }));
      return JSON.stringify({ ...base, evidence: nodes });
    }
    case 1: {
      let v = { fin: 1 };
      for (let i = rnd(400); i > 0; i--) v = { a: v };
      return JSON.stringify({ ...base, credentialSubject: v });
    }
    case 2: return JSON.stringify({ ...base, evidence: Array.from({ length: rnd(5000) }, (_, i) => ({ nom: `preuve ${i}` })) });
    case 3: return JSON.stringify({ ...base, "@context": [...ctx, "https://ailleurs.example/contexte.json"] });
    case 4: return JSON.stringify({ ...base, type: pick(NASTY), proof: pick([[], {}, "x", null]) });
    default: return "[".repeat(rnd(100000));
  }
}

// --- the endpoints ------------------------------------------------------------------------------
const GARBAGE_ID = () => pick(["00000000-0000-4000-8000-000000000000", "x", enc(pick(NASTY)).slice(0, 60) || "x", "1", String(rnd(1e6))]);
const stale = [{ version: "999999" }, { version: "abc" }, { version: undefined }, { version: "-1" }];
const FORMS = [
  // The person's side, no account.
  { path: () => `/ateliers/${seance}`, fields: { prenom: "Léa", nom: "Martin", courriel: "lea@example.fr", telephone: "0612345678" }, breaks: [{ consentement: undefined }] },
  { path: () => `/ateliers/${GARBAGE_ID()}`, fields: { prenom: "Léa", nom: "Martin", courriel: "lea@example.fr", consentement: "oui" }, breaks: [{}] },
  { path: () => `/inscription/${GARBAGE_ID()}`, fields: { action: "annuler" }, breaks: [{}] },
  { path: () => "/mes-badges", fields: { contact: "0600000000" }, breaks: [{ contact: "pas-un-contact" }, { contact: undefined }, { contact: "06 00 00 00 01" }] },
  { path: () => "/verifier", fields: { credential: "{}" }, breaks: [{ credential: "{\"@context\":1}" }, { credential: undefined }, { credential: "not json" }] },
  { path: () => "/verifier", fields: {}, breaks: [{}], raw: () => `badge=${enc(hostileCredential())}` },
  { path: () => "/mon-carnet", fields: { contact: "0600000001" }, breaks: [{ contact: "x" }, { contact: undefined }, { contact: "inconnu@nulle-part.example" }] },
  { path: () => "/langue", fields: { langue: "en", retour: "/catalogue" }, breaks: [{ langue: "klingon" }, { langue: undefined }, { retour: "//evil.example" }] },
  { path: () => "/mon-carnet/code", fields: { demande: "x", code: "123456" }, breaks: [{ demande: "inconnue" }, { demande: undefined }] },
  { path: () => "/mon-carnet/contact", cookie: () => person, fields: { telephone: "0699887766" }, breaks: stale },
  { path: () => `/mon-carnet/theme/${pick(["logement", "astrologie", GARBAGE_ID()])}`, cookie: () => person, fields: { commentaire_personne: "x" }, breaks: stale },
  { path: () => `/mon-carnet/action/${pick([aid, GARBAGE_ID()])}`, cookie: () => person, fields: { statut: "fait" }, breaks: stale },
  { path: () => "/mon-carnet/contact", fields: { version: "1", telephone: "0699887766" }, breaks: [{}] },
  // Sign-in and passwords (never the right one).
  { path: () => "/pro/connexion", fields: { email: "fuzz@mobil.example", suite: "/pro" }, breaks: [{ mot_de_passe: "pas le bon" }, { mot_de_passe: undefined }, { email: "inconnu@example.fr", mot_de_passe: PASSWORD }] },
  { path: () => "/pro/mot-de-passe-oublie", fields: { email: "inconnu@example.fr" }, breaks: [{ email: "pas-une-adresse" }, { email: undefined }, { email: "personne@nulle-part.example" }] },
  { path: () => `/pro/mot-de-passe/${GARBAGE_ID()}`, fields: { mot_de_passe: "un mot de passe long", confirmation: "un mot de passe long" }, breaks: [{}] },
  { path: () => "/pro/mon-compte", cookie: () => pro, fields: { mot_de_passe: "un nouveau mot long", confirmation: "un nouveau mot long" }, breaks: [{ actuel: "pas le bon" }, { actuel: undefined }] },
  // Professionals' forms, signed in: a required field wrong, or a stale version, or an unknown id.
  { path: () => "/pro/nouvelle-offre", cookie: () => pro, fields: { description: "Une offre", themes: "logement", telephone: "0561000000" }, breaks: [{ nom: "" }, { nom: undefined }] },
  { path: () => `/pro/offres/${offre}`, cookie: () => pro, fields: { nom: "Offre", description: "Une offre", themes: "logement" }, breaks: stale },
  { path: () => `/pro/offres/${offre}`, cookie: () => pro, fields: { action: "confirmer" }, breaks: stale },
  { path: () => "/pro", cookie: () => pro, fields: { version: "0", jours: "90" }, breaks: [...stale, { jours: "0" }, { jours: "trois mois" }, { jours: undefined }, { jours: "99999999999" }] },
  // Only national admins edit the search's words: this structure admin is refused.
  { path: () => `/pro/synonymes/${pick(["logement", "astrologie", GARBAGE_ID()])}`, cookie: () => pro, fields: { version: "1", mots: "manger : repas" }, breaks: [{}, ...stale] },
  { path: () => "/pro/nouvel-atelier", cookie: () => pro, fields: { description: "Un atelier", themes: "emploi", competences: "CV" }, breaks: [{ titre: "" }, { titre: undefined }] },
  { path: () => `/pro/ateliers/${atelier}`, cookie: () => pro, fields: { titre: "Atelier", description: "Un atelier", themes: "emploi" }, breaks: stale },
  { path: () => `/pro/ateliers/${atelier}/nouvelle-seance`, cookie: () => pro, fields: { heure_debut: "09:00", heure_fin: "11:00", capacite: "10", code_insee: "31483" }, breaks: [{ date: "2026-02-30" }, { date: undefined }, { date: "hier" }] },
  { path: () => `/pro/seances/${seance}`, cookie: () => pro, fields: { date: "2030-01-01", heure_debut: "09:00", heure_fin: "11:00", capacite: "10" }, breaks: stale },
  { path: () => `/pro/seances/${GARBAGE_ID()}/inscrits`, cookie: () => pro, fields: { "presence-x": "present" }, breaks: [{}] },
  { path: () => `/badges/${GARBAGE_ID()}`, cookie: () => pro, fields: { motif: "erreur" }, breaks: [{}] },
  { path: () => "/pro/nouveau-carnet", cookie: () => pro, fields: { prenom: "Léa", nom: "Martin" }, breaks: [{ date_naissance: "2999-01-01" }, { date_naissance: undefined }, { date_naissance: "31/12/1980" }] },
  { path: () => `${carnet}/identite`, cookie: () => pro, fields: { prenom: "Léa", nom: "Martin", date_naissance: "1980-01-01" }, breaks: stale },
  { path: () => `${carnet}/diagnostic/${pick(["logement", "astrologie"])}`, cookie: () => pro, fields: { commentaire: "x" }, breaks: stale },
  { path: () => carnet, cookie: () => pro, fields: {}, breaks: [{ action: "ajouter", compte: "inconnu" }, { action: "retirer", membre: "inconnu" }, { action: "referent", membre: "inconnu" }, { action: "danser" }] },
  { path: () => `${carnet}/objectifs/${pick(["logement", "astrologie"])}`, cookie: () => pro, fields: {}, breaks: [{ ref: "999999", libre: "x" }, { ref: undefined, libre: undefined }] },
  { path: () => `${carnet}/objectif/${oid}`, cookie: () => pro, fields: { statut: "atteint", libelle: "Trouver" }, breaks: stale },
  { path: () => `${carnet}/objectif/${oid}/actions`, cookie: () => pro, fields: { echeance: "2027-01-01" }, breaks: [{ ref: "999999", libre: "x" }, { offre: "inconnue" }] },
  { path: () => `${carnet}/action/${aid}`, cookie: () => pro, fields: { statut: "fait" }, breaks: stale },
  { path: () => `${carnet}/evenement`, cookie: () => pro, fields: { texte: "Une note", date: "2030-01-01", heure: "09:00" }, breaks: [{ kind: "fete" }, { kind: undefined }, { kind: "note", texte: "" }] },
  { path: () => `/pro/carnets/${GARBAGE_ID()}/evenement`, cookie: () => pro, fields: { kind: "note", texte: "x" }, breaks: [{}] },
  { path: () => "/pro/equipe", cookie: () => pro, fields: { nom: "Lou", role: "referent" }, breaks: [{ email: "pas-une-adresse" }, { email: undefined }, { email: "fuzz@mobil.example" }] },
  { path: () => `/pro/equipe/${account}`, cookie: () => pro, fields: { role: "referent", etat: "actif" }, breaks: stale },
  { path: () => `/pro/equipe/${GARBAGE_ID()}/lien`, cookie: () => pro, fields: {}, breaks: [{}] },
  // Orientation: without the person's consent (refused), to an unknown offer, or an unknown link.
  { path: () => `/pro/orienter/${pick([offre, GARBAGE_ID()])}`, cookie: () => pro, fields: { personne_nom: "Léa", personne_contact: "0612345678", preference: "sms", objet: "Permis" }, breaks: [{ consentement: undefined }, { consentement: "non" }] },
  { path: () => `/orientation/${GARBAGE_ID()}`, fields: { reponse: "acceptee" }, breaks: [{}] },
  // Invitation letters: an unknown territory or a number out of range.
  { path: () => "/pro/invitations", cookie: () => pro, fields: { territoire: "comminges", nombre: "1" }, breaks: [{ territoire: "atlantide" }, { nombre: "0" }, { nombre: "999" }, { territoire: undefined }] },
  // Posts without a session, and without the same-origin header (CSRF).
  { path: () => `${carnet}/evenement`, fields: { kind: "note", texte: "x" }, breaks: [{}] },
  { path: () => "/pro/nouveau-carnet", cookie: () => pro, crossSite: true, fields: { prenom: "Léa", nom: "Martin", date_naissance: "1980-01-01" }, breaks: [{}] },
];
const SERVER_FNS = ["ateliers", "seance", "inscription", "pro-ateliers", "pro-atelier", "pro-seance", "pro-inscrits", "badge", "verifier",
  "mes_badges", "session", "pro-equipe", "pro-equipe-compte", "pro-lien", "pro-moi", "themes", "parcours", "page-info", "territoires",
  "pro-carnets", "pro-carnet", "pro-carnet-edition", "mon-carnet", "pro-carnet-choix", "pro-carnet-element", "offres", "offre",
  "offres-filtres", "pro-offres", "pro-offre", "pro-synonymes", "invitation", "pro-invitations", "pro-orienter", "orientation",
  "pro-orientations", "offres-imprimer"];
const ARG_NAMES = ["langue", "id", "jeton", "theme", "commune", "q", "page", "rdv", "kind", "item", "objectif", "structure", "slug", "territoire",
  "credential", "atelier_id", "seance_id", "filtres", "filtres[q]", "filtres[page]", "filtres[pres]", "filtres[position]"];
const PAGES = [
  () => `/catalogue?q=${value()}&theme=${value()}&page=${value()}&ouvert=${value()}`, () => `/catalogue?pres=${value()}&position=${value()}&mode=${value()}`, () => `/offres/${value()}`, () => `/ateliers?theme=${value()}&commune=${value()}`,
  () => `/ateliers/${value()}`, () => `/badges/${value()}`, () => `/etapes/${value()}`, () => `/bienvenue?territoire=${value()}`,
  () => `/inscription/${value()}`, () => `/mes-badges/${value()}`, () => `/pro/carnets?q=${value()}&theme=${value()}&rdv=${value()}&page=${value()}`,
  () => `/pro/mot-de-passe/${value()}`, () => `/i/${value()}`, () => `/orientation/${value()}`, () => `/catalogue/imprimer?q=${value()}&theme=${value()}&fichier=${value()}`, () => `${carnet}/diagnostic/${value()}`, () => `/pro/equipe?structure=${value()}`,
];

// --- the run ------------------------------------------------------------------------------------
const stats = { requests: 0, byStatus: {}, fiveXX: [], endpoints: 0, verifierWorstMs: 0, byEndpoint: {}, notSignedIn: [] };
const CONTENT_TYPES = ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded",
  "application/json", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded; charset=latin1"];
async function send(label, url, init) {
  let r;
  const xff = forwardedFor();
  if (xff) init = { ...init, headers: { ...(init?.headers ?? {}), "x-forwarded-for": xff } };
  const t0 = performance.now();
  try {
    r = await fetch(url, { redirect: "manual", ...init });
    await r.arrayBuffer();
  } catch (e) {
    stats.fiveXX.push(`${label}: ${e.message}${e.cause ? ` (${e.cause.code ?? ""} ${e.cause.message ?? e.cause})` : ""}`);
    return;
  }
  stats.requests++;
  stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + 1;
  const ep = (stats.byEndpoint[init?.endpoint ?? label] ??= {});
  ep[r.status] = (ep[r.status] ?? 0) + 1;
  // A request sent signed in that the server answers « sign in first » tested nothing of its form.
  const location = r.headers.get("location") ?? "";
  if (init?.signedIn && (r.status === 401 || location.startsWith("/pro/connexion") || (location === "/mon-carnet" && label.includes("/mon-carnet/")))) {
    stats.notSignedIn.push(`${label}: ${r.status} ${location}`);
  }
  if (label.startsWith("POST /verifier")) stats.verifierWorstMs = Math.max(stats.verifierWorstMs, performance.now() - t0);
  if (r.status >= 500) stats.fiveXX.push(`${label}: ${r.status}`);
}
async function pool(n, make) {
  let i = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (i < n) { const k = i++; await make(k); } }));
}
function formRequest(ep) {
  const headers = { "content-type": rnd(8) === 0 ? pick(CONTENT_TYPES) : CONTENT_TYPES[0] };
  if (!ep.crossSite) headers.origin = base; else if (rnd(2)) headers.origin = "https://ailleurs.example";
  if (ep.cookie) headers.cookie = ep.cookie();
  const signedIn = Boolean(ep.cookie) && !ep.crossSite;
  const b = ep.raw ? ep.raw() : rnd(20) === 0 ? Buffer.from(Array.from({ length: rnd(2000) }, () => rnd(256))) : body(ep);
  return { method: "POST", headers, body: b, signedIn, endpoint: ep.name };
}

// The setup's own messages (the person's code) leave first: the outbox is then still.
for (let i = 0; i < 200; i++) {
  if ((await (await fetch(`${base}/healthz/details`)).text()).includes("file des messages : 0 en attente")) break;
  await sleep(100);
}
const before = fingerprint();
const started = Date.now();
for (const ep of FORMS) {
  stats.endpoints++;
  ep.name = `POST ${ep.path().replace(/[0-9a-f-]{36}/g, ":id")}${ep.raw ? " (hostile badges)" : ""}`;
  await pool(PER_ENDPOINT, () => send(`POST ${ep.path()}`, base + ep.path(), formRequest(ep)));
}
for (const name of SERVER_FNS) {
  stats.endpoints++;
  await pool(PER_ENDPOINT, () => {
    const args = Array.from({ length: rnd(4) }, () => `${enc(pick(ARG_NAMES))}=${value()}`).join("&");
    const cookie = pick([undefined, pro, person]);
    const headers = { origin: base, ...(cookie ? { cookie } : {}) };
    if (rnd(3) === 0) return send(`GET /api/${name}`, `${base}/api/${name}?${args}`, { headers });
    const json = rnd(4) === 0;
    headers["content-type"] = json ? "application/json" : "application/x-www-form-urlencoded";
    const b = json ? pick(["{", "[]", "null", JSON.stringify({ id: pick(NASTY), page: -1 }), JSON.stringify({ filtres: pick(NASTY) })]) : args;
    return send(`POST /api/${name}`, `${base}/api/${name}`, { method: "POST", headers, body: b });
  });
}
for (const page of PAGES) {
  stats.endpoints++;
  await pool(Math.ceil(PER_ENDPOINT / 5), () => { const u = page(); return send(`GET ${u.slice(0, 80)}`, base + u, { headers: { cookie: pro } }); });
}
const seconds = (Date.now() - started) / 1000;
const healthy = (await fetch(`${base}/healthz`)).ok;
const after = fingerprint();
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
const panics = (log.match(/panicked at/g) ?? []).length;
const firstPanic = log.split("\n").find((l) => l.includes("panicked at")) ?? null;
const report = {
  endpoints: stats.endpoints, perEndpoint: PER_ENDPOINT, requests: stats.requests, seconds: Math.round(seconds),
  requestsPerSecond: Math.round(stats.requests / seconds), byStatus: stats.byStatus, fiveXX: stats.fiveXX.length, panics, healthy,
  verifierWorstMs: Math.round(stats.verifierWorstMs), firstPanic, notSignedIn: stats.notSignedIn.length,
  tablesCompared: TABLES.length, tablesThatMayChange: CHANGING, byEndpoint: stats.byEndpoint,
  dataUnchanged: before === after,
};
console.log(JSON.stringify(report));
rmSync(dir, { recursive: true, force: true });
if (stats.fiveXX.length || panics || !healthy || before !== after || stats.notSignedIn.length) {
  console.error(stats.notSignedIn.slice(0, 10).join("\n"));
  console.error(stats.fiveXX.slice(0, 20).join("\n"));
  if (panics) console.error(log.split("\n").filter((l) => l.includes("panicked")).slice(0, 5).join("\n"));
  if (before !== after) {
    const a = before.split("\n"), b = after.split("\n");
    console.error("changed rows:", b.filter((l) => !a.includes(l)).slice(0, 10), "gone:", a.filter((l) => !b.includes(l)).slice(0, 10));
  }
  process.exit(1);
}
