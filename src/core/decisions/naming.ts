// The slug part of a record file name.

/** `0005-use-a-cnn.md` -> `use-a-cnn`. */
export function kebabFromFileName(name: string): string {
  return name.replace(/\.md$/i, '').replace(/^\d+-/, '');
}
