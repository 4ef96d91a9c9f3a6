/** The channel the outbox trigger NOTIFYs on every write (see the migration). */
export const OUTBOX_CHANNEL = 'outbox_messages';
