import type { VirtualMachineInstance } from '../types.ts';

export interface LoadOptions {
  /** Where the text came from (a file name), used in every issue's message. */
  readonly source?: string;
}

/** Where a VMI came from: which document, at which line, made from which kind of object. */
export interface ManifestOrigin {
  readonly source: string | undefined;
  /** 1-based position of the YAML document in the text. */
  readonly document: number;
  /** 1-based line where the object starts. */
  readonly line: number | undefined;
  /** The kind the VMI was made from: `VirtualMachineInstance`, `VirtualMachine`, … */
  readonly kind: string;
  /** That object's `metadata.name`. */
  readonly name: string | undefined;
}

export interface LoadedVmi {
  readonly vmi: VirtualMachineInstance;
  readonly origin: ManifestOrigin;
  /**
   * The source line of a VMI field path such as `spec.domain.devices.disks[1].disk.bus`, mapped
   * into the VM or pool template it came from; for a field that is absent, its nearest present
   * parent's line. Pairs with `VmiProblem.path`.
   */
  lineOf(path: string): number | undefined;
}

export interface LoadIssue {
  readonly severity: 'error' | 'warning';
  /** Full sentence, already naming source, document and line. */
  readonly message: string;
  /** The reason alone, without the location. */
  readonly reason: string;
  readonly source: string | undefined;
  readonly document: number;
  readonly line: number | undefined;
  readonly kind: string | undefined;
}

export interface LoadResult {
  readonly vmis: LoadedVmi[];
  readonly errors: LoadIssue[];
  readonly warnings: LoadIssue[];
}
