-- Reads Users, with their groups' records when asked, in one call (docs/redis-keys.md). Read-only.
-- The users are resolved by the lookups below, deduplicated in first-seen order; missing users are
-- skipped. Record keys are derived from the account prefix ARGV[1] (scim:{a}:), as RedisKeys builds
-- them: scim:{a}:user:<id>, scim:{a}:user:<id>:groups, scim:{a}:group-records, scim:{a}:group:<gid>;
-- they share the {a} hash tag of KEYS, hence one Cluster slot. The caller passes only ids without ':'
-- (resource ids), so an id never names another key of a user.
-- KEYS[1] scim:{a}:users ZSET (the page source; Cluster routes the call on it)
-- KEYS[2..] the index keys the lookups probe, in lookup order: scim:{a}:idx:user:userName HASH,
--           scim:{a}:idx:user:externalId:<blind> SET, scim:{a}:idx:user:email:<blind> SET
-- ARGV[1] account prefix  ARGV[2] '1' to read each user's group ids and the groups' records, '0' not to
-- ARGV[3..] lookups, each a kind and its arguments:
--   'id' <id>                  the user with that id
--   'hget' <blind userName>    HGET on the next index key (the userName HASH)
--   'smembers'                 SMEMBERS of the next index key (an externalId or email SET), in id order
--   'page' <offset> <count>    ZCARD and ZRANGE offset..offset+count-1 of KEYS[1]
-- Returns { total, users, group ids, group records }: total is the ZCARD of a 'page' (else the number of
-- ids resolved); users is { id, v, cr, lm, d, { group ids } } per user found; then, per distinct group of
-- those users whose record exists, once each, its id and its entry of scim:{a}:group-records
-- ("<v>:<cr>:<lm>:<d>"), read by groupRecords of group-records.lua, which LuaScript puts before this.
local prefix = ARGV[1]
local withGroups = ARGV[2] == '1'
local ids, seen = {}, {}
local function add(id)
  if id and not seen[id] then
    seen[id] = true
    ids[#ids + 1] = id
  end
end
local total
local k, i = 2, 3
while i <= #ARGV do
  local kind = ARGV[i]
  if kind == 'id' then
    add(ARGV[i + 1])
    i = i + 2
  elseif kind == 'hget' then
    add(redis.call('HGET', KEYS[k], ARGV[i + 1]))
    k = k + 1
    i = i + 2
  elseif kind == 'smembers' then
    local members = redis.call('SMEMBERS', KEYS[k])
    table.sort(members)
    for _, id in ipairs(members) do
      add(id)
    end
    k = k + 1
    i = i + 1
  elseif kind == 'page' then
    total = redis.call('ZCARD', KEYS[1])
    local offset = tonumber(ARGV[i + 1])
    local count = tonumber(ARGV[i + 2])
    if count > 0 then
      for _, id in ipairs(redis.call('ZRANGE', KEYS[1], offset, offset + count - 1)) do
        add(id)
      end
    end
    i = i + 3
  else
    return redis.error_reply('user-read.lua: unknown lookup ' .. tostring(kind))
  end
end
local users, groupIds, groupSeen = {}, {}, {}
for _, id in ipairs(ids) do
  local f = redis.call('HMGET', prefix .. 'user:' .. id, 'v', 'cr', 'lm', 'd')
  if f[1] and f[4] then
    local gids = {}
    if withGroups then
      gids = redis.call('SMEMBERS', prefix .. 'user:' .. id .. ':groups')
      for _, gid in ipairs(gids) do
        if not groupSeen[gid] then
          groupSeen[gid] = true
          groupIds[#groupIds + 1] = gid
        end
      end
    end
    users[#users + 1] = { id, f[1], f[2], f[3], f[4], gids }
  end
end
local groups, records = groupRecords(prefix, groupIds)
return { total or #ids, users, groups, records }
