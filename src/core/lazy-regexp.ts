/**
 * Regular expressions compiled on first use.
 *
 * The finder builds its grammar's patterns from the lexicon when its modules load: 45 patterns, 78 000
 * characters of source, most of it the six languages' body names. `new RegExp` parses its source at once,
 * and that parse was most of the finder's load time. The background worker loads the finder on every wake
 * (a service worker cannot import a module later), so every wake paid for it, although a wake for a hover
 * card never runs the finder. {@link lazyRegExp} keeps the source and compiles on the first match.
 *
 * The object it returns does what the finder does with a pattern: `exec`, `test`, `lastIndex` (read and
 * set, sticky and global patterns), `source`, `flags` and the flag properties, and the string methods
 * `match`, `matchAll`, `replace`, `replaceAll`, `search` and `split`, which call its `Symbol.*` methods. It
 * is not an `instanceof RegExp` and has no `compile`; its `source` is the string it was given, unescaped;
 * `new RegExp(lazy)` copies its source and flags.
 */

class LazyRegExp {
  private compiled: RegExp | undefined;

  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}

  /** The compiled pattern; a bad source throws its SyntaxError here, at the first use. */
  private get re(): RegExp {
    if (!this.compiled) this.compiled = new RegExp(this.source, this.flags);
    return this.compiled;
  }

  get lastIndex(): number {
    return this.compiled ? this.compiled.lastIndex : 0;
  }
  set lastIndex(i: number) {
    this.re.lastIndex = i;
  }

  get global(): boolean {
    return this.flags.includes('g');
  }
  get ignoreCase(): boolean {
    return this.flags.includes('i');
  }
  get multiline(): boolean {
    return this.flags.includes('m');
  }
  get dotAll(): boolean {
    return this.flags.includes('s');
  }
  get unicode(): boolean {
    return this.flags.includes('u');
  }
  get unicodeSets(): boolean {
    return this.flags.includes('v');
  }
  get sticky(): boolean {
    return this.flags.includes('y');
  }
  get hasIndices(): boolean {
    return this.flags.includes('d');
  }

  exec(s: string): RegExpExecArray | null {
    return this.re.exec(s);
  }
  test(s: string): boolean {
    return this.re.test(s);
  }
  toString(): string {
    return `/${this.source}/${this.flags}`;
  }

  [Symbol.match](s: string): RegExpMatchArray | null {
    return this.re[Symbol.match](s);
  }
  [Symbol.matchAll](s: string): IterableIterator<RegExpMatchArray> {
    return this.re[Symbol.matchAll](s);
  }
  [Symbol.replace](
    s: string,
    replacement: string | ((substring: string, ...args: unknown[]) => string),
  ): string {
    return this.re[Symbol.replace](s, replacement as string);
  }
  [Symbol.search](s: string): number {
    return this.re[Symbol.search](s);
  }
  [Symbol.split](s: string, limit?: number): string[] {
    return this.re[Symbol.split](s, limit);
  }
}

/**
 * A pattern of `source` and `flags`, compiled when it is first used. Typed as a `RegExp` so that modules
 * keep their patterns' types; see the module comment for what it does not do.
 */
export function lazyRegExp(source: string, flags = ''): RegExp {
  return new LazyRegExp(source, flags) as unknown as RegExp;
}
