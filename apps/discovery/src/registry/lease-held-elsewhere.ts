/**
 * A register that would move a live instance id to another address; `message` is the text the
 * registry answers with (409). A newer lastDirtyTimestamp is no proof of owning the id.
 */
export class LeaseHeldElsewhere extends Error {
  constructor(app: string, id: string) {
    super(
      `Instance ${id} of ${app} is registered from another address: cancel it or let its lease expire first`,
    );
  }
}
