-- Shared by every workload script: thread numbering, authorization, wall-clock time for fixed-count
-- runs, id files, and a machine-readable summary line ("BENCH key=value ...") that run-benchmarks.sh parses.
local dir = os.getenv("BENCH_LUA_DIR") or "."
local token = os.getenv("BENCH_TOKEN") or ""
auth = "Bearer " .. token
scim_headers = { ["Authorization"] = auth, ["Content-Type"] = "application/scim+json" }
-- The SCIM root's path: BENCH_BASE_PATH (empty) is the context root of a bridge deployed at another one
-- (src/bench/compare-builds.sh).
scim_root = (os.getenv("BENCH_BASE_PATH") or "") .. "/scim/v2"
patch_op = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":['

local threads = {}
local next_tid = 0
function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

function now_ms()
  local p = io.popen("date +%s%3N")
  local t = p:read("*n")
  p:close()
  return t
end

-- Reads "id<TAB>name" lines; returns two arrays.
function read_ids(path)
  local ids, names = {}, {}
  local f = assert(io.open(path, "r"), "cannot open " .. path)
  for line in f:lines() do
    local id, name = line:match("^([^\t]+)\t?(.*)$")
    if id then
      ids[#ids + 1] = id
      names[#names + 1] = name
    end
  end
  f:close()
  return ids, names
end

-- Percent-encodes every byte but RFC 3986's unreserved ones, from a table of escapes made once (a gsub
-- with a table runs no Lua function a byte).
local escapes = {}
for b = 0, 255 do
  escapes[string.char(b)] = string.format("%%%02X", b)
end
function urlencode(s)
  return (s:gsub("[^%w%-%._~]", escapes))
end

-- Fixed-count runs: record the stop time, tell run-benchmarks.sh (which ends wrk with SIGINT once every
-- thread is done, since wrk otherwise sleeps for the whole -d), and stop this thread's event loop.
function finish_thread()
  wrk.thread:set("t_stop", now_ms())
  local dir = os.getenv("BENCH_DONE_DIR")
  if dir then
    local f = io.open(dir .. "/done." .. tid, "w")
    if f then f:close() end
  end
  wrk.thread:stop()
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  -- Fixed-count runs: each thread records its own start/stop wall time; the run lasts until the last stops.
  local started, stopped = nil, nil
  for _, t in ipairs(threads) do
    local a, b = t:get("t_start"), t:get("t_stop")
    if a and b then
      started = (started == nil or a < started) and a or started
      stopped = (stopped == nil or b > stopped) and b or stopped
    end
  end
  if started and stopped and stopped > started then
    secs = (stopped - started) / 1000
  end
  local e = summary.errors
  local extra = 0
  for _, t in ipairs(threads) do extra = extra + (t:get("extra") or 0) end
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d sockerr=%d timeouts=%d extra=%d\n",
    summary.requests - extra, secs, (summary.requests - extra) / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write, e.timeout, extra))
end
