// The far ends of Itinéraire's messages, on loopback, for the tests only:
// - a real SMTP server (Nodemailer's `smtp-server`), its messages parsed by `mailparser`;
// - an HTTP server speaking Brevo's transactional SMS contract (POST /v3/transactionalSMS/send,
//   and the older /sms path; `api-key` header; 201 {"messageId"}; 400/401 {code, message}).
// Each message received is kept in memory and appended to a JSON-lines file (if --file), as
// {kind, canal, destinataire, sujet, texte, html, ...}: what the person would read.
// Faults are set through the control API on the HTTP port:
//   POST /_sink/mode  {"sms": "ok"|"400"|"500"|"hang", "smtp": "ok"|"451"|"550"|"down", "delayMs": n}
//   GET  /_sink/messages            every message received, oldest first
//   GET  /_sink/count               how many messages were received
//   GET  /_sink/requests            every request to the SMS API and SMTP delivery, with the answer
//   POST /_sink/reset               forget them (and back to "ok")
// Usage: node sinks.mjs [--smtp-port 2525] [--http-port 2580] [--key cle] [--file f.jsonl]
// Port 0 picks a free port; the ports are printed as one JSON line on stdout once listening.
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import http from "node:http";
import fs from "node:fs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const KEY = opt("key", "cle-de-test");
const FILE = opt("file", "");
// --quiet: keep only the text of each message in memory (benchmarks receive tens of thousands).
const QUIET = args.includes("--quiet");
let mode = { sms: "ok", smtp: "ok", delayMs: 0 };
const received = [];
// Every provider request seen (accepted or not): {canal, status}.
const requests = [];
let nextId = 1_000_000;

function keep(m) {
  const entry = { ...m, recu_le: new Date().toISOString() };
  received.push(QUIET ? { texte: m.texte } : entry);
  if (FILE) fs.appendFileSync(FILE, JSON.stringify(entry) + "\n", { mode: 0o600 });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- SMTP -------------------------------------------------------------------------------------
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  size: 10 * 1024 * 1024,
  onConnect(session, cb) {
    if (mode.smtp === "down") return cb(Object.assign(new Error("421 Service indisponible"), { responseCode: 421 }));
    cb();
  },
  onRcptTo(address, session, cb) {
    if (mode.smtp !== "ok") requests.push({ canal: "courriel", status: Number(mode.smtp) || 0 });
    if (mode.smtp === "550") return cb(Object.assign(new Error("Destinataire inconnu"), { responseCode: 550 }));
    cb();
  },
  onData(stream, session, cb) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", async () => {
      if (mode.smtp === "451") return cb(Object.assign(new Error("Essayez plus tard"), { responseCode: 451 }));
      if (mode.delayMs) await sleep(mode.delayMs);
      const raw = Buffer.concat(chunks);
      try {
        const mail = await simpleParser(raw);
        keep({
          canal: "courriel",
          kind: mail.headers.get("x-itineraire-message") ?? "",
          destinataire: session.envelope.rcptTo.map((r) => r.address).join(","),
          de: mail.from?.text ?? "",
          sujet: mail.subject ?? "",
          texte: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
          date: mail.date ? mail.date.toISOString() : "",
          messageId: mail.messageId ?? "",
          autoSubmitted: mail.headers.get("auto-submitted") ?? "",
          multipart: /multipart\/alternative/i.test(String(mail.headers.get("content-type")?.value ?? "")),
        });
        requests.push({ canal: "courriel", status: 250 });
        cb(null, `250 OK id=${nextId++}`);
      } catch (e) {
        cb(Object.assign(new Error(`message illisible: ${e.message}`), { responseCode: 554 }));
      }
    });
  },
});

// --- Brevo's SMS API --------------------------------------------------------------------------
function json(res, status, body) {
  if (res.req?.url?.startsWith("/v3/")) requests.push({ canal: "sms", status });
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

const api = http.createServer(async (req, res) => {
  const url = new URL(req.url, "http://sink");
  if (url.pathname === "/_sink/messages" && req.method === "GET") return json(res, 200, received);
  if (url.pathname === "/_sink/requests" && req.method === "GET") return json(res, 200, requests);
  if (url.pathname === "/_sink/count" && req.method === "GET") return json(res, 200, { count: received.length });
  if (url.pathname === "/_sink/mode" && req.method === "POST") {
    mode = { ...mode, ...JSON.parse((await body(req)) || "{}") };
    return json(res, 200, mode);
  }
  if (url.pathname === "/_sink/reset" && req.method === "POST") {
    received.length = 0;
    requests.length = 0;
    mode = { sms: "ok", smtp: "ok", delayMs: 0 };
    return json(res, 200, mode);
  }
  if (req.method !== "POST" || !["/v3/transactionalSMS/send", "/v3/transactionalSMS/sms"].includes(url.pathname)) {
    return json(res, 404, { code: "not_found", message: "Not found" });
  }
  const text = await body(req);
  if (req.headers["api-key"] !== KEY) return json(res, 401, { code: "unauthorized", message: "Key not found" });
  if (mode.sms === "hang") {
    requests.push({ canal: "sms", status: 0 });
    return; // never answers: the client's timeout must act
  }
  if (mode.delayMs) await sleep(mode.delayMs);
  if (mode.sms === "500") return json(res, 500, { code: "internal_error", message: "Internal server error" });
  if (mode.sms === "400") return json(res, 400, { code: "invalid_parameter", message: "Invalid phone number" });
  let sms;
  try {
    sms = JSON.parse(text);
  } catch {
    return json(res, 400, { code: "bad_request", message: "Invalid JSON" });
  }
  const problems = [];
  if (typeof sms.sender !== "string" || !/^([A-Za-z0-9]{3,11}|[0-9]{3,15})$/.test(sms.sender)) problems.push("sender");
  if (typeof sms.recipient !== "string" || !/^[1-9][0-9]{7,14}$/.test(sms.recipient)) problems.push("recipient");
  if (typeof sms.content !== "string" || sms.content.length === 0) problems.push("content");
  if (sms.type !== undefined && !["transactional", "marketing"].includes(sms.type)) problems.push("type");
  if (problems.length) return json(res, 400, { code: "invalid_parameter", message: `Invalid: ${problems.join(", ")}` });
  const messageId = nextId++;
  keep({
    canal: "sms",
    kind: sms.tag ?? "",
    destinataire: sms.recipient,
    de: sms.sender,
    sujet: "",
    texte: sms.content,
    type: sms.type ?? "transactional",
    unicodeEnabled: Boolean(sms.unicodeEnabled),
    messageId: String(messageId),
  });
  if (url.pathname.endsWith("/sms")) {
    return json(res, 201, { reference: `ref${messageId}`, messageId, smsCount: 1, usedCredits: 1, remainingCredits: 100 });
  }
  return json(res, 201, { messageId });
});

const listen = (server, port) =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(port), "127.0.0.1", () => resolve((server.server ?? server).address().port));
  });

const smtpPort = await listen(smtp, opt("smtp-port", "2525"));
const httpPort = await listen(api, opt("http-port", "2580"));
console.log(JSON.stringify({ smtp: smtpPort, http: httpPort }));
const stop = () => {
  smtp.close(() => {});
  api.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
