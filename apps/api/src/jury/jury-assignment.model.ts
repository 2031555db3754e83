import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AssignmentStatus } from '../graphql/enums';
import { JuryAssignmentEntity } from './jury-assignment.entity';

@ObjectType('JuryAssignment', { description: 'A juror asked to evaluate one submission.' })
export class JuryAssignmentModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;

  @Field(() => AssignmentStatus, {
    description: 'PENDING until scored (DONE), or RECUSED after a declared conflict.',
  })
  status: AssignmentStatus;

  // juror, submission and evaluation are field resolvers (DataLoaders).
  jurorId: string;
  submissionId: string;
  hackathonId: string;

  static from(e: JuryAssignmentEntity): JuryAssignmentModel {
    return Object.assign(new JuryAssignmentModel(), {
      id: e.id,
      status: e.status,
      jurorId: e.jurorId,
      submissionId: e.submissionId,
      hackathonId: e.hackathonId,
    });
  }
}
