import { describe, expect, it } from 'vitest';
import { isPrivateHost, webhookTargetProblem } from './targets';

describe('robot webhook targets', () => {
  it('knows private, loopback, link-local and reserved hosts', () => {
    for (const h of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '[::1]',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:7f00:1',
      'localhost',
      'printer.local',
      'intranet',
      'metadata.google.internal',
    ]) {
      expect(isPrivateHost(h), h).toBe(true);
    }
    for (const h of [
      'oapi.dingtalk.com',
      'open.feishu.cn',
      '8.8.8.8',
      '172.32.0.1',
      '2400:3200::1',
      '[2606:4700::1]',
    ]) {
      expect(isPrivateHost(h), h).toBe(false);
    }
  });

  it('reads the URL as the parser does (decimal and hex IPv4 forms)', () => {
    expect(webhookTargetProblem('https://2130706433/x', false)).toBeDefined();
    expect(webhookTargetProblem('https://0x7f.1/x', false)).toBeDefined();
    expect(webhookTargetProblem('https://oapi.dingtalk.com/robot/send?access_token=t', false)).toBeUndefined();
    expect(webhookTargetProblem('https://user:pw@oapi.dingtalk.com/robot', false)).toBeDefined();
  });

  it('lets ALLOW_PRIVATE_TARGETS through, http included', () => {
    expect(webhookTargetProblem('http://127.0.0.1:9000/robot', true)).toBeUndefined();
    expect(webhookTargetProblem('ftp://127.0.0.1/robot', true)).toBeDefined();
  });
});
