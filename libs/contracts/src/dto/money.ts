/** An amount of money: a decimal string (never a float) with its ISO 4217 currency. */
export interface Money {
  /** e.g. "101.00" */
  amount: string;
  /** e.g. "USD" */
  currency: string;
}
