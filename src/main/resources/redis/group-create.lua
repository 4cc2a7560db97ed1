-- Creates a Group with its members, indexes and events, atomically.
-- KEYS[1] scim:{a}:group:<id>  KEYS[2] scim:{a}:groups  KEYS[3] scim:{a}:idx:group:displayName
-- KEYS[4] scim:{a}:seq  KEYS[5] scim:{a}:events  KEYS[6] scim:{a}:group:<id>:members
-- KEYS[7..] externalId index set (ARGV[7] of them: 0 or 1), then per member:
--           scim:{a}:user:<uid>, scim:{a}:user:<uid>:groups; KEYS[#KEYS] scim:{a}:group-records
-- ARGV[1] id  ARGV[2] sealed record  ARGV[3] blind displayName  ARGV[4] blind externalId or ''
-- ARGV[5] now (ms)  ARGV[6] events max length  ARGV[7] number of externalId keys  ARGV[8..] member ids
-- Returns 'OK', 'DUP:displayName', or 'UNKNOWN:<uid>' without writing anything.
-- Every write of a group's v, cr, lm or d copies them to scim:{a}:group-records as "<v>:<cr>:<lm>:<d>",
-- which user-read.lua and user-replace.lua read for all of a user's groups with one HMGET (group-records.lua).
if redis.call('HEXISTS', KEYS[3], ARGV[3]) == 1 then
  return 'DUP:displayName'
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 'DUP:id'
end
local exCount = tonumber(ARGV[7])
local base = 6 + exCount
local memberCount = #ARGV - 7
for i = 1, memberCount do
  if redis.call('EXISTS', KEYS[base + 2 * i - 1]) == 0 then
    return 'UNKNOWN:' .. ARGV[7 + i]
  end
end
local seq = redis.call('INCR', KEYS[4])
redis.call('HSET', KEYS[3], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[2], seq, ARGV[1])
redis.call('HSET', KEYS[1], 'v', 1, 'cr', ARGV[5], 'lm', ARGV[5], 'd', ARGV[2], 'dn', ARGV[3], 'ex', ARGV[4])
redis.call('HSET', KEYS[#KEYS], ARGV[1], table.concat(redis.call('HMGET', KEYS[1], 'v', 'cr', 'lm', 'd'), ':'))
for i = 7, 6 + exCount do
  redis.call('SADD', KEYS[i], ARGV[1])
end
redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[6], '*', 'type', 'group.created', 'id', ARGV[1], 'version', 1, 'time', ARGV[5])
for i = 1, memberCount do
  local uid = ARGV[7 + i]
  if redis.call('SADD', KEYS[6], uid) == 1 then
    local userKey = KEYS[base + 2 * i - 1]
    redis.call('SADD', KEYS[base + 2 * i], ARGV[1])
    redis.call('HINCRBY', userKey, 'v', 1)
    redis.call('HSET', userKey, 'lm', ARGV[5])
    redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[6], '*', 'type', 'group.member_added', 'id', ARGV[1],
      'member', uid, 'time', ARGV[5])
  end
end
return 'OK'
