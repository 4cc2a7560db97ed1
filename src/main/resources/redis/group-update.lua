-- Updates a Group in one atomic step: optionally a new record (with index moves), then member
-- removals, then member additions. Membership work is O(changed members).
-- KEYS[1] scim:{a}:group:<id>  KEYS[2] scim:{a}:idx:group:displayName  KEYS[3] scim:{a}:events
-- KEYS[4] scim:{a}:group:<id>:members
-- KEYS[5..] old externalId sets (ARGV[8]), new externalId sets (ARGV[9]), then per removed member
--           (ARGV[10] of them) user key and user groups key, then the same per added member;
--           KEYS[#KEYS] scim:{a}:group-records
-- ARGV[1] id  ARGV[2] expected version or '-1'  ARGV[3] sealed record or '' (unchanged)
-- ARGV[4] new blind displayName  ARGV[5] new blind externalId  ARGV[6] now (ms)  ARGV[7] events max length
-- ARGV[8] old externalId set count  ARGV[9] new externalId set count  ARGV[10] removed count
-- ARGV[11..] removed ids, then added ids
-- Returns the new version, or 'NOTFOUND' / 'CONFLICT' / 'DUP:displayName' / 'UNKNOWN:<uid>' without writing.
-- Every write of a group's v, cr, lm or d copies them to scim:{a}:group-records as "<v>:<cr>:<lm>:<d>",
-- which user-read.lua and user-replace.lua read for all of a user's groups with one HMGET (group-records.lua).
local fields = redis.call('HMGET', KEYS[1], 'v', 'dn')
if not fields[1] then
  return 'NOTFOUND'
end
if ARGV[2] ~= '-1' and fields[1] ~= ARGV[2] then
  return 'CONFLICT'
end
local oldEx = tonumber(ARGV[8])
local newEx = tonumber(ARGV[9])
local removedCount = tonumber(ARGV[10])
local addedCount = #ARGV - 10 - removedCount
local memberBase = 4 + oldEx + newEx
local addedBase = memberBase + 2 * removedCount
local record = ARGV[3] ~= ''
if record and fields[2] ~= ARGV[4] and redis.call('HEXISTS', KEYS[2], ARGV[4]) == 1 then
  return 'DUP:displayName'
end
for i = 1, addedCount do
  if redis.call('EXISTS', KEYS[addedBase + 2 * i - 1]) == 0 then
    return 'UNKNOWN:' .. ARGV[10 + removedCount + i]
  end
end
local changed = record
if record then
  if fields[2] ~= ARGV[4] then
    redis.call('HDEL', KEYS[2], fields[2])
    redis.call('HSET', KEYS[2], ARGV[4], ARGV[1])
  end
  for i = 5, 4 + oldEx do
    redis.call('SREM', KEYS[i], ARGV[1])
  end
  for i = 5 + oldEx, 4 + oldEx + newEx do
    redis.call('SADD', KEYS[i], ARGV[1])
  end
  redis.call('HSET', KEYS[1], 'd', ARGV[3], 'dn', ARGV[4], 'ex', ARGV[5])
end
for i = 1, removedCount do
  local uid = ARGV[10 + i]
  if redis.call('SREM', KEYS[4], uid) == 1 then
    local userKey = KEYS[memberBase + 2 * i - 1]
    redis.call('SREM', KEYS[memberBase + 2 * i], ARGV[1])
    redis.call('HINCRBY', userKey, 'v', 1)
    redis.call('HSET', userKey, 'lm', ARGV[6])
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[7], '*', 'type', 'group.member_removed', 'id', ARGV[1],
      'member', uid, 'time', ARGV[6])
    changed = true
  end
end
for i = 1, addedCount do
  local uid = ARGV[10 + removedCount + i]
  if redis.call('SADD', KEYS[4], uid) == 1 then
    local userKey = KEYS[addedBase + 2 * i - 1]
    redis.call('SADD', KEYS[addedBase + 2 * i], ARGV[1])
    redis.call('HINCRBY', userKey, 'v', 1)
    redis.call('HSET', userKey, 'lm', ARGV[6])
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[7], '*', 'type', 'group.member_added', 'id', ARGV[1],
      'member', uid, 'time', ARGV[6])
    changed = true
  end
end
if not changed then
  return tonumber(fields[1])
end
local v = redis.call('HINCRBY', KEYS[1], 'v', 1)
redis.call('HSET', KEYS[1], 'lm', ARGV[6])
redis.call('HSET', KEYS[#KEYS], ARGV[1], table.concat(redis.call('HMGET', KEYS[1], 'v', 'cr', 'lm', 'd'), ':'))
if record then
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[7], '*', 'type', 'group.updated', 'id', ARGV[1], 'version', v, 'time', ARGV[6])
end
return v
