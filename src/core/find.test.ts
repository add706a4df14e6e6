import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV } from '../../test/corpus';
import { detectLang, findCitations } from './find';
import { normalize } from './normalize';

describe('findCitations', () => {
  it('expands a Treaty Series range into one mention per number (A/RES/77/... footnote text)', () => {
    const text =
      'Recalling also the Geneva Conventions of 12 August 1949 United Nations, Treaty Series, vol. 75, Nos. 970–973. and Additional Protocol I thereto,';
    const treaties = findCitations(text).mentions.filter((m) => m.kind === 'treaty');
    expect(treaties.map((m) => m.key)).toEqual(['UNTS I-970', 'UNTS I-971', 'UNTS I-972', 'UNTS I-973']);
    expect(treaties.every((m) => m.volume === 75)).toBe(true);
  });
  it('keys the seed resolution and keeps its own number out (identity)', () => {
    const text = readFileSync(join(DEV, 'seed-a-res-77-176.txt'), 'utf8');
    const r = findCitations(text);
    expect(r.identity.key).toBe('A/RES/77/176');
    expect(r.mentions.some((m) => m.key === 'A/RES/77/176')).toBe(false);
    const ibid = r.mentions.find((m) => m.surface === 'Ibid.');
    expect(ibid?.key).toBe('A/RES/2200(XXI)');
    expect(r.mentions.filter((m) => m.kind === 'treaty').map((m) => m.key)).toEqual([
      'UNTS I-30822',
      'UNTS I-9464',
      'UNTS I-20378',
      'UNTS I-27531',
      'UNTS I-44910',
      'UNTS I-39481',
    ]);
  });
  it('drops masthead, running heads and the SC title line', () => {
    const text = readFileSync(join(DEV, '115-sc-res-2223-2015-en.txt'), 'utf8');
    const r = findCitations(text);
    expect(r.identity.key).toBe('S/RES/2223(2015)');
    expect(r.mentions.map((m) => m.key)).not.toContain('S/RES/2223(2015)');
    expect(r.mentions[0]?.key).toBe('S/RES/1996(2011)');
  });
  it('reads an SC title line in capitals as the identity (cr-unsc S/RES/761 (1992))', () => {
    const r = findCitations(
      'RESOLUTION 761 (1992)\n\nAdopted by the Security Council at its 3087th meeting,\non 29 June 1992\n\nThe Security Council,\nReaffirming its resolutions 713 (1991) of 25 September 1991,',
    );
    expect(r.identity.key).toBe('S/RES/761(1992)');
    expect(r.mentions.map((m) => m.key)).toEqual(['S/RES/713(1991)']);
  });
  it('takes the body of "its" from the nearest "The … Council," line', () => {
    const text =
      'The Economic and Social Council,\nRecalling its resolution 2022/19 of 22 July 2022,\n\nThe General Assembly,\nRecalling its resolution 76/258,';
    expect(findCitations(text).mentions.map((m) => m.key)).toEqual(['E/RES/2022/19', 'A/RES/76/258']);
  });
  it('reads the speaking body in each language, at a line start or mid-line before a capital', () => {
    const keys = (text: string) => findCitations(text).mentions.map((m) => m.key);
    // French elides the article ("L’Assemblée") and uses "Le" for a council.
    expect(keys('Le Conseil des droits de l’homme,\nRappelant sa résolution 5/1,')).toEqual([
      'A/HRC/RES/5/1',
    ]);
    expect(keys('  El Consejo de Derechos Humanos,\nRecordando su resolución 5/1,')).toEqual([
      'A/HRC/RES/5/1',
    ]);
    expect(keys('Annex. The Human Rights Council, Recalling its resolution 5/1,')).toEqual(['A/HRC/RES/5/1']);
    // Mid-line, a lower-case word after the comma makes it a phrase, not an opener (5/1 is then no GA number).
    expect(keys('Annex. The Human Rights Council, which met. Recalling its resolution 5/1,')).toEqual([]);
    // Said by the text, "sa" is certain; guessed, it would be 0.9.
    const ga = findCitations('L’Assemblée générale,\nRappelant sa résolution 74/64,').mentions[0];
    expect([ga?.key, ga?.confidence]).toEqual(['A/RES/74/64', 1]);
  });
  it('reads a citation broken by a line end where a space stood (wrapped text, a PDF line)', () => {
    // GA texts 74-80 (data/unxml-akn4un) and S/RES/237 (1967), with a line end put where a space was.
    // [wrapped text, the (kind, key) list it must give on one line and wrapped alike]
    const wrapped: [string, string[]][] = [
      [
        'Convention on the Rights of Persons with Disabilities, United Nations, Treaty\nSeries, vol. 2515, No. 44910.',
        ['treaty UNTS I-44910'],
      ],
      [
        'United Nations, Treaty Series, vol.\n1577, No. 27531; ibid., vols. 2171, 2173 and 2983,\nNo. 27531.',
        ['treaty UNTS I-27531'],
      ],
      ['Nations Unies, Recueil des Traités, vol. 610, no\n8843.', ['treaty UNTS I-8843']],
      ['(United Nations publication, Sales\nNo. E.96.IV.13), chap. I', ['sales Sales No. 96.IV.13']],
      ['(publication des Nations Unies, numéro de\nvente : F.96.IV.8), chap. I', ['sales Sales No. 96.IV.8']],
      [
        'Official Records of the General Assembly, Sixty-first Session,\nSupplement No. 33 (A/61/33), para. 72',
        ['document A/61/33'],
      ],
      [
        'Official Records of the General Assembly, Seventy-sixth Session, Supplement No. 53A\n(A/76/53/Add.1), chap. IV',
        ['document A/76/53/Add.1'],
      ],
      [
        'in accordance with Human Rights\nCouncil resolution 16/18 of 24 March 2011',
        ['resolution A/HRC/RES/16/18'],
      ],
      [
        'Welcoming also United Nations Environment\nAssembly resolutions 5/7, entitled “Sound management”, and 5/11',
        ['resolution UNEA res 5/7', 'resolution UNEA res 5/11'],
      ],
    ];
    const keys = (text: string) => findCitations(text).mentions.map((m) => `${m.kind} ${m.key}`);
    for (const [text, want] of wrapped) {
      expect(keys(text.replace(/\n/g, ' ')), text).toEqual(want);
      expect(keys(text), text).toEqual(want);
    }
  });
  it('finds the same citations in every dev text wrapped at 70 columns, as a file or as indented HTML source', () => {
    const wrap = (text: string) => text.replace(/(.{70,}?) /g, '$1\n');
    const indent = (text: string) => text.replace(/(.{70,}?) /g, '$1\r\n        ');
    for (const name of readdirSync(DEV).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(DEV, name), 'utf8');
      const keys = (t: string) => findCitations(t).mentions.map((m) => `${m.kind} ${m.key}`);
      expect(keys(wrap(text)), name).toEqual(keys(text));
      expect(keys(indent(text)), name).toEqual(keys(text));
    }
  });
  it("the document's body decides a bare number the GA cannot have, or one numbered by year", () => {
    const keys = (text: string) => findCitations(text).mentions.map((m) => m.key);
    expect(keys('The Human Rights Council,\nRecalling resolution 5/1 and resolution 60/251,')).toEqual([
      'A/HRC/RES/5/1',
      'A/RES/60/251',
    ]);
    expect(keys('The Commission on Human Rights,\nRecalling resolution 1998/72 of 22 April 1998,')).toEqual([
      'E/CN.4/RES/1998/72',
    ]);
    expect(keys('The General Assembly,\nRecalling resolution 5/1 and resolution 1998/72,')).toEqual([
      'E/RES/1998/72',
    ]);
  });
  it('options.body decides "its" when the text does not say', () => {
    expect(findCitations('Recalling its resolution 5/1,', { body: 'HRC' }).mentions[0]?.key).toBe(
      'A/HRC/RES/5/1',
    );
  });
  it('an "Ibid." after a citation nobody understood is nothing', () => {
    const text = '1 Official Records of the General Assembly, Fifty-first Session, annex.\n2 Ibid.';
    expect(findCitations(text).mentions).toEqual([]);
  });
  it('keeps a container "Ibid., vol., No." only after a Treaty Series citation', () => {
    const ok = findCitations(
      '16 United Nations, Treaty Series, vol. 660, No. 9464.\n17 Ibid., vol. 1249, No. 20378.',
    );
    expect(ok.mentions.map((m) => m.key)).toEqual(['UNTS I-9464', 'UNTS I-20378']);
    expect(ok.mentions.some((m) => 'ibid' in m)).toBe(false);
    const broken = findCitations('16 See resolution 2200 A (XXI), annex.\n17 Ibid., vol. 1249, No. 20378.');
    expect(broken.mentions.map((m) => m.key)).toEqual(['A/RES/2200(XXI)']);
  });
  it('maps offsets back through removed invisible characters and full-width forms', () => {
    const text = 'Recalling\u00AD its reso\u00ADlution\u00A073/195 and 第７３／１９５号决议';
    const r = findCitations(text);
    for (const m of r.mentions) expect(text.slice(m.offset, m.end)).toBe(m.surface);
    expect(r.mentions.map((m) => m.key)).toEqual(['A/RES/73/195', 'A/RES/73/195']);
  });
  it('detects the language', () => {
    expect(detectLang('La Asamblea General, Recordando su resolución 73/195 de los Estados y el')).toBe('es');
    expect(detectLang('L’Assemblée générale, Rappelant sa résolution 73/195 et les')).toBe('fr');
    expect(detectLang('Генеральная Ассамблея, ссылаясь на свою резолюцию')).toBe('ru');
    expect(detectLang('大会，回顾其第73/195号决议')).toBe('zh');
    expect(detectLang('إن الجمعية العامة، إذ تشير إلى قرارها 73/195')).toBe('ar');
    expect(detectLang('The General Assembly, Recalling its resolution 73/195')).toBe('en');
  });
});

