import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SchoolLevel = 'COLLEGE' | 'LYCEE';

@Entity('schools')
export class SchoolEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  uai: string;

  @Column({ type: 'varchar' })
  name: string;

  @Column({ type: 'varchar' })
  city: string;

  @Column({ type: 'varchar' })
  department: string;

  @Column({ type: 'varchar' })
  level: SchoolLevel;

  /** Lower-case, accent-free "name city uai" for search. */
  @Column({ type: 'text', name: 'search_key' })
  searchKey: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
