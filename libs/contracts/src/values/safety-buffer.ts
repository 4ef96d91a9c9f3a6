/**
 * Seats booking keeps back from sale on every flight, by default (the book's rule): search shows a
 * new flight's seats for sale as its capacity less this until booking's first event for it.
 */
export const DEFAULT_SAFETY_BUFFER = 5;
