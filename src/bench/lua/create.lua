-- Workload 1: create exactly BENCH_COUNT users (BENCH_KIND=user) or groups (BENCH_KIND=group) with unique
-- names (BENCH_PREFIX, and BENCH_RUN when set), split over the threads; writes "id<TAB>name" to BENCH_OUT.<tid>. Once a thread has sent its
-- share, its connections send GET /ping until the share's responses are in (those pings are excluded).
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")
local kind = os.getenv("BENCH_KIND") or "user"
local total = tonumber(os.getenv("BENCH_COUNT") or "1000")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local prefix = os.getenv("BENCH_PREFIX") or "bench"
if os.getenv("BENCH_RUN") then   -- a timed row runs wrk once a warm-up window and once measured: names stay unique
  prefix = prefix .. "-r" .. os.getenv("BENCH_RUN")
end
local sent, got, extra = 0, 0, 0
local out, share, ping
function init(args)
  share = math.floor(total / nthreads) + ((tid < total % nthreads) and 1 or 0)
  out = assert(io.open(os.getenv("BENCH_OUT") .. "." .. tid, "w"))
  ping = wrk.format("GET", "/ping")
  wrk.thread:set("t_start", now_ms())
end
function request()
  if not primed then primed = true; return wrk.format("GET", "/ping") end -- wrk calls request() once before the run and discards it
  if sent >= share then
    return ping
  end
  sent = sent + 1
  local name = string.format("%s-%d-%06d", prefix, tid, sent)
  local body
  if kind == "group" then
    wrk.path = "/scim/v2/Groups"
    body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"' .. name .. '"}'
  else
    name = name .. "@example.com"
    wrk.path = "/scim/v2/Users"
    body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"' .. name ..
      '","externalId":"ext-' .. name .. '","active":true,"name":{"givenName":"Bench","familyName":"User ' .. sent ..
      '"},"displayName":"Bench User","emails":[{"value":"' .. name .. '","type":"work","primary":true}]}'
  end
  return wrk.format("POST", nil, scim_headers, body)
end
function response(status, headers, body)
  if body == "pong" then
    extra = extra + 1
    wrk.thread:set("extra", extra)
    return
  end
  got = got + 1
  local id = body and body:match('"id":"([^"]+)"')
  local name = body and (body:match('"userName":"([^"]+)"') or body:match('"displayName":"([^"]+)"'))
  if status == 201 and id then
    out:write(id, "\t", name or "", "\n")
  end
  if got >= share then
    out:close()
    finish_thread()
  end
end
