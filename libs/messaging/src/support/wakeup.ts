/**
 * A loop's sleep that another party can cut short. A wake() that comes while nobody waits is kept,
 * so the next wait() returns at once and no notification is lost between two waits.
 */
export class Wakeup {
  private pending = false;
  private release?: () => void;

  wake(): void {
    if (this.release) this.release();
    else this.pending = true;
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.release?.(), ms);
      this.release = () => {
        clearTimeout(timer);
        this.release = undefined;
        resolve();
      };
    });
  }
}
