-- Shared by every bench script: numbers each wrk thread, counts responses with status >= 300 and
-- prints one machine-readable line from done():
--   BENCH requests=N seconds=S rps=R p50_ms=X p99_ms=Y non2xx=K sockerr=E firstbad=CODE
-- The Authorization header comes from wrk's -H option (wrk.headers).
local threads = {}
local nthreads = 0

function setup(thread)
   nthreads = nthreads + 1
   thread:set("tid", nthreads)
   table.insert(threads, thread)
end

non2xx = 0
firstbad = 0

function response(status, headers, body)
   if status >= 300 then
      non2xx = non2xx + 1
      if firstbad == 0 then firstbad = status end
   end
end

function done(summary, latency, requests)
   local bad, first = 0, 0
   for _, t in ipairs(threads) do
      bad = bad + (t:get("non2xx") or 0)
      local f = t:get("firstbad") or 0
      if first == 0 then first = f end
   end
   local e = summary.errors
   local sockerr = e.connect + e.read + e.write + e.timeout
   local secs = summary.duration / 1e6
   io.write(string.format(
      "BENCH requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d sockerr=%d firstbad=%d\n",
      summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, bad, sockerr, first))
end

-- Lines of a file (paths, ids, ...), skipping blanks.
function read_lines(file)
   local lines = {}
   local f = assert(io.open(file, "r"), "cannot read " .. tostring(file))
   for line in f:lines() do
      if line ~= "" then table.insert(lines, line) end
   end
   f:close()
   assert(#lines > 0, file .. " is empty")
   return lines
end
