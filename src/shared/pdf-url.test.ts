import { expect, test } from 'vitest';
import { isUnPdfUrl, pdfUrlFor, viewerUrl } from './pdf-url';

test.each([
  ['https://documents.un.org/doc/undoc/gen/n22/760/32/pdf/n2276032.pdf', true],
  ['https://documents.un.org/api/symbol/access?s=A/RES/77/176&l=en&t=pdf', true],
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
