import { describe, expect, test } from 'vitest';
import {
  isUnPdfUrl,
  opensInViewer,
  passThroughRule,
  pdfRedirectRules,
  pdfUrlFor,
  viewerFile,
  viewerUrl,
} from './pdf-url';

test.each([
  ['https://documents.un.org/doc/undoc/gen/n22/760/32/pdf/n2276032.pdf', true],
  ['https://documents.un.org/api/symbol/access?s=A/RES/77/176&l=en&t=pdf', true],
  ['https://documents.un.org/api/symbol/access?s=A/RES/77/176&l=en', true],
  ['https://documents.un.org/api/symbol/access?t=PDF&s=A/RES/77/176', true],
  ['https://documents.un.org/api/symbol/access?s=A/RES/77/176&l=en&t=doc', false],
  ['https://documents.un.org/api/symbol/access?s=A/RES/77/176&t=pdfa', false],
  ['https://documents.un.org/api/symbol/access?s=A/RES/77/176&t=', false],
  ['https://documents.un.org/doc/undoc/gen/n22/760/32/doc/n2276032.doc', false],
  ['https://digitallibrary.un.org/record/3999254/files/A_RES_77_176-EN.pdf?ln=en', true],
  ['https://digitallibrary.un.org/record/3999254/files/A_RES_77_176-EN.docx', false],
  ['https://www.un.org/en/ga/77/resolutions.pdf', true],
  ['http://documents.un.org:8080/x.pdf', true],
  ['https://evilun.org/x.pdf', false],
  ['https://un.org.example.com/x.pdf', false],
  ['https://example.org/redirect?to=https://documents.un.org/x.pdf', false],
  ['https://documents-dds-ny.un.org/doc/UNDOC/GEN/N22/760/32/PDF/N2276032.pdf?OpenElement', true],
  ['https://digitallibrary.un.org/record/3999254/files/A_RES_77_176-EN.pdf', true],
  ['https://www.un.org/en/ga/77/resolutions.shtml', false],
  ['https://undocs.org/A/RES/77/176', false],
  ['https://example.org/A_RES_77_176.pdf', false],
  ['file:///home/me/n2276032.pdf', false],
  ['not a url', false],
])('isUnPdfUrl(%s) = %s', (url, yes) => {
  expect(isUnPdfUrl(url)).toBe(yes);
});

test.each([
  [
    'https://undocs.org/A/RES/77/176',
    'https://documents.un.org/api/symbol/access?s=A%2FRES%2F77%2F176&l=en&t=pdf',
  ],
  [
    'https://undocs.org/fr/S/RES/2334(2016)',
    'https://documents.un.org/api/symbol/access?s=S%2FRES%2F2334(2016)&l=fr&t=pdf',
  ],
  [
    'https://docs.un.org/en/FCCC/CP/2015/10/Add.1',
    'https://documents.un.org/api/symbol/access?s=FCCC%2FCP%2F2015%2F10%2FAdd.1&l=en&t=pdf',
  ],
  ['https://undocs.org/', 'https://undocs.org/'],
  [
    'https://documents.un.org/doc/undoc/gen/n22/760/32/pdf/n2276032.pdf',
    'https://documents.un.org/doc/undoc/gen/n22/760/32/pdf/n2276032.pdf',
  ],
])('pdfUrlFor(%s)', (link, pdf) => {
  expect(pdfUrlFor(link)).toBe(pdf);
});

test('viewerUrl encodes the PDF address as one parameter', () => {
  const url = viewerUrl(
    'https://documents.un.org/api/symbol/access?s=A/RES/77/176&l=en&t=pdf',
    'chrome-extension://x/',
  );
  expect(url.startsWith('chrome-extension://x/src/viewer/index.html?file=')).toBe(true);
  expect(new URL(url).searchParams.get('file')).toBe(
    'https://documents.un.org/api/symbol/access?s=A/RES/77/176&l=en&t=pdf',
  );
});

/** What a declarativeNetRequest engine does with a rule: RE2 syntax is the subset of JS RegExp used here. */
function redirectOf(
  rules: ReturnType<typeof pdfRedirectRules>,
  url: string,
  host: string,
): string | undefined {
  const hits = rules
    .filter((r) => new RegExp(r.condition.regexFilter, 'i').test(url))
    .filter(
      (r) => !(r.condition.excludedRequestDomains ?? []).some((d) => host === d || host.endsWith(`.${d}`)),
    )
    .sort((a, b) => b.priority - a.priority);
  const top = hits[0];
  if (top?.action.type !== 'redirect') return undefined;
  const re = new RegExp(top.condition.regexFilter, 'i');
  return url.replace(
    re,
    top.action.redirect.regexSubstitution.replace('\\0', () => '$&'),
  );
}

