-- Deletes a User, its index entries and all its memberships, atomically.
-- KEYS[1] scim:{a}:user:<id>  KEYS[2] scim:{a}:users  KEYS[3] scim:{a}:idx:user:userName
-- KEYS[4] scim:{a}:user:<id>:groups  KEYS[5] scim:{a}:events  KEYS[6] scim:{a}:invited
-- KEYS[7..] the user's externalId/email index sets (ARGV[3] of them), then for each group the
--           user is in (as read just before): scim:{a}:group:<gid>:members, scim:{a}:group:<gid>;
--           KEYS[#KEYS] scim:{a}:group-records
-- ARGV[1] id  ARGV[2] version read  ARGV[3] number of index sets  ARGV[4] now (ms)
-- ARGV[5] events max length  ARGV[6..] the group ids, in the order of their keys
-- Returns 'OK', 'NOTFOUND', or 'RETRY' when the user or its memberships changed since they were read.
-- Every write of a group's v, cr, lm or d copies them to scim:{a}:group-records as "<v>:<cr>:<lm>:<d>",
-- which user-read.lua and user-replace.lua read for all of a user's groups with one HMGET (group-records.lua).
local fields = redis.call('HMGET', KEYS[1], 'v', 'un')
if not fields[1] then
  return 'NOTFOUND'
end
if fields[1] ~= ARGV[2] then
  return 'RETRY'
end
local groupCount = #ARGV - 5
if redis.call('SCARD', KEYS[4]) ~= groupCount then
  return 'RETRY'
end
for i = 1, groupCount do
  if redis.call('SISMEMBER', KEYS[4], ARGV[5 + i]) == 0 then
    return 'RETRY'
  end
end
local indexCount = tonumber(ARGV[3])
for i = 7, 6 + indexCount do
  redis.call('SREM', KEYS[i], ARGV[1])
end
redis.call('SREM', KEYS[6], ARGV[1])
local base = 6 + indexCount
for i = 1, groupCount do
  local membersKey = KEYS[base + 2 * i - 1]
  local groupKey = KEYS[base + 2 * i]
  redis.call('SREM', membersKey, ARGV[1])
  local gv = redis.call('HINCRBY', groupKey, 'v', 1)
  redis.call('HSET', groupKey, 'lm', ARGV[4])
  redis.call('HSET', KEYS[#KEYS], ARGV[5 + i], table.concat(redis.call('HMGET', groupKey, 'v', 'cr', 'lm', 'd'), ':'))
  redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[5], '*', 'type', 'group.member_removed', 'id', ARGV[5 + i],
    'member', ARGV[1], 'version', gv, 'time', ARGV[4])
end
redis.call('HDEL', KEYS[3], fields[2])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[1], KEYS[4])
redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[5], '*', 'type', 'user.deleted', 'id', ARGV[1], 'time', ARGV[4])
return 'OK'
