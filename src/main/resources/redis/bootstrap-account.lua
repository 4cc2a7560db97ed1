-- Bootstraps an account once (docs/redis-keys.md). Idempotent and race-safe: the first writer of the
-- account hash's "id" field wins; every later call (restart, another replica) changes nothing.
-- KEYS[1] scim:{a}:account                  HASH
-- KEYS[2] scim:{a}:builtin:user:<mid>       STRING sealed provision-manager record
-- KEYS[3] scim:{a}:builtin:group:<gid>      STRING sealed "Provision Managers" record
-- KEYS[4] scim:{a}:builtin:group:<gid>:members SET
-- ARGV[1] account id   ARGV[2] sealed account record   ARGV[3] created (epoch ms)
-- ARGV[4] sealed manager record   ARGV[5] sealed group record   ARGV[6] manager user id
-- ARGV[7] group id
-- Returns 1 when this call created the account, 0 when it was there already.
if redis.call('HSETNX', KEYS[1], 'id', ARGV[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], 'record', ARGV[2], 'created', ARGV[3], 'managerUser', ARGV[6],
  'managersGroup', ARGV[7], 'bootstrap', '1')
redis.call('SET', KEYS[2], ARGV[4])
redis.call('SET', KEYS[3], ARGV[5])
redis.call('SADD', KEYS[4], ARGV[6])
return 1
