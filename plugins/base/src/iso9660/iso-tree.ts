/** A directory of the image being built; files carry their content. */
export interface IsoDirectory {
  name: string;
  parent: IsoDirectory | undefined;
  directories: IsoDirectory[];
  files: IsoFile[];
}

export interface IsoFile {
  name: string;
  content: Uint8Array;
}

/** Builds the directory tree from `path → content` (paths with `/`, no `..`, no empty parts). */
export function buildTree(files: ReadonlyMap<string, Uint8Array>): IsoDirectory {
  const root: IsoDirectory = { name: '', parent: undefined, directories: [], files: [] };
  for (const [path, content] of files) {
    const parts = path.split('/');
    if (parts.some((part) => part === '' || part === '.' || part === '..')) throw new Error(`ISO path '${path}' has an empty, '.' or '..' part`);
    const fileName = parts.pop() ?? '';
    let directory = root;
    for (const part of parts) {
      let child = directory.directories.find((candidate) => candidate.name === part);
      if (child === undefined) {
        child = { name: part, parent: directory, directories: [], files: [] };
        directory.directories.push(child);
      }
      directory = child;
    }
    if (directory.files.some((file) => file.name === fileName)) throw new Error(`ISO path '${path}' appears twice`);
    directory.files.push({ name: fileName, content });
  }
  return root;
}

/** Directories breadth first, each level in name order: the order path tables need. */
export function directoriesBreadthFirst(root: IsoDirectory): IsoDirectory[] {
  const ordered: IsoDirectory[] = [root];
  for (let index = 0; index < ordered.length; index += 1) {
    const directory = ordered[index];
    if (directory !== undefined) ordered.push(...[...directory.directories].sort((left, right) => compareNames(left.name, right.name)));
  }
  return ordered;
}

export function compareNames(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