describe('normalize', () => {
  it('replaces one-for-one without a map, and removes invisible characters with one', () => {
    expect(normalize('Ａ／ＲＥＳ／７３\u00A0٧٣‑1').text).toBe('A/RES/73 73-1');
    const n = normalize('a\u00ADb\u200Bc');
    expect(n.text).toBe('abc');
    expect([0, 1, 2].map((i) => n.toOriginal(i))).toEqual([0, 2, 4]);
    expect(n.toOriginalEnd(3)).toBe(5);
  });
  it('reads "\\r\\n" and a lone "\\r" as "\\n" and drops the indentation after a line break, in both paths', () => {
    for (const lead of ['', 'Там ']) {
      const text = `${lead}Treaty\r\n      Series,\r vol.\n\t 1771`;
      const n = normalize(text);
      expect(n.text).toBe(`${lead}Treaty\nSeries,\n vol.\n1771`);
      // Every kept character maps back to itself; a mention's end maps back after what it covers.
      for (let i = 0; i < n.text.length; i++) {
        if (n.text[i] !== '\n') expect(text[n.toOriginal(i)], `${lead}${i}`).toBe(n.text[i]);
      }
      expect(text.slice(n.toOriginal(n.text.indexOf('Series')), n.toOriginalEnd(n.text.length))).toBe(
        'Series,\r vol.\n\t 1771',
      );
    }
  });
  it('drops a fixed space beside another space, in both paths ("&nbsp; " in word-processor HTML)', () => {
    for (const lead of ['', 'Там ']) {
      const text = `${lead}Treaty\u00a0 Series, vol. \u00a01771,\u00a0\u00a0\u00a0No.\u00a030822`;
      const n = normalize(text);
      expect(n.text).toBe(`${lead}Treaty Series, vol. 1771, No. 30822`);
      const at = n.text.indexOf('No.');
      expect(text.slice(n.toOriginal(at), n.toOriginalEnd(n.text.length))).toBe('No.\u00a030822');
    }
    expect(
      findCitations('United Nations, Treaty\u00a0 Series, vol.\u00a0 1771, No.\u00a030822').mentions[0]?.key,
    ).toBe('UNTS I-30822');
  });
  it('tells a Latin text from one in another script, by the same pass (both paths normalise alike)', () => {
    const latin = normalize('Add.1–3 and A/­HRC/43/12 (2020)');
    expect(latin.latinOnly).toBe(true);
    expect(latin.text).toBe('Add.1-3 and A/HRC/43/12 (2020)');
    expect(latin.toOriginal(latin.text.indexOf('HRC'))).toBe(15);
    // The same characters after a Cyrillic word: the other path, the same result.
    const mixed = normalize('Там Add.1–3 and A/­HRC/43/12 (2020)');
    expect(mixed.latinOnly).toBe(false);
    expect(mixed.text).toBe('Там Add.1-3 and A/HRC/43/12 (2020)');
    expect(mixed.toOriginal(mixed.text.indexOf('HRC'))).toBe(19);
    expect(normalize('plain text').latinOnly).toBe(true);
    expect(normalize('第73/195号决议').latinOnly).toBe(false);
    expect(normalize('٧٣').latinOnly).toBe(false);
  });
});

