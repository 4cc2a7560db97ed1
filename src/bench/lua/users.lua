-- Workloads 2-4 on random existing users: BENCH_OP=filter (GET /Users?filter=userName eq "..."),
-- get (GET /Users/{id}) or patch (PATCH /Users/{id} active false/true, alternating: suspend/reactivate).
-- Each request is put together from parts wrk.format gave once in init, and each name is URL-encoded once in
-- init too: the same request line, headers and body as formatting every request, for a fraction of wrk's CPU
-- on the cores the bridge runs on (round 13; the names since round 21).
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")
local op = os.getenv("BENCH_OP") or "get"
local ids, names, n, count
local head, tail, tails
local HOLE = "\1hole\1"

-- The request text around a hole where the user's id or name goes.
local function around(method, path, body)
  local text = wrk.format(method, path, scim_headers, body)
  local at = assert(text:find(HOLE, 1, true), "no hole in the request")
  return text:sub(1, at - 1), text:sub(at + #HOLE)
end

function init(args)
  ids, names = read_ids(os.getenv("BENCH_USERS_FILE"))
  count = #ids
  math.randomseed(os.time() + tid * 7919)
  n = 0
  if op == "filter" then
    head, tail = around("GET", scim_root .. "/Users?filter=" .. urlencode('userName eq "') .. HOLE .. urlencode('"'))
    for i = 1, count do
      names[i] = urlencode(names[i])
    end
  elseif op == "patch" then
    tails = {}
    for _, active in ipairs({ "false", "true" }) do
      head, tails[active] = around("PATCH", scim_root .. "/Users/" .. HOLE,
        patch_op .. '{"op":"replace","path":"active","value":' .. active .. '}]}')
    end
  else
    head, tail = around("GET", scim_root .. "/Users/" .. HOLE)
  end
end

function request()
  local i = math.random(count)
  if op == "filter" then
    return head .. names[i] .. tail
  elseif op == "patch" then
    n = n + 1
    return head .. ids[i] .. tails[(n % 2 == 0) and "true" or "false"]
  end
  return head .. ids[i] .. tail
end
