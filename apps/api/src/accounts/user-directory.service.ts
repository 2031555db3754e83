// Organizers' lists of accounts: teachers awaiting validation and a search to find anyone (e.g. to suspend).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { foldText } from '@ensemble/domain';
import { AccountStatus, Role } from '../graphql/enums';
import { UserEntity } from './user.entity';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Lower-cased, unaccented text searched by `users` (the SQL twin of foldText for French names).
const SEARCHABLE = `translate(lower(concat_ws(' ', u.first_name, u.last_name, u.email, u.login)),
  'àáâäãåçèéêëìíîïñòóôöõùúûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy')`;
const SORT_KEY = (alias: string) =>
  `lower(coalesce(${alias}.last_name, '')), lower(coalesce(${alias}.first_name, '')), ${alias}.id`;

export interface UserSearch {
  search?: string | null;
  role?: Role | null;
  status?: AccountStatus | null;
  first: number;
  after?: string | null;
}

@Injectable()
export class UserDirectoryService {
  constructor(private readonly dataSource: DataSource) {}

  private get users() {
    return this.dataSource.getRepository(UserEntity);
  }

  /** PENDING teachers, oldest sign-up first; `after` is the id of the last one already seen. */
  pendingTeachers(first: number, after: string | null | undefined): Promise<UserEntity[]> {
    const qb = this.users
      .createQueryBuilder('u')
      .where('u.role = :role', { role: Role.TEACHER })
      .andWhere('u.status = :status', { status: AccountStatus.PENDING })
      .andWhere('u.deleted_at IS NULL')
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(first);
    // An unknown cursor compares with NULL and matches nothing: an empty page, never a wrong one.
    if (after)
      qb.andWhere(
        '(u.created_at, u.id) > (SELECT c.created_at, c.id FROM users c WHERE c.id = :after)',
        {
          after,
        },
      );
    return qb.getMany();
  }

  /** Live (not erased) accounts by last name, first name, id; every search word must match somewhere. */
  search(query: UserSearch): Promise<UserEntity[]> {
    const qb = this.users
      .createQueryBuilder('u')
      .where('u.deleted_at IS NULL')
      .orderBy("lower(coalesce(u.last_name, ''))", 'ASC')
      .addOrderBy("lower(coalesce(u.first_name, ''))", 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(query.first);
    const words = foldText(query.search ?? '')
      .split(' ')
      .filter(Boolean)
      .slice(0, 5);
    words.forEach((w, i) =>
      qb.andWhere(`${SEARCHABLE} LIKE :w${i}`, { [`w${i}`]: `%${escapeLike(w)}%` }),
    );
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.after)
      qb.andWhere(
        `(${SORT_KEY('u')}) > (SELECT ${SORT_KEY('c')} FROM users c WHERE c.id = :after)`,
        {
          after: query.after,
        },
      );
    return qb.getMany();
  }
}
