-- Not a script of its own: LuaScript.load puts it before user-read.lua and user-replace.lua, which call
-- groupRecords to return a user's groups with their records in the same round trip (docs/redis-keys.md).
-- groupRecords(prefix, groupIds): prefix is the account's scim:{a}: (the keys derived from it share the
-- {a} hash tag, hence the caller's Cluster slot), groupIds distinct group ids. Returns two lists in the
-- order of groupIds: the ids of the groups whose record exists and their entries of
-- scim:{a}:group-records, "<v>:<cr>:<lm>:<d>" (one HMGET per 1,000 groups). An entry is used only when
-- it starts with the group's current version (one HGET of v each): a group without an entry, or with one
-- a writer that does not keep the hash left behind (an earlier version of the bridge during a rolling
-- upgrade), is read from its own hash instead, and an entry of a deleted group is ignored.
local function groupRecords(prefix, groupIds)
  local groups, records = {}, {}
  for from = 1, #groupIds, 1000 do   -- unpack's stack limit: at most 1,000 fields an HMGET
    local to = math.min(from + 999, #groupIds)
    local entries = redis.call('HMGET', prefix .. 'group-records', unpack(groupIds, from, to))
    for j = 1, to - from + 1 do
      local gid, entry = groupIds[from + j - 1], entries[j]
      local v = redis.call('HGET', prefix .. 'group:' .. gid, 'v')
      if not v then
        entry = false
      elseif not (entry and string.sub(entry, 1, #v + 1) == v .. ':') then
        local f = redis.call('HMGET', prefix .. 'group:' .. gid, 'v', 'cr', 'lm', 'd')
        entry = f[2] and f[3] and f[4] and table.concat(f, ':')
      end
      if entry then
        groups[#groups + 1] = gid
        records[#records + 1] = entry
      end
    end
  end
  return groups, records
end
