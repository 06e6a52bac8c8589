#!/usr/bin/env node
// The rooms' graph (issue 22): which room of `app/src` uses which, from the `crate::…` paths in
// the code (comments left out). A room is a top-level folder or file of `app/src`.
//
//   node scripts/rooms.mjs            checks, and prints the cycles left
//   node scripts/rooms.mjs --graph    prints every edge with its number of uses (and Mermaid)
//
// It fails when (app/rooms-knot.txt may excuse a use; it is empty, and may only shrink)
//   - the kernel (see KERNEL) uses a room, or a room uses one of its own layer or above (LAYERS:
//     arrows only go down);
//   - two modules of one room use each other, directly or round a cycle;
//   - an edge inside a cycle is not in `app/rooms-knot.txt`: a new knot between rooms;
//   - a room uses another room's `db` module, or its tables through SQL text, unless the pair
//     is in that file too;
//   - a line of that file no longer happens: the knot got smaller, take the line out (the file
//     only ever shrinks, until it is empty and no room is in a cycle).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const root = new URL("../app/src/", import.meta.url).pathname;
const knotFile = new URL("../app/rooms-knot.txt", import.meta.url).pathname;

const rooms = new Set(readdirSync(root).map((e) => e.replace(/\.rs$/, "")));
rooms.delete("lib"); // the crate root: it mounts every room
rooms.delete("test_support"); // the tests' helpers

function* files(dir) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (p.endsWith(".rs")) yield p;
  }
}

// Comments out (line and block), strings kept: a path in a doc comment is not a use.
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"])\/\/.*$/gm, "$1");
}

// Every `crate::a::b…` path, with `crate::{a::x, b::{y, z}}` groups expanded to their first names.
function paths(text) {
  const out = [];
  for (const m of text.matchAll(/crate::([a-z_][a-z0-9_]*)((?:::[a-z_][a-z0-9_]*)?)/g)) out.push([m[1], m[2].slice(2)]);
  // `crate::room::{db, model}`: the room's modules named in the group
  for (const m of text.matchAll(/crate::([a-z_][a-z0-9_]*)::\{([^}]*)/g))
    for (const name of m[2].split(",")) out.push([m[1], name.trim().split("::")[0]]);
  for (const m of text.matchAll(/crate::\{/g)) {
    let depth = 0, i = m.index + m[0].length - 1, start = i + 1;
    for (; i < text.length; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}" && --depth === 0) break;
    }
    const inner = text.slice(start, i);
    // top-level items of the group
    let d = 0, item = "";
    for (const ch of inner + ",") {
      if (ch === "{") d++;
      if (ch === "}") d--;
      if (ch === "," && d === 0) {
        const [first, second] = item.trim().split("::");
        if (first) out.push([first, (second ?? "").replace(/[{}\s].*$/, "")]);
        item = "";
      } else item += ch;
    }
  }
  return out;
}

const uses = new Map(); // "a -> b" → count
const dbUses = new Map(); // "a -> b::db" → count
for (const f of files(root)) {
  const rel = relative(root, f).split(sep);
  const from = rel[0].replace(/\.rs$/, "");
  // The production code's graph: test modules and the tests' helpers may reach anywhere.
  if (from === "lib" || from === "test_support" || /(^|_)tests\.rs$/.test(rel[rel.length - 1])) continue;
  for (const [to, sub] of paths(code(readFileSync(f, "utf8")))) {
    if (!rooms.has(to) || to === from || to === "lib") continue;
    const k = `${from} -> ${to}`;
    uses.set(k, (uses.get(k) ?? 0) + 1);
    if (sub === "db") {
      const d = `${from} -> ${to}::db`;
      dbUses.set(d, (dbUses.get(d) ?? 0) + 1);
    }
  }
}

// The server crate (its command line) must not write a room's tables either.
const serverSrc = new URL("../server/src/", import.meta.url).pathname;
for (const f of files(serverSrc)) {
  for (const m of code(readFileSync(f, "utf8")).matchAll(/app::([a-z_][a-z0-9_]*)::db\b/g)) {
    const d = `server -> ${m[1]}::db`;
    dbUses.set(d, (dbUses.get(d) ?? 0) + 1);
  }
}

