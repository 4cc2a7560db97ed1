-- GET of BENCH_PATH (e.g. /ping) with the bearer token: baseline and simple reads.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")
local path = os.getenv("BENCH_PATH") or "/ping"
function init(args)
  req = wrk.format("GET", path, { ["Authorization"] = auth })
end
function request() return req end
