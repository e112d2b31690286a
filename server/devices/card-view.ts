import type { Identity } from '../../drivers/id-card/index.js';
import type { KioskCard } from '../../protocol/device-messages.js';
import { priorityFor } from '../core/commands/issue.js';
import { hallDay } from '../core/hall-time.js';
import { ageOn, maskIdNumber, maskName } from '../core/identity.js';
import type { HallState } from '../core/types.js';
import type { FullIdentity } from '../privacy/identity-keys.js';

const genders = { male: '男', female: '女', unknown: '' } as const;

/**
 * The card as the hall keeps it for the day: formatted the way the business systems take it (gender 男/女, the
 * nation by name), since the desktop bridge types values as they are.
 */
export function fullIdentityOf(card: Identity): FullIdentity {
  return {
    name: card.name,
    idNumber: card.idNumber,
    gender: genders[card.gender],
    nation: card.nation ?? card.nationCode,
    birthDate: card.birthDate,
    address: card.address,
  };
}

/** What the kiosk screen may show of a card: masked forms, the age and the age priority the ticket will get. */
export function kioskCardView(state: HallState, identity: FullIdentity, cardToken: string, now: number): KioskCard {
  const today = hallDay(now, state.settings.timeZone);
  const birthDate = identity.birthDate ?? null;
  const person = { idHash: '', idMasked: '', nameMasked: '', birthDate };
  // The same rule the queue applies when the ticket is taken, so the screen never promises another class.
  const classId = priorityFor(state, person, null, today);
  const cls = typeof classId === 'number' ? state.priorityClasses.get(classId) : undefined;
  return {
    cardToken,
    nameMasked: maskName(identity.name),
    idMasked: maskIdNumber(identity.idNumber),
    age: birthDate ? ageOn(birthDate, today) : null,
    priorityClass: cls ? { id: cls.id, name: cls.name } : null,
  };
}

/** Field name -> value for the desktop bridge; the ticket number helps systems that record it. */
export function fillFields(identity: FullIdentity, ticketNumber: string): Record<string, string> {
  const fields: Record<string, string> = { ticketNumber };
  for (const [key, value] of Object.entries(identity)) if (typeof value === 'string') fields[key] = value;
  return fields;
}
