// An independent implementation of Verifiable Credentials (the Digital Credentials Consortium's
// @digitalcredentials/vc with the eddsa-rdfc-2022 cryptosuite), used to check Itinéraire's badges.
// Reads a JSON request on stdin, writes a JSON answer on stdout; nothing is fetched from the network.
//   {"action": "verify", "credential": {...}, "didDocument": {...}, "statusList": {...}?}
//       -> {"verified": bool, "errors": [...], "status": {"verified": bool, "revoked": bool}?}
//     With `statusList` (the signed BitstringStatusListCredential the credential points to, as
//     fetched from its URL), Digital Bazaar's @digitalbazaar/vc-bitstring-status-list checks the
//     list's own proof and reads the credential's bit; without it, status is not checked.
//   {"action": "sign", "credential": {...}, "did": "did:web:…", "seed": [32 bytes]} -> {"credential": {...}, "didDocument": {...}}
import * as vc from "@digitalcredentials/vc";
import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import * as Ed25519Multikey from "@digitalcredentials/ed25519-multikey";
import { securityLoader } from "@digitalcredentials/security-document-loader";
import { checkStatus as checkBitstringStatus } from "@digitalbazaar/vc-bitstring-status-list";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const embedded = (name) => JSON.parse(readFileSync(path.join(here, "../../app/src/badges/contexts", name), "utf8"));

/** Our contexts (the very files the Rust code embeds), the DID document given, the status
 * list given (at its own URL), the stock contexts. */
function loaderFor(didDocument, statusList) {
  const base = securityLoader();
  base.addStatic("https://www.w3.org/ns/credentials/v2", embedded("credentials-v2.jsonld"));
  base.addStatic("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", embedded("ob-v3p0-context-3.0.3.json"));
  const stock = base.build();
  return async (url) => {
    if (didDocument && url.split("#")[0] === didDocument.id) {
      if (!url.includes("#")) return { contextUrl: null, documentUrl: url, document: didDocument };
      const method = didDocument.verificationMethod.find((m) => m.id === url);
      return { contextUrl: null, documentUrl: url, document: { "@context": didDocument["@context"], ...method } };
    }
    if (statusList && url === statusList.id) return { contextUrl: null, documentUrl: url, document: statusList };
    return stock(url);
  };
}

const input = JSON.parse(readFileSync(0, "utf8"));
let output;
if (input.action === "verify") {
  const suite = new DataIntegrityProof({ cryptosuite });
  const documentLoader = loaderFor(input.didDocument, input.statusList);
  let status;
  const checkStatus = input.statusList
    ? async (options) => {
        const r = await checkBitstringStatus({ ...options, documentLoader, suite, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true });
        const revoked = r.verified === true && r.results?.some((x) => x.status === true) === true;
        status = { verified: r.verified === true, revoked, error: r.error ? String(r.error.message || r.error) : undefined };
        return revoked ? { verified: false, error: new Error("revoked") } : r;
      }
    : async () => ({ verified: true });
  const result = await vc.verifyCredential({ credential: input.credential, suite, documentLoader, checkStatus });
  const errors = [];
  const collect = (e) => { if (e) errors.push(String(e.message || e)); };
  collect(result.error);
  for (const r of result.results || []) collect(r.error);
  output = { verified: result.verified === true, errors, status };
} else if (input.action === "sign") {
  // `did: "did:key"` makes a did:key from the key itself (resolvable offline by anyone).
  const seed = Uint8Array.from(input.seed);
  const probe = await Ed25519Multikey.generate({ seed });
  const did = input.did === "did:key" ? `did:key:${probe.publicKeyMultibase}` : input.did;
  const keyPair = await Ed25519Multikey.generate({ seed, controller: did });
  keyPair.id = input.did === "did:key" ? `${did}#${probe.publicKeyMultibase}` : `${did}#key-1`;
  const didDocument = {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
    id: did,
    verificationMethod: [{ id: keyPair.id, type: "Multikey", controller: did, publicKeyMultibase: keyPair.publicKeyMultibase }],
    assertionMethod: [keyPair.id],
  };
  input.credential.issuer.id = did;
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite });
  const credential = await vc.issue({ credential: input.credential, suite, documentLoader: loaderFor(didDocument) });
  output = { credential, didDocument };
} else {
  throw new Error(`unknown action ${input.action}`);
}
process.stdout.write(JSON.stringify(output));
