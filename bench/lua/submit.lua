-- POST /api/v1/assessments/{id}/submit with the nine PHQ-9 answers and If-Match "0", each draft once: the
-- drafts made by start.lua, thread k of this run taking the ids of start.lua's thread k. When a thread runs
-- out it submits its last draft again (409, counted in non2xx), so only 2xx responses count as submits.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local ids
local n = 0

function init(args)
   ids = read_lines(os.getenv("BENCH_IDS") .. "." .. tostring(tid or 1))
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
   wrk.headers["If-Match"] = '"0"'
   wrk.body = os.getenv("BENCH_SUBMIT_BODY")
end

function request()
   n = n + 1
   local id = ids[math.min(n, #ids)]
   return wrk.format(nil, "/api/v1/assessments/" .. id .. "/submit")
end
