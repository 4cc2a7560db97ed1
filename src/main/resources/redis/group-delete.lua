-- Deletes a Group, its index entries and its memberships, atomically.
-- KEYS[1] scim:{a}:group:<id>  KEYS[2] scim:{a}:groups  KEYS[3] scim:{a}:idx:group:displayName
-- KEYS[4] scim:{a}:group:<id>:members  KEYS[5] scim:{a}:events
-- KEYS[6..] externalId sets (ARGV[3] of them), then per member (as read just before): user key, user groups key;
-- KEYS[#KEYS] scim:{a}:group-records
-- ARGV[1] id  ARGV[2] version read  ARGV[3] externalId set count  ARGV[4] now (ms)  ARGV[5] events max length
-- ARGV[6..] member ids in key order
-- Returns 'OK', 'NOTFOUND', or 'RETRY' when the group changed since its members were read.
local fields = redis.call('HMGET', KEYS[1], 'v', 'dn')
if not fields[1] then
  return 'NOTFOUND'
end
if fields[1] ~= ARGV[2] then
  return 'RETRY'
end
local memberCount = #ARGV - 5
if redis.call('SCARD', KEYS[4]) ~= memberCount then
  return 'RETRY'
end
local exCount = tonumber(ARGV[3])
for i = 6, 5 + exCount do
  redis.call('SREM', KEYS[i], ARGV[1])
end
local base = 5 + exCount
for i = 1, memberCount do
  local userKey = KEYS[base + 2 * i - 1]
  redis.call('SREM', KEYS[base + 2 * i], ARGV[1])
  if redis.call('EXISTS', userKey) == 1 then
    redis.call('HINCRBY', userKey, 'v', 1)
    redis.call('HSET', userKey, 'lm', ARGV[4])
  end
end
redis.call('HDEL', KEYS[3], fields[2])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[1], KEYS[4])
redis.call('HDEL', KEYS[#KEYS], ARGV[1])
redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[5], '*', 'type', 'group.deleted', 'id', ARGV[1], 'time', ARGV[4])
return 'OK'
