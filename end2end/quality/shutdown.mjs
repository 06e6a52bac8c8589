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
const exited = new Promise((r) => server.once("exit", (code, signal) => r({ code, signal })));
const paths = ["/catalogue", "/ateliers", "/", "/catalogue?q=logement", "/etapes"];
const count = { ok: 0, fiveXX: 0, cut: 0, notServed: 0, afterStop: 0 };
let stopping = false, stoppedAt = 0;
async function client(n) {
  for (let i = 0; ; i++) {
    if (stopping && Date.now() - stoppedAt > 1500) return;
    let res;
    try {
      res = await fetch(base + paths[(n + i) % paths.length]);
    } catch {
      // Refused (listener closed) or sent on a connection the server was closing: never served.
      if (stopping) count.afterStop++; else count.notServed++;
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
const report = { servedBeforeStop: servedBefore, served: count.ok, fiveXX: count.fiveXX, cut: count.cut, refusedAfterStop: count.afterStop, errorsBeforeStop: count.notServed, exit: exit.code, stopMs: Date.now() - stoppedAt - 1500 };
console.log(JSON.stringify(report));
rmSync(dir, { recursive: true, force: true });
if (count.fiveXX || count.cut || count.notServed || exit.code !== 0 || servedBefore === 0) process.exit(1);
