// Messages under load and under a crash, against the release server and the loopback sinks
// (end2end/sinks/sinks.mjs: a real SMTP server and an HTTP server speaking Brevo's SMS API).
//   node end2end/quality/messages.mjs drain [--messages 10000] [--postgres]
//       N messages queued at once (half SMS, half e-mail) drain while /catalogue is asked for
//       (rendered, not from the page cache: the requests carry a cookie), compared with
//       /catalogue alone in the same run. Prints messages/s and /catalogue p50/p99.
//   node end2end/quality/messages.mjs kill [--messages 2000]
//       The server is killed (SIGKILL) while sending, then started again: every message must
//       arrive, and a message may arrive twice only if it was being sent at the kill (at most
//       as many as the server sends at once: 8).
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshPostgres, startServer, sleep } from "./server.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const what = args[0];
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const postgres = args.includes("--postgres");

async function startSinks() {
  const child = spawn("node", [path.join(root, "end2end/sinks/sinks.mjs"), "--smtp-port", "0", "--http-port", "0", "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise((resolve) => child.stdout.once("data", (d) => resolve(String(d))));
  const ports = JSON.parse(line);
  const api = `http://127.0.0.1:${ports.http}`;
  return {
    child,
    env: {
      ITINERAIRE_SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
      ITINERAIRE_SMTP_EXPEDITEUR: "Itinéraire <ne-pas-repondre@itineraire.example>",
      ITINERAIRE_SMS_URL: api,
      ITINERAIRE_SMS_CLE: "cle-de-test",
    },
    count: async () => (await (await fetch(`${api}/_sink/count`)).json()).count,
    texts: async () => (await (await fetch(`${api}/_sink/messages`)).json()).map((m) => m.texte),
    mode: (m) => fetch(`${api}/_sink/mode`, { method: "POST", body: JSON.stringify(m) }),
  };
}

/** A database of its own: a SQLite file, or a fresh PostgreSQL database (on DATABASE_URL's server). */
function database(dir, name) {
  if (!postgres) return `sqlite://${dir}/itineraire.db?mode=rwc`;
  return freshPostgres(`messages_${name}`).url;
}

/** Queues test messages with the server's own command (the running server sends them). */
function queue(env, contact, n) {
  execFileSync(path.join(root, "target/release/server"), ["message-test", contact, "--nombre", String(n), "--seulement-file"], {
    cwd: root,
    env: { ...process.env, ...env, RUST_LOG: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Asks for `pathname` with `concurrency` clients until `until()` says stop (bounded by `max`). */
async function load(base, pathname, concurrency, until, max = 200_000) {
  const times = [];
  let errors = 0;
  let sent = 0;
  const worker = async () => {
    while (!until() && sent < max) {
      sent++;
      const t = performance.now();
      try {
        const r = await fetch(base + pathname, { headers: { cookie: "itineraire_session=mesure" } });
        await r.arrayBuffer();
        if (r.status !== 200) errors++;
      } catch {
        errors++;
      }
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  const q = (p) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 10) / 10;
  return { requests: times.length, errors, p50_ms: q(0.5), p99_ms: q(0.99) };
}

async function drain() {
  const n = opt("messages", 10000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itineraire-messages-"));
  const sinks = await startSinks();
  const env = { DATABASE_URL: database(dir, "drain"), ...sinks.env };
  const port = 3460;
  const server = await startServer(root, port, env);
  const base = `http://127.0.0.1:${port}`;
  try {
    await load(base, "/catalogue", 2, () => false, 200); // warm-up
    const alone = await load(base, "/catalogue", 4, () => false, 3000);
    queue(env, "06 12 34 56 78", n / 2);
    queue(env, "lea@example.org", n / 2);
    const t0 = performance.now();
    let drained = false;
    const watch = (async () => {
      while ((await sinks.count()) < n) {
        if (performance.now() - t0 > 600_000) throw new Error("not drained in 10 minutes");
        await sleep(50);
      }
      drained = true;
    })();
    const during = await load(base, "/catalogue", 4, () => drained);
    await watch;
    const seconds = (performance.now() - t0) / 1000;
    const result = {
      backend: postgres ? "postgres" : "sqlite",
      messages: n,
      drain_seconds: Math.round(seconds * 10) / 10,
      messages_per_second: Math.round(n / seconds),
      catalogue_rendered_alone: alone,
      catalogue_rendered_during_drain: during,
    };
    console.log(JSON.stringify(result, null, 2));
    if (result.messages_per_second < 50) throw new Error(`drain too slow: ${result.messages_per_second}/s`);
    if (alone.errors || during.errors) throw new Error("catalogue errors");
  } finally {
    server.kill("SIGTERM");
    sinks.child.kill();
  }
}

async function kill() {
  const n = opt("messages", 2000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itineraire-messages-"));
  const sinks = await startSinks();
  await sinks.mode({ delayMs: 20 });
  // A short reservation: the restarted server takes over the killed one's messages quickly.
  const env = { DATABASE_URL: database(dir, "kill"), ITINERAIRE_DEMO: "false", ITINERAIRE_MESSAGES_RESERVATION_SECONDES: "10", ...sinks.env };
  const port = 3461;
  queue(env, "06 12 34 56 78", n);
  let server = await startServer(root, port, env);
  try {
    while ((await sinks.count()) < n / 4) await sleep(5);
    server.kill("SIGKILL");
    await new Promise((r) => server.once("exit", r));
    const atKill = await sinks.count();
    server = await startServer(root, port, env);
    const deadline = Date.now() + 180_000;
    let texts = [];
    for (;;) {
      texts = await sinks.texts();
      const unique = new Set(texts.map((t) => t.match(/test (\d+)\//)?.[1]));
      if (unique.size >= n) break;
      if (Date.now() > deadline) throw new Error(`only ${unique.size} of ${n} messages arrived`);
      await sleep(200);
    }
    // Then until the outbox is empty: the messages in flight at the kill go again once their
    // reservation expires (the provider had taken them: they arrive twice).
    for (;;) {
      const details = await (await fetch(`http://127.0.0.1:${port}/healthz/details`)).text();
      if (details.includes("file des messages : 0 en attente")) break;
      if (Date.now() > deadline) throw new Error(`the outbox did not empty: ${details}`);
      await sleep(200);
    }
    texts = await sinks.texts();
    const seen = new Map();
    for (const t of texts) {
      const k = t.match(/test (\d+)\//)?.[1];
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const twice = [...seen.values()].filter((c) => c > 1).length;
    const result = { messages: n, received_at_kill: atKill, received: texts.length, unique: seen.size, twice };
    console.log(JSON.stringify(result, null, 2));
    if (seen.size !== n) throw new Error("a message was lost");
    if (twice > 8) throw new Error(`${twice} messages arrived twice: more than were being sent at the kill`);
  } finally {
    server.kill("SIGTERM");
    sinks.child.kill();
  }
}

if (what === "drain") await drain();
else if (what === "kill") await kill();
else {
  console.error("usage: messages.mjs drain|kill [--messages N] [--postgres]");
  process.exit(2);
}
