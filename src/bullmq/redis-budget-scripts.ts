/**
 * The Lua scripts of a run's shared budget in Redis, run atomically by Redis (`EVAL`), so that
 * processes running parts of one run at once cannot reserve the same remainder twice.
 *
 * KEYS[1] is the run's budget hash: `tokens` and `usd` spent, `rt` and `ru` reserved by calls in
 * flight, `r:<key>` one call's reservation (`"<tokens> <usd>"`), `s:<key>` a settled call.
 */

/**
 * ARGV: the call's key, its tokens and dollars, the limits (`-1`: none), the time to live in ms.
 * Returns `{1}` when reserved, or `{0, limit, committed}`.
 */
export const RESERVE = `
local h = KEYS[1]
local field = 'r:' .. ARGV[1]
local tokens, usd = tonumber(ARGV[2]), tonumber(ARGV[3])
local maxTokens, maxUsd = tonumber(ARGV[4]), tonumber(ARGV[5])
local heldTokens, heldUsd = 0, 0
local held = redis.call('HGET', h, field)
if held then
  local at = string.find(held, ' ')
  heldTokens, heldUsd = tonumber(string.sub(held, 1, at - 1)), tonumber(string.sub(held, at + 1))
end
local reservedTokens = tonumber(redis.call('HGET', h, 'rt') or '0') - heldTokens
local reservedUsd = tonumber(redis.call('HGET', h, 'ru') or '0') - heldUsd
local committedTokens = tonumber(redis.call('HGET', h, 'tokens') or '0') + reservedTokens
local committedUsd = tonumber(redis.call('HGET', h, 'usd') or '0') + reservedUsd
if maxTokens >= 0 and committedTokens + tokens > maxTokens then
  return {0, 'maxTokens', tostring(committedTokens)}
end
if maxUsd >= 0 and committedUsd + usd > maxUsd then
  return {0, 'maxCostUsd', tostring(committedUsd)}
end
redis.call('HSET', h, field, ARGV[2] .. ' ' .. ARGV[3],
  'rt', tostring(reservedTokens + tokens), 'ru', tostring(reservedUsd + usd))
redis.call('HDEL', h, 's:' .. ARGV[1])
redis.call('PEXPIRE', h, ARGV[6])
return {1}
`;

/** ARGV: the call's key, the tokens and dollars it used, the time to live in ms. Returns 1 when counted, 0 when already settled. */
export const SETTLE = `
local h = KEYS[1]
if redis.call('HEXISTS', h, 's:' .. ARGV[1]) == 1 then return 0 end
local field = 'r:' .. ARGV[1]
local held = redis.call('HGET', h, field)
if held then
  local at = string.find(held, ' ')
  redis.call('HINCRBYFLOAT', h, 'rt', -tonumber(string.sub(held, 1, at - 1)))
  redis.call('HINCRBYFLOAT', h, 'ru', -tonumber(string.sub(held, at + 1)))
  redis.call('HDEL', h, field)
end
redis.call('HINCRBYFLOAT', h, 'tokens', ARGV[2])
redis.call('HINCRBYFLOAT', h, 'usd', ARGV[3])
redis.call('HSET', h, 's:' .. ARGV[1], '1')
redis.call('PEXPIRE', h, ARGV[4])
return 1
`;
