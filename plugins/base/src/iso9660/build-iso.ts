import { ascii, ByteWriter } from './byte-writer.ts';
import { directoryRecord, PARENT, SELF } from './directory-record.ts';
import { compareIdentifiers, jolietEncoding, primaryEncoding, type NameEncoding } from './identifiers.ts';
import { buildTree, directoriesBreadthFirst, type IsoDirectory, type IsoFile } from './iso-tree.ts';

const SECTOR = 2048;
const FIRST_DESCRIPTOR_SECTOR = 16;

const sectorsFor = (bytes: number): number => Math.ceil(bytes / SECTOR);

interface Entry { identifier: Uint8Array; directory?: IsoDirectory; file?: IsoFile }

/** One directory tree as one hierarchy (primary or Joliet) spells it, with its placement. */
interface Hierarchy {
  encoding: NameEncoding;
  directories: IsoDirectory[];
  entries: Map<IsoDirectory, Entry[]>;
  location: Map<IsoDirectory, number>;
  size: Map<IsoDirectory, number>;
  pathTableSize: number;
  pathTableL: number;
  pathTableM: number;
}

function entriesOf(directory: IsoDirectory, encoding: NameEncoding): Entry[] {
  const entries: Entry[] = [
    ...directory.directories.map((child) => ({ identifier: encoding.directory(child.name), directory: child })),
    ...directory.files.map((file) => ({ identifier: encoding.file(file.name), file })),
  ].sort((left, right) => compareIdentifiers(left.identifier, right.identifier));
  for (let index = 1; index < entries.length; index += 1) {
    const previous = entries[index - 1];
    const current = entries[index];
    if (previous !== undefined && current !== undefined && compareIdentifiers(previous.identifier, current.identifier) === 0) {
      throw new Error(`two names in one ISO directory map to the same identifier (${previous.file?.name ?? previous.directory?.name ?? ''})`);
    }
  }
  return entries;
}

/** Bytes a directory's records take; a record never crosses a sector boundary. */
function directorySize(entries: readonly Entry[]): number {
  let used = 0;
  for (const length of [34, 34, ...entries.map((entry) => 33 + entry.identifier.length + (entry.identifier.length % 2 === 0 ? 1 : 0))]) {
    if ((used % SECTOR) + length > SECTOR) used = Math.ceil(used / SECTOR) * SECTOR;
    used += length;
  }
  return Math.ceil(used / SECTOR) * SECTOR;
}

function pathTableSize(directories: readonly IsoDirectory[], encoding: NameEncoding): number {
  return directories.reduce((total, directory) => {
    const nameLength = directory.parent === undefined ? 1 : encoding.directory(directory.name).length;
    return total + 8 + nameLength + (nameLength % 2);
  }, 0);
}

function planHierarchy(root: IsoDirectory, encoding: NameEncoding, next: { sector: number }): Hierarchy {
  const directories = directoriesBreadthFirst(root);
  const entries = new Map(directories.map((directory) => [directory, entriesOf(directory, encoding)]));
  const tableSize = pathTableSize(directories, encoding);
  const pathTableL = next.sector;
  next.sector += sectorsFor(tableSize);
  const pathTableM = next.sector;
  next.sector += sectorsFor(tableSize);
  const location = new Map<IsoDirectory, number>();
  const size = new Map<IsoDirectory, number>();
  for (const directory of directories) {
    const bytes = directorySize(entries.get(directory) ?? []);
    location.set(directory, next.sector);
    size.set(directory, bytes);
    next.sector += bytes / SECTOR;
  }
  return { encoding, directories, entries, location, size, pathTableSize: tableSize, pathTableL, pathTableM };
}

function writePathTables(image: Uint8Array, hierarchy: Hierarchy): void {
  const writer = new ByteWriter(image);
  const number = new Map(hierarchy.directories.map((directory, index) => [directory, index + 1]));
  let offsetL = hierarchy.pathTableL * SECTOR;
  let offsetM = hierarchy.pathTableM * SECTOR;
  for (const directory of hierarchy.directories) {
    const name = directory.parent === undefined ? SELF : hierarchy.encoding.directory(directory.name);
    const location = hierarchy.location.get(directory) ?? 0;
    const parent = number.get(directory.parent ?? directory) ?? 1;
    for (const [offset, littleEndian] of [[offsetL, true], [offsetM, false]] as const) {
      writer.u8(offset, name.length);
      if (littleEndian) { writer.u32le(offset + 2, location); writer.u16le(offset + 6, parent); }
      else { writer.u32be(offset + 2, location); writer.u16be(offset + 6, parent); }
      image.set(name, offset + 8);
    }
    const length = 8 + name.length + (name.length % 2);
    offsetL += length;
    offsetM += length;
  }
}

