-- POST /api/v1/assessments: a PHQ-9 draft on the bench case per request; each thread appends the new
-- assessment ids (from Location) to $BENCH_IDS.<thread> for submit.lua.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local out

function init(args)
   out = assert(io.open(os.getenv("BENCH_IDS") .. "." .. tostring(tid or 1), "a"))
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
   wrk.body = os.getenv("BENCH_START_BODY")
end

local base_response = response
function response(status, headers, body)
   base_response(status, headers, body)
   local location = headers["Location"] or headers["location"]
   if status == 201 and location then
      out:write(location:match("([^/]+)$"), "\n")
      out:flush()
   end
end
