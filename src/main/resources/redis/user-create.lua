-- Creates a User with its indexes and a user.created event, atomically (docs/redis-keys.md).
-- KEYS[1] scim:{a}:user:<id>  HASH        KEYS[2] scim:{a}:users  ZSET
-- KEYS[3] scim:{a}:idx:user:userName HASH KEYS[4] scim:{a}:seq     KEYS[5] scim:{a}:events STREAM
-- KEYS[6] scim:{a}:invited SET  KEYS[7..] externalId index set (0 or 1, count ARGV[9]), then email index sets
-- ARGV[1] id  ARGV[2] sealed record  ARGV[3] blind userName  ARGV[4] blind externalId or ''
-- ARGV[5] blind emails joined by ' '  ARGV[6] now (ms)  ARGV[7] events max length  ARGV[8] event type
-- ARGV[9] number of externalId keys (0 or 1)  ARGV[10] '1' when the user starts invited
-- Returns 'OK', or 'DUP:userName' without writing anything.
if redis.call('HEXISTS', KEYS[3], ARGV[3]) == 1 then
  return 'DUP:userName'
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 'DUP:id'
end
local seq = redis.call('INCR', KEYS[4])
redis.call('HSET', KEYS[3], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[2], seq, ARGV[1])
redis.call('HSET', KEYS[1], 'v', 1, 'cr', ARGV[6], 'lm', ARGV[6], 'd', ARGV[2],
  'un', ARGV[3], 'ex', ARGV[4], 'em', ARGV[5])
if ARGV[10] == '1' then
  redis.call('SADD', KEYS[6], ARGV[1])
end
for i = 7, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[1])
end
redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[7], '*', 'type', ARGV[8], 'id', ARGV[1], 'version', 1, 'time', ARGV[6])
return 'OK'
