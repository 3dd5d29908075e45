/**
 * A counting semaphore: at most `size` sends in flight. `acquire()` resolves
 * in call order when a slot is free; `drained()` when none is in use.
 */
export class SendWindow {
  private inUse = 0;
  private waiting: Array<() => void> = [];
  private idle: Array<() => void> = [];

  constructor(readonly size: number) {}

  async acquire(): Promise<void> {
    if (this.inUse < this.size) {
      this.inUse++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) {
      next(); // the slot passes straight to the next waiter
      return;
    }
    this.inUse--;
    if (this.inUse === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  get active(): number {
    return this.inUse;
  }

  async drained(): Promise<void> {
    if (this.inUse === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}
