/**
 * Thrown for malformed XML and for values of the wrong shape. `path` points into the document
 * (`/domain/devices/disk[2]/target/@bus`), `reason` says what is wrong there.
 */
export class DomainXmlError extends Error {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'DomainXmlError';
    this.path = path;
    this.reason = reason;
  }
}
