/** What a set-up must undo, undone last-first; a step that fails does not stop the others. */
export class Teardown {
  private readonly steps: (() => Promise<unknown>)[] = [];

  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step().catch(() => undefined);
  }

  /** Runs `setUp`; when it fails, undoes what it did so far before passing the error on. */
  async guard<T>(setUp: () => Promise<T>): Promise<T> {
    try {
      return await setUp();
    } catch (error) {
      await this.run();
      throw error;
    }
  }
}
