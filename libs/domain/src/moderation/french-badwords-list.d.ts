// Types for the untyped `french-badwords-list` package (only what the word list reads).
declare module 'french-badwords-list' {
  const lists: { array: string[]; object: Record<string, number>; regex: RegExp };
  export = lists;
}