describe('the redirect rules', () => {
  const viewer = 'chrome-extension://x/src/viewer/index.html';
  const rules = pdfRedirectRules(true, [], viewer);

  test('none when the option is off', () => {
    expect(pdfRedirectRules(false, [], viewer)).toEqual([]);
  });

  test("only top-level navigations: never the viewer's own fetch or a landing page's frame", () => {
    for (const r of rules) expect(r.condition.resourceTypes).toEqual(['main_frame']);
  });

  test.each([
    'https://documents.un.org/doc/undoc/gen/n22/760/32/pdf/n2276032.pdf',
    'https://documents.un.org/api/symbol/access?s=A/RES/77/176&l=en&t=pdf',
    'https://documents-dds-ny.un.org/doc/UNDOC/GEN/N22/760/32/PDF/N2276032.pdf?OpenElement',
    'https://digitallibrary.un.org/record/3999254/files/A_RES_77_176-EN.pdf',
    'https://documents.un.org/api/symbol/access?s=A/RES/77/176&l=en&t=doc',
    'https://undocs.org/A/RES/77/176',
    'https://www.un.org/en/ga/77/resolutions.shtml',
    'https://example.org/x.pdf',
  ])('agree with isUnPdfUrl on %s, and hand the viewer the address verbatim', (url) => {
    const to = redirectOf(rules, url, new URL(url).hostname);
    expect(to !== undefined).toBe(isUnPdfUrl(url));
    if (to) {
      expect(to).toBe(`${viewer}?url=${url}`);
      expect(viewerFile(new URL(to).search)).toBe(url);
    }
  });

  test("a site sent back to the browser's viewer is left out, and only that site", () => {
    const some = pdfRedirectRules(true, ['documents.un.org'], viewer);
    const ods = 'https://documents.un.org/doc/undoc/gen/n22/760/32/pdf/n2276032.pdf';
    const dl = 'https://digitallibrary.un.org/record/3999254/files/A_RES_77_176-EN.pdf';
    expect(redirectOf(some, ods, 'documents.un.org')).toBeUndefined();
    expect(redirectOf(some, dl, 'digitallibrary.un.org')).toBe(`${viewer}?url=${dl}`);
  });

  test('a pass-through rule matches its address only, above the redirect', () => {
    const url = 'https://documents.un.org/api/symbol/access?s=S/RES/2223(2015)&l=en&t=pdf';
    const rule = passThroughRule(100, url);
    expect(rule.priority).toBeGreaterThan(Math.max(...rules.map((r) => r.priority)));
    expect(new RegExp(rule.condition.regexFilter, 'i').test(url)).toBe(true);
    expect(new RegExp(rule.condition.regexFilter, 'i').test(`${url}&x=1`)).toBe(false);
    expect(new RegExp(rule.condition.regexFilter, 'i').test(url.replace('(2015)', 'x2015x'))).toBe(false);
    expect(redirectOf([...rules, rule], url, 'documents.un.org')).toBeUndefined();
  });
});

describe('viewerFile', () => {
  test('reads ?file= (encoded) and ?url= (verbatim, the rest of the query)', () => {
    const f = 'https://documents.un.org/api/symbol/access?s=A/RES/77/176&l=en&t=pdf';
    expect(viewerFile(`?file=${encodeURIComponent(f)}`)).toBe(f);
    expect(viewerFile(`?url=${f}`)).toBe(f);
  });
  test.each(['', '?file=', '?file=javascript:alert(1)', '?url=file:///etc/passwd', '?file=not%20a%20url'])(
    'nothing for %j',
    (q) => {
      expect(viewerFile(q)).toBeUndefined();
    },
  );
});

test.each([
  [{ openPdfsInViewer: true, browserPdfSites: [] }, 'https://documents.un.org/x.pdf', true],
  [{ openPdfsInViewer: false, browserPdfSites: [] }, 'https://documents.un.org/x.pdf', false],
  [
    { openPdfsInViewer: true, browserPdfSites: ['documents.un.org'] },
    'https://documents.un.org/x.pdf',
    false,
  ],
  [{ openPdfsInViewer: true, browserPdfSites: ['un.org'] }, 'https://documents.un.org/x.pdf', false],
  [
    { openPdfsInViewer: true, browserPdfSites: ['documents.un.org'] },
    'https://digitallibrary.un.org/x.pdf',
    true,
  ],
])('opensInViewer(%j, %s) = %s', (settings, file, yes) => {
  expect(opensInViewer(settings, file)).toBe(yes);
});
