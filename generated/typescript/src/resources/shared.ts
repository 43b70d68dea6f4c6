/**
 * Set of 16 key-value pairs that can be attached to an object. Keys are strings of at most 64
 * characters; values are strings of at most 512 characters.
 */
export type Metadata = { [key: string]: string };
