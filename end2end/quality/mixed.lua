-- wrk script: people reading the catalogue, the workshops and an offer, and one request in ten
-- a registration (a form post with a new e-mail each time), as at the opening of a session.
-- Set SEANCE and OFFRE in the environment; the server must lift its per-address limits.
local seance = os.getenv("SEANCE")
local offre = os.getenv("OFFRE")
local origin = os.getenv("ORIGIN")
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
  statuses = {}
end

local reads = { "/catalogue", "/catalogue?q=logement", "/ateliers", "/offres/" .. offre, "/", "/etapes" }

function request()
  counter = counter + 1
  if counter % 10 == 0 then
    local body = "prenom=Charge&nom=Test&consentement=oui&attente=oui&courriel=t" .. thread_id .. "-" .. counter .. "%40charge.example"
    return wrk.format("POST", "/ateliers/" .. seance, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Origin"] = origin,
    }, body)
  end
  return wrk.format("GET", reads[(counter % #reads) + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do merged[code] = (merged[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(merged) do table.insert(parts, string.format('"%d": %d', code, n)) end
  io.write(string.format('{"requests": %d, "seconds": %.1f, "rps": %.0f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "socket_errors": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(parts, ", ")))
end
