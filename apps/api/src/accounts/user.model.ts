import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { displayName } from '@ensemble/domain';
import { AccountStatus, Role } from '../graphql/enums';
import { Viewer } from '../auth/viewer';
import { UserEntity } from './user.entity';

@ObjectType('User', { description: 'A person on the platform, as the viewer may see them.' })
export class UserModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;

  @Field({ description: 'First name and last initial, e.g. "Lina B."; "Compte supprimé" once erased.' })
  displayName: string;

  @Field(() => Role, { description: 'Role on the platform.' })
  role: Role;

  @Field(() => AccountStatus, { description: 'Account status.' })
  status: AccountStatus;

  /** Resolved by UserFieldsResolver through a DataLoader. */
  schoolId: string | null;

  @Field(() => String, { nullable: true, description: 'Visible to the user, their school’s teachers and organizers; null otherwise.' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Same visibility as email.' })
  firstName: string | null;

  @Field(() => String, { nullable: true, description: 'Same visibility as email.' })
  lastName: string | null;

  @Field(() => Int, { nullable: true, description: 'Same visibility as email.' })
  birthYear: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Same visibility as email.' })
  parentalConsentConfirmed: boolean | null;

  @Field(() => String, { nullable: true, description: 'Generated login of a pupil account; same visibility as email.' })
  login: string | null;

  /** Maps an entity for one viewer: personal fields are filled only when the viewer may see them. */
  static from(entity: UserEntity, viewer: Viewer): UserModel {
    const m = new UserModel();
    m.id = entity.id;
    m.displayName = displayName(entity.firstName, entity.lastName);
    m.role = entity.role;
    m.status = entity.status;
    m.schoolId = entity.schoolId;
    const visible = viewer.canSeePersonalDataOf(entity);
    m.email = visible ? entity.email : null;
    m.firstName = visible ? entity.firstName : null;
    m.lastName = visible ? entity.lastName : null;
    m.birthYear = visible ? entity.birthYear : null;
    m.parentalConsentConfirmed = visible ? entity.parentalConsentConfirmed : null;
    m.login = visible ? entity.login : null;
    return m;
  }
}