// Tables reached through SQL text (`FROM x`, `JOIN x`, `UPDATE x`, `INTO x`) count as a use of the
// owner's tables: a table belongs to the room that declares its entity (`table_name = "x"`), or,
// for the one without, to the room named here.
const OWNERS_WITHOUT_ENTITY = {
  badge_state: "badges", // one row, bumped by `UPDATE … RETURNING` only (badges::service::next_status_index)
};
const tableOwner = new Map(Object.entries(OWNERS_WITHOUT_ENTITY));
for (const f of files(root)) {
  const room = relative(root, f).split(sep)[0].replace(/\.rs$/, "");
  const text = readFileSync(f, "utf8");
  for (const m of text.matchAll(/table_name = "([a-z_]+)"|_entity!\(\s*[a-z_]+\s*,\s*"([a-z_]+)"/g))
    tableOwner.set(m[1] ?? m[2], room);
}
for (const f of files(root)) {
  const rel = relative(root, f).split(sep);
  const from = rel[0].replace(/\.rs$/, "");
  if (from === "lib" || from === "test_support" || /(^|_)tests\.rs$/.test(rel[rel.length - 1])) continue;
  const text = code(readFileSync(f, "utf8"));
  for (const m of text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+([a-z_]+)\b/g)) {
    const owner = tableOwner.get(m[1]);
    if (!owner || owner === from) continue;
    const d = `${from} -> ${owner}::db`;
    dbUses.set(d, (dbUses.get(d) ?? 0) + 1);
  }
}

// Strongly connected components (Tarjan): the rooms caught in one knot.
const next = new Map([...rooms].map((r) => [r, []]));
for (const k of uses.keys()) {
  const [a, b] = k.split(" -> ");
  next.get(a).push(b);
}
let index = 0;
const idx = new Map(), low = new Map(), stack = [], on = new Set(), sccs = [];
function visit(v) {
  idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
  for (const w of next.get(v)) {
    if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
    else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const c = [];
    let w;
    do { w = stack.pop(); on.delete(w); c.push(w); } while (w !== v);
    sccs.push(c);
  }
}
for (const r of [...rooms].sort()) if (!idx.has(r)) visit(r);
const knots = sccs.filter((c) => c.length > 1).map((c) => c.sort());
const sccOf = new Map();
knots.forEach((c, i) => c.forEach((r) => sccOf.set(r, i)));
const knotEdges = [...uses.keys()].filter((k) => {
  const [a, b] = k.split(" -> ");
  return sccOf.has(a) && sccOf.get(a) === sccOf.get(b);
});

if (process.argv.includes("--graph")) {
  for (const [k, n] of [...uses].sort()) console.log(`${k}  (${n})`);
  console.log("\n```mermaid\ngraph TD");
  for (const k of [...uses.keys()].sort()) console.log(`  ${k.replace(" -> ", " --> ")}`);
  console.log("```");
}

// The kernel (below every room): it uses nothing but itself, without cycles.
const KERNEL = new Set(["dates", "db", "error", "i18n", "outbox", "qr", "rate_limit", "text", "token", "ui", "validation", "web"]);
const kernelOut = [...uses.keys()].filter((k) => {
  const [a, b] = k.split(" -> ");
  return KERNEL.has(a) && !KERNEL.has(b);
});

// The rooms' layers (README « Architecture »): a room uses the kernel and rooms of lower layers.
const LAYERS = [
  ["organisation", "referentiel"], // what everything refers to: structures; themes, communes
  ["auth"], // who signs a request: accounts, sessions, roles
  ["catalogue", "socle", "messages"], // features
  ["carnet", "badges"], // features built on one below (carnet: offers; badges: workshops)
  ["itineraire", "orientation", "equipe", "langues", "site"], // workflows and pages over several rooms
];
const layerOf = new Map(LAYERS.flatMap((rs, i) => rs.map((r) => [r, i + 1])));
for (const r of KERNEL) layerOf.set(r, 0);
const unplaced = [...rooms].filter((r) => !layerOf.has(r));
const upward = [...uses.keys()].filter((k) => {
  const [a, b] = k.split(" -> ");
  return layerOf.has(a) && layerOf.has(b) && !KERNEL.has(a) && layerOf.get(b) >= layerOf.get(a);
});

