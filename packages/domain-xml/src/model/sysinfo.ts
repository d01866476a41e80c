import type { Extensible } from '../xml/xml-node.ts';

/** `<entry name file>VALUE</entry>` of an SMBIOS block or fw_cfg. */
export interface SysinfoEntry extends Extensible {
  name?: string;
  /** fw_cfg only: take the value from this file. */
  file?: string;
  value?: string;
}

/** A block of entries: `<bios>`, `<system>`, `<baseBoard>`, `<chassis>`, `<oemStrings>`. */
export interface SysinfoBlock extends Extensible {
  entries?: SysinfoEntry[];
}

/** `<sysinfo type>`: `smbios` (blocks) or `fwcfg` (entries directly). */
export interface Sysinfo extends Extensible {
  type: string;
  bios?: SysinfoBlock;
  system?: SysinfoBlock;
  baseBoards?: SysinfoBlock[];
  chassis?: SysinfoBlock;
  oemStrings?: SysinfoBlock;
  /** fw_cfg entries (`type='fwcfg'`). */
  entries?: SysinfoEntry[];
}
