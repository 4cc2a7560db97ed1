-- Takes or renews a lease: KEYS[1] the lease key, ARGV[1] owner, ARGV[2] time to live (ms).
-- Returns 1 when ARGV[1] holds the lease afterwards, 0 when another owner does.
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
