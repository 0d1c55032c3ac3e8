import { Tenancy1763900000000 } from './1763900000000-tenancy.migration';
import { ContactsConsent1763900000100 } from './1763900000100-contacts-consent.migration';
import { Templates1763900000200 } from './1763900000200-templates.migration';
import { Messaging1763900000300 } from './1763900000300-messaging.migration';
import { Outbox1763900000400 } from './1763900000400-outbox.migration';
import { BusLog1763900000500 } from './1763900000500-bus-log.migration';
import { Projection1763900000600 } from './1763900000600-projection.migration';
import { Dispatch1763900000700 } from './1763900000700-dispatch.migration';
import { LeanWrites1763900000800 } from './1763900000800-lean-writes.migration';

/** In order; TypeORM also orders them by the timestamp in their names. */
export const MIGRATIONS = [
  Tenancy1763900000000,
  ContactsConsent1763900000100,
  Templates1763900000200,
  Messaging1763900000300,
  Outbox1763900000400,
  BusLog1763900000500,
  Projection1763900000600,
  Dispatch1763900000700,
  LeanWrites1763900000800,
];
