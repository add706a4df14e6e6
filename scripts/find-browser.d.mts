/** How to get Chromium, for error messages. */
export const CHROMIUM_INSTALL_HINT: string;
/** Chromium/Chrome: CHROME_PATH, usual install places, PATH; undefined when none. */
export function findChromiumPath(): string | undefined;
/** Firefox: FIREFOX_PATH, usual install places, PATH; undefined when none. */
export function findFirefox(): string | undefined;
