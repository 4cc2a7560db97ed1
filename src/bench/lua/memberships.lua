-- Workload 1 (memberships): one PATCH per group adding BENCH_PER_GROUP members, exactly once per group in
-- BENCH_GROUPS_FILE; user i of the users file goes to groups in turn, so memberships = groups x per_group.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")
local per = tonumber(os.getenv("BENCH_PER_GROUP") or "100")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local users, groups, mine, sent, got, share, ping, extra = nil, nil, {}, 0, 0, 0, nil, 0
function init(args)
  users = read_ids(os.getenv("BENCH_USERS_FILE"))
  groups = read_ids(os.getenv("BENCH_GROUPS_FILE"))
  for g = 1, #groups do
    if (g - 1) % nthreads == tid then mine[#mine + 1] = g end
  end
  share = #mine
  ping = wrk.format("GET", "/ping")
  wrk.thread:set("t_start", now_ms())
end
function request()
  if not primed then primed = true; return wrk.format("GET", "/ping") end -- wrk calls request() once before the run and discards it
  if sent >= share then return ping end
  sent = sent + 1
  local g = mine[sent]
  local vals = {}
  for k = 0, per - 1 do
    vals[#vals + 1] = '{"value":"' .. users[((g - 1) * per + k) % #users + 1] .. '"}'
  end
  local body = patch_op .. '{"op":"add","path":"members","value":[' .. table.concat(vals, ",") .. ']}]}'
  return wrk.format("PATCH", scim_root .. "/Groups/" .. groups[g], scim_headers, body)
end
function response(status, headers, body)
  if body == "pong" then extra = extra + 1; wrk.thread:set("extra", extra); return end
  got = got + 1
  if got >= share then
    finish_thread()
  end
end
