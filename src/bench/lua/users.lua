-- Workloads 2-4 on random existing users: BENCH_OP=filter (GET /Users?filter=userName eq "..."),
-- get (GET /Users/{id}) or patch (PATCH /Users/{id} active false/true, alternating: suspend/reactivate).
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")
local op = os.getenv("BENCH_OP") or "get"
local ids, names, n
function init(args)
  ids, names = read_ids(os.getenv("BENCH_USERS_FILE"))
  math.randomseed(os.time() + tid * 7919)
  n = 0
end
function request()
  local i = math.random(#ids)
  if op == "filter" then
    return wrk.format("GET", "/scim/v2/Users?filter=" .. urlencode('userName eq "' .. names[i] .. '"'), scim_headers)
  elseif op == "patch" then
    n = n + 1
    local active = (n % 2 == 0) and "true" or "false"
    return wrk.format("PATCH", "/scim/v2/Users/" .. ids[i], scim_headers,
      patch_op .. '{"op":"replace","path":"active","value":' .. active .. '}]}')
  end
  return wrk.format("GET", "/scim/v2/Users/" .. ids[i], scim_headers)
end
