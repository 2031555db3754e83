// Who is asking: the signed-in user (reloaded on every request) or nobody.
import { AccountStatus, Role } from '../graphql/enums';
import { UserEntity } from '../accounts/user.entity';

export class Viewer {
  constructor(readonly user: UserEntity | null) {}

  static anonymous(): Viewer {
    return new Viewer(null);
  }

  get id(): string | null {
    return this.user?.id ?? null;
  }
  /**
   * Viewers with the same key are shown exactly the same data: the same user as loaded (with
   * what decides visibility), or anonymous. Lets one subscription result serve many sockets.
   */
  get sharingKey(): string {
    const u = this.user;
    if (!u) return 'anonymous';
    return `user:${u.id}:${u.role}:${u.status}:${u.schoolId ?? ''}:${u.sessionVersion}`;
  }
  get active(): boolean {
    return this.user?.status === AccountStatus.ACTIVE;
  }
  is(role: Role): boolean {
    return this.active && this.user?.role === role;
  }
  get isOrganizer(): boolean {
    return this.is(Role.ORGANIZER);
  }
  /** An ACTIVE teacher of this school. */
  isTeacherOf(schoolId: string | null | undefined): boolean {
    return !!schoolId && this.is(Role.TEACHER) && this.user?.schoolId === schoolId;
  }
  /** Personal data of `target` is visible to them, their school's teachers and organizers. */
  canSeePersonalDataOf(target: { id: string; role: Role; schoolId: string | null }): boolean {
    if (!this.user) return false;
    if (this.user.id === target.id) return true;
    if (this.isOrganizer) return true;
    return target.role === Role.PUPIL && this.isTeacherOf(target.schoolId);
  }
}
