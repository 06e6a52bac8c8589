import { execFileSync } from "node:child_process";
import path from "node:path";

/** Accounts used by the professionals' tests, created with the server's own command. */
export const ACCOUNTS = {
  mobil: { email: "camille@mobil.example", nom: "Camille Martin", structure: "itineraire-exemple:mobil-comminges", role: "admin_structure" },
  ccas: { email: "sam@ccas.example", nom: "Sam Dupuy", structure: "itineraire-exemple:ccas-montrejeau", role: "admin_structure" },
  // The Conseil départemental's and France Travail's référents who share a carnet.
  cd: { email: "alex@cd31.example", nom: "Alex Garcia", structure: "itineraire-exemple:mds-st-gaudens", role: "referent" },
  ft: { email: "sacha@francetravail.example", nom: "Sacha Roux", structure: "itineraire-exemple:ft-st-gaudens", role: "referent" },
};
export const PASSWORD = "mot de passe des tests e2e";

export default async function globalSetup() {
  const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
  // The server loads the demo catalogue before it answers: wait for it, then add the accounts.
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`server not ready at ${base}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const root = path.resolve(__dirname, "..");
  for (const a of Object.values(ACCOUNTS)) {
    execFileSync(path.join(root, "target/release/server"),
      ["account-add", "--email", a.email, "--nom", a.nom, "--structure", a.structure, "--role", a.role],
      { cwd: root, env: { ...process.env, ITINERAIRE_PASSWORD: PASSWORD }, stdio: "inherit" });
  }
}
