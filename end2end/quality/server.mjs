// Helpers shared by the quality scripts: start the release server on a port of its own with a
// database of its own, post forms as a browser does (same-origin, urlencoded), sign in.
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts target/release/server; resolves once /healthz answers 200. */
export async function startServer(root, port, env = {}) {
  const child = spawn(path.join(root, "target/release/server"), [], {
    cwd: root,
    env: {
      ...process.env,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      // The site's own address (badges are issued only with one) and the demo data, asked for.
      ITINERAIRE_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ITINERAIRE_DEMO: "true",
      LEPTOS_SITE_ROOT: path.join(root, "target/site"),
      RUST_LOG: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error("server did not start");
    await sleep(100);
  }
}

/** SIGTERM, then waits for the process to end. */
export async function stopServer(child) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await done;
}

/** Posts a form as a page of the site does; never follows the redirect. */
export function form(base, pathname, fields, cookie, extraHeaders = {}) {
  const headers = { "content-type": "application/x-www-form-urlencoded", origin: base, ...extraHeaders };
  if (cookie) headers.cookie = cookie;
  const body = typeof fields === "string" ? fields : new URLSearchParams(fields).toString();
  return fetch(base + pathname, { method: "POST", headers, body, redirect: "manual" });
}

/** Signs a professional in through the form; returns the `name=value` of their cookie. */
export async function signIn(base, email, password) {
  const r = await form(base, "/pro/connexion", { email, mot_de_passe: password, suite: "/pro" });
  if (r.status !== 303) throw new Error(`sign-in failed: ${r.status}`);
  return r.headers.get("set-cookie").split(";")[0];
}

export function firstMatch(text, re) {
  const m = text.match(re);
  if (!m) throw new Error(`nothing matches ${re}`);
  return m[1];
}

/** A fresh PostgreSQL database for one run, on the server DATABASE_URL names (scripts/test.sh
 * makes sure one answers: the machine's, or a throw-away cluster). Returns its URL and a
 * function that drops it. */
export function freshPostgres(prefix) {
  const admin = process.env.DATABASE_URL;
  if (!admin || !admin.startsWith("postgres")) throw new Error("DATABASE_URL must name a PostgreSQL (eval \"$(scripts/postgres.sh start)\")");
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  execFileSync("psql", [admin, "-qc", `CREATE DATABASE ${name}`]);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => execFileSync("psql", [admin, "-qc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]) };
}
