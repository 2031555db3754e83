import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AccountStatus, Role } from '../graphql/enums';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  role: Role;

  @Column({ type: 'varchar' })
  status: AccountStatus;

  @Column({ type: 'varchar', nullable: true })
  email: string | null;

  /** Generated login of pupils created in bulk by a teacher. */
  @Column({ type: 'varchar', nullable: true })
  login: string | null;

  @Column({ type: 'text', name: 'password_hash', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', name: 'first_name', nullable: true })
  firstName: string | null;

  @Column({ type: 'varchar', name: 'last_name', nullable: true })
  lastName: string | null;

  @Column({ type: 'integer', name: 'birth_year', nullable: true })
  birthYear: number | null;

  @Column({ type: 'boolean', name: 'parental_consent_confirmed', default: false })
  parentalConsentConfirmed: boolean;

  @Column({ type: 'uuid', name: 'consent_confirmed_by', nullable: true })
  consentConfirmedBy: string | null;

  @Column({ type: 'timestamptz', name: 'consent_confirmed_at', nullable: true })
  consentConfirmedAt: Date | null;

  @Column({ type: 'uuid', name: 'school_id', nullable: true })
  schoolId: string | null;

  /** Bumped to kill every live access token (deletion, suspension, logout everywhere). */
  @Column({ type: 'integer', name: 'session_version', default: 0 })
  sessionVersion: number;

  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
