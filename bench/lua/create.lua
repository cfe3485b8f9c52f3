-- POST /api/v1/clients with a new body per request: name, birthDate in the past, sex, language and a
-- 9-digit SSN unique per request (BENCH_NONCE, 3 digits, per wrk process + thread number + counter).
-- Family names start with "Load" so they stay out of the name-prefix case's "Bench" prefixes.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local given = { "Maria", "James", "Aisha", "Wei", "Olga", "Carlos", "Fatima", "John", "Priya", "Liam",
                "Noah", "Emma", "Sofia", "Mateo", "Chloe", "Yusuf", "Hana", "Luca", "Amara", "Ivan" }
local letters = "abcdefghijklmnopqrstuvwxyz"
local sexes = { "female", "male", "female", "male", "unknown" }
local nonce
local n = 0

function init(args)
   nonce = tonumber(os.getenv("BENCH_NONCE") or "100")
   math.randomseed(os.time() * 100 + (tid or 1) * 7 + nonce)
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

local function word(len)
   local t = {}
   for k = 1, len do
      local p = math.random(1, 26)
      t[k] = letters:sub(p, p)
   end
   return table.concat(t)
end

function request()
   n = n + 1
   local ssn = string.format("%03d%d%05d", nonce, (tid or 1) % 10, n % 100000)
   local body = string.format(
      '{"name":{"given":"%s","family":"Load%s"},"birthDate":"%04d-%02d-%02d","sex":"%s","language":"en",'
         .. '"identifiers":{"ssn":"%s"}}',
      given[math.random(#given)], word(6), math.random(1940, 2015), math.random(1, 12), math.random(1, 28),
      sexes[math.random(#sexes)], ssn)
   return wrk.format("POST", "/api/v1/clients", nil, body)
end
