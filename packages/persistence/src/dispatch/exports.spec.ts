import * as dispatch from './index';

// Each name below has its integration spec beside this file; a new export needs one too.
const COVERED = {
  'scheduled-send.int-spec.ts': ['scheduleSends', 'pairsWithScheduledSends', 'claimDueSends', 'releaseScheduledSend', 'rescheduleSend'],
  'throughput-bucket.int-spec.ts': ['takeThroughputTokens'],
  'send-transitions.int-spec.ts': ['claimDeferredSend', 'redecideDeferredSend', 'returnSendToSchedule', 'startMetaCalls', 'failInDoubtSends', 'recordMetaAcceptances'],
  'messaging-limit.int-spec.ts': ['loadLimitUsage'],
  'follow-up.int-spec.ts': ['haltPhoneNumber', 'markTemplateStatusFromError'],
  'tenant-lookup.int-spec.ts': ['resolveTenantRefs'],
};

describe('the dispatch exports', () => {
  it('are all covered by a spec', () => {
    const exported = Object.entries(dispatch).filter(([, value]) => typeof value === 'function').map(([name]) => name);
    expect(exported.sort()).toEqual(Object.values(COVERED).flat().sort());
  });
});
