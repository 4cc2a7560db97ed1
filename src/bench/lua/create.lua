-- Workload 1: create users (BENCH_KIND=user) or groups (BENCH_KIND=group) with unique names (BENCH_PREFIX, and
-- BENCH_RUN when set).
-- With BENCH_OUT (the fixed-count rows): exactly BENCH_COUNT of them, split over the threads; writes
-- "id<TAB>name" to BENCH_OUT.<tid>. Once a thread has sent its share, its connections send GET /ping until the
-- share's responses are in (those pings are excluded).
-- Without BENCH_OUT (a timed row, 1d): creates until wrk's duration ends and reads no response, as plain.lua
-- reads none: wrk hands a script the headers and body of every response only when it defines `response`.
-- Each request is the headers wrk.format gave once in init, its Content-Length and the body (round 14).
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")
local kind = os.getenv("BENCH_KIND") or "user"
local total = tonumber(os.getenv("BENCH_COUNT") or "1000")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local prefix = os.getenv("BENCH_PREFIX") or "bench"
local out_path = os.getenv("BENCH_OUT")
if os.getenv("BENCH_RUN") then   -- a timed row runs wrk once a warm-up window and once measured: names stay unique
  prefix = prefix .. "-r" .. os.getenv("BENCH_RUN")
end
local sent, got, extra = 0, 0, 0
local out, share, ping, head

function init(args)
  share = out_path and math.floor(total / nthreads) + ((tid < total % nthreads) and 1 or 0) or math.huge
  out = out_path and assert(io.open(out_path .. "." .. tid, "w"))
  ping = wrk.format("GET", "/ping")
  -- Without a body wrk.format ends the headers with an empty line and sets no Content-Length; each request
  -- puts its own before that line.
  head = wrk.format("POST", kind == "group" and scim_root .. "/Groups" or scim_root .. "/Users", scim_headers):sub(1, -3)
  wrk.thread:set("t_start", now_ms())
end

local function resource_body(name)
  if kind == "group" then
    return '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"' .. name .. '"}'
  end
  return '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"' .. name ..
    '","externalId":"ext-' .. name .. '","active":true,"name":{"givenName":"Bench","familyName":"User ' .. sent ..
    '"},"displayName":"Bench User","emails":[{"value":"' .. name .. '","type":"work","primary":true}]}'
end

function request()
  if not primed then primed = true; return ping end -- wrk calls request() once before the run and discards it
  if sent >= share then
    return ping
  end
  sent = sent + 1
  local name = string.format("%s-%d-%06d", prefix, tid, sent)
  if kind ~= "group" then
    name = name .. "@example.com"
  end
  local text = resource_body(name)
  return head .. "Content-Length: " .. #text .. "\r\n\r\n" .. text
end

if out_path then
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
end
