import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Db } from '../data-source/db';
import { paginate, type Connection, type PageArgs, type SortKey } from '../pagination/keyset';
import { ContactEntity } from '../entities/contact.entity';

export type Contact = Omit<ContactEntity, 'tenant'>;

export interface ContactInput {
  readonly waId?: string | null;
  readonly phoneNumber?: string | null;
  readonly businessScopedUserId?: string | null;
  readonly profileName?: string | null;
  readonly locale?: string | null;
  readonly timeZone?: string | null;
  readonly attributes?: Record<string, unknown>;
}

export async function createContact(db: Db, tenantId: string, input: ContactInput): Promise<Contact> {
  const repository = db.getRepository(ContactEntity);
  const { tenant: _tenant, ...saved } = await repository.save(repository.create({ ...input, tenantId }));
  return saved;
}

export async function getContact(db: Db, tenantId: string, contactId: string): Promise<Contact | null> {
  return db.getRepository(ContactEntity).findOneBy({ tenantId, id: contactId });
}

export async function findContactByWaId(db: Db, tenantId: string, waId: string): Promise<Contact | null> {
  return db.getRepository(ContactEntity).findOneBy({ tenantId, waId });
}

export async function findContactsByIds(db: Db, tenantId: string, contactIds: readonly string[]): Promise<Contact[]> {
  if (contactIds.length === 0) return [];
  return db
    .getRepository(ContactEntity)
    .createQueryBuilder('contact')
    .where('contact.tenant_id = :tenantId AND contact.id = ANY(:contactIds)', { tenantId, contactIds })
    .getMany();
}

export type ContactPatch = Partial<Pick<Contact, 'profileName' | 'locale' | 'timeZone' | 'attributes' | 'undeliverableSince' | 'marketingHeldUntil'>>;

export async function updateContact(db: Db, tenantId: string, contactId: string, patch: ContactPatch): Promise<boolean> {
  const result = await db.getRepository(ContactEntity).update({ tenantId, id: contactId }, patch as QueryDeepPartialEntity<ContactEntity>);
  return (result.affected ?? 0) > 0;
}

/** A Relay page of the tenant's contacts, oldest first. */
export async function listContactsPage(db: Db, tenantId: string, args: PageArgs): Promise<Connection<Contact>> {
  const query = db.getRepository(ContactEntity).createQueryBuilder('contact').where('contact.tenant_id = :tenantId', { tenantId });
  return paginate(query, CONTACT_ORDER, args);
}

const CONTACT_ORDER: readonly SortKey[] = [
  { column: 'contact.created_at', type: 'timestamptz' },
  { column: 'contact.id', type: 'uuid' },
];
