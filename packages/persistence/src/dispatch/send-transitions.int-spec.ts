import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth, present } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import {
  claimDeferredSend, failInDoubtSends, recordMetaAcceptances, redecideDeferredSend, returnSendToSchedule, startMetaCalls,
} from './send-transitions';

const CALL_AT = new Date('2026-05-01T10:00:00Z');
const ACCEPTED_AT = new Date('2026-05-01T10:00:02Z');

interface SendRow {
  id: string;
  status: string;
  decision: string | null;
  reason_code: string | null;
  wamid: string | null;
  meta_call_started_at: Date | null;
  accepted_at: Date | null;
  held_at: Date | null;
  failed_at: Date | null;
}

interface NewSend {
  status: string;
  decision?: string | null;
  reasonCode?: string | null;
  wamid?: string | null;
  callStartedAt?: Date | null;
}

describe('send transitions', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  let sends = 0;
  const m = () => db.dataSource.manager;

  /** An outbound template message row of tenant `t` for `commandId`; returns its id. */
  const insertSend = async (t: SeededTenant, commandId: string, send: NewSend): Promise<string> => {
    sends += 1;
    const [row] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO messages (tenant_id, phone_number_id, contact_id, direction, type, template_name, template_language, command_id, decision, reason_code, status, wamid, meta_call_started_at)
       VALUES ($1, $2, $3, 'OUTBOUND', 'template', $4, 'pt_BR', $5, $6, $7, $8, $9, $10) RETURNING id`,
      [t.tenantId, t.phoneNumberId, nth(t.contactIds, sends % t.contactIds.length), t.templateName, commandId, send.decision ?? 'ALLOW', send.reasonCode ?? null,
        send.status, send.wamid ?? null, send.callStartedAt ?? null],
    );
    return present(row, 'message row').id;
  };

  const read = async (t: SeededTenant, commandId: string): Promise<SendRow | undefined> => {
    const [row] = await db.dataSource.query<SendRow[]>(
      `SELECT id, status, decision, reason_code, wamid, meta_call_started_at, accepted_at, held_at, failed_at FROM messages WHERE tenant_id = $1 AND command_id = $2`,
      [t.tenantId, commandId],
    );
    return row;
  };

  /** The same command id in both tenants: a call for A must leave B's row as it was. */
  const inBoth = async (commandId: string, send: NewSend): Promise<{ aId: string; bBefore: SendRow | undefined }> => {
    const aId = await insertSend(a, commandId, send);
    await insertSend(b, commandId, send);
    return { aId, bBefore: await read(b, commandId) };
  };

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource, { contacts: 3 });
    b = await seedTenant(db.dataSource, { contacts: 3 });
  });

  afterAll(() => db.close());

  describe('claimDeferredSend', () => {
    it('moves a deferred send to PENDING and returns its id', async () => {
      const { aId, bBefore } = await inBoth('claim-deferred', { status: 'DEFERRED', decision: 'DEFER', reasonCode: 'QUIET_HOURS' });
      expect(await claimDeferredSend(m(), a.tenantId, 'claim-deferred')).toBe(aId);
      expect(await read(a, 'claim-deferred')).toMatchObject({ status: 'PENDING', decision: 'ALLOW', reason_code: null, meta_call_started_at: null });
      expect(await read(b, 'claim-deferred')).toEqual(bBefore);
    });

    it('claims a PENDING send whose call never started, but not once its call has started', async () => {
      const id = await insertSend(a, 'claim-pending', { status: 'PENDING' });
      expect(await claimDeferredSend(m(), a.tenantId, 'claim-pending')).toBe(id);
      expect(await startMetaCalls(m(), a.tenantId, ['claim-pending'], CALL_AT)).toEqual(new Set(['claim-pending']));
      expect(await claimDeferredSend(m(), a.tenantId, 'claim-pending')).toBeNull();
      expect(await read(a, 'claim-pending')).toMatchObject({ status: 'PENDING', meta_call_started_at: CALL_AT });
    });

    it('claims no send handled elsewhere, nor another tenant\'s', async () => {
      await insertSend(a, 'claim-accepted', { status: 'ACCEPTED', wamid: 'wamid.claim-accepted' });
      await insertSend(a, 'claim-rejected', { status: 'REJECTED', decision: 'REJECT', reasonCode: 'NO_CONSENT' });
      await insertSend(a, 'claim-pending-wamid', { status: 'PENDING', wamid: 'wamid.claim-pending-wamid' });
      await insertSend(b, 'claim-only-b', { status: 'DEFERRED', decision: 'DEFER', reasonCode: 'QUIET_HOURS' });
      const bBefore = await read(b, 'claim-only-b');
      for (const commandId of ['claim-accepted', 'claim-rejected', 'claim-pending-wamid', 'claim-unknown', 'claim-only-b']) {
        expect(await claimDeferredSend(m(), a.tenantId, commandId)).toBeNull();
      }
      expect(await read(a, 'claim-rejected')).toMatchObject({ status: 'REJECTED', decision: 'REJECT', reason_code: 'NO_CONSENT' });
      expect(await read(b, 'claim-only-b')).toEqual(bBefore);
    });
  });

  describe('redecideDeferredSend', () => {
    it('defers a deferred send again with its new reason, then rejects it, once', async () => {
      const { bBefore } = await inBoth('redecide', { status: 'DEFERRED', decision: 'DEFER', reasonCode: 'QUIET_HOURS' });
      expect(await redecideDeferredSend(m(), a.tenantId, 'redecide', { status: 'DEFERRED', reasonCode: 'LIMIT_REACHED' })).toBe(true);
      expect(await read(a, 'redecide')).toMatchObject({ status: 'DEFERRED', decision: 'DEFER', reason_code: 'LIMIT_REACHED' });
      expect(await redecideDeferredSend(m(), a.tenantId, 'redecide', { status: 'REJECTED', reasonCode: 'NO_CONSENT' })).toBe(true);
      expect(await read(a, 'redecide')).toMatchObject({ status: 'REJECTED', decision: 'REJECT', reason_code: 'NO_CONSENT' });
      expect(await redecideDeferredSend(m(), a.tenantId, 'redecide', { status: 'DEFERRED', reasonCode: 'LATER' })).toBe(false);
      expect(await read(a, 'redecide')).toMatchObject({ status: 'REJECTED', reason_code: 'NO_CONSENT' });
      expect(await read(b, 'redecide')).toEqual(bBefore);
    });

    it('leaves a send that is not deferred, and another tenant\'s, as they are', async () => {
      await insertSend(a, 'redecide-pending', { status: 'PENDING' });
      await insertSend(b, 'redecide-only-b', { status: 'DEFERRED', decision: 'DEFER', reasonCode: 'QUIET_HOURS' });
      const before = [await read(a, 'redecide-pending'), await read(b, 'redecide-only-b')];
      expect(await redecideDeferredSend(m(), a.tenantId, 'redecide-pending', { status: 'REJECTED', reasonCode: 'X' })).toBe(false);
      expect(await redecideDeferredSend(m(), a.tenantId, 'redecide-only-b', { status: 'REJECTED', reasonCode: 'X' })).toBe(false);
      expect([await read(a, 'redecide-pending'), await read(b, 'redecide-only-b')]).toEqual(before);
    });
  });

  describe('returnSendToSchedule', () => {
    it('returns a PENDING send whose call started to DEFERRED and forgets the call, so that it can be claimed again', async () => {
      const { aId, bBefore } = await inBoth('return', { status: 'PENDING', callStartedAt: CALL_AT });
      expect(await returnSendToSchedule(m(), a.tenantId, 'return', 'META_THROTTLED')).toBe(true);
      expect(await read(a, 'return')).toMatchObject({ status: 'DEFERRED', decision: 'DEFER', reason_code: 'META_THROTTLED', meta_call_started_at: null });
      expect(await read(b, 'return')).toEqual(bBefore);
      expect(await returnSendToSchedule(m(), a.tenantId, 'return', 'AGAIN')).toBe(false);
      expect(await claimDeferredSend(m(), a.tenantId, 'return')).toBe(aId);
      expect(await startMetaCalls(m(), a.tenantId, ['return'], CALL_AT)).toEqual(new Set(['return']));
    });

    it('never returns a send Meta took, nor another tenant\'s', async () => {
      await insertSend(a, 'return-accepted', { status: 'ACCEPTED', wamid: 'wamid.return-accepted', callStartedAt: CALL_AT });
      await insertSend(a, 'return-pending-wamid', { status: 'PENDING', wamid: 'wamid.return-pending-wamid', callStartedAt: CALL_AT });
      await insertSend(b, 'return-only-b', { status: 'PENDING', callStartedAt: CALL_AT });
      const before = [await read(a, 'return-accepted'), await read(a, 'return-pending-wamid'), await read(b, 'return-only-b')];
      for (const commandId of ['return-accepted', 'return-pending-wamid', 'return-only-b', 'return-unknown']) {
        expect(await returnSendToSchedule(m(), a.tenantId, commandId, 'X')).toBe(false);
      }
      expect([await read(a, 'return-accepted'), await read(a, 'return-pending-wamid'), await read(b, 'return-only-b')]).toEqual(before);
    });
  });

  describe('startMetaCalls', () => {
    it('starts each call once', async () => {
      const { bBefore } = await inBoth('start', { status: 'PENDING' });
      await insertSend(a, 'start-2', { status: 'PENDING' });
      expect(await startMetaCalls(m(), a.tenantId, ['start', 'start-2'], CALL_AT)).toEqual(new Set(['start', 'start-2']));
      expect((await read(a, 'start'))?.meta_call_started_at).toEqual(CALL_AT);
      expect(await startMetaCalls(m(), a.tenantId, ['start'], new Date(CALL_AT.getTime() + 1_000))).toEqual(new Set());
      expect((await read(a, 'start'))?.meta_call_started_at).toEqual(CALL_AT);
      expect(await read(b, 'start')).toEqual(bBefore);
      expect(await startMetaCalls(m(), a.tenantId, [], CALL_AT)).toEqual(new Set());
    });

    it('starts no call for a send that is not PENDING, has a wamid, or is another tenant\'s, and still starts the others', async () => {
      await insertSend(a, 'start-deferred', { status: 'DEFERRED', decision: 'DEFER', reasonCode: 'QUIET_HOURS' });
      await insertSend(a, 'start-wamid', { status: 'PENDING', wamid: 'wamid.start-wamid' });
      await insertSend(b, 'start-only-b', { status: 'PENDING' });
      await insertSend(a, 'start-fine', { status: 'PENDING' });
      const started = await startMetaCalls(m(), a.tenantId, ['start-deferred', 'start-wamid', 'start-only-b', 'start-unknown', 'start-fine'], CALL_AT);
      expect(started).toEqual(new Set(['start-fine']));
      expect((await read(a, 'start-deferred'))?.meta_call_started_at).toBeNull();
      expect((await read(a, 'start-wamid'))?.meta_call_started_at).toBeNull();
      expect((await read(b, 'start-only-b'))?.meta_call_started_at).toBeNull();
    });
  });

  describe('failInDoubtSends', () => {
    it('fails only PENDING sends without a wamid whose call started before the cut-off, of every tenant, and returns them', async () => {
      const before = new Date('2026-04-15T00:00:00Z');
      const now = new Date('2026-04-15T00:05:00Z');
      const early = new Date('2026-04-01T00:00:00Z');
      const aDoubt = await insertSend(a, 'doubt-a', { status: 'PENDING', callStartedAt: early });
      const bDoubt = await insertSend(b, 'doubt-b', { status: 'PENDING', callStartedAt: new Date('2026-04-14T23:59:59Z') });
      const spared: [SeededTenant, string][] = [[a, 'doubt-after-cut-off'], [a, 'doubt-not-started'], [a, 'doubt-wamid'], [a, 'doubt-accepted'], [b, 'doubt-deferred']];
      await insertSend(a, 'doubt-after-cut-off', { status: 'PENDING', callStartedAt: before });
      await insertSend(a, 'doubt-not-started', { status: 'PENDING' });
      await insertSend(a, 'doubt-wamid', { status: 'PENDING', wamid: 'wamid.doubt', callStartedAt: early });
      await insertSend(a, 'doubt-accepted', { status: 'ACCEPTED', wamid: 'wamid.doubt-accepted', callStartedAt: early });
      await insertSend(b, 'doubt-deferred', { status: 'DEFERRED', decision: 'DEFER', reasonCode: 'QUIET_HOURS', callStartedAt: early });
      const untouched = await Promise.all(spared.map(([t, commandId]) => read(t, commandId)));

      const failed = await failInDoubtSends(m(), before, 'SEND_IN_DOUBT', now);
      const partsOf = async (messageId: string) => {
        const [row] = await db.dataSource.query<{ slug: string; meta_phone_number_id: string; wa_id: string }[]>(
          `SELECT t.slug, p.meta_phone_number_id, c.wa_id FROM messages m JOIN tenants t ON t.id = m.tenant_id JOIN phone_numbers p ON p.id = m.phone_number_id JOIN contacts c ON c.id = m.contact_id WHERE m.id = $1`,
          [messageId],
        );
        const parts = present(row, 'message parts');
        return { tenantSlug: parts.slug, metaPhoneNumberId: parts.meta_phone_number_id, recipient: { waId: parts.wa_id }, content: null };
      };
      expect([...failed].sort((x, y) => x.commandId.localeCompare(y.commandId))).toEqual([
        { tenantId: a.tenantId, messageId: aDoubt, commandId: 'doubt-a', createdAt: early, ...(await partsOf(aDoubt)) },
        { tenantId: b.tenantId, messageId: bDoubt, commandId: 'doubt-b', createdAt: new Date('2026-04-14T23:59:59Z'), ...(await partsOf(bDoubt)) },
      ]);
      expect(await read(a, 'doubt-a')).toMatchObject({ status: 'FAILED', reason_code: 'SEND_IN_DOUBT', failed_at: now, wamid: null });
      expect(await read(b, 'doubt-b')).toMatchObject({ status: 'FAILED', reason_code: 'SEND_IN_DOUBT', failed_at: now });
      expect(await Promise.all(spared.map(([t, commandId]) => read(t, commandId)))).toEqual(untouched);
      expect(await failInDoubtSends(m(), before, 'SEND_IN_DOUBT', now)).toEqual([]);
    });
  });

  describe('recordMetaAcceptances', () => {
    const accept = (commandId: string, held = false, wamid = `wamid.${commandId}`) => ({ commandId, wamid, held, at: ACCEPTED_AT });

    it('records the wamid and ACCEPTED for a PENDING send, HELD for a paced template, in one call', async () => {
      const { bBefore } = await inBoth('accept', { status: 'PENDING', callStartedAt: CALL_AT });
      await insertSend(a, 'accept-held', { status: 'PENDING', callStartedAt: CALL_AT });
      expect(await recordMetaAcceptances(m(), a.tenantId, [accept('accept'), accept('accept-held', true)])).toEqual(new Set(['accept', 'accept-held']));
      expect(await read(a, 'accept')).toMatchObject({ status: 'ACCEPTED', wamid: 'wamid.accept', accepted_at: ACCEPTED_AT, held_at: null });
      expect(await read(a, 'accept-held')).toMatchObject({ status: 'HELD', wamid: 'wamid.accept-held', held_at: ACCEPTED_AT, accepted_at: null });
      expect(await read(b, 'accept')).toEqual(bBefore);
      expect(await recordMetaAcceptances(m(), a.tenantId, [])).toEqual(new Set());
    });

    it('never moves back a send a status webhook already moved, but fills its missing wamid', async () => {
      await insertSend(a, 'accept-sent', { status: 'SENT', callStartedAt: CALL_AT });
      await insertSend(a, 'accept-delivered', { status: 'DELIVERED', wamid: 'wamid.accept-delivered', callStartedAt: CALL_AT });
      const recorded = await recordMetaAcceptances(m(), a.tenantId, [accept('accept-sent'), accept('accept-delivered', true, 'wamid.accept-other')]);
      expect(recorded).toEqual(new Set(['accept-sent', 'accept-delivered']));
      expect(await read(a, 'accept-sent')).toMatchObject({ status: 'SENT', wamid: 'wamid.accept-sent' });
      expect(await read(a, 'accept-delivered')).toMatchObject({ status: 'DELIVERED', wamid: 'wamid.accept-delivered' });
    });

    it('records nothing for another tenant\'s send or an unknown command', async () => {
      await insertSend(b, 'accept-only-b', { status: 'PENDING', callStartedAt: CALL_AT });
      const bBefore = await read(b, 'accept-only-b');
      expect(await recordMetaAcceptances(m(), a.tenantId, [accept('accept-only-b'), accept('accept-unknown')])).toEqual(new Set());
      expect(await read(b, 'accept-only-b')).toEqual(bBefore);
    });
  });
});
