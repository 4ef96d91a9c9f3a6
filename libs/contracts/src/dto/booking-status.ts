/** A booking's life: CONFIRMED on creation, then CHECKED_IN or CANCELLED. */
export const bookingStatuses = ['CONFIRMED', 'CHECKED_IN', 'CANCELLED'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
