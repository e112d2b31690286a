import type { Db } from '../store/database.js';
import { statementCache } from '../store/statement-cache.js';
import { truncateWal, withSecureDelete } from './secure-erase.js';
import { seal, unseal, type FullIdentity } from './identity-keys.js';

/**
 * The full identity the desktop bridge types into the window's business system, sealed with AES-GCM and kept for
 * the hall day only: purge() runs at the day's close.
 */
export class IdentityVault {
  private readonly sql;

  constructor(private readonly db: Db, private readonly key: Buffer) {
    this.sql = statementCache(db);
  }

  /** Call inside the command's transaction, so a ticket and its sealed identity are stored together. */
  put(visitId: number, hallDay: string, identity: FullIdentity): void {
    this.sql('INSERT OR REPLACE INTO identity_vault (visit_id, hall_day, sealed) VALUES (?, ?, ?)').run(visitId, hallDay, seal(identity, this.key));
  }

  get(visitId: number): FullIdentity | null {
    const sealed = this.sql('SELECT sealed FROM identity_vault WHERE visit_id = ?').pluck().get(visitId) as Buffer | undefined;
    return sealed ? unseal(sealed, this.key) : null;
  }

  /**
   * The deleted rows' bytes are zeroed and the WAL emptied: a sealed identity left in free space could still be
   * opened by anyone holding the file and the key.
   */
  purgeBefore(hallDay: string): number {
    const purged = withSecureDelete(this.db, () => this.db.prepare('DELETE FROM identity_vault WHERE hall_day < ?').run(hallDay).changes);
    if (purged > 0) truncateWal(this.db);
    return purged;
  }
}
