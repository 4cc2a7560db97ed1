-- Workload 7: Okta import, GET /Users?startIndex=..&count=BENCH_PAGE, pages walked in order and again.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")
local total = tonumber(os.getenv("BENCH_TOTAL") or "10000")
local page = tonumber(os.getenv("BENCH_PAGE") or "100")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local start
function init(args)
  start = 1 + tid * page
end
function request()
  local s = start
  start = start + nthreads * page
  if start > total then start = 1 + tid * page end
  return wrk.format("GET", scim_root .. "/Users?startIndex=" .. s .. "&count=" .. page, scim_headers)
end
