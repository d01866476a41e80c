/** The node numbers of a libvirt node list (`0,2-3` → [0, 2, 3]). */
export function parseNodeList(list: string): number[] {
  return list.split(',').flatMap((part) => {
    const [first = '', last = first] = part.split('-');
    const from = Number(first);
    const to = Number(last);
    return Array.from({ length: Math.max(0, to - from + 1) }, (_unused, offset) => from + offset);
  });
}
