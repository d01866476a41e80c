import type { VirtualMachineInstance } from '../../types.ts';
import { checkSchema } from '../check-schema.ts';
import { objectAt } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';
import { VMI_SCHEMA } from '../vmi-schema.ts';

/** Types, required fields, allowed values and unknown fields, by the schema in vmi-schema.ts. */
export const structureRule: VmiRule = {
  name: 'structure',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const problems = checkSchema(vmi, VMI_SCHEMA, '', 'structure');
    const metadata = objectAt(vmi, 'metadata');
    if (metadata?.name === undefined) {
      problems.push({
        path: 'metadata.name',
        reason: 'is required: kvmkit names the domain after it (generateName is not expanded)',
        severity: 'error',
        rule: 'structure',
      });
    }
    return problems;
  },
};
