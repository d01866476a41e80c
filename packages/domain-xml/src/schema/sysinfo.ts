import type { Sysinfo, SysinfoBlock, SysinfoEntry } from '../model/sysinfo.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { stringAttribute, stringText } from './fields.ts';

const entrySpec = defineElement<SysinfoEntry>({ name: stringAttribute('name'), file: stringAttribute('file'), value: stringText() });
const blockSpec = defineElement<SysinfoBlock>({ entries: list('entry', entrySpec) });

export const sysinfoSpec = defineElement<Sysinfo>({
  type: stringAttribute('type'),
  bios: child('bios', blockSpec),
  system: child('system', blockSpec),
  baseBoards: list('baseBoard', blockSpec),
  chassis: child('chassis', blockSpec),
  oemStrings: child('oemStrings', blockSpec),
  entries: list('entry', entrySpec),
});
