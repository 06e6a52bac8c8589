// Cross-site posts with random bodies on kept-alive connections: every one must come back
// answered (a refused post must not cut the connection under the next request).
//   node end2end/quality/connections.mjs http://127.0.0.1:3000 [requests]
const base = process.argv[2];
const N = Number(process.argv[3] ?? 20000);
let i = 0, cut = 0, ok = 0; const causes = {};
async function worker() {
  while (i < N) {
    i++;
    const body = Buffer.from(Array.from({ length: Math.floor(Math.random() * 2000) }, () => Math.floor(Math.random() * 256)));
    try {
      const r = await fetch(base + "/pro/nouveau-carnet", { method: "POST", redirect: "manual", body,
        headers: { "content-type": "application/x-www-form-urlencoded", ...(Math.random() < 0.5 ? { origin: "https://ailleurs.example" } : {}) } });
      await r.arrayBuffer(); ok++;
    } catch (e) { cut++; const k = e.cause?.code ?? e.message; causes[k] = (causes[k] ?? 0) + 1; }
  }
}
await Promise.all(Array.from({ length: 12 }, worker));
console.log(JSON.stringify({ requests: N, answered: ok, cut, causes }));
