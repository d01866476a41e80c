/** The format of an image file named by the user: qcow2 by extension, otherwise raw (never probed). */
export function formatFromPath(path: string): 'raw' | 'qcow2' {
  return path.toLowerCase().endsWith('.qcow2') ? 'qcow2' : 'raw';
}
