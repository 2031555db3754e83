import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { foldText } from '@ensemble/domain';
import { conflict } from '../common/errors';
import { LoaderRegistry, orderBy } from '../graphql/gql-context';
import { SchoolEntity } from './school.entity';
import { SchoolInput } from './dto/school.input';
import { readByKeys } from '../database/prepared';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class SchoolsService {
  constructor(@InjectRepository(SchoolEntity) private readonly schools: Repository<SchoolEntity>) {}

  /** Search by name, city or UAI, accent- and case-insensitive; optional department filter. */
  search(search: string | null | undefined, department: string | null | undefined, first: number): Promise<SchoolEntity[]> {
    const qb = this.schools.createQueryBuilder('s').orderBy('s.name', 'ASC').addOrderBy('s.id').limit(first);
    const words = foldText(search ?? '').split(' ').filter(Boolean).slice(0, 5);
    words.forEach((w, i) => qb.andWhere(`s.search_key LIKE :w${i}`, { [`w${i}`]: `%${escapeLike(w)}%` }));
    if (department) qb.andWhere('s.department = :department', { department: department.toUpperCase() });
    return qb.getMany();
  }

  async create(input: SchoolInput): Promise<SchoolEntity> {
    const exists = await this.schools.existsBy({ uai: input.uai });
    if (exists) throw conflict(`A school with UAI ${input.uai} already exists`);
    const entity = this.schools.create({
      ...input,
      name: input.name.trim(),
      city: input.city.trim(),
      searchKey: foldText(`${input.name} ${input.city} ${input.uai}`),
    });
    return this.schools.save(entity);
  }

  findById(id: string): Promise<SchoolEntity | null> {
    return this.schools.findOneBy({ id });
  }

  /** Per-request batch loader. */
  loader(loaders: LoaderRegistry) {
    return loaders.get<string, SchoolEntity | null>('school.byId', async (ids) =>
      orderBy(ids, await readByKeys(this.schools, 'id', ids), (s) => s.id),
    );
  }
}
