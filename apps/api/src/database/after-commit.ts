// Work that must wait until the caller's transaction has committed (e.g. telling the other API
// instances about a change, which they then read): run then, or never if it rolls back.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

@Injectable()
export class AfterCommit implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, (() => void)[]>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /** Runs `fn` once the transaction `m` works in commits; at once when `m` is in none. */
  run(m: EntityManager, fn: () => void): void {
    const runner = m.queryRunner;
    if (!runner?.isTransactionActive) {
      fn();
      return;
    }
    const fns = this.pending.get(runner);
    if (fns) fns.push(fn);
    else this.pending.set(runner, [fn]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // Also called when a savepoint is released: only the outermost COMMIT counts.
    if (event.queryRunner.isTransactionActive) return;
    const fns = this.pending.get(event.queryRunner);
    if (!fns) return;
    this.pending.delete(event.queryRunner);
    for (const fn of fns) fn();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
