import { describe, expect, it } from 'vitest';
import { redactToolError } from '../../src/run/redact-tool-error.ts';

describe('redactToolError', () => {
  it.each([
    [
      'orders DB is down (ECONNREFUSED 10.0.0.5:5432)',
      'orders DB is down (ECONNREFUSED [address])',
    ],
    ['connect ECONNREFUSED ::1:5432', 'connect ECONNREFUSED [address]'],
    ['connect ECONNREFUSED [fe80::1]:8080', 'connect ECONNREFUSED [address]'],
    ['peer 2001:db8:85a3:0:0:8a2e:370:7334 left', 'peer [address] left'],
    ['GET https://internal.corp/api/orders?id=3 failed', 'GET [url] failed'],
    ['redis at localhost:6379 refused', 'redis at [address] refused'],
    ['timeout reaching db-1.internal.example.com:5432', 'timeout reaching [address]'],
    ["ENOENT: no such file, open '/etc/app/secrets.json'", "ENOENT: no such file, open '[path]'"],
    ['see ~/logs/app.log', 'see [path]'],
    ['cannot read C:\\app\\config.yaml now', 'cannot read [path] now'],
  ])('replaces what locates the service: %s', (text, expected) => {
    expect(redactToolError(text)).toBe(expected);
  });

  it.each([
    'order 30418 not found',
    'order.total is missing; ratio 3/4; at 10:30:00',
    'std::vector overflowed',
    'rate limited, retry in 2 s (429)',
  ])('keeps what tells the model what went wrong: %s', (text) => {
    expect(redactToolError(text)).toBe(text);
  });
});