function writeDirectories(image: Uint8Array, hierarchy: Hierarchy, fileLocation: ReadonlyMap<IsoFile, number>): void {
  for (const directory of hierarchy.directories) {
    const start = (hierarchy.location.get(directory) ?? 0) * SECTOR;
    const parent = directory.parent ?? directory;
    const records = [
      directoryRecord(SELF, hierarchy.location.get(directory) ?? 0, hierarchy.size.get(directory) ?? 0, true),
      directoryRecord(PARENT, hierarchy.location.get(parent) ?? 0, hierarchy.size.get(parent) ?? 0, true),
      ...(hierarchy.entries.get(directory) ?? []).map((entry) => entry.directory === undefined
        ? directoryRecord(entry.identifier, fileLocation.get(entry.file as IsoFile) ?? 0, entry.file?.content.length ?? 0, false)
        : directoryRecord(entry.identifier, hierarchy.location.get(entry.directory) ?? 0, hierarchy.size.get(entry.directory) ?? 0, true)),
    ];
    let used = 0;
    for (const record of records) {
      if ((used % SECTOR) + record.length > SECTOR) used = Math.ceil(used / SECTOR) * SECTOR;
      image.set(record, start + used);
      used += record.length;
    }
  }
}

/** Writes a padded text field: ASCII with spaces, or (Joliet) UCS-2 with UCS-2 spaces. */
function writeTextField(bytes: Uint8Array, start: number, length: number, text: string, encoding: NameEncoding, joliet: boolean): void {
  if (joliet) {
    for (let index = start; index + 1 < start + length; index += 2) { bytes[index] = 0x00; bytes[index + 1] = 0x20; }
    if (length % 2 === 1) bytes[start + length - 1] = 0x00;
  } else {
    bytes.fill(0x20, start, start + length);
  }
  const encoded = encoding.descriptorText(text);
  bytes.set(encoded.subarray(0, length - (length % 2)), start);
}

function writeVolumeDescriptor(image: Uint8Array, sector: number, hierarchy: Hierarchy, volumeId: string, totalSectors: number, joliet: boolean): void {
  const offset = sector * SECTOR;
  const bytes = image.subarray(offset, offset + SECTOR);
  const writer = new ByteWriter(bytes);
  const { encoding } = hierarchy;
  writer.u8(0, joliet ? 2 : 1);
  bytes.set(ascii('CD001'), 1);
  writer.u8(6, 1);
  writeTextField(bytes, 8, 32, '', encoding, joliet);
  writeTextField(bytes, 40, 32, volumeId, encoding, joliet);
  if (joliet) bytes.set(ascii('%/E'), 88); // escape sequence: UCS-2 level 3
  writer.u32both(80, totalSectors);
  writer.u16both(120, 1);
  writer.u16both(124, 1);
  writer.u16both(128, SECTOR);
  writer.u32both(132, hierarchy.pathTableSize);
  writer.u32le(140, hierarchy.pathTableL);
  writer.u32be(148, hierarchy.pathTableM);
  const root = hierarchy.directories[0] as IsoDirectory;
  bytes.set(directoryRecord(SELF, hierarchy.location.get(root) ?? 0, hierarchy.size.get(root) ?? 0, true), 156);
  for (const [start, length] of [[190, 128], [318, 128], [446, 128], [574, 128], [702, 37], [739, 37], [776, 37]] as const) {
    writeTextField(bytes, start, length, '', encoding, joliet);
  }
  // Dates "not specified": sixteen '0' digits and a zero time zone.
  for (const start of [813, 830, 847, 864]) bytes.set(ascii('0000000000000000'), start);
  writer.u8(881, 1);
}

/**
 * An ISO 9660 image holding `files` (`path → content`), with a Joliet hierarchy so readers see
 * names with their case (`user-data`, `meta_data.json`). Deterministic: fixed dates, sorted
 * names. `volumeId` is the label (`cidata`, `config-2`); up to 16 characters so Joliet can hold it.
 */
export function buildIso(volumeId: string, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  if (volumeId.length > 16) throw new Error(`ISO volume identifier '${volumeId}' is longer than 16 characters`);
  const root = buildTree(files);
  const next = { sector: FIRST_DESCRIPTOR_SECTOR + 3 }; // primary, Joliet, terminator
  const primary = planHierarchy(root, primaryEncoding, next);
  const joliet = planHierarchy(root, jolietEncoding, next);
  const fileLocation = new Map<IsoFile, number>();
  for (const directory of primary.directories) {
    for (const file of directory.files) {
      fileLocation.set(file, next.sector);
      next.sector += sectorsFor(file.content.length);
    }
  }
  const totalSectors = next.sector;
  const image = new Uint8Array(totalSectors * SECTOR);
  writeVolumeDescriptor(image, FIRST_DESCRIPTOR_SECTOR, primary, volumeId, totalSectors, false);
  writeVolumeDescriptor(image, FIRST_DESCRIPTOR_SECTOR + 1, joliet, volumeId, totalSectors, true);
  const terminator = (FIRST_DESCRIPTOR_SECTOR + 2) * SECTOR;
  image.set([255, ...ascii('CD001'), 1], terminator);
  for (const hierarchy of [primary, joliet]) {
    writePathTables(image, hierarchy);
    writeDirectories(image, hierarchy, fileLocation);
  }
  for (const [file, location] of fileLocation) image.set(file.content, location * SECTOR);
  return image;
}
