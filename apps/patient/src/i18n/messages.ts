/** A translation tree: nested objects whose leaves are non-empty strings. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}
