// Graceful shutdown under load: 32 clients read pages without pause; the server gets SIGTERM.
// Every response the server started must arrive whole and none may be a 5xx; afterwards the
// server refuses new connections and exits 0 on its own.
//   node quality/shutdown.mjs   (release build; prints one JSON line; exit 1 on a problem)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, sleep } from "./server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = mkdtempSync(path.join(tmpdir(), "itineraire-stop-"));
const port = 3980;
const base = `http://127.0.0.1:${port}`;
const server = await startServer(root, port, { DATABASE_URL: `sqlite://${dir}/stop.db?mode=rwc`, ITINERAIRE_BADGE_KEY: `${dir}/none` });
let exitedAt = 0;
const exited = new Promise((r) => server.once("exit", (code, signal) => { exitedAt = Date.now(); r({ code, signal }); }));
const paths = ["/catalogue", "/ateliers", "/", "/catalogue?q=logement", "/etapes"];
const count = { ok: 0, fiveXX: 0, cut: 0, notServed: 0, afterStop: 0, cutConnections: 0 };
let stopping = false, stoppedAt = 0;
async function client(n) {
  for (let i = 0; ; i++) {
    // Until the server has exited (or 5 s): every request after the signal is either refused
    // (no connection accepted) or answered.
    if (stopping && (exitedAt || Date.now() - stoppedAt > 5000)) return;
    let res;
    try {
      res = await fetch(base + paths[(n + i) % paths.length]);
    } catch (e) {
      const code = e.cause?.code ?? "";
      if (!stopping) count.notServed++;
      // Refused: the listener is closed, nothing was accepted. Anything else (reset, closed under
      // the request): a connection was accepted, then dropped without an answer: cut.
      else if (code === "ECONNREFUSED") count.afterStop++;
      else count.cutConnections++;
      await sleep(20);
      continue;
    }
    try {
      const body = await res.text();
      if (res.status >= 500) count.fiveXX++;
      else if (res.status === 200 && !body.includes("</html>")) count.cut++;
      else count.ok++;
    } catch {
      count.cut++; // headers came, the body did not: a response cut by the shutdown
    }
  }
}
const clients = Array.from({ length: 32 }, (_, n) => client(n));
await sleep(2000);
const servedBefore = count.ok;
stopping = true;
stoppedAt = Date.now();
server.kill("SIGTERM");
await Promise.all(clients);
const exit = await Promise.race([exited, sleep(10_000).then(() => ({ code: "timeout" }))]);
// From the signal to the process's exit (its own drain included), not to the clients' end.
const report = { servedBeforeStop: servedBefore, served: count.ok, fiveXX: count.fiveXX, cut: count.cut + count.cutConnections,
  cutResponses: count.cut, cutConnections: count.cutConnections, refusedAfterStop: count.afterStop, errorsBeforeStop: count.notServed,
  exit: exit.code, stopMs: exitedAt ? exitedAt - stoppedAt : null };
console.log(JSON.stringify(report));
rmSync(dir, { recursive: true, force: true });
if (count.fiveXX || count.cut || count.cutConnections || count.notServed || exit.code !== 0 || servedBefore === 0) process.exit(1);
