import { reassignAfterRecusal } from './reassign-after-recusal';
import type { ExistingAssignment } from './assignment.types';

const submission = { id: 's1', schoolId: 'A' };

describe('reassignAfterRecusal', () => {
  const assignments: ExistingAssignment[] = [
    { submissionId: 's1', jurorId: 'recuser', status: 'RECUSED' },
    { submissionId: 's1', jurorId: 'onIt', status: 'PENDING' },
    { submissionId: 's2', jurorId: 'busy', status: 'DONE' },
    { submissionId: 's3', jurorId: 'busy', status: 'PENDING' },
    { submissionId: 's2', jurorId: 'calm', status: 'PENDING' },
    { submissionId: 's3', jurorId: 'calm', status: 'RECUSED' },
  ];

  it('picks the eligible juror with the fewest non-recused assignments', () => {
    const jurors = [
      { id: 'recuser', schoolId: null },
      { id: 'onIt', schoolId: null },
      { id: 'busy', schoolId: null },
      { id: 'calm', schoolId: null },
      { id: 'sameSchool', schoolId: 'A' },
    ];
    expect(reassignAfterRecusal({ submission, assignments, jurors })).toEqual({
      id: 'calm',
      schoolId: null,
    });
  });

  it('breaks ties by id', () => {
    const jurors = [
      { id: 'zoe', schoolId: 'B' },
      { id: 'adam', schoolId: null },
      { id: 'malik', schoolId: 'C' },
    ];
    expect(reassignAfterRecusal({ submission, assignments: [], jurors })?.id).toBe('adam');
  });

  it('uses the given loads when present', () => {
    const jurors = [
      { id: 'calm', schoolId: null, load: 9 },
      { id: 'busy', schoolId: null, load: 0 },
    ];
    expect(reassignAfterRecusal({ submission, assignments, jurors })?.id).toBe('busy');
  });

  it('never brings back a juror who recused, nor one already on it, nor one of the same school', () => {
    const jurors = [
      { id: 'recuser', schoolId: null },
      { id: 'onIt', schoolId: null },
      { id: 'sameSchool', schoolId: 'A' },
    ];
    expect(reassignAfterRecusal({ submission, assignments, jurors })).toBeNull();
  });
});
