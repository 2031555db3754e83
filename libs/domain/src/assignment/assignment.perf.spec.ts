import { assignJurors } from './assign-jurors';
import { expectValid } from './assignment-checks';
import type { AssignmentInput } from './assignment.types';

// The size of a large regional event: 500 judged submissions, 60 jurors, 3 jurors each.
// Target 200 ms; the assertion is generous so a busy CI machine does not fail the build.
const TARGET_MS = 200;
const LIMIT_MS = 1000;

function regionalEvent(): AssignmentInput {
  const schools = Array.from({ length: 80 }, (_, i) => `school${i}`);
  return {
    submissions: Array.from({ length: 500 }, (_, i) => ({
      id: `sub${i}`,
      schoolId: schools[(i * 37) % 80],
    })),
    // A third of the jurors are teachers of participating schools.
    jurors: Array.from({ length: 60 }, (_, i) => ({
      id: `jur${i}`,
      schoolId: i % 3 === 0 ? schools[i] : null,
    })),
    // A previous run already covered some submissions; a few jurors recused.
    existing: Array.from({ length: 150 }, (_, i) => ({
      submissionId: `sub${i % 50}`,
      jurorId: `jur${(i * 7 + 1) % 60}`,
      status: i % 10 === 0 ? ('RECUSED' as const) : ('DONE' as const),
    })),
    k: 3,
  };
}

describe('assignJurors performance', () => {
  it(`assigns 500 submissions × 60 jurors × k=3 in well under a second (target ${TARGET_MS} ms)`, () => {
    const input = regionalEvent();
    expectValid(input, assignJurors(input)); // also warms the JIT up
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      assignJurors({ ...input, seed: run });
      times.push(performance.now() - start);
    }
    const median = [...times].sort((a, b) => a - b)[2];
    console.log(
      `assignJurors 500×60×k=3: median ${median.toFixed(1)} ms over 5 runs ` +
        `(${times.map((t) => t.toFixed(1)).join(', ')}); target ${TARGET_MS} ms`,
    );
    expect(median).toBeLessThan(LIMIT_MS);
  });
});
