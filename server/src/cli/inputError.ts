/** A problem with what the user gave (a file, an input line): reported in one line, never with a stack trace. */
export class InputError extends Error {}