// Inside a room: its modules (the room's direct children: `catalogue::index`, `catalogue::db`)
// and which uses which, from `crate::room::x`, `super::x` and `self::x` paths.
const inner = new Map(); // "room: a -> b" → count
for (const f of files(root)) {
  const rel = relative(root, f).split(sep);
  if (rel.length < 2 || /(^|_)tests\.rs$/.test(rel[rel.length - 1]) || rel.includes("tests")) continue;
  const room = rel[0];
  // The module path of the file: room/a/b.rs → [room, a, b]; room/a/mod.rs → [room, a].
  const mod = rel.map((p) => p.replace(/\.rs$/, ""));
  if (mod[mod.length - 1] === "mod") mod.pop();
  if (mod.length < 2) continue; // the room's mod.rs: `mod` and `pub use` lines
  const from = mod[1];
  const text = code(readFileSync(f, "utf8"));
  const targets = [];
  for (const m of text.matchAll(new RegExp(`crate::${room}::([a-z_][a-z0-9_]*)`, "g"))) targets.push(m[1]);
  for (const m of text.matchAll(/((?:super::)+)([a-z_][a-z0-9_]*)/g)) {
    const up = m[1].length / "super::".length;
    // `super` from room::a::b (file b) is room::a; from a mod.rs file one level less.
    const base = mod.slice(0, mod.length - up);
    const path = [...base, m[2]];
    if (path.length >= 2 && path[0] === room) targets.push(path[1]);
    else if (path.length === 1 && base.length === 0) continue;
  }
  for (const m of text.matchAll(/(?<![:\w])self::([a-z_][a-z0-9_]*)/g)) {
    const path = [...mod, m[1]];
    if (path.length >= 2) targets.push(path[1]);
  }
  for (const to of targets) {
    if (to === from) continue;
    const k = `${room}: ${from} -> ${to}`;
    inner.set(k, (inner.get(k) ?? 0) + 1);
  }
}
const innerCycles = [];
{
  const byRoom = new Map();
  for (const k of inner.keys()) {
    const [room, e] = k.split(": ");
    const [a, b] = e.split(" -> ");
    if (!byRoom.has(room)) byRoom.set(room, new Map());
    const g = byRoom.get(room);
    if (!g.has(a)) g.set(a, new Set());
    if (!g.has(b)) g.set(b, new Set());
    g.get(a).add(b);
  }
  for (const [room, g] of byRoom) {
    // b reaches a and a uses b: the edge a -> b is in a cycle.
    const reach = (x, y) => {
      const seen = new Set([x]), todo = [x];
      while (todo.length) for (const n of g.get(todo.pop()) ?? []) if (n === y) return true; else if (!seen.has(n)) { seen.add(n); todo.push(n); }
      return false;
    };
    for (const [a, outs] of g) for (const b of outs) if (reach(b, a)) innerCycles.push(`${room}: ${a} -> ${b}`);
  }
}

// A room's tables are private to it: its `db` module is `pub(crate)` at most (the compiler then
// keeps the server crate, its tests and benchmarks out; this script keeps the other rooms out).
const publicDb = [];
for (const f of files(root)) {
  if (f === `${root}lib.rs`) continue; // the kernel's own `db` (connection, statements, tests)
  if (/(^|\n)\s*pub mod db\s*;/.test(code(readFileSync(f, "utf8")))) publicDb.push(f.replace(root, ""));
}

const allowed = new Set(
  readFileSync(knotFile, "utf8").split("\n").map((l) => l.replace(/#.*/, "").trim()).filter(Boolean),
);
const problems = [];
for (const k of knotEdges.sort()) if (!allowed.has(k)) problems.push(`new edge in a cycle: ${k} (${uses.get(k)} uses)`);
for (const k of [...dbUses.keys()].sort()) if (!allowed.has(k)) problems.push(`a room reads another room's tables: ${k} (${dbUses.get(k)} uses)`);
for (const f of publicDb) problems.push(`a room's tables are public: \`pub mod db\` in ${f} (make it pub(crate))`);
for (const k of kernelOut) problems.push(`the kernel uses a room: ${k} (${uses.get(k)} uses)`);
for (const r of unplaced) problems.push(`a room in no layer: ${r} (put it in LAYERS or KERNEL)`);
for (const k of upward.sort()) if (!allowed.has(k)) problems.push(`a room uses its own layer or one above: ${k} (${uses.get(k)} uses)`);
for (const k of innerCycles.sort()) if (!allowed.has(k)) problems.push(`two modules of a room in a cycle: ${k} (${inner.get(k)} uses)`);
const present = new Set([...knotEdges, ...dbUses.keys(), ...upward, ...innerCycles]);
for (const k of [...allowed].sort()) if (!present.has(k)) problems.push(`gone from the knot, take it out of app/rooms-knot.txt: ${k}`);

console.log(
  `[rooms] ${rooms.size} rooms, ${uses.size} edges; ${knots.length} knot(s): ${knots.map((c) => c.join(" ")).join(" | ") || "none"}; ` +
    `${knotEdges.length} edges in cycles, ${upward.length} upward, ${innerCycles.length} inside rooms in cycles, ` +
    `${dbUses.size} cross-room db uses (known: ${allowed.size})`,
);
if (problems.length) {
  for (const p of problems) console.error(`[rooms] ${p}`);
  process.exit(1);
}
