// Regenerates reference/communes-31.json (the communes of Haute-Garonne) from Etalab's maintained
// package @etalab/decoupage-administratif (installed in end2end/ by scripts/setup.sh).
// Run: node scripts/gen-communes.mjs   — commit the result with a new migration if it changed.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../end2end/package.json", import.meta.url));
const pkgPath = require.resolve("@etalab/decoupage-administratif/package.json");
const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
const communes = JSON.parse(readFileSync(pkgPath.replace(/package\.json$/, "data/communes.json"), "utf8"));
const departement = "31";
const rows = communes
  .filter((c) => c.departement === departement && c.type === "commune-actuelle")
  .map((c) => ({ code: c.code, nom: c.nom, codes_postaux: c.codesPostaux ?? [], arrondissement: c.arrondissement ?? null, population: c.population ?? null }))
  .sort((a, b) => a.code.localeCompare(b.code));
const out = {
  what: `Communes actuelles du département ${departement} (Haute-Garonne)`,
  source: `npm ${pkg.name}@${pkg.version} data/communes.json (Etalab, COG INSEE)`,
  licence: "Licence Ouverte 2.0 (Etalab)",
  notes: ["arrondissement 312 = Saint-Gaudens (le Comminges, territoire pilote)"],
  count: rows.length,
  communes: rows,
};
writeFileSync(new URL("../reference/communes-31.json", import.meta.url), JSON.stringify(out, null, 1) + "\n");
console.log(`${rows.length} communes written`);
