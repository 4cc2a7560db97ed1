-- Workload 5: member add / remove on ONE group (BENCH_GROUP), every connection on that group. Each thread
-- owns a disjoint slice of the first BENCH_POOL users and walks it round-robin; a user's operations
-- alternate, starting with BENCH_FIRST_OP (add for users outside the group, remove for members).
-- BENCH_ADD_ONLY=1 (lost-update check): each user of the slice is added exactly once; the thread then
-- sends GET /ping until every add has its response, and stops, so the 2xx count is exact.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")
local group = os.getenv("BENCH_GROUP")
local pool = tonumber(os.getenv("BENCH_POOL") or "2000")
local first = os.getenv("BENCH_FIRST_OP") or "add"
local add_only = os.getenv("BENCH_ADD_ONLY") == "1"
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local mine, pos, round, path, ping, got, extra
function init(args)
  local ids = read_ids(os.getenv("BENCH_USERS_FILE"))
  mine = {}
  for i = 1, math.min(pool, #ids) do
    if (i - 1) % nthreads == tid then mine[#mine + 1] = ids[i] end
  end
  pos, round, got, extra = 0, 0, 0, 0
  path = scim_root .. "/Groups/" .. group
  ping = wrk.format("GET", "/ping")
  wrk.thread:set("t_start", now_ms())
end
function request()
  if not primed then primed = true; return ping end -- wrk calls request() once before the run and discards it
  pos = pos + 1
  if pos > #mine then
    pos, round = 1, round + 1
  end
  local add = (round % 2 == 0) == (first == "add")
  if add_only then
    if round > 0 then return ping end
    add = true
  end
  local body
  if add then
    body = patch_op .. '{"op":"add","path":"members","value":[{"value":"' .. mine[pos] .. '"}]}]}'
  else
    body = patch_op .. '{"op":"remove","path":"members[value eq \\"' .. mine[pos] .. '\\"]"}]}'
  end
  return wrk.format("PATCH", path, scim_headers, body)
end
if add_only then
  function response(status, headers, body)
    if body == "pong" then extra = extra + 1; wrk.thread:set("extra", extra); return end
    got = got + 1
    if got >= #mine then finish_thread() end
  end
end
