-- GET rotating over the request paths listed in the file named by BENCH_PATHS (one per line);
-- each wrk thread starts at its own offset. Used for read client, SSN search, name page, programs.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local paths
local i

function init(args)
   paths = read_lines(os.getenv("BENCH_PATHS"))
   i = ((tid or 1) - 1) * 7919 % #paths
end

function request()
   i = i % #paths + 1
   return wrk.format("GET", paths[i])
end
