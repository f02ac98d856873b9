import { describe, expect, it } from 'vitest';
import { CaseError, type CaseErrorCode } from '../cases/case-error';
import type { Reply } from '../intake/index';
import { IntakeError } from '../service/intake-service';
import { ApiError, httpErrorOf } from './errors';

describe('domain errors mapped to HTTP in one place', () => {
  it('maps every case error code to its status and message code', () => {
    const expected: Record<CaseErrorCode, [number, string]> = {
      case_not_found: [404, 'case_not_found'],
      case_closed: [409, 'case_closed'],
      claim_conflict: [409, 'claim_conflict'],
      annex4_submitted_already: [409, 'annex4_submitted_already'],
      not_allowed: [403, 'forbidden'],
      invalid: [400, 'validation'],
      state_conflict: [409, 'conflict'],
      close_needs_annex4: [409, 'close_needs_annex4'],
      not_a_follow_up: [409, 'not_a_follow_up'],
      not_an_open_case: [409, 'not_an_open_case'],
    };
    for (const [code, [status, apiCode]] of Object.entries(expected)) {
      const mapped = httpErrorOf(new CaseError(code as CaseErrorCode, { zh: '备注不能为空。', en: 'empty' }));
      expect([mapped?.status, mapped?.code], code).toEqual([status, apiCode]);
    }
    expect(httpErrorOf(new CaseError('invalid', { zh: '备注不能为空。', en: 'empty' }))?.detail?.zh).toBe(
      '备注不能为空。',
    );
  });

  it('maps intake errors, keeps ApiErrors and leaves anything else to the 500 path', () => {
    const reply: Reply = {
      kind: 'review',
      text: '',
      progress: { answered: 3, total: 3 },
      canBack: true,
      canSkip: false,
    };
    const conflict = httpErrorOf(new IntakeError('conflict', { version: 3, reply }));
    expect([conflict?.status, conflict?.code, conflict?.extra]).toEqual([
      409,
      'conflict',
      { current: { version: 3, reply } },
    ]);
    expect(httpErrorOf(new IntakeError('draft_not_found'))?.status).toBe(404);
    expect(httpErrorOf(new IntakeError('forbidden_token'))?.status).toBe(403);
    expect(httpErrorOf(new IntakeError('key_reused'))?.code).toBe('idempotency_key_reused');
    const api = new ApiError(413, 'payload_too_large');
    expect(httpErrorOf(api)).toBe(api);
    expect(httpErrorOf(new Error('boom'))).toBeUndefined();
  });
});