describe('findCitations on texts longer than one scanning window', () => {
  // find.ts scans windows of at most 48 000 characters (plus context); these texts cross several.
  const filler = (n: number, end = '\n') => {
    const line = `The Assembly notes the work done in the year and the progress of the programme.${end}`;
    return line.repeat(Math.ceil(n / line.length)).slice(0, n);
  };

  it('finds a list cut by a window edge once, with its head and exact offsets', () => {
    // No line end near the edge: the window cuts at a space inside the list.
    const list =
      'Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004, 60/227 of 23 December 2005, 61/208 of 20 December 2006 and 63/225 of 19 December 2008 on international migration';
    for (const before of [47_900, 47_950, 47_990, 48_000, 48_040]) {
      const text = `${filler(before - 1, ' ')} ${list}\n${filler(60_000)}`;
      const r = findCitations(text, { body: 'GA' });
      expect(r.mentions.map((m) => m.key)).toEqual([
        'A/RES/58/208',
        'A/RES/59/241',
        'A/RES/60/227',
        'A/RES/61/208',
        'A/RES/63/225',
      ]);
      for (const m of r.mentions) expect(text.slice(m.offset, m.end)).toBe(m.surface);
    }
  });

  it('finds a citation cut by a window edge (its surface spans the cut)', () => {
    const cite = 'United Nations, Treaty Series, vol. 1771, No. 30822.';
    for (const before of [47_960, 47_970, 47_980, 47_990]) {
      const text = `${filler(before - 1, ' ')} ${cite} ${filler(60_000, ' ')}`;
      const r = findCitations(text);
      expect(r.mentions.map((m) => [m.key, m.surface])).toEqual([['UNTS I-30822', 'vol. 1771, No. 30822']]);
    }
  });

  it('keys a long table’s rows by its heading across a window edge (A/81/6 (Sect. 24))', () => {
    // The Human Rights Council table of A/81/6 (Sect. 24) runs over pages; its heading stood more than the old
    // 2,000-character lead-in before the next window, whose rows then fell back to the Assembly's keys.
    const rows = Array.from(
      { length: 120 },
      (_, i) => `${40 + (i % 20)}/${i + 1}              Promotion and protection of human rights`,
    );
    const text = `${filler(44_000)}Human Rights Council resolutions\n${rows.join('\n')}\n${filler(10_000)}`;
    const keys = findCitations(text).mentions.map((m) => m.key);
    expect(keys).toHaveLength(120);
    expect(keys.every((k) => k.startsWith('A/HRC/RES/'))).toBe(true);
  });

  it('maps offsets back through removed characters in a later window', () => {
    const text = `${filler(120_000)}See A/\u00adHRC/\u200b43/12 and resolution 73/\u200e195.\n`;
    const r = findCitations(text, { body: 'GA' });
    expect(r.mentions.map((m) => [m.key, m.surface])).toEqual([
      ['A/HRC/43/12', 'A/\u00adHRC/\u200b43/12'],
      ['A/RES/73/195', 'resolution 73/\u200e195'],
    ]);
  });

  it('gives every copy of a real text the same mentions, wherever the window edges fall', () => {
    const doc = readFileSync(join(DEV, 'seed-a-res-77-176.txt'), 'utf8');
    // A first line that is not a masthead, so that the copies are alike (identity is the first symbol line).
    const text = `Compilation\n${doc}\n\n${doc}\n\n${doc}\n\n${doc}`;
    expect(text.length).toBeGreaterThan(2 * 48_000);
    const { mentions } = findCitations(text);
    const starts = [0, 1, 2, 3].map((k) => 'Compilation\n'.length + k * (doc.length + 2));
    const copies = starts.map((s, k) =>
      mentions
        .filter((m) => m.offset >= s && (k === 3 || m.offset < starts[k + 1]!))
        .map((m) => `${m.offset - s} ${m.end - s} ${m.kind} ${m.key}`),
    );
    // Each copy gives exactly what the text gives alone (55 mentions), window edges or not.
    const alone = findCitations(`Compilation\n${doc}`).mentions.map(
      (m) => `${m.offset - starts[0]!} ${m.end - starts[0]!} ${m.kind} ${m.key}`,
    );
    expect(alone).toHaveLength(55);
    for (const c of copies) expect(c).toEqual(alone);
  });
});
