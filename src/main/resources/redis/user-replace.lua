-- Replaces a User's record if its version is the expected one, moving index entries, atomically.
-- KEYS[1] scim:{a}:user:<id>  KEYS[2] scim:{a}:idx:user:userName  KEYS[3] scim:{a}:events
-- KEYS[4] scim:{a}:invited SET  KEYS[5] scim:{a}:user:<id>:groups SET
-- KEYS[6..] old externalId/email index sets (ARGV[8] of them), then new ones (ARGV[9] of them)
-- ARGV[1] id  ARGV[2] expected version  ARGV[3] sealed record  ARGV[4] new blind userName
-- ARGV[5] new blind externalId or ''  ARGV[6] new blind emails joined by ' '  ARGV[7] now (ms)
-- ARGV[8] number of old index sets  ARGV[9] number of new index sets  ARGV[10] events max length
-- ARGV[11] event type  ARGV[12] '1' when the user is (still) invited
-- ARGV[13] the account prefix scim:{a}: to return the user's groups, or '' not to read them. The
--          group keys are derived from it (same {a} hash tag, same slot) by groupRecords of
--          group-records.lua, which LuaScript puts before this.
-- Returns { new version, group ids, entries }: per group of the user whose record exists (none when
-- ARGV[13] is ''), its id and its entry "<v>:<cr>:<lm>:<d>" of scim:{a}:group-records; or 'NOTFOUND' /
-- 'CONFLICT' / 'DUP:userName' without writing anything.
local fields = redis.call('HMGET', KEYS[1], 'v', 'un')
if not fields[1] then
  return 'NOTFOUND'
end
if fields[1] ~= ARGV[2] then
  return 'CONFLICT'
end
local oldUn = fields[2]
if oldUn ~= ARGV[4] then
  if redis.call('HEXISTS', KEYS[2], ARGV[4]) == 1 then
    return 'DUP:userName'
  end
  redis.call('HDEL', KEYS[2], oldUn)
  redis.call('HSET', KEYS[2], ARGV[4], ARGV[1])
end
local oldCount = tonumber(ARGV[8])
for i = 6, 5 + oldCount do
  redis.call('SREM', KEYS[i], ARGV[1])
end
if ARGV[12] == '1' then
  redis.call('SADD', KEYS[4], ARGV[1])
else
  redis.call('SREM', KEYS[4], ARGV[1])
end
for i = 6 + oldCount, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[1])
end
local v = redis.call('HINCRBY', KEYS[1], 'v', 1)
redis.call('HSET', KEYS[1], 'lm', ARGV[7], 'd', ARGV[3], 'un', ARGV[4], 'ex', ARGV[5], 'em', ARGV[6])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[10], '*', 'type', ARGV[11], 'id', ARGV[1], 'version', v, 'time', ARGV[7])
local groups, records = {}, {}
if ARGV[13] ~= '' then
  groups, records = groupRecords(ARGV[13], redis.call('SMEMBERS', KEYS[5]))
end
return { v, groups, records }
